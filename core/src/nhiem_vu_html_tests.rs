use super::*;
use crate::facets::parse_facets;
use crate::nhiem_vu::{parse_task, parse_task_list};

const ITEM: &str = r#""id":"gen-duoc-lieu","code":"ĐTKH.07/23","name":"Bảo tồn nguồn gen <cây> dược liệu",
    "level":"Tỉnh","type":"Đề tài","sector":"Y dược","host":"Trung tâm & Nghiên cứu","leader":"TS. A",
    "start":"2023-10","end":"2025-09","funding":1250000000,"province_funding":1000000000,"status":"da-nghiem-thu""#;

fn index() -> FacetIndex {
    parse_facets(
        "bộ lọc",
        r#"{"total_items":30,"total_funding":21500000000,"province_funding":18000000000,"facets":[
        {"key":"trang-thai","name":"Trạng thái","values":[{"slug":"dang-thuc-hien","name":"Đang thực hiện","count":12,"funding":9000000000},
            {"slug":"da-nghiem-thu","name":"Đã nghiệm thu","count":3,"funding":2500000000}]},
        {"key":"cap","name":"Cấp","values":[{"slug":"tinh","name":"Tỉnh","count":30}]}]}"#,
        10_000,
    )
    .unwrap()
}

#[test]
fn rows_write_money_in_dong_and_escape_every_text() {
    let page = parse_task_list(
        "d",
        &format!(r#"{{"version":1,"list":"tat-ca","page":1,"total_pages":1,"total_items":1,"items":[{{{ITEM}}}]}}"#),
    )
    .unwrap();
    let html = task_rows_html(&page.items, |route| format!("/portal{route}"));
    assert!(html.contains("<a href=\"/portal/nhiem-vu/gen-duoc-lieu/bao-ton-nguon-gen-cay-duoc-lieu\">"), "{html}");
    assert!(html.contains("Bảo tồn nguồn gen &lt;cây&gt; dược liệu"), "{html}");
    assert!(html.contains("Mã số ĐTKH.07/23 · Đề tài cấp tỉnh · Y dược"), "{html}");
    assert!(html.contains("Trung tâm &amp; Nghiên cứu · 10/2023–09/2025 · 1.250.000.000 đồng"), "{html}");
    assert!(html.contains("nhiem-vu-status-da-nghiem-thu\">Đã nghiệm thu"), "{html}");
}

#[test]
fn the_summary_gives_every_number_as_text_beside_its_bar() {
    let html = summary_html(&index(), &|route: &str| route.to_string());
    assert!(html.contains("30 nhiệm vụ, tổng kinh phí <strong>21.500.000.000 đồng</strong>, trong đó ngân sách tỉnh 18.000.000.000 đồng."), "{html}");
    assert!(html.contains("<caption>Theo trạng thái</caption>"), "{html}");
    // Counts and money in cells; the bars (hidden from screen readers) scaled to the largest.
    assert!(html.contains("<a href=\"/nhiem-vu?trang-thai=dang-thuc-hien\">Đang thực hiện</a></th><td>12</td><td>9.000.000.000 đồng</td>"), "{html}");
    assert!(html.contains("aria-hidden=\"true\" focusable=\"false\"><rect width=\"100\""), "{html}");
    assert!(html.contains("<rect width=\"25\""), "{html}");
    // Only status and sector are charted.
    assert!(!html.contains("Theo cấp"), "{html}");
}

#[test]
fn the_list_keeps_its_search_to_tasks_and_its_filters_in_links() {
    let filters = Filters(vec![("cap".into(), "tinh".into())]);
    let index = index();
    let view = ListView { filters: &filters, page: 2, facets: &index, items: &[], total: Some(30), total_pages: 2 };
    let html = task_list_html(&view, |route| route.to_string());
    assert!(html.contains("<input type=\"hidden\" name=\"kieu\" value=\"nhiem-vu\">"), "{html}");
    assert!(html.contains("<option value=\"tinh\" selected>Tỉnh (30)</option>"), "{html}");
    assert!(html.contains("Có 30 nhiệm vụ."), "{html}");
    assert!(html.contains("href=\"/nhiem-vu?cap=tinh\""), "{html}");
    assert!(html.contains("<a href=\"/nhiem-vu\">Bỏ lọc</a>"), "{html}");
}

#[test]
fn a_task_page_has_every_field_files_and_news() {
    let text = format!(
        r#"{{"version":1,{ITEM},"acceptance":{{"rating":"Khá","date":"2025-10-20"}},"results":"Lưu giữ 12 loài.\n\nXây dựng vườn.",
        "applied_at":"Vườn dược liệu","note":"Nhiệm vụ mẫu.","attachments":[{{"name":"Báo cáo tóm tắt","url":"../tep/nhiem-vu/a.pdf",
        "size":1500,"type":"application/pdf"}}],"news":[{{"id":"1013","title":"Hội đồng tư vấn"}}]}}"#
    );
    let detail = parse_task("d", "https://a.vn/data/nhiem-vu/a.json", &text).unwrap();
    let html = task_page_html(&detail, |route| route.to_string());
    assert!(html.contains("<h1 class=\"page-heading\">Bảo tồn nguồn gen &lt;cây&gt; dược liệu</h1>"), "{html}");
    assert!(html.contains("<a href=\"/nhiem-vu\">Nhiệm vụ KH&amp;CN</a>"), "{html}");
    for row in [
        "<th scope=\"row\">Mã số</th><td>ĐTKH.07/23</td>",
        "<th scope=\"row\">Thời gian thực hiện</th><td>Từ 10/2023 đến 09/2025</td>",
        "<th scope=\"row\">Kinh phí</th><td>1.250.000.000 đồng</td>",
        "<th scope=\"row\">Trong đó ngân sách tỉnh</th><td>1.000.000.000 đồng</td>",
        "<th scope=\"row\">Kết quả nghiệm thu</th><td>Xếp loại Khá, ngày 20/10/2025</td>",
        "<th scope=\"row\">Ngày chuyển giao</th><td>—</td>",
    ] {
        assert!(html.contains(row), "{row}\n{html}");
    }
    assert!(html.contains("<h2>Tóm tắt kết quả</h2><p>Lưu giữ 12 loài.</p><p>Xây dựng vườn.</p>"), "{html}");
    assert!(html.contains("href=\"https://a.vn/data/tep/nhiem-vu/a.pdf\" download>Báo cáo tóm tắt</a>"), "{html}");
    assert!(html.contains("<h2>Tin liên quan</h2><ul><li><a href=\"/tin/1013/hoi-dong-tu-van\">"), "{html}");
}
