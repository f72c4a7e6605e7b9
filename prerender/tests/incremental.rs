//! The prerender over a copy of the sample: a second run rewrites nothing,
//! and after one article is published only the pages that read what changed
//! are rewritten. Also: a broken document keeps the previous pages and makes
//! the command fail with a count.

use serde_json::Value;
use std::path::Path;

mod support;

use support::{prerender, sample_site};

/// Every page file under `site` (HTML, .ics, sitemap, robots) with its bytes.
fn pages(site: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    let mut folders = vec![site.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("data") {
                    folders.push(path);
                }
            } else if !path.ends_with("config.json") {
                let name = path.strip_prefix(site).unwrap().to_string_lossy().into_owned();
                found.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

fn changed(before: &[(String, Vec<u8>)], after: &[(String, Vec<u8>)]) -> Vec<String> {
    after
        .iter()
        .filter(|(name, bytes)| !before.iter().any(|(old, old_bytes)| old == name && old_bytes == bytes))
        .map(|(name, _)| name.clone())
        .collect()
}

fn read_json(file: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

fn write_json(file: &Path, value: &Value) {
    std::fs::write(file, value.to_string()).unwrap();
}

/// Publishes article 9999 in "Tin hoạt động Sở" as a CMS does: its own
/// document; the first place of the latest news and of the category; the
/// category's `newest` in the categories document; and the `newer` neighbour
/// of the article it displaces. Returns the displaced article's id.
fn publish_article(site: &Path) -> String {
    let mut article = read_json(&site.join("data/tin/1019.json"));
    article["items"][0]["id"] = "9999".into();
    article["items"][0]["title"] = "Bài mới đăng để thử chạy lại".into();
    article["items"][0]["date_published"] = "2026-11-30T08:00:00+07:00".into();
    write_json(&site.join("data/tin/9999.json"), &article);
    let mut item = article["items"][0].clone();
    for field in ["content_html", "summary"] {
        item.as_object_mut().unwrap().remove(field);
    }
    item["_portal"].as_object_mut().unwrap().retain(|key, _| key == "category");
    item["content_text"] = "Tóm tắt bài mới.".into();
    let category_file = site.join("data/chuyen-muc/tin-hoat-dong-so/1.json");
    let mut category = read_json(&category_file);
    let displaced = category["items"][0]["id"].as_str().unwrap().to_string();
    for file in [site.join("data/tin-moi/1.json"), category_file] {
        let mut feed = read_json(&file);
        feed["items"].as_array_mut().unwrap().insert(0, item.clone());
        write_json(&file, &feed);
    }
    let categories_file = site.join("data/chuyen-muc.json");
    let mut categories = read_json(&categories_file);
    for entry in categories["items"].as_array_mut().unwrap() {
        if entry["id"] == "tin-hoat-dong-so" {
            let teaser =
                serde_json::json!({"id": "9999", "title": item["title"], "date_published": item["date_published"]});
            entry["_portal"]["newest"].as_array_mut().unwrap().insert(0, teaser);
        }
    }
    write_json(&categories_file, &categories);
    let displaced_file = site.join(format!("data/tin/{displaced}.json"));
    let mut displaced_article = read_json(&displaced_file);
    displaced_article["items"][0]["_portal"]["neighbours"]["newer"] =
        serde_json::json!({"id": "9999", "title": item["title"]});
    write_json(&displaced_file, &displaced_article);
    category = read_json(&site.join("data/chuyen-muc/tin-hoat-dong-so/1.json"));
    assert_eq!(category["items"][0]["id"], "9999");
    displaced
}

#[test]
fn a_rerun_writes_only_what_changed() {
    let site = sample_site("incremental");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let first = pages(&site);
    for page in [
        "index.html",
        "app.html",
        "404.html",
        "lich-cong-tac.html",
        "lich-cong-tac/2023/42.html",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(first.iter().any(|(name, _)| name == page), "{page} not written: {printed}");
    }
    assert!(first.iter().any(|(name, _)| name.starts_with("tin/1019/doan-kiem-tra")), "the seed article");
    // Only the home page's copy of the categories document is kept whole by
    // its signature; elsewhere it is marked for the app to fetch it afresh.
    let read = |file: &str| std::fs::read_to_string(site.join(file)).unwrap();
    assert!(read("index.html").contains("data-tai-lieu=\"data/chuyen-muc.json\">"), "home: kept");
    let marked = "data-tai-lieu=\"data/chuyen-muc.json\" data-co-the-cu>";
    assert!(read("chuyen-muc/tin-hoat-dong-so.html").contains(marked), "category page: marked");

    // Nothing changed: nothing is rewritten.
    let (ok, printed) = prerender(&site);
    assert!(ok && printed.contains(" 0 files written"), "{printed}");
    assert_eq!(changed(&first, &pages(&site)), Vec::<String>::new());

    let displaced = publish_article(&site);
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let mut rewritten = changed(&first, &pages(&site));
    // Exactly the pages that show what changed: the new article (its short
    // address and its related news too), the one it displaced (its "Tin mới
    // hơn" link; its related news embed its document), the home page, the
    // category's page, the sitemap, and the manifests. No other article's
    // related news: they are drawn from their own documents.
    rewritten.retain(|name| !name.starts_with(".prerender"));
    // The search index has its own test of what one article rewrites
    // (prerender/src/search_index.rs); here only the pages count.
    rewritten.retain(|name| !name.starts_with("tim-kiem/"));
    let displaced_related = format!("tin/{displaced}/lien-quan.html");
    let displaced_page = rewritten
        .iter()
        .find(|name| name.starts_with(&format!("tin/{displaced}/")) && **name != displaced_related)
        .cloned();
    let mut expected = vec![
        "chuyen-muc/tin-hoat-dong-so.html".to_string(),
        "index.html".into(),
        // The feeds of the lists it entered (docs/formats/feeds.md).
        "kenh-tin/atom/chuyen-muc/tin-hoat-dong-so.xml".into(),
        "kenh-tin/atom/tin-moi.xml".into(),
        "kenh-tin/rss/chuyen-muc/tin-hoat-dong-so.xml".into(),
        "kenh-tin/rss/tin-moi.xml".into(),
        "sitemap.xml".into(),
        "tin/9999.html".into(),
        "tin/9999/bai-moi-dang-de-thu-chay-lai.html".into(),
        "tin/9999/lien-quan.html".into(),
        displaced_related,
        displaced_page.unwrap_or_else(|| panic!("tin/{displaced}/… not rewritten: {rewritten:?}")),
    ];
    expected.sort();
    rewritten.sort();
    assert_eq!(rewritten, expected, "{printed}");

    // An article that no document lists any more: its page stays, and the
    // run says so.
    let latest_file = site.join("data/tin-moi/1.json");
    let mut latest: Value = serde_json::from_str(&std::fs::read_to_string(&latest_file).unwrap()).unwrap();
    latest["items"].as_array_mut().unwrap().remove(0);
    std::fs::write(&latest_file, latest.to_string()).unwrap();
    let (ok, printed) = prerender(&site);
    assert!(ok && printed.contains("prerender: kept tin/9999.html"), "{printed}");
    assert!(site.join("tin/9999.html").is_file(), "a page was deleted");
    std::fs::remove_dir_all(&site).unwrap();
}

#[test]
fn a_broken_document_keeps_the_old_pages_and_fails_with_a_count() {
    let site = sample_site("broken");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let seed_page = pages(&site).into_iter().find(|(name, _)| name.starts_with("tin/1019/")).unwrap();

    std::fs::write(site.join("data/tin/1019.json"), "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [")
        .unwrap();
    let (ok, printed) = prerender(&site);
    assert!(!ok, "the run must fail: {printed}");
    assert!(printed.contains("tin/1019") && printed.contains("page(s) not written"), "{printed}");
    let after = pages(&site).into_iter().find(|(name, _)| *name == seed_page.0).unwrap();
    assert_eq!(after.1, seed_page.1, "the previous seed page must stay");
    std::fs::remove_dir_all(&site).unwrap();
}

/// Gives the oldest article of the latest-news feed (the first of its
/// oldest archive block) a new title, as an edit in the CMS does; its id.
fn retitle_oldest(site: &Path, title: &str) -> String {
    let block = site.join("data/tin-moi/luu-tru/1.json");
    let mut feed = read_json(&block);
    let last = feed["items"].as_array().unwrap().len() - 1;
    feed["items"][last]["title"] = title.into();
    write_json(&block, &feed);
    feed["items"][last]["id"].as_str().unwrap().to_string()
}

#[test]
fn a_changed_archive_block_is_read_again_and_a_broken_listing_is_not_trusted() {
    let site = sample_site("listing");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let sitemap = || std::fs::read_to_string(site.join("sitemap.xml")).unwrap();

    // The block's file changed since the last run: its items are read again.
    let id = retitle_oldest(&site, "Tên mới của một bài cũ");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    assert!(sitemap().contains(&format!("/tin/{id}/ten-moi-cua-mot-bai-cu<")), "{printed}");

    // A listing file garbled (cut short, edited by hand): it is read as nothing.
    std::fs::write(site.join(".prerender-listing"), "data/tin-moi/1.json\tzz\t{\"items\":\n\u{0}\n").unwrap();
    retitle_oldest(&site, "Lại một tên mới");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    assert!(sitemap().contains(&format!("/tin/{id}/lai-mot-ten-moi<")), "{printed}");
    std::fs::remove_dir_all(&site).unwrap();
}
