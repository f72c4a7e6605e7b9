//! The shipped programme document (data/chuyen-muc-khcn.json, built from
//! content/chuyen-muc-khcn/) validates against its JSON Schema, parses with
//! the app's own parser, is newest first, and says what is sample.
#![cfg(not(target_arch = "wasm32"))]

mod schema_check;

use portal::core::episodes::parse_programme;
use portal::core::route_table::{route_at, PageKind};
use schema_check::{compile, violations};
use serde_json::Value;

#[test]
fn the_shipped_episodes_validate_parse_and_come_newest_first() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/chuyen-muc-khcn.json");
    let text = std::fs::read_to_string(path).expect("data/chuyen-muc-khcn.json: run scripts/build-content.sh first");
    let value: Value = serde_json::from_str(&text).unwrap();
    let problems = violations(&compile("episodes"), &value);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let programme = parse_programme("chuyên mục", "https://h.vn/data/chuyen-muc-khcn.json", &text).unwrap();
    assert!(programme.episodes.len() >= 3);
    let order: Vec<(u64, u64)> = value["episodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["year"].as_u64().unwrap(), e["number"].as_u64().unwrap()))
        .collect();
    assert!(order.windows(2).all(|pair| pair[0] > pair[1]), "{order:?}");
    for episode in &programme.episodes {
        assert_eq!(route_at(&episode.path).map(|route| route.kind), Some(PageKind::Episodes), "{}", episode.path);
        assert!(episode.title.contains("(số mẫu)"), "sample episodes say so: {}", episode.title);
        assert!(episode.youtube.is_some() || episode.video.is_some());
    }
}
