//! The shipped schedule documents (data/lich-cong-tac/) validate against their
//! JSON Schemas and parse with the app's own parser, the index agrees with the
//! files, and the sample covers what the views need to show.
#![cfg(not(target_arch = "wasm32"))]

mod schema_check;

use portal::core::agenda::agenda;
use portal::core::schedule::{expect_week, parse_index, parse_week, PartOfDay, WeekSchedule, SCHEDULE_LIMIT_BYTES};
use portal::core::week::IsoWeek;
use schema_check::{compile, violations};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const FOLDER: &str = "data/lich-cong-tac";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every week document shipped, by file path.
fn week_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(FOLDER))
        .expect("the sample schedule folder")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json") && !path.ends_with("index.json"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(text.len() < SCHEDULE_LIMIT_BYTES, "{}: over the size limit", path.display());
    text
}

/// Validates and parses every week; returns them by week.
fn shipped_weeks() -> Vec<WeekSchedule> {
    let validator = compile("schedule-week");
    week_files()
        .iter()
        .map(|path| {
            let text = read(path);
            let value: Value = serde_json::from_str(&text).unwrap();
            let problems = violations(&validator, &value);
            assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
            let stem = path.file_stem().unwrap().to_str().unwrap();
            let named = IsoWeek::parse(stem).unwrap_or_else(|| panic!("{stem}: not a YYYY-Www name"));
            let url = format!("https://h.vn/{FOLDER}/{stem}.json");
            let week = parse_week(stem, &url, &text).unwrap_or_else(|e| panic!("{stem}: {}", e.english()));
            expect_week(stem, week, named).unwrap_or_else(|e| panic!("{stem}: {}", e.english()))
        })
        .collect()
}

#[test]
fn every_week_validates_parses_and_is_named_after_its_week() {
    let weeks = shipped_weeks();
    assert!(weeks.len() >= 8, "at least 8 sample weeks, found {}", weeks.len());
}

#[test]
fn the_index_validates_and_lists_exactly_the_shipped_weeks() {
    let path = root().join(FOLDER).join("index.json");
    let text = read(&path);
    let problems = violations(&compile("schedule-index"), &serde_json::from_str(&text).unwrap());
    assert!(problems.is_empty(), "index.json:\n{}", problems.join("\n"));
    let index = parse_index("index", "https://h.vn/index.json", &text).unwrap();
    let listed: BTreeSet<IsoWeek> = index.weeks.into_iter().collect();
    let shipped: BTreeSet<IsoWeek> = shipped_weeks().into_iter().map(|week| week.week).collect();
    assert_eq!(listed, shipped, "index.json and the week files disagree");
}

#[test]
fn the_sample_covers_what_the_views_must_show() {
    let weeks = shipped_weeks();
    let find = |name: &str| weeks.iter().find(|w| w.week.to_string() == name);
    let seed = find("2023-W42").expect("the week of 19-10-2023");
    assert!(seed.entries.iter().any(|e| e.date.to_string() == "2023-10-19"));
    assert!(seed.entries.iter().any(|e| e.chair.as_deref() == Some("Giám đốc Sở")));
    assert!(
        weeks
            .iter()
            .any(|w| w.week.monday().year != w.week.sunday().year || w.week.monday().to_string() == "2024-01-01"),
        "a week across a year boundary"
    );
    for current in ["2026-W47", "2026-W48", "2026-W49"] {
        assert!(find(current).is_some(), "{current}: the weeks around the sample's today");
    }
    let entries: Vec<_> = weeks.iter().flat_map(|w| &w.entries).collect();
    assert!(entries.iter().any(|e| e.start.is_none()), "an entry without a time");
    assert!(entries.iter().any(|e| e.location.is_none()), "an entry without a place");
    for part in PartOfDay::ALL {
        assert!(entries.iter().any(|e| e.part == part), "no entry in the {}", part.label());
    }
    let free_day = weeks.iter().any(|w| agenda(w, 0).iter().any(|day| day.parts.is_empty()));
    assert!(free_day, "a week with an empty day");
    for text in entries.iter().flat_map(|e| [Some(&e.content), e.chair.as_ref(), e.location.as_ref()]).flatten() {
        assert!(!text.contains('<'), "plain text only: {text}");
    }
}

/// The schema and the parser refuse the same mistakes, so that a CMS checking
/// against the schema learns what the portal would refuse.
#[test]
fn schema_and_parser_agree_on_bad_entries() {
    let validator = compile("schedule-week");
    let good = json!({"date": "2023-10-19", "part": "sáng", "content": "Họp"});
    let bad_entries = [
        json!({"date": "2023-10-19", "part": "sáng"}),
        json!({"date": "2023-10-19", "part": "trưa", "content": "Họp"}),
        json!({"date": "2023-10-19", "part": "sáng", "start": "7h30", "content": "Họp"}),
        json!({"date": "2023-10-19", "part": "sáng", "start": "24:00", "content": "Họp"}),
        json!({"date": "19/10/2023", "part": "sáng", "content": "Họp"}),
        json!({"date": "2023-10-19", "part": "sáng", "content": "   "}),
        json!({"date": "2023-10-19", "part": "sáng", "content": 42}),
    ];
    let document = |entry: &Value| json!({"version": 1, "week": "2023-W42", "entries": [entry], "x_cms": true});
    let good_doc = document(&good);
    assert!(violations(&validator, &good_doc).is_empty(), "unknown fields must be allowed");
    assert!(parse_week("d", "https://h.vn/x.json", &good_doc.to_string()).is_ok());
    for entry in bad_entries {
        let doc = document(&entry);
        assert!(!violations(&validator, &doc).is_empty(), "the schema accepts {entry}");
        assert!(parse_week("d", "https://h.vn/x.json", &doc.to_string()).is_err(), "the parser accepts {entry}");
    }
    for bad_week in ["2023-42", "2023-W54", "23-W01"] {
        let doc = json!({"week": bad_week, "entries": []});
        assert!(!violations(&validator, &doc).is_empty(), "the schema accepts week {bad_week}");
        assert!(parse_week("d", "https://h.vn/x.json", &doc.to_string()).is_err(), "the parser accepts {bad_week}");
    }
}
