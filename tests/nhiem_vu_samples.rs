//! The shipped science and technology tasks registry (data/nhiem-vu/,
//! written by the builder from content/nhiem-vu/): every document validates
//! against its JSON Schema and parses with the app's own parser; the lists,
//! the facet index and its money agree with the tasks; the sample has what
//! the issue asks of it (at least 30 tasks in every status, the sample
//! news' medicinal-plant gene conservation task linked to its article).
#![cfg(not(target_arch = "wasm32"))]

mod registry_files;
mod schema_check;

use portal::core::facets::{list_name, parse_facets, ALL_LIST};
use portal::core::nhiem_vu::{
    parse_task, parse_task_list, TaskDetail, TaskListPage, TaskStatus, NHIEM_VU_LIMIT_BYTES, TASK_FACET_KEYS,
};
use registry_files::{root, Registry};
use std::collections::BTreeSet;

const REGISTRY: Registry = Registry { folder: "data/nhiem-vu", schemas: "nhiem-vu", limit: NHIEM_VU_LIMIT_BYTES };

fn tasks() -> Vec<TaskDetail> {
    REGISTRY.documents(|url, text| parse_task("nhiệm vụ", url, text))
}

/// Every page of list `list`, validated and parsed.
fn list(list: &str) -> Vec<TaskListPage> {
    REGISTRY.list(list, |text| parse_task_list("danh sách", text))
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
    let text = REGISTRY.facet_index();
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
            let text = REGISTRY.read(&root().join(format!("data/tin/{}.json", article.id)));
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
