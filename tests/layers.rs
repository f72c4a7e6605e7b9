//! The shape of the workspace, held by a test rather than by a promise:
//! the core depends on nothing, components use no page, and only
//! `documents.rs` asks the network layer for a document.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file below `dir`, with its text.
fn rust_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }
    assert!(!found.is_empty(), "no Rust files under {}", dir.display());
    found
}

/// The lines of a manifest's `[section]`, up to the next section.
fn section<'a>(manifest: &'a str, name: &str) -> Vec<&'a str> {
    let header = format!("[{name}]");
    let lines = manifest.lines().skip_while(|line| line.trim() != header).skip(1);
    lines.take_while(|line| !line.starts_with('[')).filter(|line| !line.trim().is_empty()).collect()
}

/// With no dependency, nothing in the core can draw or touch the browser,
/// and every crate that builds on it (the search worker in the browser
/// among them) pays for nothing it does not call.
#[test]
fn the_core_depends_on_nothing() {
    let manifest = fs::read_to_string(root().join("core/Cargo.toml")).unwrap();
    assert!(manifest.contains("[dependencies]"), "core/Cargo.toml has no [dependencies] section");
    assert_eq!(section(&manifest, "dependencies"), Vec::<&str>::new(), "portal-core must stay dependency-free");
    let per_target = manifest.lines().find(|line| line.starts_with("[target") && line.ends_with(".dependencies]"));
    assert_eq!(per_target, None, "portal-core must stay dependency-free on every target");
}

/// Pages are made of components; a component that reached up into a page
/// would tie every view to that page.
#[test]
fn components_use_no_page() {
    for (path, text) in rust_files(&root().join("src/components")) {
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            assert!(!code.contains("pages::"), "{}:{} uses a page: {line}", path.display(), number + 1);
        }
    }
}

/// Documents are fetched in one place, by name (`documents.rs`), over the
/// one module that talks to the network (`net.rs`).
#[test]
fn only_documents_fetch() {
    let allowed = [root().join("src/documents.rs"), root().join("src/net.rs")];
    for (path, text) in rust_files(&root().join("src")) {
        if allowed.contains(&path) {
            continue;
        }
        for call in ["fetch_text(", "fetch_parsed(", "fetch_uncached("] {
            assert!(!text.contains(call), "{} fetches for itself ({call}): ask documents.rs", path.display());
        }
    }
}
