//! Every rule of the builder (docs/formats/content-sources.md), one test
//! each, over a real content folder: what a broken file is told, that it
//! keeps its previous documents, and that everything else is still written.

mod support;

use support::{article, Site};

const DOC_1: &str = "site/data/tin/1.json";
const DOC_2: &str = "site/data/tin/2026-hai.json";

#[test]
fn a_clean_folder_builds_every_document() {
    let site = Site::new();
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", outcome.report.problems);
    for path in [DOC_1, DOC_2, "site/data/tin-moi/1.json", "site/data/chuyen-muc.json", "site/config.json"] {
        assert!(site.exists(path), "{path}");
    }
    assert!(site.exists("site/data/chuyen-muc/khac/1.json"), "an empty category still has its first page");
    assert_eq!(site.json("site/config.json")["site"]["address"], "Địa chỉ: B");
    let latest = site.json("site/data/tin-moi/1.json");
    assert_eq!(latest["items"][0]["id"], "2026-hai", "newest first; an absent id is derived from the path");
    assert_eq!(site.json(DOC_1)["items"][0]["date_published"], "2026-01-05T08:00:00+07:00", "Vietnam time");
    assert_eq!(outcome.unused_media, ["anh/hoi-thao.png"], "a photo no source names is listed");
    assert!(!site.exists("site/data/anh/hoi-thao.png"), "and not published");
}

/// A broken file: its message, its old document kept, the others written, a failing run.
fn broken(site: &Site, path: &str, text: &str) -> Vec<String> {
    site.build();
    let before = site.read(DOC_1);
    site.write(path, text);
    site.write("content/tin/2026/hai.md", article("Bài hai, sửa", "2026-01-06 09:00", "", "Mới.\n"));
    let outcome = site.build();
    assert!(site.read(DOC_2).contains("Bài hai, sửa"), "the other article is still written");
    if path.ends_with("mot.md") {
        assert_eq!(site.read(DOC_1), before, "the broken article keeps its previous document");
    }
    site.problems(&outcome)
}

#[test]
fn broken_front_matter_names_file_and_line() {
    let site = Site::new();
    let text = "---\ntitle: Bài một\ndate: [2026\nid: '1'\n---\nx\n";
    let problems = broken(&site, "content/tin/2026/mot.md", text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("content/tin/2026/mot.md:"), "{problems:?}");
    assert!(problems[0].contains("not valid YAML"), "{problems:?}");
}

#[test]
fn an_unknown_category_is_named_with_its_line() {
    let site = Site::new();
    let text = "---\ntitle: Bài một\ndate: 2026-01-05 08:00\ncategory: tin-hoat-dong\nid: '1'\n---\nx\n";
    let problems = broken(&site, "content/tin/2026/mot.md", text);
    assert_eq!(problems, ["content/tin/2026/mot.md:4: category: no category \"tin-hoat-dong\" in chuyen-muc.yml"]);
}

#[test]
fn a_missing_image_is_named_in_the_front_matter_and_in_the_body() {
    let site = Site::new();
    let text =
        article("Bài một", "2026-01-05 08:00", "image: /anh/khong-co.jpg\nid: '1'\n", "a\n\n![x](/anh/mat.png)\n");
    let problems = broken(&site, "content/tin/2026/mot.md", &text);
    assert_eq!(
        problems,
        [
            "content/tin/2026/mot.md:5: image: missing file: content/anh/khong-co.jpg does not exist",
            "content/tin/2026/mot.md:10: body: missing file: content/anh/mat.png does not exist",
        ]
    );
}

#[test]
fn a_duplicate_id_names_both_files() {
    let site = Site::new();
    let text = article("Bài ba", "2026-01-07 08:00", "id: '1'\n", "x\n");
    let problems = broken(&site, "content/tin/2026/ba.md", &text);
    assert_eq!(
        problems,
        [
            "content/tin/2026/ba.md:5: id: the id \"1\" is also content/tin/2026/mot.md's",
            "content/tin/2026/mot.md:5: id: the id \"1\" is also content/tin/2026/ba.md's",
        ]
    );
}

#[test]
fn a_date_in_the_wrong_form_is_refused() {
    let site = Site::new();
    let text = article("Bài một", "19/10/2023", "id: '1'\n", "x\n");
    let problems = broken(&site, "content/tin/2026/mot.md", &text);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("content/tin/2026/mot.md:3: date: \"19/10/2023\": expected a date"),
        "{problems:?}"
    );
}

#[test]
fn unknown_fields_related_ids_and_bad_ids_are_refused() {
    let site = Site::new();
    let extra = "catgory: x\nrelated:\n  - 99\n  - 1\nid: '1'\n";
    let problems = broken(&site, "content/tin/2026/mot.md", &article("Bài một", "2026-01-05 08:00", extra, "x\n"));
    assert_eq!(problems, ["content/tin/2026/mot.md:5: catgory: unknown field (see docs/formats/content-sources.md)"]);
    let extra = "related:\n  - 99\nid: '1'\n";
    let problems = broken(&site, "content/tin/2026/mot.md", &article("Bài một", "2026-01-05 08:00", extra, "x\n"));
    assert_eq!(problems, ["content/tin/2026/mot.md:5: related: no article has the id \"99\""]);
    let problems = broken(&site, "content/tin/2026/mot.md", &article("Bài một", "2026-01-05 08:00", "id: 'a b'\n", ""));
    assert!(problems[0].starts_with("content/tin/2026/mot.md:5: id: \"a b\""), "{problems:?}");
}

#[test]
fn files_in_the_wrong_place_are_refused() {
    let site = Site::new();
    site.write("content/tin/2026/Bai Moi.md", article("X", "2026-01-05 08:00", "", ""));
    site.write("content/tin/ghi-chu.txt", "x");
    let problems = site.problems(&site.build());
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().all(|p| p.contains("an article is content/tin/YYYY/<name>.md")), "{problems:?}");
}

#[test]
fn a_failing_run_exits_non_zero_and_prints_file_line_field() {
    let site = Site::new();
    site.write("content/tin/2026/mot.md", article("Bài một", "2026-01-05", "", ""));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_portal-builder"))
        .args(["--content", "content", "--out", "site/data"])
        .current_dir(site.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("content/tin/2026/mot.md:3: date: \"2026-01-05\""), "{errors}");
    assert!(site.exists(DOC_2), "the other article is written");
}

#[test]
fn a_broken_categories_file_keeps_the_last_good_categories() {
    let site = Site::new();
    site.build();
    let categories = site.read("site/data/chuyen-muc.json");
    site.write("content/chuyen-muc.yml", "categories:\n  - slug: Sai Slug\n    name: x\n");
    let problems = site.problems(&site.build());
    assert!(problems[0].starts_with("content/chuyen-muc.yml:2: categories[0].slug: \"Sai Slug\""), "{problems:?}");
    assert_eq!(site.read("site/data/chuyen-muc.json"), categories);
}

#[test]
fn broken_site_settings_keep_config_json() {
    let site = Site::new();
    site.build();
    let config = site.read("site/config.json");
    site.write("content/thong-tin-chung.yml", "name: Cổng\n");
    let problems = site.problems(&site.build());
    assert_eq!(problems.len(), 4, "owner, responsible, address, phone: {problems:?}");
    assert_eq!(site.read("site/config.json"), config);
}
