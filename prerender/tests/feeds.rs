//! The RSS and Atom feeds, read by a real feed parser (Python's feedparser,
//! from Debian; scripts/setup.sh installs it): well-formed, of the right
//! version, and holding what the documents hold. Pages name them in their
//! heads (autodiscovery).

use serde_json::Value;
use std::path::Path;
use std::process::Command;

mod support;

use support::{prerender, sample_site, BASE_URL};

/// What feedparser makes of `file`: {bozo, exception, version, entries: [{title, link, text}]}.
fn feedparser(file: &Path) -> Value {
    const READ: &str = "import feedparser, json, sys\n\
        d = feedparser.parse(sys.argv[1])\n\
        text = lambda e: ' '.join([c.value for c in e.get('content', [])] + [e.get('summary', '')])\n\
        print(json.dumps({'bozo': d.bozo, 'exception': str(d.get('bozo_exception', '')), 'version': d.version,\n\
            'title': d.feed.get('title', ''),\n\
            'entries': [{'title': e.title, 'link': e.link, 'text': text(e)} for e in d.entries]}))";
    let output = Command::new("/usr/bin/python3")
        .args(["-c", READ, file.to_str().unwrap()])
        .output()
        .expect("python3 (bash scripts/setup.sh installs python3-feedparser)");
    assert!(output.status.success(), "feedparser: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn titles(parsed: &Value) -> Vec<String> {
    parsed["entries"].as_array().unwrap().iter().map(|entry| entry["title"].as_str().unwrap().to_string()).collect()
}

/// The titles of a feed document's items, as the portal's documents list them.
fn document_titles(file: &Path) -> Vec<String> {
    let feed: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    feed["items"].as_array().unwrap().iter().map(|item| item["title"].as_str().unwrap().to_string()).collect()
}

#[test]
fn every_feed_is_read_by_a_real_parser_and_holds_the_lists_newest_items() {
    let site = sample_site("feeds");
    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    let latest = document_titles(&site.join("data/tin-moi/1.json"));
    let category = document_titles(&site.join("data/chuyen-muc/tin-hoat-dong-so/1.json"));
    for (file, version, expected) in [
        ("kenh-tin/rss/tin-moi.xml", "rss20", &latest),
        ("kenh-tin/atom/tin-moi.xml", "atom10", &latest),
        ("kenh-tin/rss/chuyen-muc/tin-hoat-dong-so.xml", "rss20", &category),
        ("kenh-tin/atom/chuyen-muc/tin-hoat-dong-so.xml", "atom10", &category),
    ] {
        let parsed = feedparser(&site.join(file));
        assert_eq!(parsed["bozo"], false, "{file}: {}", parsed["exception"]);
        assert_eq!(parsed["version"], version, "{file}");
        assert_eq!(&titles(&parsed), expected, "{file}: the list's newest items, newest first");
        for entry in parsed["entries"].as_array().unwrap() {
            let link = entry["link"].as_str().unwrap();
            assert!(link.starts_with(&format!("{BASE_URL}tin/")), "{file}: {link}");
            let page = format!("{}.html", link.trim_start_matches(BASE_URL));
            assert!(site.join(&page).is_file(), "{file}: {link} is not a page of the site");
        }
    }
    // Every category has its two feeds.
    let categories: Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("data/chuyen-muc.json")).unwrap()).unwrap();
    for entry in categories["items"].as_array().unwrap() {
        let slug = entry["id"].as_str().unwrap();
        for folder in ["rss", "atom"] {
            assert!(site.join(format!("kenh-tin/{folder}/chuyen-muc/{slug}.xml")).is_file(), "{folder} of {slug}");
        }
    }

    // The pages name the feeds, the latest news's everywhere and a
    // category's on its page; the reader's page lists them all.
    let read = |file: &str| std::fs::read_to_string(site.join(file)).unwrap();
    let rss_link = "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Tin mới nhất";
    for page in ["index.html", "lich-cong-tac.html", "rss.html"] {
        assert!(
            read(page).contains(rss_link)
                && read(page).contains(&format!("href=\"{BASE_URL}kenh-tin/rss/tin-moi.xml\"")),
            "{page}"
        );
    }
    let category_page = read("chuyen-muc/tin-hoat-dong-so.html");
    assert!(category_page.contains(&format!("href=\"{BASE_URL}kenh-tin/atom/chuyen-muc/tin-hoat-dong-so.xml\"")));
    assert!(
        read("rss.html").contains("/kenh-tin/rss/chuyen-muc/tin-hoat-dong-so.xml"),
        "the feeds page lists the categories' feeds"
    );

    // A run with nothing new writes the feeds' same bytes.
    let before = read("kenh-tin/rss/tin-moi.xml");
    let (ok, printed) = prerender(&site);
    assert!(ok && printed.contains(" 0 files written"), "{printed}");
    assert_eq!(read("kenh-tin/rss/tin-moi.xml"), before);
    std::fs::remove_dir_all(&site).unwrap();
}

#[test]
fn full_text_feeds_carry_the_whole_article() {
    let site = sample_site("feeds-full");
    let config_file = site.join("config.json");
    let mut config: Value = serde_json::from_str(&std::fs::read_to_string(&config_file).unwrap()).unwrap();
    config["feeds"] = serde_json::json!({ "full_text": true });
    std::fs::write(&config_file, config.to_string()).unwrap();
    // The seed article, first in the latest news, with a sentence of its body.
    let seed = site.join("data/tin/1019.json");
    let mut article: Value = serde_json::from_str(&std::fs::read_to_string(&seed).unwrap()).unwrap();
    article["items"][0]["date_published"] = "2030-01-01T08:00:00+07:00".into();
    std::fs::write(&seed, article.to_string()).unwrap();
    let latest_file = site.join("data/tin-moi/1.json");
    let mut latest: Value = serde_json::from_str(&std::fs::read_to_string(&latest_file).unwrap()).unwrap();
    let mut item = article["items"][0].clone();
    item.as_object_mut().unwrap().remove("content_html");
    item["content_text"] = "Tóm tắt.".into();
    latest["items"].as_array_mut().unwrap().insert(0, item);
    std::fs::write(&latest_file, latest.to_string()).unwrap();

    let (ok, printed) = prerender(&site);
    assert!(ok, "{printed}");
    for file in ["kenh-tin/rss/tin-moi.xml", "kenh-tin/atom/tin-moi.xml"] {
        let parsed = feedparser(&site.join(file));
        assert_eq!(parsed["bozo"], false, "{file}: {}", parsed["exception"]);
        let text = parsed["entries"][0]["text"].as_str().unwrap();
        assert!(text.contains("Số lượng thủ tục hành chính"), "{file}: the body, not the summary: {text}");
        assert!(!text.contains("<script"), "{file}: through the allow-list");
    }
    std::fs::remove_dir_all(&site).unwrap();
}
