//! Writes an archive: one document per article, the latest-news pages, each
//! category's pages and the categories document (`lists.rs`).
//!
//! Article bodies are asked for one at a time, and only for documents that
//! may have changed ([`Bodies`]): a run over 100 000 unchanged articles reads
//! no body at all.

use super::cores::map_on_two_threads;
use super::documents::*;
use super::fingerprint;
use super::lists::{write_categories, write_category, write_latest};
use super::model::{Archive, ArticleBody, ArticleDef, CategoryDef};
use super::paths;
use super::sink::Sink;
use portal_core::related::OTHER_NEWS_COUNT;
use serde::Serialize;
use std::collections::HashMap;
use std::io;

/// How to write.
#[derive(Clone, Debug)]
pub struct WriteOptions {
    /// The folder, relative to the site root, that holds the documents ("data").
    pub data_dir: String,
    /// Items per list page.
    pub page_size: usize,
    /// Indented JSON (read by people) or compact (large archives).
    pub pretty: bool,
}

/// Where article bodies come from.
pub trait Bodies {
    /// The body of `article`, whose document's other inputs have the
    /// fingerprint `inputs`; `None` to leave its document as it is (nothing
    /// it depends on changed, or its source is broken).
    fn body(&mut self, article: &ArticleDef, inputs: u64) -> Option<ArticleBody>;
}

/// Every body at hand, always written (tests, small archives).
impl Bodies for HashMap<String, ArticleBody> {
    fn body(&mut self, article: &ArticleDef, _inputs: u64) -> Option<ArticleBody> {
        Some(self.get(&article.id).cloned().unwrap_or_default())
    }
}

/// Writes every document of `archive` into `sink`.
pub fn write_archive(
    archive: &Archive,
    options: &WriteOptions,
    bodies: &mut dyn Bodies,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let mut out = Output { sink, pretty: options.pretty };
    let categories: HashMap<&str, &CategoryDef> =
        archive.categories.iter().map(|category| (category.slug.as_str(), category)).collect();
    let mut all: Vec<Entry<'_>> = Vec::with_capacity(archive.articles.len());
    for article in &archive.articles {
        let category = categories.get(article.category.as_str()).ok_or_else(|| invalid(&article.id, "category"))?;
        all.push((article, category_ref(category)));
    }
    all.sort_by(|a, b| b.0.published_at.cmp(&a.0.published_at).then_with(|| b.0.id.cmp(&a.0.id)));
    let dir = options.data_dir.as_str();
    // Each category's articles, newest first, grouped once: its list pages,
    // its `newest` in the categories document and every article's
    // neighbours all come from this.
    let mut by_category: HashMap<&str, Vec<Entry<'_>>> = HashMap::new();
    for entry in &all {
        by_category.entry(entry.0.category.as_str()).or_default().push(*entry);
    }
    let neighbours = category_neighbours(&by_category);
    let by_id: HashMap<&str, Entry<'_>> = all.iter().map(|entry| (entry.0.id.as_str(), *entry)).collect();
    // Each article's fingerprint, so a document's inputs are compared in
    // a few bytes rather than by drawing it.
    let all_prints = map_on_two_threads(&all, |(a, c)| fingerprint::of(&(a, c)));
    let prints: HashMap<&str, u64> = all.iter().zip(all_prints).map(|((a, _), print)| (a.id.as_str(), print)).collect();
    // By category, so each article's place in it is its index, not a search.
    let places: Vec<(&[Entry<'_>], usize)> =
        by_category.values().flat_map(|members| (0..members.len()).map(move |at| (members.as_slice(), at))).collect();
    // What each article's document is made from, worked out on both cores;
    // then, one by one, the documents whose inputs changed are written.
    let plans = map_on_two_threads(&places, |(members, position)| {
        let article = members[*position].0;
        let sides = neighbours.get(article.id.as_str()).copied().unwrap_or_default();
        let others = other_news_of(article, members, *position, &by_id);
        let other_prints: Vec<u64> = others.iter().map(|(other, _)| prints[other.id.as_str()]).collect();
        let path = paths::article_document(dir, &article.id);
        // The registry pages its text names: a document published or
        // withdrawn rewrites only the articles that cite it.
        let links: HashMap<&str, String> = article
            .cites
            .iter()
            .filter_map(|number| archive.doc_links.get(number).map(|route| (number.as_str(), route)))
            .map(|(number, route)| (number, paths::relative(&path, route.trim_start_matches('/'))))
            .collect();
        let mut link_print: Vec<(&str, &String)> = links.iter().map(|(n, href)| (*n, href)).collect();
        link_print.sort();
        let inputs = fingerprint::of(&(prints[article.id.as_str()], sides, other_prints, dir, link_print));
        ArticlePlan { sides, others, path, links, inputs }
    });
    for ((members, position), plan) in places.iter().zip(plans) {
        let (article, category) = members[*position];
        match bodies.body(article, plan.inputs) {
            Some(mut body) => {
                body.html = crate::cite_links::link_numbers(&body.html, &plan.links);
                write_article(&mut out, dir, (article, category), &body, plan.sides, &plan.others)?
            }
            None => out.sink.keep(&plan.path),
        }
    }
    let labels = &archive.labels;
    let description = labels.description.as_deref();
    write_latest(&mut out, options, &all, &prints, &labels.latest_title, description)?;
    for category in &archive.categories {
        let members = members_of(&by_category, &category.slug);
        write_category(&mut out, options, members, &prints, category, description)?;
    }
    write_categories(&mut out, dir, archive, &by_category)
}

/// What an article's document is made from, besides its body.
struct ArticlePlan<'a> {
    sides: Neighbours<'a>,
    others: Vec<Entry<'a>>,
    path: String,
    /// The registry's pages the numbers its text names link to.
    links: HashMap<&'a str, String>,
    /// The fingerprint of all of it.
    inputs: u64,
}

pub(crate) struct Output<'s> {
    pub sink: &'s mut dyn Sink,
    pub pretty: bool,
}

