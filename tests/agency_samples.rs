//! The shipped department document (data/gioi-thieu.json, built from
//! content/gioi-thieu.yml) validates against its JSON Schema, parses with
//! the app's own parser, and carries what the law asks the pages to show.
#![cfg(not(target_arch = "wasm32"))]

mod schema_check;

use portal::core::agency::{find_page, parse_agency, parse_agency_pages, UnitKind};
use portal::core::agency_pages::{Part, ABOUT_PARTS, OTHER_PARTS};
use schema_check::{compile, violations};
use serde_json::Value;

fn shipped() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/gioi-thieu.json");
    std::fs::read_to_string(path).expect("data/gioi-thieu.json: run scripts/build-content.sh first")
}

#[test]
fn the_shipped_document_validates_and_parses() {
    let text = shipped();
    let value: Value = serde_json::from_str(&text).unwrap();
    let problems = violations(&compile("agency"), &value);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let agency = parse_agency("giới thiệu", "https://h.vn/data/gioi-thieu.json", &text).unwrap();
    // Nghị định 42/2022, Điều 4.1(e): functions, organisation, contacts, a named contact.
    assert!(agency.contact.address.as_deref().is_some_and(|a| a.contains("204 Hùng Vương")));
    assert_eq!(agency.contact.phone.as_deref(), Some("0233.3550 382"));
    assert!(agency.spokesperson.is_some() && !agency.leaders.is_empty());
    assert!(agency.units.iter().any(|unit| unit.kind == UnitKind::Office));
    assert!(agency.units.iter().any(|unit| unit.kind == UnitKind::Subordinate));
    assert!(agency.note.as_deref().is_some_and(|note| note.contains("mẫu")), "sample content says so");
    assert!(!agency.about_en.is_empty() && !agency.functions_en.is_empty());
    assert!(agency.map_image.is_some() && agency.map_url.is_some());
}

/// The pages the app reads: one for every part and every unit, each with
/// its heading and a body, and links relative to the document.
#[test]
fn the_sample_has_a_page_for_every_address() {
    let text = shipped();
    let agency = parse_agency("giới thiệu", "https://h.vn/data/gioi-thieu.json", &text).unwrap();
    let pages = parse_agency_pages("giới thiệu", &text).unwrap();
    let units = agency.units.iter().map(|unit| Part::Unit(unit.slug.clone()));
    for part in [Part::Overview].into_iter().chain(ABOUT_PARTS).chain(OTHER_PARTS).chain(units) {
        let page = find_page(pages.clone(), &part.route()).unwrap_or_else(|| panic!("no page for {part:?}"));
        assert!(!page.title.is_empty() && !page.html.is_empty(), "{part:?}");
        assert_eq!(page.lang, part.lang(), "{part:?}");
        assert!(!page.html.contains("href=\"/"), "{part:?}: a link not relative to the document");
    }
    assert_eq!(pages.len(), 1 + ABOUT_PARTS.len() + OTHER_PARTS.len() + agency.units.len());
}
