//! The schedule documents' parsers: fields, paths in errors, limits.

use super::*;
use crate::error::Problem;

const URL: &str = "https://h.vn/data/lich-cong-tac/2023-W42.json";

fn week_doc(entries: &str) -> String {
    format!(r#"{{"version":1,"week":"2023-W42","entries":[{entries}]}}"#)
}

#[test]
fn reads_a_full_entry_and_ignores_unknown_fields() {
    let text = week_doc(
        r#"{"date":"2023-10-19","part":"sáng","start":"08:00","end":"11:30","content":" Họp giao ban ",
            "chair":"Giám đốc Sở","attendees":"Lãnh đạo các phòng","location":"Phòng họp tầng 2",
            "notes":"","link":"../giay-moi/42.pdf","x_cms_id":17}"#,
    );
    let week = parse_week("lịch tuần 42", URL, &text).unwrap();
    let entry = &week.entries[0];
    assert_eq!(entry.date, Date::new(2023, 10, 19).unwrap());
    assert_eq!(entry.part, PartOfDay::Morning);
    assert_eq!(entry.time_range(), "08:00 – 11:30");
    assert_eq!(entry.content, "Họp giao ban");
    assert_eq!(entry.notes, None, "a blank note is no note");
    assert_eq!(entry.link.as_deref(), Some("https://h.vn/data/giay-moi/42.pdf"));
}

#[test]
fn an_entry_without_time_or_place_is_kept() {
    let text = week_doc(r#"{"date":"2023-10-20","part":"Chieu","content":"Làm việc tại cơ quan"}"#);
    let entry = &parse_week("d", URL, &text).unwrap().entries[0];
    assert_eq!((entry.part, entry.start, entry.location.as_deref()), (PartOfDay::Afternoon, None, None));
    assert_eq!(entry.time_range(), "");
}

#[test]
fn bad_fields_are_named_with_their_path() {
    let cases = [
        (r#"{"date":"2023-10-19","part":"sáng"}"#, "entries[0].content"),
        (r#"{"date":"2023-10-19","part":"trưa","content":"x"}"#, "entries[0].part"),
        (r#"{"date":"2023-10-19","part":"tối","start":"7h30","content":"x"}"#, "entries[0].start"),
        (r#"{"date":"2023-10-19","part":"tối","start":"19:30","end":"18:00","content":"x"}"#, "entries[0].end"),
        (r#"{"date":"2023-10-23","part":"sáng","content":"next week"}"#, "entries[0].date"),
        (r#"{"date":"2023-10-19","part":"sáng","content":"   "}"#, "entries[0].content"),
    ];
    for (entry, path) in cases {
        let error = parse_week("lịch tuần 42", URL, &week_doc(entry)).unwrap_err();
        let named = match &error.problem {
            Problem::MissingField { path } | Problem::WrongType { path, .. } => path.clone(),
            other => panic!("{entry}: unexpected {other:?}"),
        };
        assert_eq!(named, path, "{entry}");
        assert!(error.vietnamese().contains("lịch tuần 42"));
    }
}

#[test]
fn unknown_versions_and_wrong_weeks_are_refused() {
    let future = r#"{"version":2,"week":"2023-W42","entries":[]}"#;
    assert!(parse_week("d", URL, future).is_err());
    let impossible = r#"{"week":"2023-W53","entries":[]}"#;
    assert!(parse_week("d", URL, impossible).is_err());
    let parsed = parse_week("d", URL, r#"{"week":"2023-W41","entries":[]}"#).unwrap();
    let error = expect_week("d", parsed, IsoWeek::new(2023, 42).unwrap()).unwrap_err();
    assert_eq!(error.problem, Problem::WrongType { path: "week".into(), expected: "2023-W42".into() });
}

#[test]
fn oversized_and_truncated_documents_are_errors() {
    let huge = format!(r#"{{"week":"2023-W42","entries":[],"pad":"{}"}}"#, "x".repeat(SCHEDULE_LIMIT_BYTES));
    assert!(matches!(parse_week("d", URL, &huge).unwrap_err().problem, Problem::TooLarge { .. }));
    let cut = &week_doc(r#"{"date":"2023-10-19","part":"sáng","content":"x"}"#)[..40];
    assert!(matches!(parse_week("d", URL, cut).unwrap_err().problem, Problem::Malformed { .. }));
}

#[test]
fn index_is_sorted_and_checked() {
    let index = parse_index("d", URL, r#"{"weeks":["2026-W48","2023-W42","2024-W01","2023-W42"]}"#).unwrap();
    let names: Vec<String> = index.weeks.iter().map(|w| w.to_string()).collect();
    assert_eq!(names, ["2023-W42", "2024-W01", "2026-W48"]);
    let error = parse_index("d", URL, r#"{"weeks":["2023-W42","2023-42"]}"#).unwrap_err();
    assert!(matches!(error.problem, Problem::WrongType { ref path, .. } if path == "weeks[1]"));
}

#[test]
fn clock_times_are_strict() {
    assert_eq!(ClockTime::parse("07:05").map(|t| t.minute_of_day()), Some(425));
    for bad in ["7:05", "24:00", "12:60", "ab:cd", "0700", ""] {
        assert_eq!(ClockTime::parse(bad), None, "{bad}");
    }
}

#[test]
fn only_web_links_are_kept() {
    let text = week_doc(r#"{"date":"2023-10-19","part":"sáng","content":"x","link":"javascript:alert(1)"}"#);
    assert_eq!(parse_week("d", URL, &text).unwrap().entries[0].link, None);
}

#[test]
fn route_weeks_must_exist() {
    assert_eq!(week_from_route("2023", "42"), IsoWeek::new(2023, 42));
    assert_eq!(week_from_route("2026", "01"), IsoWeek::new(2026, 1));
    assert_eq!(week_from_route("2020", "53"), IsoWeek::new(2020, 53));
    for (year, week) in [("2023", "53"), ("2023", "0"), ("2023", "x"), ("23", "1"), ("20230", "1"), ("2023", "-1")] {
        assert_eq!(week_from_route(year, week), None, "{year}/{week}");
    }
}

#[test]
fn the_picker_takes_what_is_typed_or_says_why_not() {
    assert_eq!(picked_week(" 2024 ", "1 "), Ok(IsoWeek::new(2024, 1).unwrap()));
    assert_eq!(picked_week("2023", "53"), Err("Năm “2023” không có tuần “53”.".to_string()));
    assert_eq!(picked_week("", ""), Err("Năm “” không có tuần “”.".to_string()));
}
