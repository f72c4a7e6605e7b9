//! No input makes the document parsers panic, however malformed: arbitrary
//! text, valid documents cut short or with bytes flipped, and valid documents
//! with any JSON value dropped into any field position.
#![cfg(not(target_arch = "wasm32"))]

use portal::core::config::parse_config;
use portal::core::error::DocError;
use portal::core::facets::parse_facets;
use portal::core::feed::{parse_article, parse_categories, parse_feed};
use portal::core::nhiem_vu::{parse_task, parse_task_list, NHIEM_VU_LIMIT_BYTES};
use proptest::prelude::*;
use serde_json::Value;

const URL: &str = "https://portal.test/khcn/data/tin/1019.json";

/// Real documents to start from: one of each kind the parsers read.
const VALID: [&str; 7] = [
    include_str!("../data/tin/1019.json"),
    include_str!("../data/tin-moi/1.json"),
    include_str!("../data/chuyen-muc.json"),
    include_str!("../config.json"),
    // A task with its acceptance, file and news; a page of the tasks' list;
    // their facet index with its money.
    include_str!("../data/nhiem-vu/chon-tao-giong-lua-chiu-man.json"),
    include_str!("../data/nhiem-vu/ds/tat-ca/1.json"),
    include_str!("../data/nhiem-vu/bo-loc.json"),
];

/// Runs every parser on `text`; an error must still render both messages.
fn parse_all(text: &str) {
    let results: [Result<(), DocError>; 7] = [
        parse_feed("bản tin", URL, text).map(drop),
        parse_article("bài viết", URL, text).map(drop),
        parse_categories("chuyên mục", URL, text).map(drop),
        parse_config(text).map(drop),
        parse_task("nhiệm vụ", URL, text).map(drop),
        parse_task_list("danh sách nhiệm vụ", text).map(drop),
        parse_facets("bộ lọc nhiệm vụ", text, NHIEM_VU_LIMIT_BYTES).map(drop),
    ];
    for error in results.into_iter().filter_map(Result::err) {
        assert!(!error.vietnamese().is_empty() && !error.english().is_empty());
    }
}

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![Just("2023-10-19T08:00:00+07:00"), Just("2023-13-45T99:00:00Z"), Just("../x.json")]
            .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Every position in `value` (object fields and array elements), as JSON pointers.
fn positions(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(key, child)| {
            let pointer = format!("{here}/{}", key.replace('~', "~0").replace('/', "~1"));
            out.push(pointer.clone());
            positions(child, pointer, out);
        }),
        Value::Array(items) => items.iter().enumerate().for_each(|(index, child)| {
            let pointer = format!("{here}/{index}");
            out.push(pointer.clone());
            positions(child, pointer, out);
        }),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        parse_all(&text);
    }

    #[test]
    fn json_looking_text_never_panics(text in r#"[\[\]{}",:0-9a-z_ .\-+]{0,80}"#) {
        parse_all(&text);
    }

    #[test]
    fn truncated_documents_never_panic(which in 0..VALID.len(), cut in any::<prop::sample::Index>()) {
        let text = VALID[which];
        let mut end = cut.index(text.len() + 1);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        parse_all(&text[..end]);
    }

    #[test]
    fn flipped_bytes_never_panic(which in 0..VALID.len(), at in any::<prop::sample::Index>(), byte in 0x20u8..0x7f) {
        let mut bytes = VALID[which].as_bytes().to_vec();
        let index = at.index(bytes.len());
        bytes[index] = byte;
        parse_all(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn any_value_in_any_field_never_panics(which in 0..VALID.len(), at in any::<prop::sample::Index>(), value in any_json()) {
        let mut document: Value = serde_json::from_str(VALID[which]).unwrap();
        let mut all = Vec::new();
        positions(&document, String::new(), &mut all);
        let pointer = &all[at.index(all.len())];
        *document.pointer_mut(pointer).unwrap() = value;
        parse_all(&document.to_string());
    }

    #[test]
    fn any_value_as_the_whole_document_never_panics(value in any_json()) {
        parse_all(&value.to_string());
    }
}

#[test]
fn the_starting_documents_are_valid() {
    // Otherwise the mutations above would start from garbage and prove little.
    assert!(parse_article("bài viết", URL, VALID[0]).is_ok());
    assert!(parse_feed("bản tin", URL, VALID[1]).is_ok());
    assert!(parse_categories("chuyên mục", URL, VALID[2]).is_ok());
    assert!(parse_config(VALID[3]).is_ok());
    assert!(parse_task("nhiệm vụ", URL, VALID[4]).is_ok());
    assert!(parse_task_list("danh sách nhiệm vụ", VALID[5]).is_ok());
    assert!(parse_facets("bộ lọc nhiệm vụ", VALID[6], NHIEM_VU_LIMIT_BYTES).is_ok());
}
