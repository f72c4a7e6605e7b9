//! The science and technology tasks' files (content-sources.md, "Science
//! and technology tasks"): documents, lists, facets with money, statuses
//! from the dates, news linked by id, and problems named by file, line
//! and field.

mod support;

use support::Site;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n";

fn task(code: &str, start: &str, extra: &str) -> String {
    format!(
        "code: {code}\nname: Bảo tồn nguồn gen cây dược liệu\nlevel: Tỉnh\ntype: Đề tài\nsector: Y dược\n\
         host: Trung tâm mẫu\nleader: TS. A\nstart: {start}\nend: 2027-03\nfunding: 1.250.000.000\n\
         province_funding: 1000000000\n{extra}"
    )
}

fn site() -> Site {
    std::env::set_var("PORTAL_TODAY", "2026-12-05");
    let site = Site::new();
    site.write("content/tep/nhiem-vu/a.pdf", PDF);
    site
}

#[test]
fn a_task_gets_its_page_lists_facets_money_and_news() {
    let site = site();
    let extra = "attachments:\n  - file: /tep/nhiem-vu/a.pdf\n    name: Báo cáo\nnews:\n  - '1'\n";
    site.write("content/nhiem-vu/gen.yml", task("ĐT.1/23", "2023-10", extra));
    site.write("content/nhiem-vu/sau.yml", task("ĐT.2/27", "2027-01", ""));
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    let doc = site.json("site/data/nhiem-vu/gen.json");
    assert_eq!((doc["version"].as_u64(), doc["status"].as_str()), (Some(1), Some("dang-thuc-hien")));
    assert_eq!(doc["funding"], 1_250_000_000_u64, "dots between thousands are read");
    assert_eq!(doc["attachments"][0]["url"], "../tep/nhiem-vu/a.pdf");
    assert_eq!(doc["news"][0]["title"], "Bài một");
    assert!(site.exists("site/data/tep/nhiem-vu/a.pdf"), "the file is copied");
    // A task that starts after today is being selected.
    assert_eq!(site.json("site/data/nhiem-vu/sau.json")["status"], "dang-tuyen-chon");
    let all = site.json("site/data/nhiem-vu/ds/tat-ca/1.json");
    assert_eq!((all["total_items"].as_u64(), all["items"][0]["id"].as_str()), (Some(2), Some("sau")));
    for list in ["nam-2023", "linh-vuc-y-duoc", "cap-tinh", "trang-thai-dang-thuc-hien"] {
        assert!(site.exists(&format!("site/data/nhiem-vu/ds/{list}/1.json")), "{list}");
    }
    let facets = site.json("site/data/nhiem-vu/bo-loc.json");
    assert_eq!(facets["total_funding"], 2_500_000_000_u64);
    assert_eq!(facets["province_funding"], 2_000_000_000_u64);
    let status = &facets["facets"][3];
    assert_eq!(status["key"], "trang-thai");
    assert_eq!(status["values"][0]["slug"], "dang-tuyen-chon", "statuses in their own order");
    assert_eq!(status["values"][0]["funding"], 1_250_000_000_u64);
    assert!(site.build().written.is_empty(), "nothing changed: nothing written");
}

#[test]
fn acceptance_and_transfer_set_the_status() {
    let site = site();
    let accepted = "acceptance:\n  rating: Khá\n  date: 2025-10-20\n";
    site.write("content/nhiem-vu/xong.yml", task("A/1", "2023-10", accepted));
    site.write("content/nhiem-vu/giao.yml", task("A/2", "2023-10", &format!("{accepted}transferred: 2026-01-05\n")));
    site.write("content/nhiem-vu/cho.yml", task("A/3", "2026-10", "status: dang-tuyen-chon\n"));
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    let status = |id: &str| site.json(&format!("site/data/nhiem-vu/{id}.json"))["status"].as_str().unwrap().to_string();
    assert_eq!([status("xong"), status("giao"), status("cho")], ["da-nghiem-thu", "da-chuyen-giao", "dang-tuyen-chon"]);
    let done = site.json("site/data/nhiem-vu/xong.json");
    assert_eq!(
        (done["acceptance"]["rating"].as_str(), done["acceptance"]["date"].as_str()),
        (Some("Khá"), Some("2025-10-20"))
    );
}

#[test]
fn bad_files_are_named_by_file_line_and_field() {
    let site = site();
    site.write("content/nhiem-vu/a.yml", task("A/1", "2023-10", ""));
    site.build();
    let before = site.read("site/data/nhiem-vu/a.json");
    let bad = task("A/1", "10/2023", "status: da-nghiem-thu\nnews:\n  - '999'\ncatgory: x\n")
        .replace("level: Tỉnh", "level: Huyện")
        .replace("funding: 1.250.000.000", "funding: 1,2 tỷ");
    site.write("content/nhiem-vu/a.yml", bad);
    site.write("content/nhiem-vu/Sai Ten.yml", task("B/1", "2023-01", ""));
    site.write(
        "content/nhiem-vu/b.yml",
        task("B/2", "2023-01", "transferred: 2024-01-01\n").replace("end: 2027-03", "end: 2022-12"),
    );
    site.write("content/nhiem-vu/c.yml", task("C/1", "2023-01", "news:\n  - '999'\n"));
    site.write("content/nhiem-vu/d.yml", task("C/1", "2023-01", ""));
    let problems = site.problems(&site.build());
    let expected = [
        "content/nhiem-vu/Sai Ten.yml: a task is content/nhiem-vu/<id>.yml",
        "content/nhiem-vu/a.yml:3: level: \"Huyện\": expected one of Quốc gia, Tỉnh, Cơ sở",
        "content/nhiem-vu/a.yml:8: start: \"10/2023\": expected a month, YYYY-MM",
        "content/nhiem-vu/a.yml:10: funding: \"1,2 tỷ\": expected an amount in đồng",
        "content/nhiem-vu/a.yml:12: status: \"da-nghiem-thu\": only dang-tuyen-chon is written",
        "content/nhiem-vu/a.yml:15: catgory: unknown field",
        "content/nhiem-vu/b.yml:9: end: 2022-12 is before the task starts (2023-01)",
        "content/nhiem-vu/b.yml:12: transferred: a task is handed over after its acceptance",
        "content/nhiem-vu/c.yml:12: news: no article with id 999 in content/tin",
    ];
    for wanted in expected {
        assert!(problems.iter().any(|p| p.starts_with(wanted)), "missing {wanted:?} in {problems:#?}");
    }
    // Two files with one code: the second is named.
    assert!(problems.iter().any(|p| p.contains(": code: C/1 is also content/nhiem-vu/")), "{problems:#?}");
    assert_eq!(site.read("site/data/nhiem-vu/a.json"), before, "a broken file keeps its document");
}
