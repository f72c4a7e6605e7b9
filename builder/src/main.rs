//! The builder's command: `content/` → the documents under `data/` and the
//! site's `config.json`, only what changed.
//!
//! `cargo run --release -p portal-builder -- --content content --out data`
//!
//! Problems are printed as `FILE:LINE: FIELD: what is wrong`; with any, the
//! exit status is 1 (the broken files' documents keep their last version,
//! every other document is written). The JSON is indented for a site of up
//! to 1 000 articles (people read the sample's documents) and compact above
//! (the bytes add up); `--pretty` or `--compact` choose. `--page-size N`
//! sets the items per list page (20): the shipped sample's tests use 6, so
//! that its few articles still give lists of several pages to walk.

use portal_builder::{build, BuildOptions};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut content = PathBuf::from("content");
    let mut out = PathBuf::from("data");
    let mut pretty = None;
    let mut page_size = portal_builder::PAGE_SIZE;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--content" => {
                content = args.next().map(PathBuf::from).unwrap_or_else(|| usage("--content needs a folder"))
            }
            "--out" => out = args.next().map(PathBuf::from).unwrap_or_else(|| usage("--out needs a folder")),
            "--page-size" => {
                page_size = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .unwrap_or_else(|| usage("--page-size takes a number"))
            }
            "--pretty" => pretty = Some(true),
            "--compact" => pretty = Some(false),
            _ => usage(&format!("unknown argument {flag}")),
        }
    }
    let started = Instant::now();
    let pretty = pretty.unwrap_or_else(|| small_site(&content));
    let outcome = match build(&BuildOptions { content_dir: content, out_dir: out.clone(), pretty, page_size }) {
        Ok(outcome) => outcome,
        Err(error) => {
            eprintln!("portal-builder: {error}");
            std::process::exit(2);
        }
    };
    for warning in &outcome.report.warnings {
        eprintln!("warning: {warning}");
    }
    for problem in &outcome.report.problems {
        eprintln!("{problem}");
    }
    for path in &outcome.removed {
        println!("removed {path}");
    }
    for path in &outcome.unused_media {
        println!("unused media (no source names it; it is not published): content/{path}");
    }
    println!(
        "portal-builder: {} files, {} written, {} removed, {} problem(s) in {:.2} s",
        outcome.produced,
        outcome.written.len(),
        outcome.removed.len(),
        outcome.report.problems.len(),
        started.elapsed().as_secs_f64()
    );
    if !outcome.report.problems.is_empty() {
        std::process::exit(1);
    }
}

/// Whether the site is small enough that indented JSON costs nothing: the
/// shipped sample is read by people, a 100 000-article archive by machines.
fn small_site(content: &std::path::Path) -> bool {
    let years = std::fs::read_dir(content.join("tin")).map(|dir| dir.flatten().collect::<Vec<_>>()).unwrap_or_default();
    let articles: usize = years.iter().filter_map(|year| std::fs::read_dir(year.path()).ok()).map(|d| d.count()).sum();
    articles <= 1_000
}

fn usage(problem: &str) -> ! {
    eprintln!("portal-builder: {problem}\nusage: portal-builder [--content DIR] [--out DIR] [--page-size N] [--pretty | --compact]");
    std::process::exit(2)
}
