use super::*;
use crate::error::Problem;

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

const ITEM: &str = r#""id":"2023-65-kh-ubnd","type":"Kế hoạch","number":"65/KH-UBND","issuer":"UBND tỉnh Quảng Trị",
    "issued":"2023-03-28","effective":"2023-03-28","status":"con-hieu-luc","summary":"Thực hiện …","sector":"Khoa học và công nghệ""#;

#[test]
fn the_status_is_derived_from_draft_replacement_and_dates() {
    let today = day("2024-06-01");
    assert_eq!(derive_status(true, true, None, None, today), Status::Draft);
    assert_eq!(derive_status(false, true, None, None, today), Status::Replaced);
    assert_eq!(derive_status(false, false, Some(day("2024-06-01")), None, today), Status::Expired);
    assert_eq!(derive_status(false, false, Some(day("2024-06-02")), None, today), Status::InForce);
    assert_eq!(derive_status(false, false, None, None, today), Status::InForce);
    // What dates cannot tell (annulled without a date), the source states.
    assert_eq!(derive_status(false, false, None, Some(Status::Expired), today), Status::Expired);
    // A replacement is known from the other document; it wins over a stated status.
    assert_eq!(derive_status(false, true, None, Some(Status::InForce), today), Status::Replaced);
}

#[test]
fn a_document_in_force_expires_on_its_day_without_a_rebuild() {
    let page = parse_list_page("d", &format!(r#"{{"version":1,"list":"tat-ca","page":1,"total_pages":1,"total_items":1,"items":[{{{ITEM},"expires":"2025-01-01"}}]}}"#)).unwrap();
    let doc = &page.items[0];
    assert_eq!(doc.status_on(day("2024-12-31")), Status::InForce);
    assert_eq!(doc.status_on(day("2025-01-01")), Status::Expired);
    assert_eq!(doc.title(), "Kế hoạch số 65/KH-UBND");
    assert_eq!(doc.facet_slug("loai"), "ke-hoach");
    assert_eq!(doc.facet_slug("co-quan"), "ubnd-tinh-quang-tri");
    assert_eq!(doc.facet_slug("nam"), "2023");
    assert!(doc.matches(&[("loai".into(), "ke-hoach".into()), ("tinh-trang".into(), "con-hieu-luc".into())]));
    assert!(!doc.matches(&[("nam".into(), "2024".into())]));
}

#[test]
fn a_detail_document_is_read_whole() {
    let text = format!(
        r#"{{"version":1,{ITEM},"signer":"Võ Văn Hưng","unknown":1,
        "attachments":[{{"name":"Toàn văn","url":"../tep/van-ban/65.pdf","size":2345,"type":"application/pdf"}}],
        "related":[{{"relation":"replaced_by","id":"2024-1","title":"Kế hoạch số 1/KH-UBND"}}],
        "draft":null,"cited_by":[{{"id":"1019","title":"Đoàn Kiểm tra"}}]}}"#
    );
    let detail = parse_detail("văn bản", "https://a.vn/data/van-ban/2023-65-kh-ubnd.json", &text).unwrap();
    assert_eq!(detail.attachments[0].url, "https://a.vn/data/tep/van-ban/65.pdf");
    assert_eq!(detail.related[0].relation, Relation::ReplacedBy);
    assert_eq!(detail.cited_by[0].id, "1019");
    assert_eq!(detail.signer.as_deref(), Some("Võ Văn Hưng"));
    assert_eq!(detail.draft, None);
}

#[test]
fn a_draft_has_its_deadline_and_no_number() {
    let text = r#"{"version":1,"id":"du-thao-1","type":"Quyết định","issuer":"Sở KH&CN","issued":"2026-11-20",
        "status":"du-thao","summary":"Dự thảo …","sector":"Tiêu chuẩn đo lường chất lượng",
        "draft":{"deadline":"2026-12-20","email":"gopy@skhcn.quangtri.gov.vn"}}"#;
    let detail = parse_detail("d", "https://a.vn/x.json", text).unwrap();
    assert_eq!(detail.doc.title(), "Quyết định (dự thảo)");
    assert_eq!(detail.draft.unwrap().deadline, day("2026-12-20"));
}

#[test]
fn bad_documents_name_the_field() {
    let missing = parse_detail("văn bản", "https://a.vn/x.json", r#"{"version":1,"id":"x"}"#).unwrap_err();
    assert_eq!(missing.problem, Problem::MissingField { path: "type".into() });
    let status = ITEM.replace("con-hieu-luc", "hieu-luc");
    let wrong = parse_detail("d", "https://a.vn/x.json", &format!("{{{status}}}")).unwrap_err();
    assert!(matches!(wrong.problem, Problem::WrongType { ref path, .. } if path == "status"));
    let date = ITEM.replace("2023-03-28\",\"effective", "28/3/2023\",\"effective");
    assert!(parse_detail("d", "https://a.vn/x.json", &format!("{{{date}}}")).is_err());
    let version = parse_detail("d", "https://a.vn/x.json", &format!(r#"{{"version":2,{ITEM}}}"#)).unwrap_err();
    assert!(matches!(version.problem, Problem::WrongType { ref path, .. } if path == "version"));
    let huge = format!("{{\"x\":\"{}\"}}", "a".repeat(VAN_BAN_LIMIT_BYTES));
    assert!(matches!(parse_list_page("d", &huge).unwrap_err().problem, Problem::TooLarge { .. }));
}
