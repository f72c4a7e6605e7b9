//! A site's documents (path relative to the site root → text), loaded from
//! disk or from the archive writer's memory sink, and the checks every
//! shipped or generated archive must pass.

use super::schemas::{violations, Schemas};
use portal::core::config::parse_config;
use portal::core::feed::{parse_article, parse_categories, parse_feed, CategoryEntry, FeedPage, NewsItem};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Where the site pretends to be hosted: a sub-path, so that URLs that only
/// work at the root are caught.
pub const ORIGIN: &str = "https://portal.test/khcn/";

/// Path → text of every file the checks look at.
pub type Files = BTreeMap<String, String>;

/// Reads the files under `root/prefix` (a file or folder) into `files`.
pub fn read_tree(root: &Path, prefix: &str, files: &mut Files) {
    let path = root.join(prefix);
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().file_name()).collect();
        entries.sort();
        for name in entries {
            read_tree(root, &format!("{prefix}/{}", name.to_string_lossy()), files);
        }
    } else if path.is_file() {
        files.insert(prefix.to_string(), std::fs::read_to_string(&path).unwrap());
    }
}

/// A parsed archive, ready for the consistency checks.
pub struct Parsed {
    pub articles: BTreeMap<String, NewsItem>,
    pub categories: Vec<CategoryEntry>,
}

fn url_of(path: &str) -> String {
    format!("{ORIGIN}{path}")
}

fn path_of(url: &str) -> String {
    url.strip_prefix(ORIGIN).unwrap_or_else(|| panic!("{url} leaves the site")).to_string()
}

fn json(path: &str, text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn valid(schemas: &Validator<'_>, path: &str, value: &Value) {
    let problems = violations(schemas.0, value);
    assert!(problems.is_empty(), "{path} does not match its schema:\n{}", problems.join("\n"));
}

struct Validator<'a>(&'a jsonschema::Validator);

