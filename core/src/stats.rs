//! The visitor statistics document (`data/thong-ke.json` by default): how
//! many people are online, today's visits, all visits, and when a counter
//! service counted them. The format is written down in docs/formats/statistics.md.

use super::date::VietnamTime;
use super::error::DocError;
use super::json::{parse_document, Node};
use super::json_text::quote;

/// The name the statistics go by in error messages.
pub const STATS_DOCUMENT: &str = "thống kê truy cập";

/// The document is about a hundred bytes; a few kilobytes leaves room for a
/// counter service's extra fields, and anything larger is a mistake.
pub const STATS_LIMIT_BYTES: usize = 4 * 1024;

/// The format version this build reads and the shipped sample carries.
pub const STATS_VERSION: u64 = 1;

/// The figures of one count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitorStats {
    /// People on the site right now.
    pub online: u64,
    /// Visits since midnight, Vietnam time.
    pub today: u64,
    /// Visits since the counter started.
    pub total: u64,
    /// When the counter service counted them, as Unix seconds.
    pub counted_at: i64,
}

/// Reads a statistics document. `document` names it in errors, so that the
/// same parser serves the fetched file and figures another tab passed on.
pub fn parse_stats(document: &str, text: &str) -> Result<VisitorStats, DocError> {
    let value = parse_document(document, text, STATS_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    // Optional, so that a minimal counter service need not know about it; but
    // a later, incompatible version must not be read as if it were this one.
    root.with_field("version", |version| match version.unsigned()? {
        STATS_VERSION => Ok(()),
        _ => Err(version.invalid("1")),
    })?;
    Ok(VisitorStats {
        online: root.required_unsigned("online")?,
        today: root.required_unsigned("today")?,
        total: root.required_unsigned("total")?,
        counted_at: root.with_required("counted_at", |node| node.instant())?,
    })
}

/// "Cập nhật lúc 08:05": when the figures were counted, with the date too
/// when that was not today in Vietnam (a counter that stopped long ago).
pub fn counted_label(counted_at: i64, now_seconds: i64) -> String {
    format!("Cập nhật lúc {}", clock_and_day(counted_at, now_seconds))
}

/// The mark on figures that are no longer current, with when they last arrived.
pub fn stale_label(last_success_seconds: i64, now_seconds: i64) -> String {
    format!("Số liệu chưa cập nhật, lần cuối lúc {}", clock_and_day(last_success_seconds, now_seconds))
}

/// Said instead when no figures have arrived at all.
pub const UNAVAILABLE_LABEL: &str = "Chưa tải được số liệu";

/// The body of the optional page-view beacon (docs/formats/statistics.md):
/// the path the visitor opened, the browser's random visitor id (made by
/// [`visitor_id`], never from anything about the person), and whether this
/// page view is the first of a browser session, which a counter counts as
/// a visit (docs/formats/visitor-counting.md).
pub fn pageview_body(path: &str, visitor: &str, first: bool) -> String {
    // The id is digits only (from `visitor_id`, or what this browser stored).
    format!(r#"{{"path":{},"version":{STATS_VERSION},"visitor":"{visitor}","first":{first}}}"#, quote(path))
}

/// A visitor id from a random number in [0, 1) (`Math.random()`): 16
/// decimal digits, the first never 0, so always 16.
pub fn visitor_id(random: f64) -> String {
    (1_000_000_000_000_000 + (random * 8.999e15) as u64).to_string()
}

fn clock_and_day(at_seconds: i64, now_seconds: i64) -> String {
    let at = VietnamTime::from_unix_seconds(at_seconds);
    if at.date == VietnamTime::from_unix_seconds(now_seconds).date {
        at.clock()
    } else {
        format!("{} ngày {}", at.clock(), at.date.dashed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Problem;

    const SEED: &str =
        r#"{"version":1,"online":1,"today":2490,"total":3314815,"counted_at":"2023-10-19T08:05:00+07:00"}"#;

    fn problem(text: &str) -> Problem {
        parse_stats(STATS_DOCUMENT, text).unwrap_err().problem
    }

    fn wrong_type(path: &str, expected: &str) -> Problem {
        Problem::WrongType { path: path.into(), expected: expected.into() }
    }

    #[test]
    fn reads_the_seed_figures() {
        let stats = parse_stats(STATS_DOCUMENT, SEED).unwrap();
        assert_eq!(stats, VisitorStats { online: 1, today: 2490, total: 3_314_815, counted_at: 1_697_677_500 });
    }

    #[test]
    fn unknown_fields_are_ignored_and_version_may_be_left_out() {
        let text = r#"{"online":0,"today":0,"total":7,"counted_at":"2024-01-01T00:00:00Z","bots":12,"by_page":{}}"#;
        let stats = parse_stats(STATS_DOCUMENT, text).unwrap();
        assert_eq!((stats.online, stats.today, stats.total), (0, 0, 7));
    }

    #[test]
    fn missing_fields_are_named() {
        assert_eq!(
            problem(r#"{"online":1,"total":5,"counted_at":"2024-01-01T00:00:00Z"}"#),
            Problem::MissingField { path: "today".into() }
        );
        assert_eq!(problem(r#"{"online":1,"today":2,"total":5}"#), Problem::MissingField { path: "counted_at".into() });
        // null counts as absent, as everywhere in the portal's formats.
        assert_eq!(
            problem(r#"{"online":null,"today":2,"total":5,"counted_at":"2024-01-01T00:00:00Z"}"#),
            Problem::MissingField { path: "online".into() }
        );
    }

    #[test]
    fn wrong_types_and_negative_or_fractional_counts_are_refused() {
        let at = r#""counted_at":"2024-01-01T00:00:00Z""#;
        let integer = "non-negative integer";
        assert_eq!(problem(&format!(r#"{{"online":"1","today":2,"total":5,{at}}}"#)), wrong_type("online", integer));
        assert_eq!(problem(&format!(r#"{{"online":1,"today":-2,"total":5,{at}}}"#)), wrong_type("today", integer));
        assert_eq!(problem(&format!(r#"{{"online":1,"today":2,"total":5.5,{at}}}"#)), wrong_type("total", integer));
        assert_eq!(
            problem(r#"{"online":1,"today":2,"total":5,"counted_at":"19-10-2023 08:05"}"#),
            wrong_type("counted_at", "RFC 3339 date-time")
        );
        assert_eq!(problem(r#"[1,2490,3314815]"#), wrong_type("", "object"));
    }

    #[test]
    fn other_versions_are_refused() {
        let text = SEED.replace(r#""version":1"#, r#""version":2"#);
        assert_eq!(problem(&text), wrong_type("version", "1"));
        let text = SEED.replace(r#""version":1"#, r#""version":"1""#);
        assert_eq!(problem(&text), wrong_type("version", "non-negative integer"));
    }

    #[test]
    fn malformed_truncated_and_oversized_documents_are_refused() {
        assert!(matches!(problem(&SEED[..40]), Problem::Malformed { .. }));
        assert!(matches!(problem("<!doctype html><p>index</p>"), Problem::Malformed { .. }));
        let padded = SEED.replace('{', &format!("{{\"padding\":\"{}\",", "x".repeat(STATS_LIMIT_BYTES)));
        assert!(matches!(problem(&padded), Problem::TooLarge { .. }));
    }

    #[test]
    fn errors_name_the_document_given() {
        let error = parse_stats("thống kê từ thẻ khác", "{}").unwrap_err();
        assert_eq!(error.document, "thống kê từ thẻ khác");
        assert!(error.vietnamese().contains("thống kê từ thẻ khác"));
    }

    #[test]
    fn labels_give_the_vietnam_clock_and_the_date_when_not_today() {
        let counted = 1_697_677_500; // 2023-10-19 08:05 in Vietnam
        assert_eq!(counted_label(counted, counted + 3600), "Cập nhật lúc 08:05");
        assert_eq!(counted_label(counted, counted + 86_400), "Cập nhật lúc 08:05 ngày 19-10-2023");
        assert_eq!(stale_label(counted + 120, counted + 600), "Số liệu chưa cập nhật, lần cuối lúc 08:07");
    }

    #[test]
    fn pageview_body_carries_the_path_visitor_and_session_start_as_json() {
        assert_eq!(
            pageview_body("/tin/1019/doan-kiem-tra", "4728193057261938", true),
            r#"{"path":"/tin/1019/doan-kiem-tra","version":1,"visitor":"4728193057261938","first":true}"#
        );
        let odd = pageview_body("/tin/\"><script>", "1000000000000000", false);
        let value = crate::json_text::parse(&odd).unwrap();
        assert_eq!(value.get("path").and_then(|path| path.as_str()), Some("/tin/\"><script>"));
        assert_eq!(value.get("visitor").and_then(|id| id.as_str()), Some("1000000000000000"));
        assert!(odd.ends_with(r#""first":false}"#));
    }

    #[test]
    fn visitor_ids_are_sixteen_digits_of_the_random_number() {
        assert_eq!(visitor_id(0.0), "1000000000000000");
        assert_eq!(visitor_id(0.999_999_999_999_999_9), "9998999999999999");
        for random in [0.0, 1e-12, 0.123_456_789, 0.5, 0.999_999_999_999_999_9] {
            let id = visitor_id(random);
            assert!(id.len() == 16 && id.bytes().all(|b| b.is_ascii_digit()), "{id}");
        }
        assert_ne!(visitor_id(0.123_456_789), visitor_id(0.123_456_79));
    }
}
