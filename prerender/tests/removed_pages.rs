//! A page that no document lists any more: deleted, with its precompressed
//! copies, when its own document is gone too (an article deleted in the
//! editor); kept while that document is still there, broken or not, or
//! while a list could not be read, and deleted on the run after it goes.

use serde_json::Value;
use std::path::{Path, PathBuf};

mod support;

use support::{prerender, sample_site};

/// The first article of the latest news, taken off that list as the builder
/// does when its source is deleted; its page files (as the last run wrote
/// them) are returned with its id.
fn unlist_first_article(site: &Path) -> (String, Vec<String>) {
    let latest_file = site.join("data/tin-moi/1.json");
    let mut latest: Value = serde_json::from_str(&std::fs::read_to_string(&latest_file).unwrap()).unwrap();
    let item = latest["items"].as_array_mut().unwrap().remove(0);
    std::fs::write(&latest_file, latest.to_string()).unwrap();
    let id = item["id"].as_str().unwrap().to_string();
    (id.clone(), page_files(site, &id))
}

/// The article's page files: the short address, the page at its slug and its related news.
fn page_files(site: &Path, id: &str) -> Vec<String> {
    let list = std::fs::read_to_string(site.join(".prerender-pages")).unwrap();
    let prefix = format!("tin/{id}/");
    let mut files: Vec<String> = list
        .lines()
        .map(|line| line.split('\t').next().unwrap().to_string())
        .filter(|file| *file == format!("tin/{id}.html") || file.starts_with(&prefix))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "the article's pages, its slug's and its related news': {files:?}");
    files
}

fn document(site: &Path, id: &str) -> PathBuf {
    site.join(format!("data/tin/{id}.json"))
}

/// The files the run named on lines starting with `prefix` ("prerender: removed ").
fn named(printed: &str, prefix: &str) -> Vec<String> {
    let mut files: Vec<String> = printed
        .lines()
        .filter_map(|line| line.strip_prefix(prefix))
        .map(|rest| rest.split([' ', ':']).next().unwrap().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn a_deleted_articles_pages_and_their_compressed_copies_are_removed() {
    let site = sample_site("removed");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let (id, files) = unlist_first_article(&site);
    for file in &files {
        std::fs::write(site.join(format!("{file}.br")), "br").unwrap();
        std::fs::write(site.join(format!("{file}.gz")), "gz").unwrap();
    }
    std::fs::remove_file(document(&site, &id)).unwrap();

    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    assert_eq!(named(&printed, "prerender: removed "), files, "{printed}");
    assert_eq!(named(&printed, "prerender: kept "), Vec::<String>::new(), "{printed}");
    for file in &files {
        for copy in [file.clone(), format!("{file}.br"), format!("{file}.gz")] {
            assert!(!site.join(&copy).exists(), "{copy} is still there");
        }
    }
    assert!(!site.join(format!("tin/{id}")).exists(), "the article's emptied folder is left");
    let list = std::fs::read_to_string(site.join(".prerender-pages")).unwrap();
    assert!(!list.contains(&format!("tin/{id}")), "the list still names its pages: {list}");
    // The other articles stay.
    assert!(site.join("tin/1019.html").is_file());

    // Nothing more to say on the next run.
    let (ok, printed) = prerender(&site);
    assert!(ok && !printed.contains("prerender: removed") && !printed.contains("prerender: kept"), "{printed}");
    std::fs::remove_dir_all(&site).unwrap();
}

#[test]
fn a_page_whose_document_does_not_read_is_kept_until_the_document_is_gone() {
    let site = sample_site("unreadable");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let (id, files) = unlist_first_article(&site);
    // Its document is there but does not parse.
    std::fs::write(document(&site, &id), "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [").unwrap();

    let (_, printed) = prerender(&site);
    assert_eq!(named(&printed, "prerender: kept "), files, "{printed}");
    assert_eq!(named(&printed, "prerender: removed "), Vec::<String>::new(), "{printed}");
    for file in &files {
        assert!(site.join(file).is_file(), "{file} was deleted while its document was there");
    }
    // Unreadable in another way (a folder in its place): still kept, and
    // not reported a second time.
    std::fs::remove_file(document(&site, &id)).unwrap();
    std::fs::create_dir(document(&site, &id)).unwrap();
    let (_, printed) = prerender(&site);
    assert!(!printed.contains("prerender: removed") && !printed.contains("prerender: kept"), "{printed}");
    assert!(files.iter().all(|file| site.join(file).is_file()), "a page was deleted");

    // The document goes: so do its pages, on the next run.
    std::fs::remove_dir(document(&site, &id)).unwrap();
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    assert_eq!(named(&printed, "prerender: removed "), files, "{printed}");
    assert!(files.iter().all(|file| !site.join(file).exists()), "a page stayed");
    std::fs::remove_dir_all(&site).unwrap();
}

#[test]
fn nothing_is_removed_while_a_list_could_not_be_read() {
    let site = sample_site("unlisted");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let (id, files) = unlist_first_article(&site);
    std::fs::remove_file(document(&site, &id)).unwrap();
    // A later page of the latest news does not read: the article may be on it.
    let later = site.join("data/tin-moi/2.json");
    let later_text = std::fs::read_to_string(&later).unwrap();
    std::fs::write(&later, "{").unwrap();

    let (ok, printed) = prerender(&site);
    assert!(!ok, "a list that does not read fails the run: {printed}");
    // Kept, with the articles of that page and those after it.
    let kept = named(&printed, "prerender: kept ");
    assert!(files.iter().all(|file| kept.contains(file)), "{printed}");
    assert_eq!(named(&printed, "prerender: removed "), Vec::<String>::new(), "{printed}");
    assert!(files.iter().all(|file| site.join(file).is_file()), "a page was deleted");

    std::fs::write(&later, later_text).unwrap();
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    assert_eq!(named(&printed, "prerender: removed "), files, "{printed}");
    std::fs::remove_dir_all(&site).unwrap();
}
