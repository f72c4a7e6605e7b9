//! The legal documents registry's documents (docs/formats/van-ban.md):
//! one per document, the paged list of everything and of each facet value,
//! and the facet index, from `content/van-ban/*.yml`.
//!
//! What needs the whole registry is done here: the reverse relations
//! (a document that another replaces says "bị thay thế bởi"), the status
//! on the day of the build, the articles that cite each document, and the
//! checks across files (an unknown id, one number given twice).

use crate::attachment::{AttachmentDoc, FileFacts};
use crate::registry_facets::{group_by_value, FacetGroup, Naming};
use crate::registry_list::write_paged_list;
use crate::sink::Sink;
use crate::source::problem::{Problem, Report};
use crate::source::van_ban::{read_van_ban, VanBanSource};
use crate::writer::Output;
use portal_core::date::Date;
use portal_core::doc_number::fold_number;
use portal_core::facets::{list_name, ALL_LIST};
use portal_core::slug::slugify;
use portal_core::van_ban::{derive_status, title_of, Relation, Status, FACET_KEYS, VAN_BAN_FORMAT_VERSION};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::io;
use std::path::Path;

/// An article that names documents by number: its id, title, date and the
/// folded numbers it names (`core::doc_number`).
#[derive(Clone, Debug)]
pub struct Citing<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub published_at: i64,
    pub numbers: &'a [String],
}

/// What the registry hands the rest of the build.
#[derive(Debug, Default)]
pub struct Registry {
    /// Each attachment's path from `content/`, for copying.
    pub media: Vec<String>,
    /// The page of each number the registry holds once (folded number →
    /// route), for the links in articles. A number two documents share
    /// (numbers start again each year) links neither.
    pub links: HashMap<String, String>,
}

/// A document with what the others tell about it.
struct Entry {
    source: VanBanSource,
    status: Status,
    related: Vec<(Relation, String)>,
}

/// Reads every file of `paths`, checks them together, and writes the
/// registry's documents. `today` decides what has expired.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_registry(
    content: &Path,
    shown_root: &str,
    paths: &[String],
    data_dir: &str,
    today: Date,
    citing: &[Citing<'_>],
    out: &mut Output<'_>,
    report: &mut Report,
) -> io::Result<Registry> {
    let mut sources: Vec<(String, VanBanSource)> = Vec::new();
    for path in paths {
        let shown = format!("{shown_root}/{path}");
        let read = std::fs::read_to_string(content.join(path))
            .map_err(|error| vec![Problem::new(&shown, 0, "", format!("cannot read: {error}"))])
            .and_then(|text| read_van_ban(content, path, &shown, &text));
        match read {
            Ok(source) => sources.push((shown, source)),
            Err(problems) => {
                // A broken file keeps its last document, out of the lists.
                if let Some(id) = path.strip_prefix("van-ban/").and_then(|name| name.strip_suffix(".yml")) {
                    out.sink.keep(&document_path(data_dir, id));
                }
                report.problems.extend(problems);
            }
        }
    }
    let entries = check_and_relate(sources, today, report, out.sink, data_dir);
    let mut registry = Registry::default();
    let mut by_number: HashMap<String, Vec<&Entry>> = HashMap::new();
    for entry in &entries {
        registry.media.extend(entry.source.attachments.iter().map(|file| file.path.clone()));
        if let Some(number) = &entry.source.number {
            by_number.entry(fold_number(number)).or_default().push(entry);
        }
    }
    let titles: HashMap<&str, String> =
        entries.iter().map(|e| (e.source.id.as_str(), title_of(&e.source.kind, e.source.number.as_deref()))).collect();
    for (number, holders) in &by_number {
        if let [only] = holders.as_slice() {
            let route = portal_core::routes::van_ban(&only.source.id, &titles[only.source.id.as_str()]);
            registry.links.insert(number.clone(), route);
        }
    }
    // Citing articles per number the registry links, newest first.
    let mut cited: HashMap<&str, Vec<&Citing<'_>>> = HashMap::new();
    for article in citing {
        for number in article.numbers {
            if registry.links.contains_key(number) {
                cited.entry(number.as_str()).or_default().push(article);
            }
        }
    }
    for list in cited.values_mut() {
        list.sort_by(|a, b| b.published_at.cmp(&a.published_at).then_with(|| b.id.cmp(a.id)));
        list.dedup_by(|a, b| a.id == b.id);
    }
    for entry in &entries {
        let path = document_path(data_dir, &entry.source.id);
        let citations = entry.source.number.as_ref().and_then(|n| cited.get(fold_number(n).as_str()));
        let document = DetailDoc {
            version: VAN_BAN_FORMAT_VERSION,
            item: item_doc(entry),
            signer: entry.source.signer.as_deref(),
            note: entry.source.note.as_deref(),
            attachments: entry.source.attachments.iter().map(|file: &FileFacts| file.doc(&path, data_dir)).collect(),
            related: entry
                .related
                .iter()
                .map(|(relation, id)| RelatedDoc { relation: relation.key(), id, title: &titles[id.as_str()] })
                .collect(),
            draft: entry.source.draft.as_ref().map(|draft| DraftDoc {
                deadline: draft.deadline.to_string(),
                email: draft.email.as_deref(),
                address: draft.address.as_deref(),
            }),
            cited_by: citations
                .map(|list| list.iter().take(20).map(|a| CitationDoc { id: a.id, title: a.title }).collect())
                .unwrap_or_default(),
        };
        out.emit(&path, &document)?;
    }
    write_lists(&entries, data_dir, out)?;
    Ok(registry)
}