/// Validates and parses every news document under `data_dir` and `config.json`,
/// then checks that they agree with each other. Returns the parsed archive.
pub fn check_archive(files: &Files, data_dir: &str) -> Parsed {
    let schemas = Schemas::load();
    let feed_schema = Validator(&schemas.news_feed);
    let categories_path = format!("{data_dir}/chuyen-muc.json");
    let categories_text = files.get(&categories_path).unwrap_or_else(|| panic!("{categories_path} missing"));
    valid(&Validator(&schemas.categories), &categories_path, &json(&categories_path, categories_text));
    let categories = parse_categories("chuyên mục", &url_of(&categories_path), categories_text)
        .unwrap_or_else(|e| panic!("{categories_path}: {e}"));

    let mut articles = BTreeMap::new();
    let article_prefix = format!("{data_dir}/tin/");
    for (path, text) in files.range(article_prefix.clone()..).take_while(|(p, _)| p.starts_with(&article_prefix)) {
        let value = json(path, text);
        valid(&feed_schema, path, &value);
        assert_eq!(value["items"].as_array().map(Vec::len), Some(1), "{path}: an article document has one item");
        assert_eq!(value["_portal"]["format_version"], 1, "{path}: format_version");
        let item = parse_article("bài viết", &url_of(path), text).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(format!("{article_prefix}{}.json", item.id), *path, "{path}: id and file name differ");
        assert!(item.content_html.is_some() && item.summary.is_some(), "{path}: needs content_html and summary");
        articles.insert(item.id.clone(), item);
    }
    assert!(!articles.is_empty(), "no article documents under {article_prefix}");

    let newest_first: Vec<&NewsItem> = {
        let mut all: Vec<&NewsItem> = articles.values().collect();
        all.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| b.id.cmp(&a.id)));
        all
    };
    let latest = walk_chain(files, &feed_schema, &format!("{data_dir}/tin-moi"), None);
    assert_same_items(&latest, &newest_first, &articles, "tin-moi");

    let slugs: BTreeSet<&str> = categories.iter().map(|entry| entry.category.slug.as_str()).collect();
    assert_eq!(slugs.len(), categories.len(), "category slugs repeat");
    for entry in &categories {
        let slug = &entry.category.slug;
        let first_page = format!("{data_dir}/chuyen-muc/{slug}/1.json");
        assert_eq!(entry.feed_url.as_deref(), Some(url_of(&first_page).as_str()), "feed_url of {slug}");
        let members: Vec<&NewsItem> =
            newest_first.iter().copied().filter(|item| item.category.as_ref().unwrap().slug == *slug).collect();
        let pages = walk_chain(files, &feed_schema, &format!("{data_dir}/chuyen-muc/{slug}"), Some(entry));
        assert_same_items(&pages, &members, &articles, slug);
        // `newest` is the head of the category's list, as its articles say.
        let listed: Vec<(&str, &str, i64)> =
            entry.newest.iter().map(|item| (item.id.as_str(), item.title.as_str(), item.published)).collect();
        let head: Vec<(&str, &str, i64)> =
            members.iter().take(4).map(|item| (item.id.as_str(), item.title.as_str(), item.published)).collect();
        assert_eq!(listed, head, "{slug}: newest in the categories document is not the category's first 4");
        // Each article names its neighbours in this newest-first order.
        for (index, member) in members.iter().enumerate() {
            let article = &articles[&member.id];
            let link = |item: &&NewsItem| (item.id.clone(), item.title.clone());
            let expected = (index.checked_sub(1).map(|i| link(&members[i])), members.get(index + 1).map(link));
            let named =
                |side: &Option<portal::core::feed::Neighbour>| side.as_ref().map(|n| (n.id.clone(), n.title.clone()));
            assert_eq!((named(&article.newer), named(&article.older)), expected, "article {}: neighbours", member.id);
        }
    }
    let category_dirs: BTreeSet<String> = files
        .keys()
        .filter_map(|path| path.strip_prefix(&format!("{data_dir}/chuyen-muc/"))?.split('/').next().map(String::from))
        .collect();
    assert_eq!(category_dirs.iter().map(String::as_str).collect::<BTreeSet<_>>(), slugs, "category folders");

    for item in articles.values() {
        let category = item.category.as_ref().unwrap_or_else(|| panic!("article {} has no category", item.id));
        let entry = categories.iter().find(|entry| entry.category.slug == category.slug);
        assert_eq!(entry.map(|e| &e.category), Some(category), "article {}: category not as listed", item.id);
        for related in &item.related {
            assert!(articles.contains_key(related) && *related != item.id, "article {}: related {related}", item.id);
        }
        check_images(files, data_dir, item);
    }
    check_config(files, &schemas, data_dir, &articles, &categories);
    Parsed { articles, categories }
}

/// Follows `next_url` from page 1 of a list; checks each page and that the
/// chain ends having visited exactly the pages in the folder.
fn walk_chain(files: &Files, schema: &Validator<'_>, folder: &str, category: Option<&CategoryEntry>) -> Vec<NewsItem> {
    let mut path = format!("{folder}/1.json");
    let mut items = Vec::new();
    let mut visited = BTreeSet::new();
    let mut pages: Vec<FeedPage> = Vec::new();
    loop {
        assert!(visited.insert(path.clone()), "{path}: next_url loops");
        let text = files.get(&path).unwrap_or_else(|| panic!("{path}: next_url points at a missing page"));
        valid(schema, &path, &json(&path, text));
        let page = parse_feed("trang tin", &url_of(&path), text).unwrap_or_else(|e| panic!("{path}: {e}"));
        // The latest news's archive blocks (news-feed.md) say nothing of
        // their place in the chain: it moves as news is published.
        let numbered = if is_block(&path) { None } else { Some(pages.len() as u64 + 1) };
        assert_eq!(page.page, numbered, "{path}: page number");
        assert_eq!(page.category.as_ref(), category.map(|entry| &entry.category), "{path}: category");
        for item in &page.items {
            assert!(
                item.content_html.is_none() && item.content_text.is_some(),
                "{path}: list items carry a summary only"
            );
        }
        assert!(page.items.len() <= 20, "{path}: more than 20 items");
        let next = page.next_url.clone();
        items.extend(page.items.iter().cloned());
        pages.push(page);
        match next {
            Some(url) => path = path_of(&url),
            None => break,
        }
    }
    let in_folder: BTreeSet<String> = files
        .keys()
        .filter(|p| p.strip_prefix(&format!("{folder}/")).is_some_and(|rest| !rest.contains('/') || is_block(p)))
        .cloned()
        .collect();
    assert_eq!(visited, in_folder, "{folder}: pages not reached from page 1");
    for page in pages.iter().filter(|page| page.page.is_some()) {
        assert_eq!(page.total_pages, Some(pages.len() as u64), "{folder}: total_pages");
        assert_eq!(page.total_items, Some(items.len() as u64), "{folder}: total_items");
    }
    // The sample's pages are shorter than a generated archive's. A
    // category's pages all have the first page's length but the last; the
    // latest news's blocks all have it, its page 2 fewer.
    let page_size = pages[0].items.len();
    for (index, page) in pages.iter().enumerate() {
        let length = page.items.len();
        let last = index == pages.len() - 1;
        let fits = match (category, page.page) {
            (Some(_), _) => length == page_size || last,
            (None, Some(2)) => (1..page_size).contains(&length),
            (None, _) => length == page_size,
        };
        assert!(fits, "{folder}: page {index} of the chain holds {length} items, the first {page_size}");
    }
    items
}

