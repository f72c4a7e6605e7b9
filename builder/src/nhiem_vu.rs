//! The science and technology tasks registry's documents
//! (docs/formats/nhiem-vu.md): one per task, the paged list of everything
//! and of each facet value, and the facet index with each value's money,
//! from `content/nhiem-vu/*.yml`.
//!
//! What needs the whole registry or the news is done here: each task's
//! status on the day of the build, its news articles (ids checked against
//! the archive, titles taken from it, newest first), one code given twice.

use crate::attachment::FileFacts;
use crate::registry_facets::{group_by_value, FacetGroup, Naming};
use crate::registry_list::write_paged_list;
use crate::source::nhiem_vu::{read_task, TaskSource, LEVELS};
use crate::source::problem::{Problem, Report};
use crate::writer::Output;
use portal_core::date::Date;
use portal_core::facets::{list_name, ALL_LIST};
use portal_core::nhiem_vu::{derive_task_status, TaskStatus, NHIEM_VU_FORMAT_VERSION, TASK_FACET_KEYS};
use portal_core::slug::slugify;
use serde::Serialize;
use std::collections::HashMap;
use std::io;
use std::path::Path;

/// A news article a task may name: its title and date (unix seconds).
pub type NewsIndex<'a> = HashMap<&'a str, (&'a str, i64)>;

/// A task with its status on the day of the build.
struct Entry {
    source: TaskSource,
    status: TaskStatus,
}

/// Reads every file of `paths`, checks them together, and writes the
/// registry's documents; returns the attachments' paths from `content/`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_tasks(
    content: &Path,
    shown_root: &str,
    paths: &[String],
    data_dir: &str,
    today: Date,
    news: &NewsIndex<'_>,
    out: &mut Output<'_>,
    report: &mut Report,
) -> io::Result<Vec<String>> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut codes: HashMap<String, String> = HashMap::new();
    for path in paths {
        let shown = format!("{shown_root}/{path}");
        let read = std::fs::read_to_string(content.join(path))
            .map_err(|error| vec![Problem::new(&shown, 0, "", format!("cannot read: {error}"))])
            .and_then(|text| read_task(content, path, &shown, &text))
            .and_then(|source| check_across(source, &shown, news, &mut codes));
        match read {
            Ok(source) => {
                let status =
                    derive_task_status(source.start, accepted(&source), source.transferred, source.stated, today);
                entries.push(Entry { source, status });
            }
            Err(problems) => {
                // A broken file keeps its last document, out of the lists.
                if let Some(id) = path.strip_prefix("nhiem-vu/").and_then(|name| name.strip_suffix(".yml")) {
                    out.sink.keep(&document_path(data_dir, id));
                }
                report.problems.extend(problems);
            }
        }
    }
    // Newest first: by the month it starts, then by id.
    entries.sort_by(|a, b| b.source.start.cmp(&a.source.start).then_with(|| b.source.id.cmp(&a.source.id)));
    let mut media = Vec::new();
    for entry in &entries {
        media.extend(entry.source.attachments.iter().map(|file| file.path.clone()));
        let path = document_path(data_dir, &entry.source.id);
        let mut articles: Vec<(&str, &str, i64)> = entry
            .source
            .news
            .iter()
            .filter_map(|id| news.get(id.as_str()).map(|(title, at)| (id.as_str(), *title, *at)))
            .collect();
        articles.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| b.0.cmp(a.0)));
        articles.dedup_by(|a, b| a.0 == b.0);
        let source = &entry.source;
        let document = DetailDoc {
            version: NHIEM_VU_FORMAT_VERSION,
            item: item_doc(entry),
            acceptance: source
                .acceptance
                .as_ref()
                .map(|(rating, date)| AcceptanceDoc { rating, date: date.to_string() }),
            transferred: source.transferred.map(|date| date.to_string()),
            results: source.results.as_deref(),
            applied_at: source.applied_at.as_deref(),
            note: source.note.as_deref(),
            attachments: source.attachments.iter().map(|file: &FileFacts| file.doc(&path, data_dir)).collect(),
            news: articles.iter().map(|(id, title, _)| NewsDoc { id, title }).collect(),
        };
        out.emit(&path, &document)?;
    }
    write_lists(&entries, data_dir, out)?;
    Ok(media)
}

/// The acceptance's day, if the task has one.
fn accepted(source: &TaskSource) -> Option<Date> {
    source.acceptance.as_ref().map(|(_, date)| *date)
}

/// What one file cannot say alone: its news exist, its code is its own.
fn check_across(
    source: TaskSource,
    shown: &str,
    news: &NewsIndex<'_>,
    codes: &mut HashMap<String, String>,
) -> Result<TaskSource, Vec<Problem>> {
    let mut problems = Vec::new();
    if let Some(unknown) = source.news.iter().find(|id| !news.contains_key(id.as_str())) {
        problems.push(Problem::new(
            shown,
            source.lines[1],
            "news",
            format!("no article with id {unknown} in content/tin"),
        ));
    }
    match codes.get(&source.code) {
        Some(other) => {
            problems.push(Problem::new(shown, source.lines[0], "code", format!("{} is also {other}", source.code)))
        }
        None => {
            codes.insert(source.code.clone(), shown.to_string());
        }
    }
    if problems.is_empty() {
        Ok(source)
    } else {
        Err(problems)
    }
}