/// Drops what cannot stand with the others (reported), derives each
/// status and both sides of every relation; newest first.
fn check_and_relate(
    sources: Vec<(String, VanBanSource)>,
    today: Date,
    report: &mut Report,
    sink: &mut dyn Sink,
    data_dir: &str,
) -> Vec<Entry> {
    let ids: HashSet<String> = sources.iter().map(|(_, source)| source.id.clone()).collect();
    // One number from one issuer in one year is one document.
    let mut seen: HashMap<(String, String, i32), String> = HashMap::new();
    let mut kept: Vec<VanBanSource> = Vec::new();
    for (shown, source) in sources {
        let mut wrong = None;
        for (field, list, line) in
            [("replaces", &source.replaces, source.lines[1]), ("amends", &source.amends, source.lines[2])]
        {
            if let Some(unknown) = list.iter().find(|id| !ids.contains(*id)) {
                wrong = Some(Problem::new(&shown, line, field, format!("no document content/van-ban/{unknown}.yml")));
            }
        }
        if let Some(number) = &source.number {
            let key = (fold_number(number), slugify(&source.issuer), source.issued.year);
            if let Some(other) = seen.get(&key) {
                let message = format!("{number} of {} in {} is also {other}", source.issuer, source.issued.year);
                wrong = Some(Problem::new(&shown, source.lines[0], "number", message));
            } else {
                seen.insert(key, shown.clone());
            }
        }
        match wrong {
            Some(problem) => {
                report.problems.push(problem);
                sink.keep(&document_path(data_dir, &source.id));
            }
            None => kept.push(source),
        }
    }
    let mut reverse: HashMap<String, Vec<(Relation, String)>> = HashMap::new();
    for source in &kept {
        for id in &source.replaces {
            reverse.entry(id.clone()).or_default().push((Relation::ReplacedBy, source.id.clone()));
        }
        for id in &source.amends {
            reverse.entry(id.clone()).or_default().push((Relation::AmendedBy, source.id.clone()));
        }
    }
    let kept_ids: HashSet<&str> = kept.iter().map(|source| source.id.as_str()).collect();
    let mut entries: Vec<Entry> = kept
        .iter()
        .map(|source| {
            let mut related: Vec<(Relation, String)> = source
                .replaces
                .iter()
                .map(|id| (Relation::Replaces, id.clone()))
                .chain(source.amends.iter().map(|id| (Relation::Amends, id.clone())))
                .collect();
            related.extend(reverse.get(&source.id).cloned().unwrap_or_default());
            // A relation to a document that was dropped above names nothing.
            related.retain(|(_, id)| kept_ids.contains(id.as_str()));
            let replaced = related.iter().any(|(relation, _)| *relation == Relation::ReplacedBy);
            let status = derive_status(source.draft.is_some(), replaced, source.expires, source.stated, today);
            Entry { source: source.clone(), status, related }
        })
        .collect();
    entries.sort_by(|a, b| b.source.issued.cmp(&a.source.issued).then_with(|| b.source.id.cmp(&a.source.id)));
    entries
}

