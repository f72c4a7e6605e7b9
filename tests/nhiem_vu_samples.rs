//! The shipped science and technology tasks registry (data/nhiem-vu/,
//! written by the builder from content/nhiem-vu/): every document validates
//! against its JSON Schema and parses with the app's own parser; the lists,
//! the facet index and its money agree with the tasks; the sample has what
//! the issue asks of it (at least 30 tasks in every status, the sample
//! news' medicinal-plant gene conservation task linked to its article).
#![cfg(not(target_arch = "wasm32"))]

mod schema_check;

use portal::core::facets::{list_name, parse_facets, ALL_LIST};
use portal::core::nhiem_vu::{
    parse_task, parse_task_list, TaskDetail, TaskListPage, TaskStatus, NHIEM_VU_LIMIT_BYTES, TASK_FACET_KEYS,
};
use schema_check::{compile, violations};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const FOLDER: &str = "data/nhiem-vu";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/build-content.sh)", path.display()));
    assert!(text.len() < NHIEM_VU_LIMIT_BYTES, "{}: over the size limit", path.display());
    text
}

fn valid(schema: &str, path: &Path, text: &str) {
    let value: Value = serde_json::from_str(text).unwrap();
    let problems = violations(&compile(schema), &value);
    assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
}

fn tasks() -> Vec<TaskDetail> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(FOLDER))
        .expect("data/nhiem-vu (scripts/build-content.sh)")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json") && !path.ends_with("bo-loc.json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = read(path);
            valid("nhiem-vu-document", path, &text);
            let url = format!("https://h.vn/{FOLDER}/{}", path.file_name().unwrap().to_str().unwrap());
            parse_task("nhiệm vụ", &url, &text).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.english()))
        })
        .collect()
}

/// Every page of list `list`, validated and parsed.
fn list(list: &str) -> Vec<TaskListPage> {
    let mut pages = Vec::new();
    for page in 1.. {
        let path = root().join(FOLDER).join("ds").join(list).join(format!("{page}.json"));
        if !path.exists() {
            break;
        }
        let text = read(&path);
        valid("nhiem-vu-list", &path, &text);
        pages.push(
            parse_task_list("danh sách", &text).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.english())),
        );
    }
    assert!(!pages.is_empty(), "no list {list}");
    pages
}

#[test]
fn every_task_validates_and_parses_and_opens_its_file() {
    let tasks = tasks();
    assert!(tasks.len() >= 30, "at least 30 tasks, found {}", tasks.len());
    for detail in &tasks {
        for file in &detail.attachments {
            let local = file.url.strip_prefix("https://h.vn/").unwrap();
            let bytes = std::fs::read(root().join(local)).unwrap_or_else(|e| panic!("{local}: {e}"));
            assert_eq!(bytes.len() as u64, file.size, "{local}");
            assert!(bytes.starts_with(b"%PDF-1.4") && bytes.ends_with(b"%%EOF\n"), "{local}: not a whole PDF");
        }
    }
}

#[test]
fn the_list_of_everything_is_every_task_newest_first_in_pages_of_20() {
    let pages = list(ALL_LIST);
    let items: Vec<_> = pages.iter().flat_map(|page| page.items.clone()).collect();
    assert_eq!(items.len(), tasks().len());
    assert!(pages.iter().all(|page| page.items.len() <= 20 && page.total_items == items.len() as u64));
    assert!(items.windows(2).all(|pair| pair[0].start >= pair[1].start), "newest first");
}

#[test]
fn each_facet_value_has_its_list_its_count_and_its_money() {
    let path = root().join(FOLDER).join("bo-loc.json");
    let text = read(&path);
    valid("nhiem-vu-facets", &path, &text);
    let index = parse_facets("bộ lọc", &text, NHIEM_VU_LIMIT_BYTES).unwrap();
    let keys: Vec<&str> = index.facets.iter().map(|facet| facet.key.as_str()).collect();
    assert_eq!(keys, TASK_FACET_KEYS);
    let all: Vec<_> = list(ALL_LIST).into_iter().flat_map(|p| p.items).collect();
    assert_eq!(index.total_funding, Some(all.iter().map(|task| task.funding).sum()));
    assert_eq!(index.province_funding, Some(all.iter().filter_map(|task| task.province_funding).sum()));
    for facet in &index.facets {
        for value in &facet.values {
            let items: Vec<_> = list(&list_name(&facet.key, &value.slug)).into_iter().flat_map(|p| p.items).collect();
            assert_eq!(items.len() as u64, value.count, "{}={}", facet.key, value.slug);
            assert_eq!(value.funding, Some(items.iter().map(|task| task.funding).sum()), "{}", value.slug);
            let filter = [(facet.key.clone(), value.slug.clone())];
            assert!(items.iter().all(|item| item.matches(&filter)), "{}={}", facet.key, value.slug);
        }
    }
}

#[test]
fn the_sample_has_every_status_level_and_the_news_tasks_linked() {
    let tasks = tasks();
    let statuses: BTreeSet<TaskStatus> = tasks.iter().map(|t| t.task.status).collect();
    assert_eq!(statuses.len(), TaskStatus::ALL.len(), "{statuses:?}");
    let levels: BTreeSet<&str> = tasks.iter().map(|t| t.task.level.as_str()).collect();
    assert_eq!(levels.len(), 3, "{levels:?}");
    let gene = tasks.iter().find(|t| t.task.name.contains("nguồn gen") && t.task.name.contains("dược liệu"));
    let gene = gene.expect("the medicinal-plant gene conservation task of the sample news");
    assert!(gene.news.iter().any(|article| article.id == "1013"), "linked to the council's article");
    // Every task a sample article tells of names it, under the article's own title.
    for detail in &tasks {
        for article in &detail.news {
            let text = read(&root().join(format!("data/tin/{}.json", article.id)));
            assert!(text.contains(&article.title), "{}: {}", detail.task.id, article.id);
        }
        assert!(
            detail.note.as_deref().is_some_and(|note| note.contains("mẫu")),
            "{}: marked as sample",
            detail.task.id
        );
    }
    // Accepted tasks say how and when; transferred ones too.
    for detail in tasks.iter().filter(|t| t.task.status >= TaskStatus::Accepted) {
        assert!(detail.acceptance.is_some(), "{}", detail.task.id);
    }
}
