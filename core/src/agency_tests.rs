use super::*;
use crate::agency_pages::{every_page, page_body, Part};
use crate::error::Problem;

const URL: &str = "https://h.vn/data/gioi-thieu.json";

const DOC: &str = r#"{
  "version": 1, "future": "bỏ qua",
  "name": "Sở Khoa học và Công nghệ tỉnh Quảng Trị",
  "name_en": "Quang Tri Department of Science and Technology",
  "address": "204 Hùng Vương, Đông Hà", "phone": "0233.3550 382", "email": "a@b.vn",
  "map": { "image": "anh/ban-do.svg", "url": "https://www.openstreetmap.org/" },
  "functions_html": "<p>Tham mưu</p>",
  "leaders": [ { "name": "Nguyễn Văn A (mẫu)", "title": "Giám đốc", "photo": "anh/a.svg" } ],
  "units": [
    { "slug": "van-phong", "name": "Văn phòng", "kind": "phong", "tasks_html": "<p>x</p>", "head": "Chánh Văn phòng" },
    { "slug": "trung-tam", "name": "Trung tâm <x>", "kind": "don-vi", "name_en": "Centre" }
  ],
  "spokesperson": { "name": "Trần B (mẫu)", "title": "Phó Giám đốc", "phone": "0233 1" },
  "procedures": [ { "name": "Cấp giấy", "url": "https://dichvucong.gov.vn/1", "field": "SHTT", "level": "Cấp tỉnh" } ],
  "english": { "about": ["We are."] }
}"#;

fn href(route: &str) -> String {
    format!("/portal{route}")
}

#[test]
fn a_document_reads_with_relative_urls_made_absolute() {
    let agency = parse_agency("giới thiệu", URL, DOC).unwrap();
    assert_eq!(agency.map_image.as_deref(), Some("https://h.vn/data/anh/ban-do.svg"));
    assert_eq!(agency.leaders[0].photo.as_deref(), Some("https://h.vn/data/anh/a.svg"));
    assert_eq!(agency.units[1].kind, UnitKind::Subordinate);
    assert_eq!(agency.about_en, ["We are."]);
    assert!(agency.functions_en.is_empty() && agency.links.is_empty());
}

#[test]
fn missing_and_wrong_fields_are_named() {
    let error = parse_agency("giới thiệu", URL, &DOC.replace("\"functions_html\"", "\"x\"")).unwrap_err();
    assert_eq!(error.problem, Problem::MissingField { path: "functions_html".into() });
    let error = parse_agency("giới thiệu", URL, &DOC.replace("\"kind\": \"phong\"", "\"kind\": \"ban\"")).unwrap_err();
    assert!(matches!(error.problem, Problem::WrongType { ref path, .. } if path == "units[0].kind"), "{error:?}");
    assert!(parse_agency("giới thiệu", URL, &DOC.replace("\"version\": 1", "\"version\": 2")).is_err());
    assert!(parse_agency("giới thiệu", URL, &"x".repeat(AGENCY_LIMIT_BYTES + 1)).is_err());
}

fn html_of(part: &Part) -> String {
    let agency = parse_agency("giới thiệu", URL, DOC).unwrap();
    page_body(&agency, part, &[], &href).unwrap().1
}

#[test]
fn the_chart_is_a_nested_list_of_linked_units() {
    let html = html_of(&Part::Organisation);
    assert!(html.contains("<li>Giám đốc: Nguyễn Văn A (mẫu)</li>"), "{html}");
    assert!(html.contains("<a href=\"/portal/gioi-thieu/co-cau-to-chuc/van-phong\">Văn phòng</a>"), "{html}");
    assert!(html.contains("Trung tâm &lt;x&gt;"), "text is escaped: {html}");
    let offices = html.find("Các phòng").unwrap();
    assert!(
        offices < html.find("Văn phòng").unwrap() && html.find("Văn phòng").unwrap() < html.find("Các đơn vị").unwrap()
    );
}

#[test]
fn rich_text_goes_in_as_it_is_and_a_unit_page_has_its_tasks() {
    assert!(html_of(&Part::Functions).contains("<p>Tham mưu</p>"));
    let unit = html_of(&Part::Unit("van-phong".into()));
    assert!(unit.contains("Chánh Văn phòng") && unit.contains("<p>x</p>"), "{unit}");
    let agency = parse_agency("giới thiệu", URL, DOC).unwrap();
    assert_eq!(page_body(&agency, &Part::Unit("khong-co".into()), &[], &href), None);
}

