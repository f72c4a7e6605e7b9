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

/// Writes the latest-news feed, every article newest first, in pages that
/// do not move as news is published (the archived feeds of RFC 5005): page
/// 1 holds the newest `page_size` articles; the older ones are cut into
/// blocks of `page_size` counted from the oldest article
/// (`tin-moi/luu-tru/1.json` is the oldest), and page 2 holds those newer
/// than the newest whole block. Publishing one article then rewrites pages
/// 1 and 2 (and starts a block every `page_size` articles), where pages
/// counted from the newest would all shift: 5 000 documents at 100 000
/// articles. Nothing in the app reads past page 1; the prerender and the
/// search index follow the chain to list every article.
pub(crate) fn write_latest(
    out: &mut Output<'_>,
    options: &WriteOptions,
    articles: &[Entry<'_>],
    prints: &HashMap<&str, u64>,
    title: &str,
    description: Option<&str>,
) -> io::Result<()> {
    let dir = options.data_dir.as_str();
    let size = options.page_size;
    let chain = latest_chain(articles.len(), size);
    let path_of = |link: &LatestLink| match link {
        LatestLink::Page(page) => paths::latest_page(dir, *page),
        LatestLink::Block(block) => paths::latest_block(dir, *block),
    };
    for (index, (link, range)) in chain.iter().enumerate() {
        let path = path_of(link);
        let next_url = chain.get(index + 1).map(|(next, _)| paths::relative(&path, &path_of(next)));
        let chunk = &articles[range.clone()];
        // A block's place in the chain moves as pages 1 and 2 grow, so only
        // the pages say where they stand: a block says nothing that changes.
        let place = match link {
            LatestLink::Page(page) => (Some(*page), Some(chain.len()), Some(articles.len())),
            LatestLink::Block(_) => (None, None, None),
        };
        let item_prints: Vec<u64> = chunk.iter().map(|(article, _)| prints[article.id.as_str()]).collect();
        let inputs = fingerprint::of(&(&path, place, &next_url, title, description, item_prints));
        let document = || FeedDocument {
            version: JSON_FEED_VERSION,
            title,
            description,
            language: "vi",
            next_url: next_url.clone(),
            items: chunk.iter().map(|(article, category)| list_item(&path, dir, article, *category)).collect(),
            portal: FeedExtension {
                format_version: 1,
                category: None,
                page: place.0,
                total_pages: place.1,
                total_items: place.2,
            },
        };
        out.emit_made(&path, inputs, document)?;
    }
    Ok(())
}

/// One document of the latest-news chain.
#[derive(Clone, Copy, Debug, PartialEq)]
enum LatestLink {
    /// Page 1 or 2, counted from the newest.
    Page(usize),
    /// An archive block, counted from the oldest.
    Block(usize),
}

/// The latest-news chain for `count` articles newest first, `size` a page:
/// each document with the range of articles it holds, in the order
/// `next_url` follows them.
fn latest_chain(count: usize, size: usize) -> Vec<(LatestLink, std::ops::Range<usize>)> {
    let size = size.max(1);
    // Page 1 exists even with no news, so the feed's URL never 404s.
    let mut chain = vec![(LatestLink::Page(1), 0..count.min(size))];
    let older = count.saturating_sub(size);
    let (blocks, loose) = (older / size, older % size);
    if loose > 0 {
        chain.push((LatestLink::Page(2), size..size + loose));
    }
    for block in (1..=blocks).rev() {
        // Block k holds the k-th `size` articles from the oldest.
        let end = count - (block - 1) * size;
        chain.push((LatestLink::Block(block), end - size..end));
    }
    chain
}

/// Writes one category's pages, counted from the newest (the reader's
/// `/chuyen-muc/{slug}/trang/N` reads page N); `prints` holds each article's fingerprint, so
/// a page whose items, place and title did not change is not drawn again.
pub(crate) fn write_category(
    out: &mut Output<'_>,
    options: &WriteOptions,
    articles: &[Entry<'_>],
    prints: &HashMap<&str, u64>,
    category: &CategoryDef,
    description: Option<&str>,
) -> io::Result<()> {
    let dir = options.data_dir.as_str();
    let title = category.name.as_str();
    let page_path = |page: usize| paths::category_page(dir, &category.slug, page);
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
                category: Some(category_ref(category)),
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

#[cfg(test)]
mod tests {
    use super::{latest_chain, LatestLink};

    /// Article positions from the oldest (0) held by each document of the chain.
    fn from_oldest(count: usize, size: usize) -> Vec<(LatestLink, Vec<usize>)> {
        let chain = latest_chain(count, size);
        chain
            .into_iter()
            .map(|(link, range)| (link, range.map(|newest_first| count - 1 - newest_first).collect()))
            .collect()
    }

    #[test]
    fn the_chain_holds_every_article_once_newest_first() {
        for count in 0..130 {
            for size in [1, 3, 20] {
                let chain = latest_chain(count, size);
                let flat: Vec<usize> = chain.iter().flat_map(|(_, range)| range.clone()).collect();
                assert_eq!(flat, (0..count).collect::<Vec<_>>(), "{count} articles, pages of {size}");
                assert!(chain.iter().all(|(_, range)| range.len() <= size));
                assert_eq!(chain[0].1.len(), count.min(size), "page 1 is full whenever there is enough news");
            }
        }
    }

    #[test]
    fn publishing_changes_pages_one_and_two_and_never_a_block() {
        for count in 0..200 {
            let (before, after) = (from_oldest(count, 20), from_oldest(count + 1, 20));
            for (link, held) in before.iter().filter(|(link, _)| matches!(link, LatestLink::Block(_))) {
                let now = after.iter().find(|(other, _)| other == link).map(|(_, held)| held);
                assert_eq!(now, Some(held), "{link:?} of {count} articles moved when one was published");
            }
        }
    }

    #[test]
    fn small_feeds_are_one_or_two_pages() {
        assert_eq!(latest_chain(0, 20), vec![(LatestLink::Page(1), 0..0)]);
        assert_eq!(latest_chain(20, 20), vec![(LatestLink::Page(1), 0..20)]);
        assert_eq!(
            latest_chain(47, 20),
            vec![(LatestLink::Page(1), 0..20), (LatestLink::Page(2), 20..27), (LatestLink::Block(1), 27..47)]
        );
        assert_eq!(
            latest_chain(60, 20),
            vec![(LatestLink::Page(1), 0..20), (LatestLink::Block(2), 20..40), (LatestLink::Block(1), 40..60)]
        );
    }
}
