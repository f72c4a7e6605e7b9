//! The shipped sample and generated archives, as the builder makes them from
//! content files: every document validates against its schema and parses
//! with the app's own parsers, the documents agree with each other, and the
//! seed article is word for word the seed page.
#![cfg(not(target_arch = "wasm32"))]

mod schema_check;

mod content {
    pub mod schemas;
    pub mod site;
}

use content::site::{check_archive, read_tree, Files};
use portal::core::date::vietnam_date_dashed;
use portal_builder::synthetic::{write_synthetic_content, SyntheticOptions};
use portal_builder::{build, BuildOptions};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("portal-content-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The site the builder makes of `content` (documents under `data_dir`), as text files.
fn built_site(content: &Path, site: &Path, data_dir: &str, page_size: usize) -> Files {
    let options = BuildOptions { content_dir: content.into(), out_dir: site.join(data_dir), pretty: true, page_size };
    let outcome = build(&options).unwrap();
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    let mut files = Files::new();
    read_tree(site, data_dir, &mut files);
    read_tree(site, "config.json", &mut files);
    files
}

/// The shipped sample: `content/` built as scripts/test.sh builds it (six
/// items a page, so that its lists have pages to walk).
fn shipped() -> &'static Files {
    static SITE: OnceLock<Files> = OnceLock::new();
    SITE.get_or_init(|| built_site(&root().join("content"), &scratch("sample"), "data", 6))
}

#[test]
fn shipped_sample_validates_parses_and_agrees() {
    check_archive(shipped(), "data");
}

#[test]
fn sample_is_varied_and_marked_as_sample() {
    let parsed = check_archive(shipped(), "data");
    let samples: Vec<_> = parsed.articles.values().filter(|item| item.id != "1019").collect();
    assert!(samples.len() >= 40, "{} sample articles", samples.len());
    for item in &samples {
        assert!(item.tags.iter().any(|tag| tag == "nội dung mẫu"), "{}: not tagged as sample", item.id);
        assert!(item.source.as_deref().unwrap_or("").starts_with("Nội dung mẫu – "), "{}: source line", item.id);
    }
    let titles: BTreeSet<_> = parsed.articles.values().map(|item| &item.title).collect();
    assert_eq!(titles.len(), parsed.articles.len(), "titles repeat");
    let used: BTreeSet<_> = parsed.articles.values().map(|item| item.category.clone().unwrap().slug).collect();
    let sections: BTreeSet<_> = parsed.categories.iter().map(|entry| &entry.category.section).collect();
    assert!(used.len() >= 6 && sections.len() >= 2, "{} categories in {} sections", used.len(), sections.len());
    let years: BTreeSet<_> = parsed
        .articles
        .values()
        .map(|item| portal::core::date::VietnamTime::from_unix_seconds(item.published).date.year)
        .collect();
    assert!(years.len() >= 2, "years {years:?}");
    let featured = parsed.articles.values().filter(|item| item.featured).count();
    assert!((2..=4).contains(&featured), "{featured} featured");
    let magazine = parsed.articles.values().filter(|item| item.category.as_ref().unwrap().slug == "chuyen-muc-khcn");
    assert!(
        magazine.clone().count() >= 3 && magazine.clone().all(|item| item.title.starts_with("Chuyên mục KH&CN số "))
    );
    let html = |item: &&portal::core::feed::NewsItem| item.content_html.clone().unwrap_or_default();
    let long = samples.iter().filter(|item| {
        let body = html(item);
        body.matches("<h2>").count() >= 2
            && body.contains("<table>")
            && (body.contains("<ul>") || body.contains("<ol>"))
    });
    assert!(long.count() >= 3, "fewer than 3 long articles");
    assert!(samples.iter().filter(|item| !item.captions.is_empty()).count() >= 5, "fewer than 5 with images");
    assert!(
        parsed.categories.iter().any(|entry| entry.on_home) && parsed.categories.iter().any(|entry| !entry.on_home)
    );
}

