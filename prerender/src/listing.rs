//! The latest-news feed walked once per run, page by page from the first
//! through `next_url`, for what both the list of pages and the search
//! index need of each article (the search index read the same 5 000 pages
//! again, whole, at 100 000 articles). A page's reading is kept between
//! runs (`.prerender-listing` in the site) under its file's size and time,
//! as the manifest keeps a page's inputs: the builder's archive blocks do
//! not change when news is published, so a run that publishes one article
//! reads two pages of a 100 000-article archive, not 5 000.

use crate::manifest::local_signature;
use crate::store::Store;
use portal::core::date::parse_rfc3339;
use portal::core::error::{DocError, Problem};
use portal::core::feed::FEED_LIMIT_BYTES;
use portal::core::routes;
use portal::core::url::resolve;
use portal_search::Doc;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::Path;

const LISTING_FILE: &str = ".prerender-listing";
/// How the messages name the feed.
const FEED_NAME: &str = "bản tin mới nhất";
/// A feed that points back at itself would never end.
const MAX_PAGES: usize = 100_000;

/// What is read of a latest-news page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Skimmed {
    pub items: Vec<SkimmedItem>,
    pub next_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SkimmedItem {
    pub id: String,
    /// The article's address, with its title's slug (`routes::article`),
    /// made once: 100 000 slugs are not free.
    pub route: String,
    /// Its last change (Unix seconds): the sitemap's `lastmod`.
    pub lastmod: i64,
    /// The rest, as the search index takes it (`Doc`).
    pub title: String,
    pub summary: String,
    pub tags: Vec<String>,
    pub category_slug: String,
    pub category_name: String,
    pub published: i64,
}

/// The feed as this run read it, and the last run's readings.
pub struct Listing {
    /// URL → (its file's signature, what was read, where its line is in
    /// `last_file`)
    before: HashMap<String, (u64, Skimmed, std::ops::Range<usize>)>,
    /// The last run's file: a page kept as it was is copied from it, not
    /// written out again (5 000 pages, 70 MB, at 100 000 articles).
    last_file: String,
    /// This run's pages, in the feed's order.
    pub pages: Vec<Skimmed>,
    /// This run's file, written as pages are read.
    now: String,
    /// Why the walk stopped before the last page, if it did.
    pub failure: Option<DocError>,
}

impl Listing {
    /// The last run's readings; none when the file is missing or unreadable.
    pub fn load(site_dir: &Path) -> Listing {
        let last_file = std::fs::read_to_string(site_dir.join(LISTING_FILE)).unwrap_or_default();
        let mut before = HashMap::default();
        let mut start = 0;
        for line in last_file.split_inclusive('\n') {
            let end = start + line.len();
            if let Some((url, (signature, skimmed))) = read_line(line.trim_end_matches('\n')) {
                before.insert(url, (signature, skimmed, start..end));
            }
            start = end;
        }
        let now = String::with_capacity(last_file.len());
        Listing { before, last_file, pages: Vec::new(), now, failure: None }
    }

    /// Reads the feed whose first page is `first_url`, to its last page or
    /// the first that cannot be read.
    pub fn walk(&mut self, store: &Store, first_url: String) {
        let mut next = Some(first_url);
        while let Some(url) = next.take() {
            match self.skim(store, &url) {
                Ok(page) => {
                    next = page.next_url.as_ref().map(|next| resolve(&url, next));
                    self.pages.push(page);
                    next = next.filter(|_| self.pages.len() < MAX_PAGES);
                }
                Err(error) => self.failure = Some(error),
            }
        }
    }

    /// Every article of the feed, newest first.
    pub fn items(&self) -> impl Iterator<Item = &SkimmedItem> {
        self.pages.iter().flat_map(|page| &page.items)
    }

    /// Every article as the search index takes it; an error when the walk
    /// stopped early (an index without part of the archive would hide it).
    /// The walk's pages are handed over, not copied: the list of pages has
    /// been made from them already.
    pub fn take_docs(&mut self) -> Result<Vec<Doc>, String> {
        if let Some(failure) = &self.failure {
            return Err(failure.english());
        }
        let doc = |item: SkimmedItem| Doc {
            id: item.id,
            title: item.title,
            summary: item.summary,
            tags: item.tags,
            category_slug: item.category_slug,
            category_name: item.category_name,
            published: item.published,
            // Body, author, the document's signature: search_bodies.rs.
            ..Doc::default()
        };
        Ok(std::mem::take(&mut self.pages).into_iter().flat_map(|page| page.items).map(doc).collect())
    }

