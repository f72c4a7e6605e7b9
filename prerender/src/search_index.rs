//! The search index (`tim-kiem/`, docs/formats/search-index.md), written from
//! the same latest-news feed the pages are listed from: every article's
//! title, lead, tags, category and date. Only the segments that change are
//! written; the manifest last, so it never names a segment not yet there.

use crate::output::{write_if_changed, Written};
use crate::store::Store;
use portal::context::Portal;
use portal::core::feed::parse_feed;
use portal::core::routes;
use portal::core::url::resolve;
use portal_search::{publish, Doc, Options, INDEX_DIR};
use std::path::Path;

/// What the run did, for the prerender's summary line.
pub struct Summary {
    pub articles: usize,
    pub files_written: usize,
    pub bytes_written: u64,
    pub index_bytes: u64,
    pub segments: usize,
}

/// Every article the latest-news feed lists, as the index takes it.
pub fn read_docs(portal: &Portal, store: &Store) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    let mut next = Some(portal.url(&portal.config.sources.latest_feed));
    let mut pages = 0;
    while let Some(url) = next.take() {
        pages += 1;
        let text = store.read(&url).map_err(|problem| format!("{url}: {problem:?}"))?;
        let page = parse_feed("bản tin mới nhất", &url, &text).map_err(|error| error.english())?;
        for item in page.items {
            let (category_slug, category_name) =
                item.category.map(|c| (c.slug, c.name)).unwrap_or_else(|| (String::new(), String::new()));
            docs.push(Doc {
                url: routes::article(&item.id, &item.title),
                summary: item.summary.or(item.content_text).unwrap_or_default(),
                id: item.id,
                title: item.title,
                tags: item.tags,
                category_slug,
                category_name,
                published: item.published,
            });
        }
        next = page.next_url.map(|next| resolve(&url, &next)).filter(|_| pages < 100_000);
    }
    Ok(docs)
}

/// Publishes the index of `docs` into `site_dir/tim-kiem/`.
pub fn write(site_dir: &Path, docs: &[Doc]) -> Result<Summary, String> {
    let dir = site_dir.join(INDEX_DIR);
    let previous = |path: &str| std::fs::read(dir.join(path)).ok();
    let publication = publish(docs, &previous, &Options::default());
    let mut written = Written::default();
    for (path, bytes) in &publication.files {
        write_if_changed(&dir.join(path), bytes, &mut written)?;
    }
    for segment in &publication.remove {
        let gone = dir.join(segment);
        if gone.is_dir() {
            std::fs::remove_dir_all(&gone).map_err(|e| format!("removing {}: {e}", gone.display()))?;
        }
    }
    Ok(Summary {
        articles: docs.len(),
        files_written: written.changed,
        bytes_written: publication.written_bytes,
        index_bytes: publication.index_bytes,
        segments: publication.segments,
    })
}
