//! Writes the sources of a synthetic archive for scale tests, as content
//! files in exactly the formats the office writes (content-sources.md):
//!
//! `cargo run --release -p portal-builder --bin generate_archive -- --articles 100000 --content DIR [--seed N]`
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
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_else(|| usage(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--articles" => articles = value.parse().unwrap_or_else(|_| usage("--articles takes a number")),
            "--seed" => seed = value.parse().unwrap_or_else(|_| usage("--seed takes a number")),
            "--content" => content = Some(PathBuf::from(value)),
            _ => usage(&format!("unknown flag {flag}")),
        }
    }
    let content = content.unwrap_or_else(|| usage("--content DIR is required"));
    let started = Instant::now();
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
    eprintln!("generate_archive: {problem}\nusage: generate_archive --articles N --content DIR [--seed N]");
    std::process::exit(2)
}
