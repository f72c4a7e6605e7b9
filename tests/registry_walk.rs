//! The registries' walk (core::registry_walk: what the registries' worker and
//! the prerender run) over the shipped legal documents (data/van-ban/,
//! written by the builder): the pages it draws hold what a reader who chose
//! the filters expects, judged by each document's own fields rather than by
//! the walk's matching; broken and missing documents are its errors.
#![cfg(not(target_arch = "wasm32"))]

use portal::core::config::Sources;
use portal::core::date::Date;
use portal::core::error::{DocError, Problem};
use portal::core::facets::{parse_facets, FacetIndex, Filters};
use portal::core::registry_walk::{draw, Asked, Drawn, Registry, Setting, Wanted};
use portal::core::url::resolve;
use portal::core::van_ban::{parse_detail, LegalDoc, VAN_BAN_LIMIT_BYTES};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

const SITE: &str = "https://h.vn/";

/// The repository, where the builder wrote `data/`.
fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Draws `asked` with the documents on disk; `broken` answers with a body
/// that is not JSON. Returns the page and every URL read, in order.
fn draw_page(asked: Asked, broken: Option<&str>) -> (Result<Drawn, DocError>, Vec<String>) {
    let sources = Sources::default();
    let resolve = |source: &str| resolve(SITE, source);
    let href = |route: &str| route.to_string();
    let setting = Setting { sources: &sources, resolve: &resolve, href: &href, today: Date::new(2026, 12, 6).unwrap() };
    let read = RefCell::new(Vec::new());
    let fetch_all = |wanted: Vec<Wanted>| {
        let answers: Vec<Result<Rc<str>, DocError>> = wanted
            .into_iter()
            .map(|document| {
                read.borrow_mut().push(document.url.clone());
                let path = root().join(document.url.strip_prefix(SITE).expect("a URL under the site"));
                match std::fs::read_to_string(&path) {
                    Ok(_) if broken.is_some_and(|b| document.url.ends_with(b)) => Ok(Rc::from("{\"items\": [")),
                    Ok(text) => Ok(Rc::from(text)),
                    Err(_) => Err(DocError::new(document.name, Problem::NotFound)),
                }
            })
            .collect();
        std::future::ready(answers)
    };
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let page = runtime.block_on(draw(Registry::VanBan, &asked, &setting, fetch_all));
    (page, read.into_inner())
}

fn every_document() -> Vec<LegalDoc> {
    let folder = root().join("data/van-ban");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(&folder).expect("data/van-ban (scripts/build-content.sh)") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") && !path.ends_with("bo-loc.json") {
            let text = std::fs::read_to_string(&path).unwrap();
            docs.push(parse_detail("văn bản", &path.display().to_string(), &text).unwrap().doc);
        }
    }
    docs
}

fn facets() -> FacetIndex {
    let text = std::fs::read_to_string(root().join("data/van-ban/bo-loc.json")).unwrap();
    parse_facets("bộ lọc", &text, VAN_BAN_LIMIT_BYTES).unwrap()
}

/// The slug of facet `key`'s value named `name`.
fn slug(key: &str, name: &str) -> String {
    let facets = facets();
    let facet = facets.facets.iter().find(|facet| facet.key == key).unwrap();
    facet.values.iter().find(|value| value.name == name).unwrap_or_else(|| panic!("no {key} {name}")).slug.clone()
}

/// The ids of the documents a page links to, in order.
fn linked_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for piece in html.split("href=\"/van-ban/").skip(1) {
        let id = piece.split(['/', '"']).next().unwrap().to_string();
        if id != "trang" && !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

#[test]
fn two_filters_give_every_document_of_that_type_and_year_and_no_other() {
    let docs = every_document();
    // The year with the most plans, so that the list spans several pages.
    let years: BTreeSet<i32> = docs.iter().filter(|d| d.kind == "Kế hoạch").map(|d| d.issued.year).collect();
    let year = *years
        .iter()
        .max_by_key(|&&y| docs.iter().filter(|d| d.kind == "Kế hoạch" && d.issued.year == y).count())
        .unwrap();
    let expected: BTreeSet<String> =
        docs.iter().filter(|d| d.kind == "Kế hoạch" && d.issued.year == year).map(|d| d.id.clone()).collect();
    assert!(!expected.is_empty());
    let filters = Filters(vec![("loai".into(), slug("loai", "Kế hoạch")), ("nam".into(), year.to_string())]);
    let mut shown = BTreeSet::new();
    for page in 1..=10 {
        let (drawn, _) = draw_page(Asked::List(filters.clone(), page), None);
        let drawn = drawn.unwrap_or_else(|e| panic!("page {page}: {}", e.english()));
        assert_eq!(drawn.title, format!("Văn bản: Kế hoạch, {year} - "));
        let ids = linked_ids(&drawn.html);
        if ids.is_empty() {
            break;
        }
        shown.extend(ids);
    }
    assert_eq!(shown, expected);
}

#[test]
fn the_whole_list_pages_through_every_document_once() {
    let docs = every_document();
    let mut shown = Vec::new();
    for page in 1.. {
        let (drawn, read) = draw_page(Asked::List(Filters::default(), page), None);
        match drawn {
            Ok(drawn) => {
                assert_eq!(drawn.title, "Văn bản - ");
                // The facet index and this one page, read at once.
                assert_eq!(read.len(), 2, "{read:?}");
                shown.extend(linked_ids(&drawn.html));
            }
            Err(error) => {
                assert!(error.is_not_found(), "page {page}: {}", error.english());
                break;
            }
        }
    }
    let distinct: BTreeSet<&String> = shown.iter().collect();
    assert_eq!(distinct.len(), shown.len(), "a document on two pages");
    assert_eq!(distinct.len(), docs.len());
}

#[test]
fn a_document_page_names_its_document_and_an_unknown_one_is_not_found() {
    let docs = every_document();
    let plan = docs.iter().find(|d| d.number.as_deref() == Some("65/KH-UBND")).expect("the seed article's plan");
    let (drawn, _) = draw_page(Asked::Entry(plan.id.clone()), None);
    let drawn = drawn.unwrap();
    assert_eq!(drawn.title, "Kế hoạch số 65/KH-UBND - ");
    assert!(drawn.html.contains("65/KH-UBND"));
    let (missing, _) = draw_page(Asked::Entry("khong-co-van-ban-nay".into()), None);
    assert!(missing.unwrap_err().is_not_found());
}

#[test]
fn page_zero_is_not_found_without_reading_a_list() {
    let (drawn, read) = draw_page(Asked::List(Filters::default(), 0), None);
    assert!(drawn.unwrap_err().is_not_found());
    assert!(read.iter().all(|url| !url.contains("/ds/")), "{read:?}");
}

#[test]
fn a_broken_list_page_or_index_is_the_pages_error_named_in_vietnamese() {
    let (drawn, _) = draw_page(Asked::List(Filters::default(), 1), Some("ds/tat-ca/1.json"));
    let error = drawn.unwrap_err();
    assert!(matches!(error.problem, Problem::Malformed { .. }), "{error:?}");
    assert_eq!(error.vietnamese(), "Dữ liệu danh sách văn bản, trang 1 bị hỏng hoặc không đầy đủ.");
    let filters = Filters(vec![("nam".into(), "2023".into()), ("loai".into(), slug("loai", "Kế hoạch"))]);
    let (drawn, _) = draw_page(Asked::List(filters, 1), Some("bo-loc.json"));
    assert_eq!(drawn.unwrap_err().vietnamese(), "Dữ liệu bộ lọc văn bản bị hỏng hoặc không đầy đủ.");
}
