//! `content/gioi-thieu.yml` (content-sources.md, "The department"): the
//! document it makes, and each rule, with the problem named by file, line
//! and field and the last good document kept.

mod support;

use support::Site;

const DOC: &str = "site/data/gioi-thieu.json";
const SOURCE: &str = "content/gioi-thieu.yml";

const GOOD: &str = "name: Sở A
name_en: Department A
phone: 0233 1
email: so@a.vn
map_image: anh/hoi-thao.png
map_url: https://www.openstreetmap.org/
functions: |
  Tham mưu **quản lý**.
leaders:
  - name: Người A (mẫu)
    title: Giám đốc
units:
  - slug: van-phong
    name: Văn phòng
    kind: phong
    tasks: Hành chính.
  - slug: trung-tam
    name: Trung tâm
    kind: don-vi
published:
  - name: Lịch
    url: /lich-cong-tac
procedures:
  - name: Thủ tục
    url: https://dichvucong.gov.vn/1
    level: Cấp tỉnh
english:
  about:
    - We are.
";

#[test]
fn a_clean_source_makes_the_document_and_publishes_its_media() {
    let site = Site::new();
    site.write(SOURCE, GOOD);
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", site.problems(&outcome));
    let document = site.json(DOC);
    assert_eq!(document["name_en"], "Department A");
    assert_eq!(document["functions_html"], "<p>Tham mưu <strong>quản lý</strong>.</p>");
    assert_eq!(document["units"][0]["tasks_html"], "<p>Hành chính.</p>");
    assert_eq!(document["units"][1]["kind"], "don-vi");
    assert_eq!(document["map"]["image"], "anh/hoi-thao.png");
    assert_eq!(document["english"]["about"][0], "We are.");
    assert!(site.exists("site/data/anh/hoi-thao.png"), "the map is published");
    // The pages the app reads, drawn from the description, links relative
    // to the document (one folder under the site's root).
    let pages = document["pages"].as_array().unwrap();
    let paths: Vec<&str> = pages.iter().map(|page| page["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 5 + 2 + 6, "{paths:?}");
    assert!(paths.contains(&"/gioi-thieu/co-cau-to-chuc/trung-tam") && paths.contains(&"/en/"), "{paths:?}");
    let chart = pages.iter().find(|page| page["path"] == "/gioi-thieu/co-cau-to-chuc").unwrap();
    assert_eq!(chart["title"], "Cơ cấu tổ chức");
    assert!(chart["html"]
        .as_str()
        .unwrap()
        .contains("<a href=\"../gioi-thieu/co-cau-to-chuc/van-phong\">Văn phòng</a>"));
    let english = pages.iter().find(|page| page["path"] == "/en/").unwrap();
    assert_eq!((english["lang"].as_str(), english["title"].as_str()), (Some("en"), Some("Department A")));
    let site_map = pages.iter().find(|page| page["path"] == "/so-do-cong").unwrap();
    assert!(site_map["html"].as_str().unwrap().contains("../chuyen-muc/"), "the categories are in the site map");
    assert!(!outcome.unused_media.contains(&"anh/hoi-thao.png".to_string()));
}

#[test]
fn no_source_no_document_and_no_problem() {
    let site = Site::new();
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty());
    assert!(!site.exists(DOC));
}

/// `GOOD` with `from` replaced: the problems told, the last good document kept.
fn problems_of(from: &str, to: &str) -> Vec<String> {
    let site = Site::new();
    site.write(SOURCE, GOOD);
    site.build();
    let before = site.read(DOC);
    assert!(GOOD.contains(from), "{from}");
    site.write(SOURCE, GOOD.replace(from, to));
    let outcome = site.build();
    assert_eq!(site.read(DOC), before, "a broken source keeps the last good document");
    site.problems(&outcome)
}

#[test]
fn each_rule_names_file_line_and_field() {
    let cases = [
        ("name_en: Department A\n", "", "content/gioi-thieu.yml:1: name_en: required"),
        ("kind: phong", "kind: ban", "content/gioi-thieu.yml:15: units[0].kind: \"ban\": either phong"),
        ("slug: trung-tam", "slug: van-phong", "units[1].slug: the slug \"van-phong\" is used twice"),
        ("slug: trung-tam", "slug: Trung_Tam", "content/gioi-thieu.yml:17: units[1].slug: \"Trung_Tam\": a slug"),
        ("email: so@a.vn", "email: so-a.vn", "content/gioi-thieu.yml:4: email: \"so-a.vn\" is not an email address"),
        (
            "url: /lich-cong-tac",
            "url: lich-cong-tac",
            "content/gioi-thieu.yml:22: published[0].url: \"lich-cong-tac\": an address on the portal",
        ),
        (
            "url: https://dichvucong",
            "url: ftp://dichvucong",
            "content/gioi-thieu.yml:25: procedures[0].url: \"ftp://dichvucong.gov.vn/1\": a web address",
        ),
        ("map_image: anh/hoi-thao.png", "map_image: anh/khong-co.png", "content/gioi-thieu.yml:5: map_image:"),
        ("    title: Giám đốc\n", "    title: Giám đốc\n    chuc_vu: x\n", "leaders[0].chuc_vu"),
    ];
    for (from, to, expected) in cases {
        let problems = problems_of(from, to);
        assert!(problems.iter().any(|p| p.starts_with(expected) || p.contains(expected)), "{expected}\n{problems:?}");
    }
}
