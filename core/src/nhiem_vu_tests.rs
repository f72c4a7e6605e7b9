use super::*;
use crate::error::Problem;

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn month(text: &str) -> MonthYear {
    MonthYear::parse(text).unwrap()
}

const ITEM: &str = r#""id":"bao-ton-gen-duoc-lieu","code":"ĐTKH.07/23","name":"Bảo tồn nguồn gen cây dược liệu",
    "level":"Tỉnh","type":"Đề tài","sector":"Y dược","host":"Trung tâm Nghiên cứu","leader":"TS. Nguyễn Văn A",
    "start":"2023-10","end":"2025-09","funding":1250000000,"province_funding":1000000000,"status":"da-nghiem-thu""#;

#[test]
fn the_status_follows_start_acceptance_and_transfer() {
    let today = day("2024-06-15");
    let start = month("2024-06");
    assert_eq!(derive_task_status(start, None, None, None, today), TaskStatus::InProgress);
    assert_eq!(derive_task_status(month("2024-07"), None, None, None, today), TaskStatus::Selecting);
    // Selection that ran late keeps a task in selection past its start.
    assert_eq!(derive_task_status(start, None, None, Some(TaskStatus::Selecting), today), TaskStatus::Selecting);
    assert_eq!(derive_task_status(start, Some(day("2024-06-15")), None, None, today), TaskStatus::Accepted);
    // An acceptance set for a later day has not happened yet.
    assert_eq!(derive_task_status(start, Some(day("2024-06-16")), None, None, today), TaskStatus::InProgress);
    let transferred = Some(day("2024-05-01"));
    assert_eq!(derive_task_status(start, Some(day("2024-01-01")), transferred, None, today), TaskStatus::Transferred);
    // What happened wins over a stated selection.
    let accepted = Some(day("2024-01-01"));
    assert_eq!(derive_task_status(start, accepted, None, Some(TaskStatus::Selecting), today), TaskStatus::Accepted);
}

#[test]
fn months_are_read_and_written_both_ways() {
    assert_eq!(month("2023-01").slashed(), "01/2023");
    assert_eq!(month("2023-01").to_string(), "2023-01");
    assert_eq!(month("2023-01").months_to(month("2023-12")), 12);
    assert_eq!(month("2023-10").months_to(month("2025-09")), 24);
    for bad in ["2023-13", "2023-00", "2023-1", "01/2023", "23-01", ""] {
        assert_eq!(MonthYear::parse(bad), None, "{bad}");
    }
    assert!(month("2023-12") < month("2024-01"));
}

#[test]
fn a_list_page_is_read_and_its_tasks_filtered() {
    let text = format!(
        r#"{{"version":1,"list":"tat-ca","page":1,"total_pages":1,"total_items":1,"items":[{{{ITEM},"x":1}}]}}"#
    );
    let page = parse_task_list("d", &text).unwrap();
    let task = &page.items[0];
    assert_eq!((task.funding, task.province_funding), (1_250_000_000, Some(1_000_000_000)));
    assert_eq!(task.facet_slug("nam"), "2023");
    assert_eq!(task.facet_slug("linh-vuc"), "y-duoc");
    assert_eq!(task.facet_slug("cap"), "tinh");
    assert_eq!(task.facet_slug("trang-thai"), "da-nghiem-thu");
    assert!(task.matches(&[("cap".into(), "tinh".into()), ("nam".into(), "2023".into())]));
    assert!(!task.matches(&[("trang-thai".into(), "dang-thuc-hien".into())]));
}

#[test]
fn a_task_document_is_read_whole() {
    let text = format!(
        r#"{{"version":1,{ITEM},"acceptance":{{"rating":"Khá","date":"2025-10-20"}},"results":"Lưu giữ 12 loài.",
        "applied_at":"Vườn dược liệu Đakrông","attachments":[{{"name":"Báo cáo tóm tắt","url":"../tep/nhiem-vu/a.pdf",
        "size":1500,"type":"application/pdf"}}],"news":[{{"id":"1013","title":"Hội đồng tư vấn"}}]}}"#
    );
    let detail = parse_task("nhiệm vụ", "https://a.vn/data/nhiem-vu/a.json", &text).unwrap();
    assert_eq!(detail.acceptance.as_ref().unwrap().rating, "Khá");
    assert_eq!(detail.attachments[0].url, "https://a.vn/data/tep/nhiem-vu/a.pdf");
    assert_eq!(detail.news[0].id, "1013");
    assert_eq!(detail.transferred, None);
    assert_eq!(detail.applied_at.as_deref(), Some("Vườn dược liệu Đakrông"));
}

#[test]
fn bad_documents_name_the_field() {
    let missing = parse_task("nhiệm vụ", "https://a.vn/x.json", r#"{"version":1,"id":"x"}"#).unwrap_err();
    assert_eq!(missing.problem, Problem::MissingField { path: "code".into() });
    let status = ITEM.replace("da-nghiem-thu", "xong");
    let wrong = parse_task("d", "https://a.vn/x.json", &format!("{{{status}}}")).unwrap_err();
    assert!(matches!(wrong.problem, Problem::WrongType { ref path, .. } if path == "status"));
    let start = ITEM.replace("\"2023-10\"", "\"10/2023\"");
    let wrong = parse_task("d", "https://a.vn/x.json", &format!("{{{start}}}")).unwrap_err();
    assert!(matches!(wrong.problem, Problem::WrongType { ref path, .. } if path == "start"));
    let money = ITEM.replace("1250000000", "\"1.250.000.000\"");
    assert!(parse_task("d", "https://a.vn/x.json", &format!("{{{money}}}")).is_err());
    let version = parse_task("d", "https://a.vn/x.json", &format!(r#"{{"version":2,{ITEM}}}"#)).unwrap_err();
    assert!(matches!(version.problem, Problem::WrongType { ref path, .. } if path == "version"));
    let huge = format!("{{\"x\":\"{}\"}}", "a".repeat(NHIEM_VU_LIMIT_BYTES));
    assert!(matches!(parse_task_list("d", &huge).unwrap_err().problem, Problem::TooLarge { .. }));
}
