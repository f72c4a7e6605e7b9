//! The search index (`tim-kiem/`, docs/formats/search-index.md), written from
//! the same walk of the latest-news feed the pages are listed from
//! (`listing.rs`): every article's title, lead, tags, category and date. Only the segments that change are
//! written; the manifest last, so it never names a segment not yet there.

use crate::output::{write_if_changed, Written};
use crate::store::Store;
use portal::context::Portal;
use portal::core::date::Date;
use portal::core::error::Problem;
use portal::core::facets::ALL_LIST;
use portal::core::nhiem_vu::parse_task_list;
use portal::core::van_ban::parse_list_page;
use portal_search::{publish_filling, Doc, Options, INDEX_DIR};
use std::path::Path;

/// What the run did, for the prerender's summary line.
pub struct Summary {
    pub articles: usize,
    pub files_written: usize,
    pub bytes_written: u64,
    pub index_bytes: u64,
    pub segments: usize,
}

/// Every legal document of the registry, as the index takes it: under the
/// category `van-ban` (its kind, search_messages::kind_of_category), its
/// title with the number ("Kế hoạch số 65/KH-UBND": the number's pieces
/// are syllables, so "65/kh" and "65 kh ubnd" find it), the trích yếu as
/// the lead, issuer and sector as tags. A site without a registry has none.
pub fn read_van_ban(portal: &Portal, store: &Store, docs: &mut Vec<Doc>) -> Result<(), String> {
    let mut page = 1;
    loop {
        let url = portal.url(&portal.config.sources.van_ban_list_url(ALL_LIST, page));
        let text = match store.read(&url) {
            Ok(text) => text,
            Err(Problem::NotFound) if page == 1 => return Ok(()),
            Err(problem) => return Err(format!("{url}: {problem:?}")),
        };
        let list = parse_list_page("danh sách văn bản", &text).map_err(|error| error.english())?;
        for doc in list.items {
            let issued = Date::days_since_epoch(doc.issued) * 86_400 + 3_600; // 08:00 in Vietnam
            docs.push(Doc {
                title: doc.title(),
                summary: doc.summary,
                tags: vec![doc.issuer, doc.sector, doc.kind],
                id: doc.id,
                category_slug: "van-ban".into(),
                category_name: "Văn bản".into(),
                published: issued,
                ..Doc::default()
            });
        }
        if page >= list.total_pages {
            return Ok(());
        }
        page += 1;
    }
}

/// Every task of the registry, as the index takes it: under the category
/// `nhiem-vu` (its kind), its name as the title, its code, type and host
/// in the lead (so "ĐTKH.07/23" and the host's name find it), sector and
/// level as tags, dated by its first month. A site without tasks has none.
pub fn read_nhiem_vu(portal: &Portal, store: &Store, docs: &mut Vec<Doc>) -> Result<(), String> {
    let mut page = 1;
    loop {
        let url = portal.url(&portal.config.sources.nhiem_vu_list_url(ALL_LIST, page));
        let text = match store.read(&url) {
            Ok(text) => text,
            Err(Problem::NotFound) if page == 1 => return Ok(()),
            Err(problem) => return Err(format!("{url}: {problem:?}")),
        };
        let list = parse_task_list("danh sách nhiệm vụ", &text).map_err(|error| error.english())?;
        for task in list.items {
            let first_day =
                Date::new(task.start.year, task.start.month, 1).unwrap_or(Date { year: 1970, month: 1, day: 1 });
            docs.push(Doc {
                summary: format!("{} · {} cấp {} · {}", task.code, task.kind, task.level.to_lowercase(), task.host),
                title: task.name,
                tags: vec![task.sector, task.leader],
                id: task.id,
                category_slug: "nhiem-vu".into(),
                category_name: "Nhiệm vụ KH&CN".into(),
                published: Date::days_since_epoch(first_day) * 86_400 + 3_600,
                ..Doc::default()
            });
        }
        if page >= list.total_pages {
            return Ok(());
        }
        page += 1;
    }
}

