//! The shipped legal documents registry (data/van-ban/, written by the
//! builder from content/van-ban/): every document validates against its
//! JSON Schema and parses with the app's own parser; the lists and the
//! facet index agree with the documents; the sample has what the issue
//! asks of it (every type, 65/KH-UBND cited by the seed article, drafts
//! with deadlines, a chain of replacements).
#![cfg(not(target_arch = "wasm32"))]

mod registry_files;
mod schema_check;

use portal::core::facets::{list_name, parse_facets, ALL_LIST};
use portal::core::van_ban::{
    parse_detail, parse_list_page, LegalDocDetail, ListPage, Relation, Status, FACET_KEYS, VAN_BAN_LIMIT_BYTES,
};
use registry_files::{root, Registry};
use std::collections::BTreeSet;

const REGISTRY: Registry = Registry { folder: "data/van-ban", schemas: "van-ban", limit: VAN_BAN_LIMIT_BYTES };

fn documents() -> Vec<LegalDocDetail> {
    REGISTRY.documents(|url, text| parse_detail("văn bản", url, text))
}

/// Every page of list `list`, validated and parsed.
fn list(list: &str) -> Vec<ListPage> {
    REGISTRY.list(list, |text| parse_list_page("danh sách", text))
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
    let text = REGISTRY.facet_index();
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
    let text = REGISTRY.read(&root().join("data/tin/1019.json"));
    assert!(
        text.contains(r#"<a href=\"../../van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd\">65/KH-UBND</a>"#),
        "not linked"
    );
}
