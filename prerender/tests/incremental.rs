//! The prerender over a copy of the sample: a second run rewrites nothing,
//! and after one article is published only the pages that read what changed
//! are rewritten. Also: a broken document keeps the previous pages and makes
//! the command fail with a count.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BASE_URL: &str = "https://portal.example.vn/";
/// A stand-in for trunk's index.html: the prerender needs only the shell.
const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n  <title>Cổng</title>\n  \
    <meta name=\"description\" content=\"chung\">\n</head>\n<body>\n  <div id=\"tai-trang\"><p>Đang tải</p></div>\n</body>\n</html>\n";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A site folder as a build leaves it: shell, config and the sample's data.
fn sample_site(name: &str) -> PathBuf {
    let site = std::env::temp_dir().join(format!("prerender-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&repo().join("data"), &site.join("data"));
    std::fs::copy(repo().join("config.json"), site.join("config.json")).unwrap();
    std::fs::write(site.join("index.html"), SHELL).unwrap();
    site
}

/// Runs the prerender; (succeeded, what it printed).
fn prerender(site: &Path) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .args(["--site", site.to_str().unwrap(), "--base-url", BASE_URL])
        .output()
        .expect("running the prerender");
    let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), printed)
}

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

/// Publishes article 9999 in "Tin hoạt động Sở": its own document, and the
/// first place of the latest-news feed.
fn publish_article(site: &Path) {
    let seed: Value = serde_json::from_str(&std::fs::read_to_string(site.join("data/tin/1019.json")).unwrap()).unwrap();
    let mut article = seed.clone();
    article["items"][0]["id"] = "9999".into();
    article["items"][0]["title"] = "Bài mới đăng để thử chạy lại".into();
    article["items"][0]["date_published"] = "2026-11-30T08:00:00+07:00".into();
    std::fs::write(site.join("data/tin/9999.json"), article.to_string()).unwrap();
    let latest_file = site.join("data/tin-moi/1.json");
    let mut latest: Value = serde_json::from_str(&std::fs::read_to_string(&latest_file).unwrap()).unwrap();
    let mut item = article["items"][0].clone();
    item.as_object_mut().unwrap().remove("content_html");
    item["content_text"] = "Tóm tắt bài mới.".into();
    latest["items"].as_array_mut().unwrap().insert(0, item);
    std::fs::write(&latest_file, latest.to_string()).unwrap();
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

    // Nothing changed: nothing is rewritten.
    let (ok, printed) = prerender(&site);
    assert!(ok && printed.contains(" 0 files written"), "{printed}");
    assert_eq!(changed(&first, &pages(&site)), Vec::<String>::new());

    publish_article(&site);
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let rewritten = changed(&first, &pages(&site));
    for expected in ["tin/9999.html", "tin/9999/bai-moi-dang-de-thu-chay-lai.html", "index.html", "sitemap.xml"] {
        assert!(rewritten.iter().any(|name| name == expected), "{expected} not rewritten: {rewritten:?}");
    }
    // Pages that read neither the new article nor the latest news stand.
    for unchanged in ["404.html", "lich-cong-tac/2023/42.html", "lich-cong-tac/2023/42.ics", "robots.txt"] {
        assert!(!rewritten.iter().any(|name| name == unchanged), "{unchanged} rewritten: {rewritten:?}");
    }

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