/// Where an article's own document is, relative to `tim-kiem/`, for the
/// manifest's `article` line (snippets from the body): only a document on
/// the site itself, under its root.
pub fn article_path(portal: &Portal) -> Option<String> {
    let path = portal.config.sources.article.as_str();
    let on_site = !path.contains("://") && !path.starts_with('/') && !path.starts_with("..") && path.contains("{id}");
    on_site.then(|| format!("../{path}"))
}

/// Publishes the index of `docs` into `site_dir/tim-kiem/`.
/// `fill` reads an article's own document into it when the index writes
/// the article (`search_bodies::Bodies::fill`).
pub fn write(
    site_dir: &Path,
    docs: &[Doc],
    article_path: Option<String>,
    fill: &(dyn Fn(&mut Doc) + Sync),
) -> Result<Summary, String> {
    let dir = site_dir.join(INDEX_DIR);
    let previous = |path: &str| std::fs::read(dir.join(path)).ok();
    let publication = publish_filling(docs, &previous, &Options { article_path, ..Options::default() }, fill);
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

#[cfg(test)]
mod tests {
    use super::*;
    use portal_search::{search_with, Engine, Query};

    fn doc(id: u32, title: &str) -> Doc {
        Doc {
            id: id.to_string(),
            title: title.into(),
            summary: "Sở Khoa học và Công nghệ Quảng Trị".into(),
            tags: vec![],
            category_slug: "tin".into(),
            category_name: "Tin".into(),
            published: 1_700_000_000 + i64::from(id) * 3600,
            ..Doc::default()
        }
    }

    fn search(dir: &Path, text: &str) -> Vec<String> {
        let query = Query { text: text.into(), per_page: 10_000, ..Query::default() };
        let results = search_with(&mut Engine::new(), &query, &mut |path| {
            std::fs::read(dir.join(INDEX_DIR).join(path)).map_err(|e| e.to_string())
        });
        results.unwrap().hits.into_iter().map(|hit| hit.id).collect()
    }

    #[test]
    fn the_index_is_written_then_updated_in_place_with_old_segments_deleted() {
        let dir = std::env::temp_dir().join(format!("prerender-search-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut docs: Vec<Doc> = (1..=2000).map(|n| doc(n, &format!("Hội thảo số {n} tại Đông Hà"))).collect();
        let first = write(&dir, &docs, None, &|_| {}).unwrap();
        assert_eq!((first.articles, first.segments), (2000, 1));
        assert_eq!(search(&dir, "dong ha").len(), 2000);

        docs.push(doc(2001, "Đoàn kiểm tra đo lường tại Gio Linh"));
        let second = write(&dir, &docs, None, &|_| {}).unwrap();
        assert_eq!(second.segments, 2);
        assert!(second.bytes_written * 50 <= second.index_bytes, "{} of {}", second.bytes_written, second.index_bytes);
        assert_eq!(search(&dir, "Gio Linh"), ["2001"]);

        docs.push(doc(2002, "Đoàn kiểm tra tại Gio Linh lần hai"));
        write(&dir, &docs, None, &|_| {}).unwrap();
        assert_eq!(search(&dir, "gio linh"), ["2002", "2001"]);
        // A legal document is found by its number however typed, and by kind.
        docs.push(Doc { category_slug: "van-ban".into(), ..doc(3001, "Kế hoạch số 65/KH-UBND") });
        write(&dir, &docs, None, &|_| {}).unwrap();
        for typed in ["65/KH-UBND", "65 kh ubnd", "65/kh", "ke hoach so 65"] {
            assert_eq!(search(&dir, typed), ["3001"], "{typed}");
        }
        let kind = |kind: &str| {
            let query =
                Query { text: "Quảng Trị".into(), kind: Some(kind.into()), per_page: 10_000, ..Query::default() };
            let results = search_with(&mut Engine::new(), &query, &mut |path| {
                std::fs::read(dir.join(INDEX_DIR).join(path)).map_err(|e| e.to_string())
            });
            results.unwrap().total
        };
        assert_eq!((kind("van-ban"), kind("tin")), (1, 2002));
        // The first recent segment was replaced and its folder deleted.
        let folders = std::fs::read_dir(dir.join(INDEX_DIR)).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir());
        assert_eq!(folders.count(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