impl Output<'_> {
    pub fn emit(&mut self, path: &str, document: &impl Serialize) -> io::Result<()> {
        let bytes = Output::serialise(document, self.pretty)?;
        self.sink.put(path, &bytes)
    }

    /// Emits the document `make` draws from inputs whose fingerprint is
    /// `inputs` (the options' included here): drawn only if they changed.
    pub fn emit_made<D: Serialize>(&mut self, path: &str, inputs: u64, make: impl Fn() -> D) -> io::Result<()> {
        let pretty = self.pretty;
        let inputs = fingerprint::of(&(inputs, pretty));
        let mut bytes = || Output::serialise(&make(), pretty);
        self.sink.put_made(path, inputs, &mut bytes)
    }

    fn serialise(document: &impl Serialize, pretty: bool) -> io::Result<Vec<u8>> {
        let mut bytes = if pretty { serde_json::to_vec_pretty(document)? } else { serde_json::to_vec(document)? };
        bytes.push(b'\n');
        Ok(bytes)
    }
}

fn invalid(id: &str, field: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("article {id}: bad or unknown {field}"))
}

pub(crate) fn category_ref(category: &CategoryDef) -> CategoryRef<'_> {
    CategoryRef { slug: &category.slug, name: &category.name, section: category.section.as_deref() }
}

/// An article with the category it is filed under.
pub(crate) type Entry<'a> = (&'a ArticleDef, CategoryRef<'a>);

/// The articles of category `slug`, newest first (none for an empty one).
pub(crate) fn members_of<'m, 'a>(by_category: &'m HashMap<&str, Vec<Entry<'a>>>, slug: &str) -> &'m [Entry<'a>] {
    by_category.get(slug).map(Vec::as_slice).unwrap_or_default()
}

