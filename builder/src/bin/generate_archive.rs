//! Writes the sources of a synthetic archive for scale tests, as content
//! files in exactly the formats the office writes (content-sources.md):
//!
//! `cargo run --release -p portal-builder --bin generate_archive -- --articles 100000 --content DIR [--seed N]`
//!
//! `--van-ban N` adds a legal documents registry of N documents (with their
//! PDFs); `--van-ban-sample N` writes the shipped sample's registry instead
//! (the seed's 65/KH-UBND, a chain of replacements, drafts), as
//! `content/van-ban/` was made.
//!
//! `--nhiem-vu N` adds a science and technology tasks registry of N tasks;
//! `--nhiem-vu-sample N` writes the shipped sample's (the tasks the sample
//! news tells of, linked to them), as `content/nhiem-vu/` was made.
//!
//! Then build its documents as any content is built:
//! `cargo run --release -p portal-builder -- --content DIR --out SITE/data`.

use portal_builder::synthetic::{write_synthetic_content, SyntheticOptions};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut articles = 10_000;
    let mut content = None;
    let mut seed = 1;
    let mut van_ban = 0;
    let mut van_ban_sample = false;
    let mut nhiem_vu = 0;
    let mut nhiem_vu_sample = false;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_else(|| usage(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--articles" => articles = value.parse().unwrap_or_else(|_| usage("--articles takes a number")),
            "--van-ban" => van_ban = value.parse().unwrap_or_else(|_| usage("--van-ban takes a number")),
            "--van-ban-sample" => {
                van_ban = value.parse().unwrap_or_else(|_| usage("--van-ban-sample takes a number"));
                van_ban_sample = true;
            }
            "--nhiem-vu" => nhiem_vu = value.parse().unwrap_or_else(|_| usage("--nhiem-vu takes a number")),
            "--nhiem-vu-sample" => {
                nhiem_vu = value.parse().unwrap_or_else(|_| usage("--nhiem-vu-sample takes a number"));
                nhiem_vu_sample = true;
            }
            "--seed" => seed = value.parse().unwrap_or_else(|_| usage("--seed takes a number")),
            "--content" => content = Some(PathBuf::from(value)),
            _ => usage(&format!("unknown flag {flag}")),
        }
    }
    let content = content.unwrap_or_else(|| usage("--content DIR is required"));
    let started = Instant::now();
    if nhiem_vu > 0 {
        match portal_builder::synthetic_nhiem_vu::write_nhiem_vu_content(&content, nhiem_vu, nhiem_vu_sample) {
            Ok(bytes) => println!("{nhiem_vu} science and technology tasks: {bytes} bytes of sources and PDFs"),
            Err(error) => {
                eprintln!("generate_archive: {error}");
                std::process::exit(1);
            }
        }
        if articles == 0 && van_ban == 0 {
            return;
        }
    }
    if van_ban > 0 {
        match portal_builder::synthetic_van_ban::write_van_ban_content(&content, van_ban, van_ban_sample) {
            Ok(bytes) => println!("{van_ban} legal documents: {bytes} bytes of sources and PDFs"),
            Err(error) => {
                eprintln!("generate_archive: {error}");
                std::process::exit(1);
            }
        }
        if articles == 0 {
            return;
        }
    }
    match write_synthetic_content(SyntheticOptions { articles, seed }, &content) {
        Ok(bytes) => println!(
            "{articles} articles: {bytes} bytes of sources in {} ({:.2} s)",
            content.display(),
            started.elapsed().as_secs_f64()
        ),
        Err(error) => {
            eprintln!("generate_archive: {error}");
            std::process::exit(1);
        }
    }
}

fn usage(problem: &str) -> ! {
    eprintln!("generate_archive: {problem}\nusage: generate_archive --articles N --content DIR [--seed N] [--van-ban N | --van-ban-sample N] [--nhiem-vu N | --nhiem-vu-sample N]");
    std::process::exit(2)
}
