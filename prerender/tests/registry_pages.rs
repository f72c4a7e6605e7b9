//! A registry's pages carry none of the registry's documents (the app takes
//! them over from their markup, and the registries' worker fetches what it
//! draws), yet a rerun still knows which documents each page was drawn
//! from: a changed document redraws its page.

use serde_json::Value;
use std::path::Path;

mod support;

use support::{prerender, sample_site};

/// The one HTML file under `folder` (a document's page: `{id}/{slug}.html`).
fn only_page(folder: &Path) -> String {
    let pages: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .collect();
    assert_eq!(pages.len(), 1, "{pages:?}");
    std::fs::read_to_string(&pages[0]).unwrap()
}

#[test]
fn registry_pages_embed_no_registry_document_and_are_redrawn_when_one_changes() {
    let site = sample_site("registry-pages");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let read = |file: &str| std::fs::read_to_string(site.join(file)).unwrap();
    for (page, root) in [("van-ban.html", "data/van-ban/"), ("nhiem-vu.html", "data/nhiem-vu/")] {
        let html = read(page);
        assert!(html.contains("class=\"van-ban-content\""), "{page} is a registry's list");
        assert!(!html.contains(&format!("data-tai-lieu=\"{root}")), "{page} embeds a document of {root}");
        // The documents the app itself reads are still there.
        assert!(html.contains("data-tai-lieu=\"data/chuyen-muc.json\""), "{page}: the navigation's document");
    }
    let id = "2023-65-kh-ubnd";
    let document_page = only_page(&site.join("van-ban").join(id));
    assert!(!document_page.contains("data-tai-lieu=\"data/van-ban/"), "the document's page embeds it");

    // The document's summary changes: its page (body and head) shows it.
    let file = site.join(format!("data/van-ban/{id}.json"));
    let mut document: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    document["summary"] = "Trích yếu đã sửa để thử chạy lại".into();
    std::fs::write(&file, document.to_string()).unwrap();
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let redrawn = only_page(&site.join("van-ban").join(id));
    assert!(redrawn.contains("Trích yếu đã sửa để thử chạy lại"), "the page was not drawn again: {printed}");
    std::fs::remove_dir_all(&site).unwrap();
}