/// The list of everything, each facet value's, and the facet index.
fn write_lists(entries: &[Entry], data_dir: &str, out: &mut Output<'_>) -> io::Result<()> {
    let all: Vec<&Entry> = entries.iter().collect();
    write_list(ALL_LIST, "Tất cả văn bản", &all, data_dir, out)?;
    let mut facets = Vec::new();
    for key in FACET_KEYS {
        let mut listed = Vec::new();
        for group in group_by_value(entries, |entry| facet_value(entry, key), Naming::MostSpelled) {
            let FacetGroup { slug, name, members } = group;
            write_list(&list_name(key, &slug), &format!("{}: {name}", facet_name(key)), &members, data_dir, out)?;
            listed.push(FacetValueDoc { slug, name, count: members.len() as u64 });
        }
        match key {
            // Newest year first; the statuses in their own order; the rest by size.
            "nam" => listed.sort_by(|a, b| b.slug.cmp(&a.slug)),
            "tinh-trang" => listed.sort_by_key(|v| Status::ALL.iter().position(|s| s.slug() == v.slug)),
            _ => listed.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name))),
        }
        facets.push(FacetDoc { key, name: facet_name(key), values: listed });
    }
    let index = FacetIndexDoc { version: VAN_BAN_FORMAT_VERSION, total_items: entries.len() as u64, facets };
    out.emit(&format!("{data_dir}/van-ban/bo-loc.json"), &index)
}

fn facet_name(key: &str) -> &'static str {
    match key {
        "loai" => "Loại văn bản",
        "co-quan" => "Cơ quan ban hành",
        "linh-vuc" => "Lĩnh vực",
        "nam" => "Năm ban hành",
        _ => "Tình trạng hiệu lực",
    }
}

fn facet_value(entry: &Entry, key: &str) -> (String, String) {
    let source = &entry.source;
    let named = |text: &String| (slugify(text), text.clone());
    match key {
        "loai" => named(&source.kind),
        "co-quan" => named(&source.issuer),
        "linh-vuc" => named(&source.sector),
        "nam" => (source.issued.year.to_string(), source.issued.year.to_string()),
        _ => (entry.status.slug().to_string(), entry.status.label().to_string()),
    }
}

/// Where one document's own document lives.
pub fn document_path(data_dir: &str, id: &str) -> String {
    format!("{data_dir}/van-ban/{id}.json")
}

fn write_list(list: &str, title: &str, members: &[&Entry], data_dir: &str, out: &mut Output<'_>) -> io::Result<()> {
    write_paged_list("van-ban", VAN_BAN_FORMAT_VERSION, list, title, members, item_doc, data_dir, out)
}

fn item_doc(entry: &Entry) -> ItemDoc<'_> {
    let source = &entry.source;
    ItemDoc {
        id: &source.id,
        kind: &source.kind,
        number: source.number.as_deref(),
        issuer: &source.issuer,
        issued: source.issued.to_string(),
        effective: source.effective.map(|date| date.to_string()),
        expires: source.expires.map(|date| date.to_string()),
        status: entry.status.slug(),
        summary: &source.summary,
        sector: &source.sector,
    }
}

#[derive(Serialize)]
struct ItemDoc<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    issuer: &'a str,
    issued: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires: Option<String>,
    status: &'static str,
    summary: &'a str,
    sector: &'a str,
}

#[derive(Serialize)]
struct DetailDoc<'a> {
    version: u64,
    #[serde(flatten)]
    item: ItemDoc<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    attachments: Vec<AttachmentDoc<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedDoc<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    draft: Option<DraftDoc<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cited_by: Vec<CitationDoc<'a>>,
}

#[derive(Serialize)]
struct RelatedDoc<'a> {
    relation: &'static str,
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct DraftDoc<'a> {
    deadline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<&'a str>,
}

#[derive(Serialize)]
struct CitationDoc<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct FacetIndexDoc {
    version: u64,
    total_items: u64,
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
}
