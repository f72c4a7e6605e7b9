//! The legal documents registry's files (content-sources.md, "Legal
//! documents"): documents, lists, facets, relations, statuses, problems
//! named by file, line and field, and the links from articles.

mod support;

use support::{article, Site};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n";

fn document(number: &str, issued: &str, extra: &str) -> String {
    format!(
        "type: Kế hoạch\nnumber: {number}\nissuer: UBND tỉnh Quảng Trị\nissued: {issued}\nsummary: Kế hoạch mẫu\n\
         sector: Cải cách hành chính\nattachments:\n  - file: /tep/van-ban/a.pdf\n    name: Toàn văn\n{extra}"
    )
}

fn site() -> Site {
    std::env::set_var("PORTAL_TODAY", "2026-12-05");
    let site = Site::new();
    site.write("content/tep/van-ban/a.pdf", PDF);
    site
}

#[test]
fn a_document_gets_its_page_lists_facets_and_file_facts() {
    let site = site();
    site.write("content/van-ban/2023-65-kh-ubnd.yml", document("65/KH-UBND", "2023-03-28", "signer: A\n"));
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    let doc = site.json("site/data/van-ban/2023-65-kh-ubnd.json");
    assert_eq!((doc["version"].as_u64(), doc["status"].as_str()), (Some(1), Some("con-hieu-luc")));
    assert_eq!(doc["attachments"][0]["size"], PDF.len());
    assert_eq!(doc["attachments"][0]["type"], "application/pdf");
    assert_eq!(doc["attachments"][0]["url"], "../tep/van-ban/a.pdf");
    assert!(site.exists("site/data/tep/van-ban/a.pdf"), "the file is copied");
    let all = site.json("site/data/van-ban/ds/tat-ca/1.json");
    assert_eq!((all["total_items"].as_u64(), all["items"][0]["number"].as_str()), (Some(1), Some("65/KH-UBND")));
    assert!(site.exists("site/data/van-ban/ds/loai-ke-hoach/1.json"));
    assert!(site.exists("site/data/van-ban/ds/nam-2023/1.json"));
    assert!(site.exists("site/data/van-ban/ds/co-quan-ubnd-tinh-quang-tri/1.json"));
    let facets = site.json("site/data/van-ban/bo-loc.json");
    assert_eq!(facets["facets"][0]["values"][0]["name"], "Kế hoạch");
    // Nothing changed: nothing written.
    assert!(site.build().written.is_empty());
}

