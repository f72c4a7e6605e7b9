//! Writes a synthetic archive for scale tests, in exactly the shipped formats:
//!
//! `cargo run --release -p portal-builder --bin generate_archive -- --articles 100000 --out DIR [--seed N] [--data-dir NAME]`
//!
//! DIR gets `config.json` and the documents under `DIR/NAME` (default `data`).
//! Copy DIR over a built `dist/` (or serve it as the site root) to try the app
//! on it; every URL inside is relative, so a sub-path needs no option.

use portal_builder::synthetic::{synthetic_archive, SyntheticOptions};
use portal_builder::writer::news_sources;
use portal_builder::{documents::ConfigDocument, write_archive, write_config, DirSink, WriteOptions, PAGE_SIZE};
use std::time::Instant;

fn main() {
    let mut articles = 10_000;
    let mut out = None;
    let mut seed = 1;
    let mut data_dir = "data".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_else(|| usage(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--articles" => articles = value.parse().unwrap_or_else(|_| usage("--articles takes a number")),
            "--seed" => seed = value.parse().unwrap_or_else(|_| usage("--seed takes a number")),
            "--out" => out = Some(value),
            "--data-dir" => data_dir = value.trim_matches('/').to_string(),
            _ => usage(&format!("unknown flag {flag}")),
        }
    }
    let out = out.unwrap_or_else(|| usage("--out DIR is required"));
    let started = Instant::now();
    let archive = synthetic_archive(SyntheticOptions { articles, seed });
    let options = WriteOptions { data_dir: data_dir.clone(), page_size: PAGE_SIZE, pretty: false };
    let mut sink = DirSink::new(&out);
    let config = ConfigDocument {
        version: 1,
        sources: news_sources(&data_dir),
        stats_poll_seconds: None,
        request_timeout_seconds: None,
        site: None,
    };
    let written = write_archive(&archive, &options, &mut sink).and_then(|news| {
        let config = write_config(&mut sink, &config)?;
        Ok((news.files + config.files, news.bytes + config.bytes))
    });
    match written {
        Ok((files, bytes)) => println!(
            "{articles} articles: {files} files, {bytes} bytes in {out} ({:.2} s)",
            started.elapsed().as_secs_f64()
        ),
        Err(error) => {
            eprintln!("generate_archive: {error}");
            std::process::exit(1);
        }
    }
}

fn usage(problem: &str) -> ! {
    eprintln!(
        "generate_archive: {problem}\nusage: generate_archive --articles N --out DIR [--seed N] [--data-dir NAME]"
    );
    std::process::exit(2)
}
