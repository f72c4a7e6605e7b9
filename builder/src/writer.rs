//! Writes an archive: one document per article, the latest-news pages, each
//! category's pages, the categories document, and the stand-in images.

use super::blocks::{figures, render_html};
use super::documents::*;
use super::model::{Archive, ArticleDef, CategoryDef};
use super::paths;
use super::sink::Sink;
use super::svg::stand_in_svg;
use portal_core::date::parse_rfc3339;
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
    /// Indented JSON (the shipped sample, read by people) or compact (large archives).
    pub pretty: bool,
}

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
}

/// A list page's items are this long at most (characters), so pages stay small.
const EXCERPT_CHARS: usize = 220;

/// How many of each category's newest items the categories document lists:
/// the home page's blocks show 4, the sidebar's magazine column 3.
pub const NEWEST_PER_CATEGORY: usize = 4;

/// Writes every document of `archive` into `sink`.
pub fn write_archive(archive: &Archive, options: &WriteOptions, sink: &mut dyn Sink) -> io::Result<Written> {
    let mut out = Output { sink, pretty: options.pretty, written: Written::default() };
    let categories: HashMap<&str, &CategoryDef> =
        archive.categories.iter().map(|category| (category.slug.as_str(), category)).collect();
    let mut newest_first = Vec::with_capacity(archive.articles.len());
    for article in &archive.articles {
        let published = parse_rfc3339(&article.published).ok_or_else(|| invalid(&article.id, "date_published"))?;
        let category = categories.get(article.category.as_str()).ok_or_else(|| invalid(&article.id, "category"))?;
        newest_first.push((published, article, category_ref(category)));
    }
    newest_first.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.id.cmp(&a.1.id)));
    let dir = options.data_dir.as_str();
    let all: Vec<Entry<'_>> = newest_first.iter().map(|(_, article, category)| (*article, *category)).collect();
    // Each category's articles, newest first, grouped once: its list pages,
    // its `newest` in the categories document and every article's
    // neighbours all come from this.
    let mut by_category: HashMap<&str, Vec<Entry<'_>>> = HashMap::new();
    for entry in &all {
        by_category.entry(entry.0.category.as_str()).or_default().push(*entry);
    }
    let neighbours = category_neighbours(&by_category);
    let by_id: HashMap<&str, Entry<'_>> = all.iter().map(|entry| (entry.0.id.as_str(), *entry)).collect();
    for (article, category) in &all {
        let sides = neighbours.get(article.id.as_str()).copied().unwrap_or_default();
        let others = other_news_of(article, members_of(&by_category, &article.category), &by_id);
        write_article(&mut out, dir, (article, *category), sides, &others)?;
    }
    let labels = &archive.labels;
    write_list(&mut out, options, &all, None, &labels.latest_title, &labels.description)?;
    for category in &archive.categories {
        let members = members_of(&by_category, &category.slug);
        let title = format!("{}{}", category.name, labels.title_suffix);
        write_list(&mut out, options, members, Some(category), &title, &labels.description)?;
    }
    write_categories(&mut out, dir, archive, &by_category)?;
    Ok(out.written)
}

/// Writes `config.json` at the site root.
pub fn write_config(sink: &mut dyn Sink, config: &ConfigDocument<'_>) -> io::Result<Written> {
    let mut out = Output { sink, pretty: true, written: Written::default() };
    out.emit("config.json", config)?;
    Ok(out.written)
}

/// The news document locations for `config.json`, for an archive under `data_dir`.
pub fn news_sources(data_dir: &str) -> ConfigSources {
    ConfigSources {
        latest_feed: paths::latest_page(data_dir, 1),
        article: paths::article_document(data_dir, "{id}"),
        category_feed: paths::category_page(data_dir, "{slug}", 1),
        category_page: format!("{data_dir}/chuyen-muc/{{slug}}/{{page}}.json"),
        categories: paths::categories_document(data_dir),
        schedule_index: None,
        schedule_week: None,
        stats: None,
    }
}

struct Output<'s> {
    sink: &'s mut dyn Sink,
    pretty: bool,
    written: Written,
}

impl Output<'_> {
    fn emit(&mut self, path: &str, document: &impl Serialize) -> io::Result<()> {
        let mut bytes = if self.pretty { serde_json::to_vec_pretty(document)? } else { serde_json::to_vec(document)? };
        bytes.push(b'\n');
        self.put(path, &bytes)
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.sink.put(path, bytes)?;
        self.written.files += 1;
        self.written.bytes += bytes.len() as u64;
        Ok(())
    }
}

fn invalid(id: &str, field: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("article {id}: bad or unknown {field}"))
}

fn category_ref(category: &CategoryDef) -> CategoryRef<'_> {
    CategoryRef { slug: &category.slug, name: &category.name, section: &category.section }
}

/// An article with the category it is filed under.
type Entry<'a> = (&'a ArticleDef, CategoryRef<'a>);