#[test]
fn replacement_and_amendment_are_written_both_ways_and_set_the_status() {
    let site = site();
    site.write("content/van-ban/cu.yml", document("1/QĐ-UBND", "2016-01-01", ""));
    site.write("content/van-ban/giua.yml", document("2/QĐ-UBND", "2020-01-01", "replaces:\n  - cu\n"));
    site.write("content/van-ban/moi.yml", document("3/QĐ-UBND", "2024-01-01", "replaces:\n  - giua\n"));
    site.write("content/van-ban/sua.yml", document("4/QĐ-UBND", "2025-01-01", "amends:\n  - moi\n"));
    site.write("content/van-ban/het.yml", document("5/QĐ-UBND", "2021-01-01", "expires: 2022-01-01\n"));
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    let status = |id: &str| site.json(&format!("site/data/van-ban/{id}.json"))["status"].as_str().unwrap().to_string();
    assert_eq!(
        [status("cu"), status("giua"), status("moi"), status("het")],
        ["bi-thay-the", "bi-thay-the", "con-hieu-luc", "het-hieu-luc"]
    );
    let giua = site.json("site/data/van-ban/giua.json");
    let relations: Vec<(&str, &str)> = giua["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["relation"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect();
    assert_eq!(relations, [("replaces", "cu"), ("replaced_by", "moi")]);
    assert_eq!(site.json("site/data/van-ban/moi.json")["related"][1]["relation"], "amended_by");
}

#[test]
fn a_draft_needs_a_deadline_and_where_comments_go_but_no_number() {
    let site = site();
    let draft = document("x", "2026-11-20", "draft:\n  deadline: 2026-12-20\n  email: gopy@example.vn\n")
        .replace("number: x\n", "");
    site.write("content/van-ban/du-thao.yml", draft);
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    let doc = site.json("site/data/van-ban/du-thao.json");
    assert_eq!((doc["status"].as_str(), doc["draft"]["deadline"].as_str()), (Some("du-thao"), Some("2026-12-20")));
    // An empty group, as the editor may leave it, is no draft.
    let empty = document("7/QĐ", "2026-11-20", "draft:\n  deadline:\n  email: ''\n");
    site.write("content/van-ban/du-thao.yml", empty);
    assert!(site.build().report.problems.is_empty());
}

#[test]
fn bad_files_are_named_by_file_line_and_field_and_keep_their_document() {
    let site = site();
    site.write("content/van-ban/a.yml", document("65/KH-UBND", "2023-03-28", ""));
    site.build();
    let before = site.read("site/data/van-ban/a.json");
    let bad =
        document("65/KH-UBND", "28/3/2023", "replaces:\n  - khong-co\ncatgory: x\n").replace("type: Kế hoạch\n", "");
    site.write("content/van-ban/a.yml", bad);
    site.write("content/van-ban/Sai Ten.yml", document("1/X", "2023-01-01", ""));
    site.write(
        "content/van-ban/b.yml",
        document("9/X", "2023-01-01", "").replace("/tep/van-ban/a.pdf", "/tep/van-ban/khong.pdf"),
    );
    site.write("content/van-ban/c.yml", document("10/X", "2023-01-01", "draft:\n  deadline: 2026-12-01\n"));
    let outcome = site.build();
    let problems = site.problems(&outcome);
    let expected = [
        "content/van-ban/Sai Ten.yml: a legal document is content/van-ban/<id>.yml",
        "content/van-ban/a.yml:1: type: required, but absent or empty",
        "content/van-ban/a.yml:3: issued: \"28/3/2023\": expected a day, YYYY-MM-DD",
        "content/van-ban/a.yml:11: catgory: unknown field",
        "content/van-ban/b.yml:8: attachments[0].file: missing file: content/tep/van-ban/khong.pdf does not exist",
        "content/van-ban/c.yml:11: draft.email: a draft says where comments go",
    ];
    for wanted in expected {
        assert!(problems.iter().any(|p| p.starts_with(wanted)), "missing {wanted:?} in {problems:#?}");
    }
    assert_eq!(site.read("site/data/van-ban/a.json"), before, "a broken file keeps its document");
    site.write("content/van-ban/a.yml", document("65/KH-UBND", "2023-03-28", "replaces:\n  - khong-co\n"));
    site.remove("content/van-ban/Sai Ten.yml");
    let problems = site.problems(&site.build());
    assert!(problems.iter().any(|p| p.starts_with("content/van-ban/a.yml:10: replaces: no document")), "{problems:#?}");
}

#[test]
fn an_article_naming_a_number_links_it_and_is_listed_on_its_page() {
    let site = site();
    site.write("content/van-ban/2023-65-kh-ubnd.yml", document("65/KH-UBND", "2023-03-28", ""));
    let body = "Theo Kế hoạch số 65/KH-UBND ngày 28/3/2023 và số 99/KH-UBND.\n";
    site.write("content/tin/2026/ba.md", article("Bài ba", "2026-01-07 08:00", "id: '3'\n", body));
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    let html = site.json("site/data/tin/3.json")["items"][0]["content_html"].as_str().unwrap().to_string();
    assert!(html.contains("<a href=\"../../van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd\">65/KH-UBND</a>"), "{html}");
    assert!(html.contains("số 99/KH-UBND."), "a number the registry lacks stays text: {html}");
    let doc = site.json("site/data/van-ban/2023-65-kh-ubnd.json");
    assert_eq!(doc["cited_by"][0]["id"], "3");
    // The document withdrawn: the article is rewritten without the link.
    site.remove("content/van-ban/2023-65-kh-ubnd.yml");
    let outcome = site.build();
    assert!(
        outcome.written.contains(&"site/data/tin/3.json".to_string())
            || outcome.written.iter().any(|p| p.ends_with("tin/3.json"))
    );
    let html = site.json("site/data/tin/3.json")["items"][0]["content_html"].as_str().unwrap().to_string();
    assert!(!html.contains("<a"), "{html}");
}
