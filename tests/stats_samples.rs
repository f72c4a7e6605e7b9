//! The shipped statistics document (data/thong-ke.json) validates against its
//! JSON Schema and reads with the app's own parser, and schema and parser
//! agree on what a valid document is.
#![cfg(not(target_arch = "wasm32"))]

mod schema_check;

use jsonschema::Validator;
use portal::core::config::Sources;
use portal::core::stats::{parse_stats, VisitorStats, STATS_DOCUMENT, STATS_LIMIT_BYTES};
use schema_check::compile;
use serde_json::Value;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The schema violations of a document given as text.
fn violations(validator: &Validator, text: &str) -> Vec<String> {
    let document: Value = serde_json::from_str(text).expect("test documents are JSON");
    schema_check::violations(validator, &document)
}

#[test]
fn shipped_document_validates_and_parses_to_the_seed_figures() {
    let path = Sources::default().stats;
    assert_eq!(path, "data/thong-ke.json", "the default config must point at the shipped sample");
    let text = read(&path);
    assert!(text.len() < STATS_LIMIT_BYTES);
    assert_eq!(violations(&compile("statistics"), &text), Vec::<String>::new());
    let stats = parse_stats(STATS_DOCUMENT, &text).unwrap_or_else(|e| panic!("{}", e.english()));
    assert_eq!((stats.online, stats.today, stats.total), (1, 2490, 3_314_815), "the seed page's figures");
}

#[test]
fn the_example_in_the_format_page_is_the_shipped_document() {
    let page = read("docs/formats/statistics.md");
    let example = page.split("```json").nth(1).and_then(|rest| rest.split("```").next()).expect("a json example");
    let documented: Value = serde_json::from_str(example).expect("the example is JSON");
    let shipped: Value = serde_json::from_str(&read("data/thong-ke.json")).unwrap();
    assert_eq!(documented, shipped);
}

#[test]
fn schema_and_parser_agree_on_valid_and_invalid_documents() {
    let validator = compile("statistics");
    let valid = [
        r#"{"online":0,"today":0,"total":0,"counted_at":"2024-01-01T00:00:00Z"}"#,
        r#"{"version":1,"online":3,"today":20,"total":900,"counted_at":"2024-01-01T07:00:00.250+07:00","bots":4}"#,
        r#"{"online":1,"today":2,"total":18446744073709551615,"counted_at":"2024-02-29T23:59:59-05:00"}"#,
    ];
    let invalid = [
        r#"{"online":1,"today":2,"total":3}"#,
        r#"{"online":-1,"today":2,"total":3,"counted_at":"2024-01-01T00:00:00Z"}"#,
        r#"{"online":1,"today":"2","total":3,"counted_at":"2024-01-01T00:00:00Z"}"#,
        r#"{"online":1,"today":2,"total":3.5,"counted_at":"2024-01-01T00:00:00Z"}"#,
        r#"{"online":1,"today":2,"total":3,"counted_at":"01/01/2024 07:00"}"#,
        r#"{"online":1,"today":2,"total":3,"counted_at":"2024-01-01T00:00:00"}"#,
        r#"{"version":2,"online":1,"today":2,"total":3,"counted_at":"2024-01-01T00:00:00Z"}"#,
        r#"[1,2,3]"#,
    ];
    for text in valid {
        assert_eq!(violations(&validator, text), Vec::<String>::new(), "schema refuses {text}");
        assert!(parse_stats(STATS_DOCUMENT, text).is_ok(), "parser refuses {text}");
    }
    for text in invalid {
        assert!(!violations(&validator, text).is_empty(), "schema accepts {text}");
        assert!(parse_stats(STATS_DOCUMENT, text).is_err(), "parser accepts {text}");
    }
}

#[test]
fn counted_at_is_read_as_an_instant() {
    let stats = parse_stats(STATS_DOCUMENT, &read("data/thong-ke.json")).unwrap();
    let same_moment_in_utc = r#"{"online":1,"today":2490,"total":3314815,"counted_at":"2023-10-19T01:05:00Z"}"#;
    let utc: VisitorStats = parse_stats(STATS_DOCUMENT, same_moment_in_utc).unwrap();
    assert_eq!(stats.counted_at, utc.counted_at);
}