/// The seed page's article lines: from the title to "Tin khác", blank lines dropped.
fn seed_lines() -> (String, Vec<String>) {
    let seed = std::fs::read_to_string(root().join("content/seed-page.txt")).unwrap();
    let lines: Vec<&str> = seed.lines().map(str::trim).collect();
    let title = lines.iter().position(|line| line.starts_with("Đoàn Kiểm tra Công tác")).unwrap();
    let end = lines.iter().position(|line| *line == "Tin khác").unwrap();
    let body = lines[title + 1..end].iter().filter(|line| !line.is_empty()).map(|line| line.to_string()).collect();
    (lines[title].to_string(), body)
}

#[test]
fn seed_article_is_the_seed_page_word_for_word() {
    let (title, lines) = seed_lines();
    let [lead, caption_1, meeting, caption_2, findings, closing, source] = <[String; 7]>::try_from(lines).unwrap();
    let text = &shipped()["data/tin/1019.json"];
    let item = portal::core::feed::parse_article("bài 1019", "https://h.vn/data/tin/1019.json", text).unwrap();
    assert_eq!(item.title, title);
    assert_eq!(
        title,
        "Đoàn Kiểm tra Công tác cải cách hành chính năm 2023 của Tỉnh làm việc tại Sở Khoa học và Công nghệ"
    );
    assert_eq!(item.summary.as_deref(), Some(lead.as_str()));
    assert_eq!(item.source.as_deref(), Some(source.as_str()));
    assert_eq!(vietnam_date_dashed("2023-10-19T08:00:00+07:00").unwrap(), "19-10-2023");
    assert_eq!(portal::core::date::VietnamTime::from_unix_seconds(item.published).date.dashed(), "19-10-2023");
    let category = item.category.clone().unwrap();
    assert_eq!((category.slug.as_str(), category.name.as_str()), ("tin-hoat-dong-so", "Tin hoạt động Sở"));
    assert_eq!(category.section, "Tin tức - Sự kiện");
    let captions: Vec<&str> = item.captions.iter().map(|caption| caption.text.as_str()).collect();
    assert_eq!(captions, [caption_1.as_str(), caption_2.as_str()]);
    assert!(closing.ends_with("kỷ cương hành chính./") && findings.ends_with("chưa nhiều; …"));
    // The body, block by block: caption 1 on top, caption 2 after "Tại buổi làm việc …".
    let escape = |text: &str| text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let html = item.content_html.unwrap();
    let blocks: Vec<&str> = html.lines().collect();
    assert_eq!(blocks.len(), 5);
    for (block, caption) in [(blocks[0], &caption_1), (blocks[2], &caption_2)] {
        assert!(
            block.starts_with("<figure><img src=\"../anh/") && block.contains(" width=\"") && block.contains(" alt=\"")
        );
        assert!(block.ends_with(&format!("<figcaption>{}</figcaption></figure>", escape(caption))), "{block}");
    }
    // The plan the seed cites links to its page in the registry (issue 25);
    // the words are the seed's.
    let plan = "<a href=\"../../van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd\">65/KH-UBND</a>";
    assert!(blocks[1].contains(&format!("Kế hoạch số {plan} ngày 28/3/2023")), "{}", blocks[1]);
    let unlinked = blocks[1].replace(plan, "65/KH-UBND");
    for (block, paragraph) in [(unlinked.as_str(), &meeting), (blocks[3], &findings), (blocks[4], &closing)] {
        assert_eq!(block, format!("<p>{}</p>", escape(paragraph)));
    }
}

#[test]
fn generated_archive_validates_like_the_sample() {
    let dir = scratch("synthetic");
    write_synthetic_content(SyntheticOptions { articles: 450, seed: 11 }, &dir.join("content")).unwrap();
    let files = built_site(&dir.join("content"), &dir.join("site"), "luu-tru", 20);
    let parsed = check_archive(&files, "luu-tru");
    assert_eq!(parsed.articles.len(), 450);
    assert!(parsed.articles.values().all(|item| item.title.starts_with("Tin tổng hợp số ")));
}
