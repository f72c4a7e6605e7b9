//! The shipped legal documents registry (data/van-ban/, written by the
//! builder from content/van-ban/): every document validates against its
//! JSON Schema and parses with the app's own parser; the lists and the
//! facet index agree with the documents; the sample has what the issue
//! asks of it (every type, 65/KH-UBND cited by the seed article, drafts
//! with deadlines, a chain of replacements).
#![cfg(not(target_arch = "wasm32"))]

mod schema_check;

use portal::core::facets::{list_name, parse_facets, ALL_LIST};
use portal::core::van_ban::{
    parse_detail, parse_list_page, LegalDocDetail, ListPage, Relation, Status, FACET_KEYS, VAN_BAN_LIMIT_BYTES,
};
use schema_check::{compile, violations};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const FOLDER: &str = "data/van-ban";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/build-content.sh)", path.display()));
    assert!(text.len() < VAN_BAN_LIMIT_BYTES, "{}: over the size limit", path.display());
    text
}

fn valid(schema: &str, path: &Path, text: &str) {
    let value: Value = serde_json::from_str(text).unwrap();
    let problems = violations(&compile(schema), &value);
    assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
}

fn documents() -> Vec<LegalDocDetail> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(FOLDER))
        .expect("data/van-ban (scripts/build-content.sh)")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json") && !path.ends_with("bo-loc.json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = read(path);
            valid("van-ban-document", path, &text);
            let url = format!("https://h.vn/{FOLDER}/{}", path.file_name().unwrap().to_str().unwrap());
            parse_detail("văn bản", &url, &text).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.english()))
        })
        .collect()
}

/// Every page of list `list`, validated and parsed.
fn list(list: &str) -> Vec<ListPage> {
    let mut pages = Vec::new();
    for page in 1.. {
        let path = root().join(FOLDER).join("ds").join(list).join(format!("{page}.json"));
        if !path.exists() {
            break;
        }
        let text = read(&path);
        valid("van-ban-list", &path, &text);
        pages.push(
            parse_list_page("danh sách", &text).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.english())),
        );
    }
    assert!(!pages.is_empty(), "no list {list}");
    pages
}

#[test]
fn every_document_validates_and_parses_and_opens_its_file() {
    let documents = documents();
    assert!(documents.len() >= 60, "at least 60 documents, found {}", documents.len());
    for detail in &documents {
        for file in &detail.attachments {
            let local = file.url.strip_prefix("https://h.vn/").unwrap();
            let bytes = std::fs::read(root().join(local)).unwrap_or_else(|e| panic!("{local}: {e}"));
            assert_eq!(bytes.len() as u64, file.size, "{local}");
            assert!(bytes.starts_with(b"%PDF-1.4") && bytes.ends_with(b"%%EOF\n"), "{local}: not a whole PDF");
        }
    }
}

#[test]
fn the_list_of_everything_is_every_document_newest_first_in_pages_of_20() {
    let pages = list(ALL_LIST);
    let items: Vec<_> = pages.iter().flat_map(|page| page.items.clone()).collect();
    assert_eq!(items.len(), documents().len());
    assert!(pages.iter().all(|page| page.items.len() <= 20 && page.total_items == items.len() as u64));
    assert!(items.windows(2).all(|pair| pair[0].issued >= pair[1].issued), "newest first");
}

#[test]
fn each_facet_value_has_its_list_and_its_count() {
    let path = root().join(FOLDER).join("bo-loc.json");
    let text = read(&path);
    valid("van-ban-facets", &path, &text);
    let index = parse_facets("bộ lọc", &text, VAN_BAN_LIMIT_BYTES).unwrap();
    let keys: Vec<&str> = index.facets.iter().map(|facet| facet.key.as_str()).collect();
    assert_eq!(keys, FACET_KEYS);
    for facet in &index.facets {
        for value in &facet.values {
            let items: Vec<_> = list(&list_name(&facet.key, &value.slug)).into_iter().flat_map(|p| p.items).collect();
            assert_eq!(items.len() as u64, value.count, "{}={}", facet.key, value.slug);
            let filter = [(facet.key.clone(), value.slug.clone())];
            assert!(items.iter().all(|item| item.matches(&filter)), "{}={}", facet.key, value.slug);
        }
    }
}

#[test]
fn the_sample_has_every_type_status_the_seeds_plan_drafts_and_a_chain() {
    let documents = documents();
    let kinds: BTreeSet<&str> = documents.iter().map(|d| d.doc.kind.as_str()).collect();
    for kind in ["Quyết định", "Kế hoạch", "Thông báo", "Công văn", "Chỉ thị", "Báo cáo"] {
        assert!(kinds.contains(kind), "no {kind}");
    }
    let statuses: BTreeSet<&str> = documents.iter().map(|d| d.doc.status.slug()).collect();
    assert_eq!(statuses.len(), Status::ALL.len(), "{statuses:?}");
    let plan = documents.iter().find(|d| d.doc.number.as_deref() == Some("65/KH-UBND")).expect("65/KH-UBND");
    assert_eq!((plan.doc.issued.to_string(), plan.doc.issuer.as_str()), ("2023-03-28".into(), "UBND tỉnh Quảng Trị"));
    assert!(plan.cited_by.iter().any(|article| article.id == "1019"), "the seed article cites it");
    let drafts: Vec<_> = documents.iter().filter(|d| d.draft.is_some()).collect();
    assert!(drafts.len() >= 2 && drafts.iter().all(|d| d.doc.status == Status::Draft));
    // A chain: a document replaced by one that is itself replaced.
    let replaced_twice = documents.iter().any(|d| {
        d.related.iter().any(|r| r.relation == Relation::ReplacedBy)
            && d.related.iter().any(|r| r.relation == Relation::Replaces)
    });
    assert!(replaced_twice, "no chain of replacements");
    // Every relation has its reverse on the other document.
    for detail in &documents {
        for related in &detail.related {
            let other = documents.iter().find(|d| d.doc.id == related.id).expect("a related document exists");
            let reverse = match related.relation {
                Relation::Replaces => Relation::ReplacedBy,
                Relation::ReplacedBy => Relation::Replaces,
                Relation::Amends => Relation::AmendedBy,
                Relation::AmendedBy => Relation::Amends,
            };
            assert!(other.related.iter().any(|r| r.relation == reverse && r.id == detail.doc.id), "{}", detail.doc.id);
        }
    }
}

#[test]
fn the_seed_article_links_the_plan() {
    let text = read(&root().join("data/tin/1019.json"));
    assert!(
        text.contains(r#"<a href=\"../../van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd\">65/KH-UBND</a>"#),
        "not linked"
    );
}