/// An archive block of the latest news (`tin-moi/luu-tru/N.json`).
fn is_block(path: &str) -> bool {
    path.rsplit_once('/').is_some_and(|(folder, name)| folder.ends_with("/tin-moi/luu-tru") && !name.contains('/'))
}

/// A list holds exactly `expected`, in that order, as their documents say.
fn assert_same_items(list: &[NewsItem], expected: &[&NewsItem], articles: &BTreeMap<String, NewsItem>, name: &str) {
    let ids: Vec<&str> = list.iter().map(|item| item.id.as_str()).collect();
    let expected_ids: Vec<&str> = expected.iter().map(|item| item.id.as_str()).collect();
    assert_eq!(ids, expected_ids, "{name}: not every article once, newest first");
    for item in list {
        let article = &articles[&item.id];
        assert_eq!(
            (&item.title, item.published, &item.category, &item.image, item.featured),
            (&article.title, article.published, &article.category, &article.image, article.featured),
            "{name}: list item {} disagrees with its article document",
            item.id
        );
    }
}

/// Every image an article names exists and is a small, honest stand-in;
/// every image in the body has its caption.
fn check_images(files: &Files, data_dir: &str, item: &NewsItem) {
    let document = url_of(&format!("{data_dir}/tin/{}.json", item.id));
    let html = item.content_html.as_deref().unwrap_or_default();
    let mut images: Vec<String> = item.captions.iter().map(|caption| caption.image.clone()).collect();
    images.extend(item.image.clone());
    for (index, _) in html.match_indices(" src=\"") {
        let rest = &html[index + 6..];
        let resolved = portal::core::url::resolve(&document, &rest[..rest.find('"').unwrap()]);
        assert!(item.captions.iter().any(|c| c.image == resolved), "article {}: {resolved} has no caption", item.id);
    }
    for image in images {
        let path = path_of(&image);
        let svg = files.get(&path).unwrap_or_else(|| panic!("article {}: image {path} missing", item.id));
        assert!(svg.len() < 2048 && svg.contains("Ảnh minh hoạ thay thế"), "{path}: not a small honest stand-in");
    }
}

fn check_config(
    files: &Files,
    schemas: &Schemas,
    data_dir: &str,
    articles: &BTreeMap<String, NewsItem>,
    categories: &[CategoryEntry],
) {
    let text = files.get("config.json").expect("config.json missing");
    let problems = violations(&schemas.config, &json("config.json", text));
    assert!(problems.is_empty(), "config.json does not match its schema:\n{}", problems.join("\n"));
    let config = parse_config(text).unwrap_or_else(|e| panic!("config.json: {e}"));
    let sources = &config.sources;
    let some_id = articles.keys().next().unwrap();
    for (what, path) in [
        ("latest_feed", sources.latest_feed.clone()),
        ("categories", sources.categories.clone()),
        ("article", sources.article_url(some_id)),
        ("category_feed", sources.category_url(&categories[0].category.slug)),
    ] {
        assert!(path.starts_with(&format!("{data_dir}/")) && files.contains_key(&path), "config.json {what}: {path}");
    }
}