/// The articles of category `slug`, newest first (none for an empty one).
fn members_of<'m, 'a>(by_category: &'m HashMap<&str, Vec<Entry<'a>>>, slug: &str) -> &'m [Entry<'a>] {
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
fn other_news_of<'a>(article: &ArticleDef, category: &[Entry<'a>], by_id: &HashMap<&str, Entry<'a>>) -> Vec<Entry<'a>> {
    let mut others: Vec<Entry<'a>> = Vec::with_capacity(OTHER_NEWS_COUNT);
    let position = category.iter().position(|(member, _)| member.id == article.id).unwrap_or(category.len());
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
    neighbours: Neighbours<'_>,
    others: &[Entry<'_>],
) -> io::Result<()> {
    let path = paths::article_document(dir, &article.id);
    let image_url = |name: &str| paths::relative(&path, &paths::image(dir, name));
    let captions = figures(&article.body)
        .map(|figure| Caption { image: image_url(&figure.name), text: &figure.caption })
        .collect();
    for figure in figures(&article.body) {
        out.put(&paths::image(dir, &figure.name), stand_in_svg(figure.width, figure.height).as_bytes())?;
    }
    let mut item = list_item(&path, dir, article, category);
    item.summary = Some(&article.summary);
    item.content_html = Some(render_html(&article.body, image_url));
    item.content_text = None;
    item.portal.related = article.related.iter().map(String::as_str).collect();
    item.portal.source = Some(&article.source);
    item.portal.captions = captions;
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
fn list_item<'a>(path: &str, dir: &str, article: &'a ArticleDef, category: CategoryRef<'a>) -> NewsItem<'a> {
    let route = portal_core::routes::article(&article.id, &article.title);
    NewsItem {
        id: &article.id,
        url: paths::relative(path, route.trim_start_matches('/')),
        title: &article.title,
        summary: None,
        content_html: None,
        content_text: Some(excerpt(&article.summary, EXCERPT_CHARS)),
        image: figures(&article.body).next().map(|figure| paths::relative(path, &paths::image(dir, &figure.name))),
        date_published: &article.published,
        date_modified: article.modified.as_deref(),
        authors: vec![Author { name: &article.source }],
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

fn write_list(
    out: &mut Output<'_>,
    options: &WriteOptions,
    articles: &[(&ArticleDef, CategoryRef<'_>)],
    category: Option<&CategoryDef>,
    title: &str,
    description: &str,
) -> io::Result<()> {
    let dir = options.data_dir.as_str();
    let page_path = |page: usize| match category {
        Some(category) => paths::category_page(dir, &category.slug, page),
        None => paths::latest_page(dir, page),
    };
    // An empty category still has its first page, so its feed_url never 404s.
    let total_pages = articles.len().div_ceil(options.page_size).max(1);
    for page in 1..=total_pages {
        let path = page_path(page);
        let start = (page - 1) * options.page_size;
        let chunk = &articles[start.min(articles.len())..(start + options.page_size).min(articles.len())];
        let document = FeedDocument {
            version: JSON_FEED_VERSION,
            title,
            description: Some(description),
            language: "vi",
            next_url: (page < total_pages).then(|| paths::relative(&path, &page_path(page + 1))),
            items: chunk.iter().map(|(article, category)| list_item(&path, dir, article, *category)).collect(),
            portal: FeedExtension {
                format_version: 1,
                category: category.map(category_ref),
                page: Some(page),
                total_pages: Some(total_pages),
                total_items: Some(articles.len()),
            },
        };
        out.emit(&path, &document)?;
    }
    Ok(())
}

/// The categories document; `newest_first` is every article, newest first.
fn write_categories(
    out: &mut Output<'_>,
    dir: &str,
    archive: &Archive,
    by_category: &HashMap<&str, Vec<Entry<'_>>>,
) -> io::Result<()> {
    let path = paths::categories_document(dir);
    let newest = |slug: &str| {
        members_of(by_category, slug)
            .iter()
            .take(NEWEST_PER_CATEGORY)
            .map(|(article, _)| {
                let route = portal_core::routes::article(&article.id, &article.title);
                Teaser {
                    id: &article.id,
                    url: paths::relative(&path, route.trim_start_matches('/')),
                    title: &article.title,
                    date_published: &article.published,
                }
            })
            .collect()
    };
    let items = archive
        .categories
        .iter()
        .map(|category| CategoryItem {
            id: &category.slug,
            url: paths::relative(&path, &portal_core::routes::category(&category.slug, 1)[1..]),
            title: &category.name,
            content_text: &category.description,
            portal: CategoryExtension {
                section: &category.section,
                feed_url: paths::relative(&path, &paths::category_page(dir, &category.slug, 1)),
                on_home: category.on_home,
                newest: newest(&category.slug),
            },
        })
        .collect();
    let document = FeedDocument {
        version: JSON_FEED_VERSION,
        title: &archive.labels.categories_title,
        description: Some(&archive.labels.description),
        language: "vi",
        next_url: None,
        items,
        portal: FeedExtension { format_version: 1, category: None, page: None, total_pages: None, total_items: None },
    };
    out.emit(&path, &document)
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