#[test]
fn contacts_are_links_a_phone_can_follow() {
    let html = html_of(&Part::Contact);
    assert!(html.contains("<a href=\"tel:02333550382\">0233.3550 382</a>"), "{html}");
    assert!(html.contains("<a href=\"mailto:a@b.vn\">a@b.vn</a>"), "{html}");
    assert!(html.contains("https://www.openstreetmap.org/") && html.contains("ban-do.svg"), "{html}");
    assert!(html.contains("Trần B (mẫu)"), "the spokesperson: {html}");
}

#[test]
fn procedures_are_a_table_linking_to_the_public_service_portal() {
    let html = html_of(&Part::Procedures);
    assert!(html.contains("<th scope=\"col\">Lĩnh vực</th>"));
    assert!(html.contains("<td><a href=\"https://dichvucong.gov.vn/1\" rel=\"noopener\">Cấp giấy</a></td><td>SHTT</td><td>Cấp tỉnh</td>"), "{html}");
}

#[test]
fn the_english_page_is_in_english_and_links_back() {
    let agency = parse_agency("giới thiệu", URL, DOC).unwrap();
    let (heading, _) = page_body(&agency, &Part::English, &[], &href).unwrap();
    assert_eq!(heading, "Quang Tri Department of Science and Technology");
    let html = html_of(&Part::English);
    assert!(html.contains("<li>Centre</li>") && html.contains("<dt>Phone</dt>"), "{html}");
    assert!(html.contains("href=\"/portal/gioi-thieu\" lang=\"vi\" hreflang=\"vi\""), "{html}");
    assert_eq!(Part::English.lang(), "en");
}

#[test]
fn the_site_map_reaches_every_page_type() {
    let html = html_of(&Part::SiteMap);
    for route in [
        "/portal/\"",
        "/portal/gioi-thieu/lanh-dao-so",
        "/portal/lich-cong-tac",
        "/portal/tim-kiem",
        "/portal/en/",
        "/portal/lien-he",
        "/portal/tiep-can-thong-tin",
        "co-cau-to-chuc/van-phong",
    ] {
        assert!(html.contains(route), "{route}: {html}");
    }
}

#[test]
fn addresses_name_their_part_also_under_a_sub_path() {
    assert_eq!(Part::from_path("/portal/gioi-thieu"), Some(Part::Overview));
    assert_eq!(Part::from_path("/en/"), Some(Part::English));
    assert_eq!(Part::from_path("/gioi-thieu/co-cau-to-chuc/van-phong?x=1"), Some(Part::Unit("van-phong".into())));
    assert_eq!(Part::from_path("/gioi-thieu/khong-co"), None);
    assert_eq!(Part::from_path("/gioi-thieu/co-cau-to-chuc/a/b"), None);
}

#[test]
fn the_app_finds_its_page_among_the_drawn_ones() {
    let agency = parse_agency("giới thiệu", "gioi-thieu.json", DOC).unwrap();
    assert_eq!(agency.map_image.as_deref(), Some("anh/ban-do.svg"), "relative to a relative document");
    let pages = every_page(&agency, &[], &href);
    assert_eq!(pages.len(), 5 + 2 + 6, "overview, four about pages, two units, six others");
    let json: Vec<String> = pages
        .iter()
        .map(|(path, title, lang, html)| {
            format!(
                r#"{{"path":"{path}","title":"{}","lang":"{lang}","html":{}}}"#,
                title.replace('"', ""),
                crate::json_text::quote(html)
            )
        })
        .collect();
    let text = format!(r#"{{"version":1,"pages":[{}]}}"#, json.join(","));
    let found = find_page(parse_agency_pages("giới thiệu", &text).unwrap(), "/en?x");
    assert_eq!(
        found.map(|page| (page.title, page.lang)),
        Some(("Quang Tri Department of Science and Technology".into(), "en".into()))
    );
    let pages = parse_agency_pages("giới thiệu", &text).unwrap();
    assert!(find_page(pages.clone(), "/gioi-thieu/co-cau-to-chuc/trung-tam/").is_some());
    assert!(find_page(pages, "/gioi-thieu/khong-co").is_none());
    let error = parse_agency_pages("giới thiệu", DOC).unwrap_err();
    assert_eq!(error.problem, Problem::MissingField { path: "pages".into() });
}
