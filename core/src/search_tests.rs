use super::*;
use crate::json_text::{parse, Value};
use proptest::prelude::*;

fn params(pairs: &[(&str, &str)]) -> SearchParams {
    SearchParams::from_query(|name| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| value.to_string()))
}

#[test]
fn the_address_round_trips_and_bad_parameters_are_dropped() {
    let read =
        params(&[("q", "cải cách hành chính"), ("chuyen-muc", "tin-hoat-dong-so"), ("nam", "2023"), ("trang", "3")]);
    assert_eq!(read.text, "cải cách hành chính");
    assert_eq!(read.category.as_deref(), Some("tin-hoat-dong-so"));
    assert_eq!((read.year, read.page), (Some(2023), 3));
    assert_eq!(
        read.route(),
        "/tim-kiem?q=c%E1%BA%A3i+c%C3%A1ch+h%C3%A0nh+ch%C3%ADnh&chuyen-muc=tin-hoat-dong-so&nam=2023&trang=3"
    );
    let bad = params(&[("q", "x"), ("nam", "hai nghìn"), ("trang", "-1"), ("chuyen-muc", "")]);
    assert_eq!(bad, SearchParams { text: "x".into(), category: None, kind: None, year: None, page: 1 });
    assert_eq!(bad.route(), "/tim-kiem?q=x");
    assert_eq!(params(&[("nam", "99999")]).year, None);
}

#[test]
fn a_huge_query_is_cut_and_blank_is_empty() {
    let long = "ă".repeat(10_000);
    assert_eq!(params(&[("q", &long)]).text.chars().count(), MAX_QUERY_CHARS);
    assert!(params(&[("q", "   ")]).is_empty());
    assert!(params(&[]).is_empty());
}

#[test]
fn the_request_is_json_the_worker_reads() {
    let request = params(&[("q", "\"đà\" \\ <b>"), ("nam", "2024"), ("trang", "2")]).request(7, true);
    let value = parse(&request).unwrap();
    assert_eq!(value.get("id").and_then(Value::as_u64), Some(7));
    assert_eq!(value.get("q").and_then(Value::as_str), Some("\"đà\" \\ <b>"));
    assert_eq!(value.get("typing").and_then(Value::as_bool), Some(true));
    assert_eq!(value.get("category"), Some(&Value::Null));
    assert_eq!(value.get("year").and_then(Value::as_u64), Some(2024));
    assert_eq!(value.get("page").and_then(Value::as_u64), Some(1));
}

const REPLY: &str = r#"{"id":3,"total":12,"page":1,"pages":2,"suggestion":null,
  "years":[2024,2023],"categories":[{"slug":"tin-hoat-dong-so","name":"Tin hoạt động Sở"}],
  "hits":[{"id":"1019","title":"Đoàn kiểm tra <b>","published":1697679000,
  "category_slug":"tin-hoat-dong-so","category_name":"Tin hoạt động Sở","snippet":"Sáng 19/10 & chiều",
  "title_marks":[[0,6]],"snippet_marks":[[0,5]],"exact":true}]}"#;

#[test]
fn a_reply_with_results_is_read() {
    let reply = parse_reply(REPLY).unwrap();
    assert_eq!(reply.id, 3);
    let found = reply.outcome.unwrap();
    assert_eq!((found.total, found.page, found.pages), (12, 1, 2));
    assert_eq!(found.years, [2024, 2023]);
    assert_eq!(found.categories, [("tin-hoat-dong-so".to_string(), "Tin hoạt động Sở".to_string())]);
    assert_eq!((found.hits[0].title_marks.len(), found.hits[0].title_marks.first()), (1, Some(&(0..6))));
    assert_eq!((found.hits[0].category_slug.as_str(), found.hits[0].exact), ("tin-hoat-dong-so", true));
    assert_eq!(count_text(&found, " kiểm tra "), "Tìm thấy 12 kết quả cho “kiểm tra”, trang 2/2.");
}

