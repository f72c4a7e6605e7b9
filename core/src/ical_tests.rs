//! The iCalendar writer checked against RFC 5545's rules.

use super::*;
use crate::date::parse_rfc3339;
use crate::schedule::parse_week;

const STAMP: &str = "2023-10-13T09:30:15Z";

fn schedule(entries: &str) -> WeekSchedule {
    let text = format!(r#"{{"week":"2023-W42","entries":[{entries}]}}"#);
    parse_week("d", "https://h.vn/data/lich-cong-tac/2023-W42.json", &text).unwrap()
}

fn calendar(entries: &str) -> String {
    week_calendar(&schedule(entries), "Lịch công tác Tuần 42", parse_rfc3339(STAMP).unwrap(), "skhcn.example")
}

/// Undoes the folding (§3.1): a CRLF followed by one space or tab disappears.
fn unfolded(text: &str) -> Vec<String> {
    text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n").map(str::to_string).collect()
}

fn property<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines.iter().filter_map(|line| line.strip_prefix(name)).collect()
}

const FULL: &str = r#"{"date":"2023-10-16","part":"sáng","start":"08:00","end":"11:30",
    "content":"Họp giao ban Sở; triển khai nhiệm vụ quý IV, năm 2023","chair":"Giám đốc Sở",
    "attendees":"Lãnh đạo Sở, Trưởng các phòng\\đơn vị","location":"Phòng họp số 1, tầng 2",
    "notes":"Mang theo báo cáo\ngiấy mời gửi sau"}"#;

#[test]
fn every_line_ends_in_crlf_and_none_is_over_75_octets() {
    let long =
        "Hội nghị tổng kết chương trình phát triển tài sản trí tuệ và ứng dụng tiến bộ khoa học công nghệ ".repeat(4);
    let text = calendar(&format!(r#"{FULL},{{"date":"2023-10-17","part":"chiều","content":"{long}"}}"#));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n') && !text.replace("\r\n", "").contains('\r'), "bare LF or CR");
    for physical in text.split("\r\n") {
        assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
    }
    // The long summary was folded, and unfolding gives it back whole.
    let lines = unfolded(&text);
    assert_eq!(property(&lines, "SUMMARY:")[1], long.trim_end());
}

#[test]
fn folding_never_splits_a_utf8_character() {
    // 'ệ' is three octets: slide it across the point where a cut at octet 75 falls.
    for prefix_len in 60..75 {
        let line = format!("SUMMARY:{}{}", "a".repeat(prefix_len - 8), "ệ".repeat(40));
        let mut out = String::new();
        push_folded(&mut out, &line);
        let bytes = out.as_bytes();
        let physical: Vec<&[u8]> = bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
        for (index, octets) in physical.iter().enumerate() {
            let octets = octets.strip_suffix(b"\r").expect("CRLF line end");
            assert!(octets.len() <= 75, "line {index}: {} octets", octets.len());
            if index > 0 {
                assert_eq!(octets[0], b' ', "a continuation starts with one space");
                // A UTF-8 continuation byte (10xxxxxx) right after the space would
                // mean a character was cut in two.
                assert_ne!(octets[1] & 0b1100_0000, 0b1000_0000, "line {index} starts mid-character");
            }
            if index + 1 < physical.len() {
                assert!(octets.len() >= 73, "folded early: line {index} has only {} octets", octets.len());
            }
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), line);
    }
}

#[test]
fn text_escapes_backslash_semicolon_comma_and_newline() {
    assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(escape_text("một\r\nhai\nba"), r"một\nhai\nba");
    assert_eq!(escape_text("x\u{7}y\tz"), "xy z", "control characters are not allowed in TEXT");
    let lines = unfolded(&calendar(FULL));
    assert_eq!(property(&lines, "SUMMARY:"), [r"Họp giao ban Sở\; triển khai nhiệm vụ quý IV\, năm 2023"]);
    assert_eq!(property(&lines, "LOCATION:"), [r"Phòng họp số 1\, tầng 2"]);
    let description = property(&lines, "DESCRIPTION:")[0];
    assert_eq!(
        description,
        r"Buổi: Sáng\nChủ trì: Giám đốc Sở\nThành phần: Lãnh đạo Sở\, Trưởng các phòng\\đơn vị\nGhi chú: Mang theo báo cáo\ngiấy mời gửi sau"
    );
}

#[test]
fn times_are_local_to_asia_ho_chi_minh_with_its_zone_defined() {
    let lines = unfolded(&calendar(FULL));
    assert_eq!(property(&lines, "DTSTART;TZID=Asia/Ho_Chi_Minh:"), ["20231016T080000"]);
    assert_eq!(property(&lines, "DTEND;TZID=Asia/Ho_Chi_Minh:"), ["20231016T113000"]);
    assert_eq!(property(&lines, "DTSTAMP:"), ["20231013T093015Z"]);
    assert_eq!(property(&lines, "TZID:"), ["Asia/Ho_Chi_Minh"], "one VTIMEZONE for the TZID used");
    assert_eq!(property(&lines, "TZOFFSETTO:"), ["+0700"]);
    assert_eq!(property(&lines, "X-WR-TIMEZONE:"), ["Asia/Ho_Chi_Minh"]);
    for required in ["VERSION:2.0", "BEGIN:VTIMEZONE", "END:VTIMEZONE"] {
        assert!(lines.iter().any(|l| l == required), "{required}");
    }
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
}

#[test]
fn one_event_per_entry_all_day_or_assumed_duration() {
    let text = calendar(&format!(
        r#"{FULL},
        {{"date":"2023-10-18","part":"chiều","content":"Làm việc tại cơ quan"}},
        {{"date":"2023-10-22","part":"tối","start":"23:30","content":"Trực đêm"}}"#
    ));
    let lines = unfolded(&text);
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 3);
    assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 3);
    assert_eq!(property(&lines, "DTSTART;VALUE=DATE:"), ["20231018"]);
    assert_eq!(property(&lines, "DTEND;VALUE=DATE:"), ["20231019"], "DTEND of a day is exclusive");
    // 23:30 plus the assumed hour ends after midnight, on the next day.
    assert_eq!(property(&lines, "DTEND;TZID=Asia/Ho_Chi_Minh:")[1], "20231023T003000");
    assert!(property(&lines, "LOCATION:").len() == 1, "no empty LOCATION for an entry without a place");
}

#[test]
fn uids_are_stable_and_unique() {
    let twice = format!("{FULL},{FULL}");
    let lines = unfolded(&calendar(&twice));
    let uids = property(&lines, "UID:");
    assert_eq!(uids.len(), 2);
    assert_ne!(uids[0], uids[1], "exact duplicates still get their own UID");
    assert!(uids[0].starts_with("20231016-") && uids[0].ends_with("@skhcn.example"));
    // Same entry, another file made at another time: same UID.
    let later = week_calendar(&schedule(FULL), "x", parse_rfc3339(STAMP).unwrap() + 86_400, "skhcn.example");
    assert_eq!(property(&unfolded(&later), "UID:")[0], uids[0]);
    assert_eq!(file_name(&schedule(FULL)), "lich-cong-tac-2023-W42.ics");
}