    /// The page at `url`: from the last run when its file has not changed
    /// since, else read and skimmed.
    fn skim(&mut self, store: &Store, url: &str) -> Result<Skimmed, DocError> {
        // A document on another host has none: it is read on every run.
        let signature = local_signature(store, url);
        let kept = self.before.remove(url).filter(|(before, ..)| Some(*before) == signature);
        if let Some((_, skimmed, line)) = kept {
            self.now.push_str(&self.last_file[line]);
            return Ok(skimmed);
        }
        let text = store.read(url).map_err(|problem| DocError::new(FEED_NAME, problem))?;
        let skimmed = skim_feed(FEED_NAME, url, &text)?;
        if let Some(signature) = signature.filter(|_| !url.contains(['\t', '\n'])) {
            // JSON escapes every tab and line break inside its strings.
            let json = serde_json::to_string(&skimmed).expect("a skimmed page is plain data");
            self.now.push_str(&format!("{url}\t{signature:016x}\t{json}\n"));
        }
        Ok(skimmed)
    }

    pub fn save(&self, site_dir: &Path) -> Result<(), String> {
        if self.now == self.last_file {
            return Ok(());
        }
        let file = site_dir.join(LISTING_FILE);
        std::fs::write(&file, &self.now).map_err(|e| format!("writing {}: {e}", file.display()))
    }
}

/// `url \t signature \t the page as JSON`; `None` for a line that is not.
fn read_line(line: &str) -> Option<(String, (u64, Skimmed))> {
    let mut values = line.splitn(3, '\t');
    let (url, signature, json) = (values.next()?, values.next()?, values.next()?);
    let signature = u64::from_str_radix(signature, 16).ok()?;
    Some((url.to_string(), (signature, serde_json::from_str(json).ok()?)))
}

/// Reads a latest-news page for what the list of pages and the search
/// index need. Not `parse_feed`: at 100 000 articles, the app's own parser
/// over all 5 000 pages took a second. The fields read here are checked as
/// strictly as `parse_feed` checks them.
pub fn skim_feed(document: &str, _url: &str, text: &str) -> Result<Skimmed, DocError> {
    #[derive(serde::Deserialize)]
    struct Feed<'a> {
        #[serde(borrow)]
        items: Vec<Item<'a>>,
        #[serde(default)]
        next_url: Option<String>,
    }
    #[derive(serde::Deserialize)]
    struct Item<'a> {
        id: String,
        title: String,
        #[serde(borrow)]
        date_published: Cow<'a, str>,
        #[serde(default, borrow)]
        date_modified: Option<Cow<'a, str>>,
        #[serde(default)]
        summary: Option<String>,
        #[serde(default)]
        content_text: Option<String>,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default, rename = "_portal")]
        portal: Option<ItemExtension>,
    }
    #[derive(serde::Deserialize)]
    struct ItemExtension {
        #[serde(default)]
        category: Option<Category>,
    }
    #[derive(serde::Deserialize)]
    struct Category {
        slug: String,
        name: String,
    }
    let problem = |problem: Problem| DocError::new(document, problem);
    if text.len() > FEED_LIMIT_BYTES {
        return Err(problem(Problem::TooLarge { limit_bytes: FEED_LIMIT_BYTES, actual_bytes: text.len() }));
    }
    let feed: Feed<'_> =
        serde_json::from_str(text).map_err(|error| problem(Problem::Malformed { detail: error.to_string() }))?;
    let mut items = Vec::with_capacity(feed.items.len());
    for (index, item) in feed.items.into_iter().enumerate() {
        let date = |field: &str, text: &str| {
            parse_rfc3339(text).ok_or_else(|| {
                let path = format!("items[{index}].{field}");
                problem(Problem::WrongType { path, expected: "RFC 3339 date-time".into() })
            })
        };
        let published = date("date_published", &item.date_published)?;
        let lastmod = match &item.date_modified {
            Some(modified) => date("date_modified", modified)?,
            None => published,
        };
        let route = routes::article(&item.id, &item.title);
        let category = item.portal.and_then(|portal| portal.category);
        let (category_slug, category_name) = category.map(|c| (c.slug, c.name)).unwrap_or_default();
        items.push(SkimmedItem {
            route,
            lastmod,
            summary: item.summary.or(item.content_text).unwrap_or_default(),
            id: item.id,
            title: item.title,
            tags: item.tags,
            category_slug,
            category_name,
            published,
        });
    }
    Ok(Skimmed { items, next_url: feed.next_url })
}
