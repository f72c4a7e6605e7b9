//! The list documents: the latest-news pages, each category's pages, and
//! the categories document with each category's newest titles.

use super::documents::*;
use super::fingerprint;
use super::model::{Archive, CategoryDef};
use super::paths;
use super::writer::{category_ref, list_item, members_of, Entry, Output, WriteOptions};
use std::collections::HashMap;
use std::io;

/// How many of each category's newest items the categories document lists:
/// the home page's blocks show 4, the sidebar's magazine column 3.
pub const NEWEST_PER_CATEGORY: usize = 4;

/// Writes one list's pages; `prints` holds each article's fingerprint, so
/// a page whose items, place and title did not change is not drawn again.
pub(crate) fn write_list(
    out: &mut Output<'_>,
    options: &WriteOptions,
    articles: &[Entry<'_>],
    prints: &HashMap<&str, u64>,
    category: Option<&CategoryDef>,
    title: &str,
    description: Option<&str>,
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
        let item_prints: Vec<u64> = chunk.iter().map(|(article, _)| prints[article.id.as_str()]).collect();
        let inputs = fingerprint::of(&(page, total_pages, articles.len(), title, description, category, item_prints));
        let document = || FeedDocument {
            version: JSON_FEED_VERSION,
            title,
            description,
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
        out.emit_made(&path, inputs, document)?;
    }
    Ok(())
}

/// The categories document; `newest_first` is every article, newest first.
pub(crate) fn write_categories(
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
            .map(|(article, _)| Teaser {
                id: &article.id,
                url: paths::relative(&path, article.route.trim_start_matches('/')),
                title: &article.title,
                date_published: &article.published,
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
            content_text: category.description.as_deref(),
            portal: CategoryExtension {
                section: category.section.as_deref(),
                feed_url: paths::relative(&path, &paths::category_page(dir, &category.slug, 1)),
                on_home: category.on_home,
                newest: newest(&category.slug),
            },
        })
        .collect();
    let document = FeedDocument {
        version: JSON_FEED_VERSION,
        title: &archive.labels.categories_title,
        description: archive.labels.description.as_deref(),
        language: "vi",
        next_url: None,
        items,
        portal: FeedExtension { format_version: 1, category: None, page: None, total_pages: None, total_items: None },
    };
    out.emit(&path, &document)
}