/// Each article's newer and older neighbour within its category, by id.
fn category_neighbours<'a>(by_category: &HashMap<&str, Vec<Entry<'a>>>) -> HashMap<&'a str, Neighbours<'a>> {
    let link = |(article, _): &Entry<'a>| ArticleLink { id: &article.id, title: &article.title };
    let mut neighbours = HashMap::new();
    for members in by_category.values() {
        for (index, (article, _)) in members.iter().enumerate() {
            let newer = index.checked_sub(1).map(|i| link(&members[i]));
            let older = members.get(index + 1).map(link);
            neighbours.insert(article.id.as_str(), Neighbours { newer, older });
        }
    }
    neighbours
}

/// "Tin khác" of `article`: the related articles it names, then the nearest
/// of its category, older ones first. Articles published later never enter
/// an older article's list (unless its category has too few older ones), so
/// publishing news does not change the documents of the archive.
fn other_news_of<'a>(
    article: &ArticleDef,
    category: &[Entry<'a>],
    position: usize,
    by_id: &HashMap<&str, Entry<'a>>,
) -> Vec<Entry<'a>> {
    let mut others: Vec<Entry<'a>> = Vec::with_capacity(OTHER_NEWS_COUNT);
    let related = article.related.iter().filter_map(|id| by_id.get(id.as_str()).copied());
    let older = category.iter().skip(position + 1).copied();
    let newer = category[..position].iter().rev().copied();
    for entry in related.chain(older).chain(newer) {
        if others.len() == OTHER_NEWS_COUNT {
            break;
        }
        if entry.0.id != article.id && !others.iter().any(|(other, _)| other.id == entry.0.id) {
            others.push(entry);
        }
    }
    others
}

fn write_article(
    out: &mut Output<'_>,
    dir: &str,
    (article, category): Entry<'_>,
    body: &ArticleBody,
    neighbours: Neighbours<'_>,
    others: &[Entry<'_>],
) -> io::Result<()> {
    let path = paths::article_document(dir, &article.id);
    let mut item = list_item(&path, dir, article, category);
    item.summary = body.summary.as_deref();
    item.content_html = Some(body.html.clone());
    item.content_text = None;
    item.portal.related = article.related.iter().map(String::as_str).collect();
    item.portal.source = article.author.as_deref();
    item.portal.captions = body.captions.iter().map(|(image, text)| Caption { image, text }).collect();
    item.portal.neighbours = Some(neighbours).filter(|sides| sides.newer.is_some() || sides.older.is_some());
    item.portal.other_news = others.iter().map(|(other, category)| list_item(&path, dir, other, *category)).collect();
    let document = FeedDocument {
        version: JSON_FEED_VERSION,
        title: &article.title,
        description: None,
        language: "vi",
        next_url: None,
        items: vec![item],
        portal: FeedExtension { format_version: 1, category: None, page: None, total_pages: None, total_items: None },
    };
    out.emit(&path, &document)
}

/// An item as a list page shows it; the article document adds the rest.
pub(crate) fn list_item<'a>(path: &str, dir: &str, article: &'a ArticleDef, category: CategoryRef<'a>) -> NewsItem<'a> {
    NewsItem {
        id: &article.id,
        url: paths::relative(path, article.route.trim_start_matches('/')),
        title: &article.title,
        summary: None,
        content_html: None,
        content_text: Some(article.excerpt.clone()),
        image: article.image.as_ref().map(|image| paths::relative(path, &format!("{dir}/{image}"))),
        date_published: &article.published,
        date_modified: None,
        authors: article.author.iter().map(|name| Author { name }).collect(),
        tags: article.tags.iter().map(String::as_str).collect(),
        portal: ItemExtension {
            category,
            related: Vec::new(),
            source: None,
            captions: Vec::new(),
            featured: article.featured,
            neighbours: None,
            other_news: Vec::new(),
        },
    }
}

/// The start of `text`, cut at a word boundary, with "…" when cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end_matches([',', ';', ':', ' ']))
}

/// A list page's items are this long at most (characters), so pages stay small.
pub const EXCERPT_CHARS: usize = 220;
