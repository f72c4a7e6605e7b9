//! The builder is incremental like the prerender: unchanged sources, no
//! file rewritten; one article changed, its document and the lists that
//! show it, nothing else; an article deleted, its document removed.

mod support;

use support::{article, Site};

#[test]
fn nothing_changed_nothing_written() {
    let site = Site::new();
    let first = site.build();
    assert!(first.written.len() >= 8, "{:?}", first.written);
    let again = site.build();
    assert!(again.written.is_empty(), "{:?}", again.written);
    assert_eq!(again.produced, first.produced);
}

#[test]
fn one_article_changed_rewrites_its_document_and_lists_only() {
    let site = Site::new();
    for n in 3..=9 {
        let text = article(&format!("Bài {n}"), &format!("2025-0{n}-01 08:00"), "category: khac\n", "x\n");
        site.write(&format!("content/tin/2025/bai-{n}.md"), text.replace("category: tin-hoat-dong-so\n", ""));
    }
    site.build();
    site.write("content/tin/2026/mot.md", article("Bài một", "2026-01-05 08:00", "id: '1'\n", "Đoạn đã sửa.\n"));
    let mut written = site.build().written;
    written.sort();
    assert_eq!(
        written,
        [
            "data/chuyen-muc/tin-hoat-dong-so/1.json",
            "data/tin-moi/1.json",
            "data/tin/1.json",
            // It shows "Bài một" under "Tin khác", with its excerpt.
            "data/tin/2026-hai.json",
        ],
        "the other category's pages and its articles' documents stay"
    );
    assert!(site.read("site/data/tin/1.json").contains("Đoạn đã sửa."));
}

#[test]
fn a_new_title_reaches_its_neighbours_and_a_deleted_article_leaves() {
    let site = Site::new();
    site.build();
    site.write("content/tin/2026/mot.md", article("Bài một, tên mới", "2026-01-05 08:00", "id: '1'\n", "x\n"));
    let written = site.build().written;
    assert!(written.contains(&"data/tin/2026-hai.json".to_string()), "its neighbour names it: {written:?}");
    site.remove("content/tin/2026/hai.md");
    let outcome = site.build();
    assert_eq!(outcome.removed, ["data/tin/2026-hai.json"]);
    assert!(!site.exists("site/data/tin/2026-hai.json"));
    assert!(!site.read("site/data/tin-moi/1.json").contains("2026-hai"));
}

#[test]
fn a_lost_data_folder_is_written_again_whole() {
    let site = Site::new();
    site.build();
    std::fs::remove_dir_all(site.path().join("site/data")).unwrap();
    let outcome = site.build();
    assert!(site.exists("site/data/tin/1.json") && outcome.written.len() >= 8);
}

#[test]
fn a_run_cut_short_leaves_no_cache_to_vouch_for_a_half_written_document() {
    let site = Site::new();
    site.build();
    let original = site.read("content/tin/2026/mot.md");
    let latest = site.read("site/data/tin-moi/1.json");
    // A run that stops while writing: the article's document cannot be written.
    site.write("content/tin/2026/mot.md", original.replace("Bài một", "Bài một, sửa"));
    std::fs::remove_file(site.path().join("site/data/tin/1.json")).unwrap();
    std::fs::create_dir_all(site.path().join("site/data/tin/1.json")).unwrap();
    let options = portal_builder::build::BuildOptions {
        content_dir: site.content(),
        out_dir: site.path().join("site/data"),
        pretty: false,
        page_size: 20,
    };
    assert!(portal_builder::build::build(&options).is_err(), "the run stops");
    // It left a list page half written, and the article as it was before.
    std::fs::remove_dir(site.path().join("site/data/tin/1.json")).unwrap();
    site.write("site/data/tin-moi/1.json", &latest.as_bytes()[..latest.len() / 2]);
    site.write("content/tin/2026/mot.md", original);
    site.build();
    assert_eq!(site.read("site/data/tin-moi/1.json"), latest, "the next run rewrites what the cut run left");
}

/// The ids the latest-news feed lists, following `next_url` from page 1.
fn latest_chain_ids(site: &Site) -> Vec<String> {
    let mut ids = Vec::new();
    let mut url = "https://h.vn/site/data/tin-moi/1.json".to_string();
    loop {
        let page = site.json(url.trim_start_matches("https://h.vn/"));
        ids.extend(page["items"].as_array().unwrap().iter().map(|item| item["id"].as_str().unwrap().to_string()));
        let Some(next) = page["next_url"].as_str() else { return ids };
        url = portal_core::url::resolve(&url, next);
    }
}

#[test]
fn publishing_one_article_rewrites_two_latest_news_pages_of_an_archive() {
    let site = Site::new();
    // 63 more articles, one a day in 2024: with the two of `Site::new`, 65.
    for n in 1..=63 {
        let date = format!("2024-{:02}-{:02} 08:00", 1 + (n - 1) / 28, 1 + (n - 1) % 28);
        site.write(
            &format!("content/tin/2024/bai-{n}.md"),
            article(&format!("Bài {n}"), &date, &format!("id: 'b{n}'\n"), "x\n"),
        );
    }
    site.build();
    // Newest first, as a reader would list them by date.
    let mut expected: Vec<String> = vec!["2026-hai".into(), "1".into()];
    expected.extend((1..=63).rev().map(|n| format!("b{n}")));
    assert_eq!(latest_chain_ids(&site), expected);

    site.write("content/tin/2026/ba.md", article("Bài ba", "2026-02-01 08:00", "id: '3'\n", "x\n"));
    let written = site.build().written;
    let latest: Vec<&String> = written.iter().filter(|path| path.contains("tin-moi/")).collect();
    assert_eq!(latest, ["data/tin-moi/1.json", "data/tin-moi/2.json"], "the archive blocks stay as they were");
    expected.insert(0, "3".into());
    assert_eq!(latest_chain_ids(&site), expected, "every article once, newest first");
}
