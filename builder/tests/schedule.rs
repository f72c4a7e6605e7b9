//! The weekly schedule's files: one week document each, and the index.

mod support;

use support::Site;

const WEEK: &str = "week: 2023-W42\nupdated: 2023-10-13 16:30\nnote: Ghi chú\nentries:\n  - date: 2023-10-19\n    part: Sang\n    start: '07:30'\n    end: '11:00'\n    content: Họp\n    link: /tep/giay-moi.pdf\n  - date: '2023-10-20'\n    part: chiều\n    content: Làm việc\n";

#[test]
fn a_week_file_becomes_its_document_and_the_index_lists_it() {
    let site = Site::new();
    site.write("content/tep/giay-moi.pdf", "x");
    site.write("content/lich-cong-tac/2023-W42.yml", WEEK);
    site.write("content/lich-cong-tac/2024-W01.yml", "entries: []\n");
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    let week = site.json("site/data/lich-cong-tac/2023-W42.json");
    assert_eq!(week["version"], 1);
    assert_eq!(week["updated"], "2023-10-13T16:30:00+07:00");
    assert_eq!(week["entries"][0]["part"], "sáng", "canonical form");
    assert_eq!(week["entries"][0]["link"], "../tep/giay-moi.pdf");
    assert!(week["entries"][1].get("start").is_none());
    assert!(site.exists("site/data/tep/giay-moi.pdf"), "the attachment is copied");
    let index = site.json("site/data/lich-cong-tac/index.json");
    assert_eq!(index["weeks"], serde_json::json!(["2023-W42", "2024-W01"]));
    site.remove("content/lich-cong-tac/2024-W01.yml");
    assert_eq!(site.build().removed, ["data/lich-cong-tac/2024-W01.json"]);
}

#[test]
fn a_wrong_week_day_part_or_time_is_named() {
    let site = Site::new();
    site.write("content/tep/giay-moi.pdf", "x");
    site.write("content/lich-cong-tac/2023-W42.yml", WEEK);
    site.build();
    let before = site.read("site/data/lich-cong-tac/2023-W42.json");
    let bad = WEEK
        .replace("week: 2023-W42", "week: 2023-W43")
        .replace("date: 2023-10-19", "date: 2023-10-23")
        .replace("part: Sang", "part: trưa")
        .replace("end: '11:00'", "end: '07:00'");
    site.write("content/lich-cong-tac/2023-W42.yml", bad);
    site.write("content/lich-cong-tac/tuan-42.yml", "entries: []\n");
    let outcome = site.build();
    let problems = site.problems(&outcome);
    assert_eq!(
        problems,
        [
            "content/lich-cong-tac/2023-W42.yml:1: week: \"2023-W43\" is not the file's week 2023-W42",
            "content/lich-cong-tac/2023-W42.yml:5: entries[0].date: 2023-10-23 is not in the week 2023-W42",
            "content/lich-cong-tac/2023-W42.yml:6: entries[0].part: \"trưa\": expected sáng, chiều or tối",
            "content/lich-cong-tac/2023-W42.yml:8: entries[0].end: 07:00 is before the start, 07:30",
            "content/lich-cong-tac/tuan-42.yml: a week file is named after its ISO week, YYYY-Www.yml (2023-W42.yml)",
        ]
    );
    assert_eq!(site.read("site/data/lich-cong-tac/2023-W42.json"), before, "the previous week document stays");
    assert!(site.read("site/data/lich-cong-tac/index.json").contains("2023-W42"), "and stays in the index");
}

#[test]
fn a_lower_case_week_file_as_decap_names_it_is_the_same_week() {
    let site = Site::new();
    site.write("content/tep/giay-moi.pdf", "x");
    site.write("content/lich-cong-tac/2023-w42.yml", WEEK);
    let outcome = site.build();
    assert!(site.problems(&outcome).is_empty(), "{:?}", site.problems(&outcome));
    assert_eq!(site.json("site/data/lich-cong-tac/2023-W42.json")["week"], "2023-W42");
    let index = site.json("site/data/lich-cong-tac/index.json");
    assert_eq!(index["weeks"], serde_json::json!(["2023-W42"]));
}

#[test]
fn two_files_of_one_week_are_both_refused_and_the_week_keeps_its_document() {
    let site = Site::new();
    site.write("content/tep/giay-moi.pdf", "x");
    site.write("content/lich-cong-tac/2023-W42.yml", WEEK);
    site.build();
    let before = site.read("site/data/lich-cong-tac/2023-W42.json");
    site.write("content/lich-cong-tac/2023-w42.yml", WEEK.replace("Họp", "Họp giao ban"));
    let outcome = site.build();
    assert_eq!(
        site.problems(&outcome),
        [
            "content/lich-cong-tac/2023-W42.yml: the week 2023-W42 is also content/lich-cong-tac/2023-w42.yml's: keep one file",
            "content/lich-cong-tac/2023-w42.yml: the week 2023-W42 is also content/lich-cong-tac/2023-W42.yml's: keep one file",
        ]
    );
    assert_eq!(site.read("site/data/lich-cong-tac/2023-W42.json"), before);
    assert_eq!(site.json("site/data/lich-cong-tac/index.json")["weeks"], serde_json::json!(["2023-W42"]));
}