/// The list of everything, each facet value's, and the facet index with
/// the money of each value (the summary above the list).
fn write_lists(entries: &[Entry], data_dir: &str, out: &mut Output<'_>) -> io::Result<()> {
    let all: Vec<&Entry> = entries.iter().collect();
    write_list(ALL_LIST, "Tất cả nhiệm vụ", &all, data_dir, out)?;
    let mut facets = Vec::new();
    for key in TASK_FACET_KEYS {
        let mut listed = Vec::new();
        for group in group_by_value(entries, |entry| facet_value(entry, key), Naming::First) {
            let FacetGroup { slug, name, members } = group;
            write_list(&list_name(key, &slug), &format!("{}: {name}", facet_name(key)), &members, data_dir, out)?;
            // Unlike the legal documents, each value also sums its money.
            let funding = members.iter().map(|entry| entry.source.funding).sum();
            listed.push(FacetValueDoc { slug, name, count: members.len() as u64, funding });
        }
        match key {
            // Newest year first; levels and statuses in their own order; sectors by size.
            "nam" => listed.sort_by(|a, b| b.slug.cmp(&a.slug)),
            "cap" => listed.sort_by_key(|v| LEVELS.iter().position(|level| slugify(level) == v.slug)),
            "trang-thai" => listed.sort_by_key(|v| TaskStatus::ALL.iter().position(|s| s.slug() == v.slug)),
            _ => listed.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name))),
        }
        facets.push(FacetDoc { key, name: facet_name(key), values: listed });
    }
    let index = FacetIndexDoc {
        version: NHIEM_VU_FORMAT_VERSION,
        total_items: entries.len() as u64,
        total_funding: entries.iter().map(|entry| entry.source.funding).sum(),
        province_funding: entries.iter().filter_map(|entry| entry.source.province_funding).sum(),
        facets,
    };
    out.emit(&format!("{data_dir}/nhiem-vu/bo-loc.json"), &index)
}

fn facet_name(key: &str) -> &'static str {
    match key {
        "nam" => "Năm bắt đầu",
        "linh-vuc" => "Lĩnh vực",
        "cap" => "Cấp",
        _ => "Trạng thái",
    }
}

fn facet_value(entry: &Entry, key: &str) -> (String, String) {
    let source = &entry.source;
    let named = |text: &String| (slugify(text), text.clone());
    match key {
        "nam" => (source.start.year.to_string(), source.start.year.to_string()),
        "linh-vuc" => named(&source.sector),
        "cap" => named(&source.level),
        _ => (entry.status.slug().to_string(), entry.status.label().to_string()),
    }
}

/// Where one task's own document lives.
pub fn document_path(data_dir: &str, id: &str) -> String {
    format!("{data_dir}/nhiem-vu/{id}.json")
}

fn write_list(list: &str, title: &str, members: &[&Entry], data_dir: &str, out: &mut Output<'_>) -> io::Result<()> {
    write_paged_list("nhiem-vu", NHIEM_VU_FORMAT_VERSION, list, title, members, item_doc, data_dir, out)
}

fn item_doc(entry: &Entry) -> ItemDoc<'_> {
    let source = &entry.source;
    ItemDoc {
        id: &source.id,
        code: &source.code,
        name: &source.name,
        level: &source.level,
        kind: &source.kind,
        sector: &source.sector,
        host: &source.host,
        leader: &source.leader,
        start: source.start.to_string(),
        end: source.end.to_string(),
        funding: source.funding,
        province_funding: source.province_funding,
        status: entry.status.slug(),
    }
}

#[derive(Serialize)]
struct ItemDoc<'a> {
    id: &'a str,
    code: &'a str,
    name: &'a str,
    level: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    sector: &'a str,
    host: &'a str,
    leader: &'a str,
    start: String,
    end: String,
    funding: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    province_funding: Option<u64>,
    status: &'static str,
}

#[derive(Serialize)]
struct DetailDoc<'a> {
    version: u64,
    #[serde(flatten)]
    item: ItemDoc<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    acceptance: Option<AcceptanceDoc<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transferred: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    results: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    applied_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    attachments: Vec<crate::attachment::AttachmentDoc<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    news: Vec<NewsDoc<'a>>,
}

#[derive(Serialize)]
struct AcceptanceDoc<'a> {
    rating: &'a str,
    date: String,
}

#[derive(Serialize)]
struct NewsDoc<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct FacetIndexDoc {
    version: u64,
    total_items: u64,
    total_funding: u64,
    province_funding: u64,
    facets: Vec<FacetDoc>,
}

#[derive(Serialize)]
struct FacetDoc {
    key: &'static str,
    name: &'static str,
    values: Vec<FacetValueDoc>,
}

#[derive(Serialize)]
struct FacetValueDoc {
    slug: String,
    name: String,
    count: u64,
    funding: u64,
}