#[test]
fn an_error_reply_and_bad_replies() {
    let reply = parse_reply(r#"{"id":4,"error":"Chỉ mục tìm kiếm bị hỏng."}"#).unwrap();
    assert_eq!(reply.outcome, Err("Chỉ mục tìm kiếm bị hỏng.".to_string()));
    for bad in ["", "nonsense", "{}", r#"{"id":1}"#, r#"{"id":1,"total":1,"page":0,"pages":1,"hits":[{}]}"#, "[1]"] {
        assert!(parse_reply(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_list_escapes_every_text_from_the_index_and_links_the_articles_route() {
    let found = parse_reply(REPLY).unwrap().outcome.unwrap();
    let html = hits_html(&found.hits, |route| format!("/portal{route}"));
    assert!(
        html.contains("<a href=\"/portal/tin/1019/doan-kiem-tra-b\"><mark>Đoàn</mark> kiểm tra &lt;b&gt;</a>"),
        "{html}"
    );
    assert!(html.contains("<time>19/10/2023</time> · Tin hoạt động Sở"), "{html}");
    assert!(html.contains("<mark>Sáng</mark> 19/10 &amp; chiều"), "{html}");
    assert!(!html.contains("<b>"));
}

#[test]
fn wrong_marks_lose_the_highlight_not_the_text() {
    // "đà" is 4 bytes; 1..3 cuts a character, 2..99 runs past the end.
    assert_eq!(marked_html("đà nẵng", &[1..3, 2..99, 5..5]), "đà nẵng");
    assert_eq!(marked_html("a b c", &[4..5, 0..1]), "a b <mark>c</mark>");
    assert_eq!(count_text(&Results::default(), "xyz"), "Không tìm thấy kết quả nào cho “xyz”.");
}

proptest! {
    /// Whatever the marks, the text survives whole and unescaped markup never appears.
    #[test]
    fn marks_never_lose_or_inject_text(text in "\\PC{0,40}", marks in proptest::collection::vec((0usize..60, 0usize..60), 0..6)) {
        let marks: Vec<Range<usize>> = marks.into_iter().map(|(a, b)| a..b).collect();
        let html = marked_html(&text, &marks);
        let plain = html.replace("<mark>", "").replace("</mark>", "");
        prop_assert_eq!(plain, escape(&text));
    }
}

#[test]
fn the_page_keeps_the_query_and_filters_escaped() {
    let read = params(&[("q", "\"><script>"), ("nam", "2019"), ("chuyen-muc", "khong-co")]);
    let html = page_html(&read, "/portal/tim-kiem");
    assert!(html.contains("value=\"&quot;&gt;&lt;script&gt;\""), "{html}");
    assert!(!html.contains("<script"));
    assert!(html.contains("action=\"/portal/tim-kiem\""));
    // The address's choices are offered even before the index names any.
    assert!(html.contains("<option value=\"2019\" selected>2019</option>"), "{html}");
    assert!(html.contains("<option value=\"khong-co\" selected>khong-co</option>"), "{html}");
    assert!(page_html(&params(&[]), "/tim-kiem").contains(PROMPT));
}

#[test]
fn the_filters_list_the_index_newest_year_first() {
    let categories = [("a".to_string(), "A & B".to_string())];
    let (category_html, year_html) = filter_options_html(&[2022, 2024, 2023], &categories, &params(&[("nam", "2023")]));
    assert_eq!(category_html, "<option value=\"\" selected>Tất cả</option><option value=\"a\">A &amp; B</option>");
    assert_eq!(
        year_html,
        "<option value=\"\">Tất cả</option><option value=\"2024\">2024</option>\
         <option value=\"2023\" selected>2023</option><option value=\"2022\">2022</option>"
    );
}

#[test]
fn results_come_with_pages_and_nothing_found_suggests_a_shorter_query() {
    let mut found = parse_reply(REPLY).unwrap().outcome.unwrap();
    let read = params(&[("q", "kiểm tra"), ("trang", "2")]);
    let html = results_html(&found, &read, |route| route.to_string());
    assert!(html.starts_with("<ol class=\"search-hits\"><li class=\"search-hit\">"), "{html}");
    assert!(html.contains("href=\"/tim-kiem?q=ki%E1%BB%83m+tra\">1</a>"), "page 1 link: {html}");
    assert!(html.contains("aria-current=\"page\">2</a>"), "{html}");
    found.total = 0;
    found.hits.clear();
    found.suggestion = Some("kiểm".into());
    let html = results_html(&found, &params(&[("q", "kiểm zzz")]), |route| route.to_string());
    assert!(html.contains("Thử bỏ bớt một từ: <a href=\"/tim-kiem?q=ki%E1%BB%83m\">kiểm</a>"), "{html}");
    assert!(error_html("<b>lỗi</b>")
        .contains("&lt;b&gt;lỗi&lt;/b&gt;</p><button type=\"button\" class=\"error-box-retry\" data-thu-lai>"));
}

#[test]
fn the_first_key_of_a_burst_asks_at_once_the_rest_when_it_pauses() {
    assert_eq!(ask_after_ms(5_000.0), None);
    assert_eq!(ask_after_ms(BURST_GAP_MS), None);
    assert_eq!(ask_after_ms(40.0), Some(BURST_PAUSE_MS));
}

#[test]
fn a_kind_travels_from_the_address_to_the_worker_and_results_link_their_kind() {
    let params = SearchParams::from_query(|name| match name {
        "q" => Some("65/kh".into()),
        "kieu" => Some("van-ban".into()),
        _ => None,
    });
    assert_eq!(params.kind.as_deref(), Some("van-ban"));
    assert_eq!(params.route(), "/tim-kiem?q=65%2Fkh&kieu=van-ban");
    assert!(params.request(3, false).ends_with(",\"page\":0,\"kind\":\"van-ban\"}"), "{}", params.request(3, false));
    let unknown = SearchParams::from_query(|name| (name == "kieu").then(|| "khac".to_string()));
    assert_eq!(unknown.kind, None);
    let hit = Hit {
        id: "2023-65".into(),
        title: "Kế hoạch số 65/KH-UBND".into(),
        category_slug: "van-ban".into(),
        ..Hit::default()
    };
    assert!(hits_html(&[hit], |route| route.to_string()).contains("href=\"/van-ban/2023-65/ke-hoach-so-65-kh-ubnd\""));
    assert!(page_html(&params, "/tim-kiem").contains("<option value=\"van-ban\" selected>Văn bản</option>"));
}
