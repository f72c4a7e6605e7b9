//! The query engine: given the index files it asks for, answers a query.
//!
//! It does no I/O. [`Engine::run`] either answers or names the files it
//! still needs ([`Step::Need`]); the caller fetches them (natively from a
//! folder, in the browser with `fetch`), hands them over with
//! [`Engine::provide`], and runs again. Files are kept, so a second query
//! fetches only what the first did not.

use crate::codec::{decode_list, Corrupt, Posting, Reader};
use crate::manifest::Manifest;
pub use crate::snippet::{article_html, marks};
use crate::snippet::{holds_any_word, holds_every_word, snippet_of};
use crate::terms::{category_term, idf, kind_term, parse_query, ParsedQuery, QueryTerm};
use crate::writer::SHARD_MAGIC;
use portal_core::config::encode_segment;
use portal_core::html_text::html_text;
pub use portal_core::search_messages::{Hit, Query, Results};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Results per page.
pub const PAGE_SIZE: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Fetch these files (paths under `tim-kiem/`) and run again.
    Need(Vec<String>),
    Done(Results),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchError {
    /// A file of the index is unreadable.
    Corrupt { file: String, why: &'static str },
    /// A file could not be fetched.
    Missing { file: String, why: String },
}

impl SearchError {
    /// What the visitor is told.
    pub fn message_vi(&self) -> String {
        match self {
            SearchError::Corrupt { .. } => "Chỉ mục tìm kiếm bị hỏng hoặc đang được cập nhật. Vui lòng thử lại.".into(),
            SearchError::Missing { .. } => "Không tải được chỉ mục tìm kiếm. Kiểm tra kết nối mạng rồi thử lại.".into(),
        }
    }
}

/// One term's documents in one segment: (number, exact accents, impact).
type Matches = Vec<(u32, bool, u8)>;

#[derive(Default)]
pub struct Engine {
    files: HashMap<String, Vec<u8>>,
    /// Shared with each run, as it carries every segment's heavy terms.
    manifest: Option<Rc<Manifest>>,
    /// The last query's matches, by what decides them (the query but its
    /// page): a run that only waited for result files, or another page of
    /// the same query, does not match a frequent word's 100 000 articles again.
    last: Option<(Query, Vec<Found>)>,
}

impl Engine {
    pub fn new() -> Self {
        Engine::default()
    }

    /// Hands over a file the engine asked for.
    pub fn provide(&mut self, path: &str, bytes: Vec<u8>) {
        if path == "manifest.txt" {
            self.manifest = None;
            self.last = None;
        }
        self.files.insert(path.to_string(), bytes);
    }

    /// What the filters can offer, once the manifest is read: the years that
    /// hold articles (newest first) and the categories (slug, name).
    pub fn facets(&self) -> (Vec<i32>, Vec<(String, String)>) {
        let Some(manifest) = &self.manifest else { return (Vec::new(), Vec::new()) };
        let mut years: Vec<i32> = manifest
            .segments
            .iter()
            .flat_map(|segment| segment.years.iter().map(|(year, _first_article)| *year))
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let categories = manifest.categories.iter().map(|(slug, name)| (slug.clone(), name.clone())).collect();
        (years, categories)
    }

    /// Forgets every file (after an update of the index, or a corrupt file).
    pub fn clear(&mut self) {
        self.files.clear();
        self.manifest = None;
        self.last = None;
    }

    pub fn run(&mut self, query: &Query) -> Result<Step, SearchError> {
        let manifest = match self.manifest.clone() {
            Some(manifest) => manifest,
            None => {
                let Some(bytes) = self.files.get("manifest.txt") else {
                    return Ok(Step::Need(vec!["manifest.txt".into()]));
                };
                let corrupt = |why| SearchError::Corrupt { file: "manifest.txt".into(), why };
                let text = std::str::from_utf8(bytes).map_err(|_| corrupt("not UTF-8"))?;
                let manifest = Rc::new(Manifest::parse(text).map_err(corrupt)?);
                self.manifest = Some(manifest.clone());
                manifest
            }
        };
        let parsed = parse_query(&query.text, query.typing);
        if parsed.terms.is_empty() {
            return Ok(Step::Done(Results::default()));
        }
        let key = Query { page: 0, per_page: 0, ..query.clone() };
        let mut found = match self.last.take() {
            Some((matched, found)) if matched == key => found,
            _ => match self.matching(&manifest, &parsed, query)? {
                Ok(found) => found,
                Err(need) => return Ok(Step::Need(need)),
            },
        };
        let total = found.len();
        let per_page = if query.per_page == 0 { PAGE_SIZE } else { query.per_page };
        let pages = total.div_ceil(per_page);
        let page = query.page.min(pages.saturating_sub(1));
        let end = ((page + 1) * per_page).min(total);
        rank_first(&mut found, end);
        let shown = found[(page * per_page).min(total)..end].to_vec();
        self.last = Some((key, found));
        let records = record_requests(&manifest, &shown);
        let mut need = Vec::new();
        for r in &records {
            if !self.files.contains_key(&r.request) && !need.contains(&r.request) {
                need.push(r.request.clone());
            }
        }
        let mut suggestion = None;
        if total == 0 && parsed.words.len() >= 2 {
            let mut best: Option<(usize, String)> = None;
            for drop in 0..parsed.words.len() {
                let words: Vec<&str> = parsed
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != drop)
                    .map(|(_, w)| &query.text[w.range.clone()])
                    .collect();
                let text = words.join(" ");
                let shorter = parse_query(&text, parsed.prefix);
                match self.matching(&manifest, &shorter, query)? {
                    Ok(found) if !found.is_empty() && best.as_ref().is_none_or(|(n, _)| found.len() > *n) => {
                        best = Some((found.len(), text));
                    }
                    Ok(_) => {}
                    Err(more) => {
                        for path in more {
                            if !need.contains(&path) {
                                need.push(path);
                            }
                        }
                    }
                }
            }
            suggestion = best.map(|(_, text)| text);
        }
        if !need.is_empty() {
            return Ok(Step::Need(need));
        }
        let mut hits = Vec::with_capacity(shown.len());
        let mut body_needed = Vec::new();
        for m in shown {
            let segment = &manifest.segments[m.segment];
            let Some(r) = records.iter().find(|r| r.segment == m.segment && (r.first..=r.last).contains(&m.local))
            else {
                return Err(SearchError::Corrupt { file: "manifest.txt".into(), why: "no record" });
            };
            let corrupt = |why| SearchError::Corrupt { file: r.request.clone(), why };
            let at = (m.local - r.first) as usize * segment.record as usize;
            let record =
                self.files[&r.request].get(at..at + segment.record as usize).ok_or_else(|| corrupt("short record"))?;
            let line = std::str::from_utf8(record).map_err(|_| corrupt("not UTF-8"))?.trim_end_matches([' ', '\n']);
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 5 {
                return Err(corrupt("bad result line"));
            }
            let title_marks = marks(fields[3], &parsed);
            let (snippet, snippet_marks) = match self.body_of(&manifest, fields[0], fields[3], fields[4], &parsed) {
                Body::Text(body) => snippet_of(&body, &parsed),
                Body::Needed(path) => {
                    body_needed.push(path);
                    (String::new(), Vec::new())
                }
                Body::NotNeeded => snippet_of(fields[4], &parsed),
            };
            hits.push(Hit {
                id: fields[0].into(),
                published: fields[1].parse().map_err(|_| corrupt("bad date"))?,
                category_slug: fields[2].into(),
                category_name: manifest.categories.get(fields[2]).cloned().unwrap_or_else(|| fields[2].into()),
                title: fields[3].into(),
                title_marks,
                snippet,
                snippet_marks,
                exact: m.exact == m.accented && m.accented > 0,
            });
        }
        if !body_needed.is_empty() {
            return Ok(Step::Need(body_needed));
        }
        // The filters' years and categories are the worker's to add (`facets`).
        Ok(Step::Done(Results { total, page, pages, hits, suggestion, ..Results::default() }))
    }

    /// Where a result's snippet comes from: its lead, when the title and the
    /// lead hold every word of the query; else its body, from the article's
    /// own document (the manifest's `article` line), which the engine asks
    /// for once. A document that could not be fetched or read (handed over
    /// empty) leaves the lead.
    fn body_of(&self, manifest: &Manifest, id: &str, title: &str, lead: &str, parsed: &ParsedQuery) -> Body {
        let Some(template) = &manifest.article_path else { return Body::NotNeeded };
        if holds_every_word(&format!("{title}\n{lead}"), parsed) {
            return Body::NotNeeded;
        }
        let path = template.replace("{id}", &encode_segment(id));
        match self.files.get(&path) {
            None => Body::Needed(path),
            Some(bytes) => match std::str::from_utf8(bytes).map(html_text) {
                Ok(body) if holds_any_word(&body, parsed) => Body::Text(body),
                _ => Body::NotNeeded,
            },
        }
    }

    /// The matching documents, in no order, or the files still needed.
    fn matching(
        &self,
        manifest: &Manifest,
        parsed: &ParsedQuery,
        query: &Query,
    ) -> Result<Result<Vec<Found>, Vec<String>>, SearchError> {
        let mut terms: Vec<(QueryTerm, Role)> =
            parsed.terms.iter().map(|t| (t.clone(), if t.required { Role::Scored } else { Role::Ranks })).collect();
        if let Some(slug) = &query.category {
            terms.push((QueryTerm { term: category_term(slug), accented: None, required: true }, Role::Filter));
        }
        if let Some(kind) = &query.kind {
            terms.push((QueryTerm { term: kind_term(kind), accented: None, required: true }, Role::Filter));
        }
        let mut need = Vec::new();
        for segment in &manifest.segments {
            for (term, _) in terms.iter().filter(|(t, _)| t.required) {
                let path = segment.term_path(&term.term);
                if !self.files.contains_key(&path) && !need.contains(&path) {
                    need.push(path);
                }
            }
        }
        if !need.is_empty() {
            return Ok(Err(need));
        }
        let accented = terms.iter().filter(|(t, role)| *role == Role::Scored && t.accented.is_some()).count() as u8;
        let gone: HashSet<(&str, u32)> = manifest.gone.iter().map(|(s, l)| (s.as_str(), *l)).collect();
        let mut found = Vec::new();
        for (index, segment) in manifest.segments.iter().enumerate() {
            let mut acc: Option<Vec<Candidate>> = None;
            let mut ranking = Vec::new();
            for (term, role) in &terms {
                let path = segment.term_path(&term.term);
                // A pair that only ranks is read when its file is here anyway (it lives
                // beside its syllable's): it never costs a request.
                let Some(file) = self.files.get(&path) else { continue };
                let read_as = segment.resolve(&term.term);
                let syllable;
                let term = if read_as == term.term {
                    term
                } else {
                    // A prefix read as its syllable: every accent, none of them exact.
                    syllable = QueryTerm { term: read_as.to_string(), accented: None, required: term.required };
                    &syllable
                };
                let list = term_matches(file, segment.docs, term)
                    .map_err(|Corrupt(why)| SearchError::Corrupt { file: path.clone(), why })?;
                let weight = match role {
                    Role::Filter => 0.0,
                    Role::Scored => idf(list.len() as u32, segment.docs),
                    Role::Ranks => PROXIMITY * idf(list.len() as u32, segment.docs),
                };
                let list: Vec<Candidate> = list
                    .into_iter()
                    .map(|(doc, exact, impact)| Candidate {
                        doc,
                        exact: u8::from(exact && *role == Role::Scored),
                        score: weight * f32::from(impact),
                    })
                    .collect();
                if *role == Role::Ranks {
                    ranking.push(list);
                    continue;
                }
                acc = Some(match acc {
                    None => list,
                    Some(prev) => intersect(&prev, &list),
                });
            }
            let mut acc = acc.unwrap_or_default();
            for list in &ranking {
                add_scores(&mut acc, list);
            }
            let years = query.year.map(|y| segment.year_range(y));
            for c in acc {
                if years.as_ref().is_some_and(|r| !r.contains(&c.doc)) || gone.contains(&(segment.name.as_str(), c.doc))
                {
                    continue;
                }
                found.push(Found { segment: index, local: c.doc, exact: c.exact, score: c.score, accented });
            }
        }
        Ok(Ok(found))
    }
}

/// What a term does in a query: it must be there and counts for the
/// relevance (a syllable), it must be there (a filter), or it only ranks
/// (a pair of neighbouring syllables: proximity).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Scored,
    Filter,
    Ranks,
}

/// How much a pair of neighbours counts against its two syllables: a
/// phrase typed as it stands in the article is what the reader remembers.
const PROXIMITY: f32 = 1.5;

/// Puts the best `count` of `found` first, in order: exact accents first,
/// then relevance, then the newest. Only the shown page's results and those
/// before it are sorted: a frequent word matches every article.
fn rank_first(found: &mut [Found], count: usize) {
    let best_first = |a: &Found, b: &Found| {
        b.exact.cmp(&a.exact).then(b.score.total_cmp(&a.score)).then((b.segment, b.local).cmp(&(a.segment, a.local)))
    };
    if count < found.len() && count > 0 {
        found.select_nth_unstable_by(count - 1, best_first);
    }
    found[..count].sort_unstable_by(best_first);
}

#[derive(Clone, Copy)]
struct Found {
    segment: usize,
    local: u32,
    exact: u8,
    score: f32,
    accented: u8,
}

/// An article that may match, with how many of the query's accented words
/// it has as typed and its relevance so far.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    doc: u32,
    exact: u8,
    score: f32,
}

/// The documents of `term` in a shard, sorted, each with whether it has the
/// query's exact accents and the term's impact there.
fn term_matches(shard: &[u8], docs: u32, term: &QueryTerm) -> Result<Matches, Corrupt> {
    if shard.get(..4) != Some(SHARD_MAGIC) {
        return Err(Corrupt("not a posting shard"));
    }
    let mut reader = Reader::new(&shard[4..]);
    let terms = reader.varint()?;
    for _ in 0..terms {
        let name = reader.bytes()?;
        let header = reader.varint()?;
        let (variants, shared) = (header >> 1, header & 1 == 1);
        if name != term.term.as_bytes() {
            if shared {
                reader.bytes()?;
            }
            for _ in 0..variants {
                reader.bytes()?;
                reader.bytes()?;
            }
            continue;
        }
        if shared {
            // The union, and the positions in it of the variant typed.
            let union = decode_list(reader.bytes()?, docs)?;
            let mut exact = vec![false; union.len()];
            for _ in 0..variants {
                let variant = reader.str()?;
                let positions = reader.bytes()?;
                if term.accented.as_deref() == Some(variant) {
                    for (at, _) in decode_list(positions, union.len() as u32)? {
                        exact[at as usize] = true;
                    }
                }
            }
            return Ok(union.into_iter().zip(exact).map(|((doc, impact), exact)| (doc, exact, impact)).collect());
        }
        let mut lists = Vec::new();
        for _ in 0..variants {
            let variant = reader.str()?;
            let exact = term.accented.as_deref() == Some(variant);
            lists.push((decode_list(reader.bytes()?, docs)?, exact));
        }
        let out = if lists.len() == 1 {
            let (list, exact) = lists.pop().unwrap_or_default();
            list.into_iter().map(|(d, impact)| (d, exact, impact)).collect()
        } else {
            union(&lists, docs)
        };
        return Ok(out);
    }
    if !reader.done() {
        return Err(Corrupt("trailing bytes"));
    }
    Ok(Vec::new())
}

/// The union of a term's variants' lists, each document once with whether
/// any variant it has is the exact one and the largest impact: through a
/// byte per document of the segment, which is faster than sorting when a
/// frequent syllable has a list per accent.
fn union(lists: &[(Vec<Posting>, bool)], docs: u32) -> Matches {
    const EXACT: u8 = 0x80;
    const IMPACT: u8 = 0x0f;
    let mut flags = vec![0u8; docs as usize];
    for (list, exact) in lists {
        let exact = if *exact { EXACT } else { 0 };
        for &(doc, impact) in list {
            // decode_list checked that every document is in the segment.
            let flag = &mut flags[doc as usize];
            // Impacts are at least 1, so a document of any list is never 0.
            *flag = (*flag | exact) & EXACT | (*flag & IMPACT).max(impact.max(1));
        }
    }
    (0..docs).zip(flags).filter(|(_, f)| *f != 0).map(|(doc, f)| (doc, f & EXACT != 0, f & IMPACT)).collect()
}

fn intersect(a: &[Candidate], b: &[Candidate]) -> Vec<Candidate> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].doc.cmp(&b[j].doc) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(Candidate { doc: a[i].doc, exact: a[i].exact + b[j].exact, score: a[i].score + b[j].score });
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Adds the scores of `list` to the articles of `acc` that it has.
fn add_scores(acc: &mut [Candidate], list: &[Candidate]) {
    let mut j = 0;
    for c in acc.iter_mut() {
        while j < list.len() && list[j].doc < c.doc {
            j += 1;
        }
        if j < list.len() && list[j].doc == c.doc {
            c.score += list[j].score;
        }
    }
}

enum Body {
    NotNeeded,
    Needed(String),
    Text(String),
}

/// A range of a segment's result records (`d.dat`) that the engine asks for:
/// `request` names it (`s…/d.dat#start-end`, bytes, the end included, as
/// HTTP's `Range: bytes=start-end` says), and it holds records `first..=last`.
struct RecordRequest {
    request: String,
    segment: usize,
    first: u32,
    last: u32,
}

/// The ranges of records that hold the results shown: one per result, but
/// results whose records lie close together (within [`RANGE_SPAN`] bytes
/// from the first's start) share one, which saves a request for a few
/// hundred bytes more. The same results always give the same requests.
fn record_requests(manifest: &Manifest, shown: &[Found]) -> Vec<RecordRequest> {
    let mut wanted: Vec<(usize, u32)> = shown.iter().map(|m| (m.segment, m.local)).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut out: Vec<RecordRequest> = Vec::new();
    for (segment, local) in wanted {
        let record = manifest.segments[segment].record as u64;
        match out.last_mut() {
            Some(r) if r.segment == segment && (local - r.first + 1) as u64 * record <= RANGE_SPAN => r.last = local,
            _ => out.push(RecordRequest { request: String::new(), segment, first: local, last: local }),
        }
    }
    for r in &mut out {
        let record = manifest.segments[r.segment].record as u64;
        let start = r.first as u64 * record;
        let end = (r.last as u64 + 1) * record - 1;
        r.request = format!("{}/d.dat#{start}-{end}", manifest.segments[r.segment].name);
    }
    out
}

/// How far apart two results' records may lie and still be read in one
/// range: 16 KB, what a request's own headers and round trip outweigh.
pub const RANGE_SPAN: u64 = 16 * 1024;

/// The file and the byte range (first and last byte) a request names:
/// `"s…/d.dat#0-639"` is bytes 0 to 639 of `s…/d.dat`; any other, a whole file.
pub fn split_range(request: &str) -> (&str, Option<(u64, u64)>) {
    let Some((file, range)) = request.split_once('#') else { return (request, None) };
    let parsed = range.split_once('-').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
    match parsed {
        Some((start, end)) if start <= end => (file, Some((start, end))),
        _ => (request, None),
    }
}

/// The bytes a range request gets from a whole file: what a server that
/// ignores `Range` sends is cut here (the worker does the same).
pub fn cut_range(bytes: Vec<u8>, range: Option<(u64, u64)>) -> Result<Vec<u8>, String> {
    let Some((start, end)) = range else { return Ok(bytes) };
    bytes.get(start as usize..=end as usize).map(<[u8]>::to_vec).ok_or_else(|| "range past the end".to_string())
}

/// Whether a path the engine asks for lies outside the index (`../`, an
/// article's document, for a snippet): a failure to fetch it is handed over
/// as empty bytes, never an error.
pub fn is_optional(path: &str) -> bool {
    path.starts_with("../")
}

/// Runs `query` to the end, fetching files through `fetch` (a path under
/// `tim-kiem/` to its bytes; a range of a file is cut here): for native
/// callers and tests.
pub fn search_with(
    engine: &mut Engine,
    query: &Query,
    fetch: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>,
) -> Result<Results, SearchError> {
    search_with_ranges(engine, query, &mut |request| {
        let (file, range) = split_range(request);
        fetch(file).and_then(|bytes| cut_range(bytes, range))
    })
}

/// [`search_with`], `fetch` being handed each request as the engine names
/// it, a range of a file included (`split_range`): the benchmark reads and
/// counts only the bytes a browser would fetch.
pub fn search_with_ranges(
    engine: &mut Engine,
    query: &Query,
    fetch: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>,
) -> Result<Results, SearchError> {
    // Manifest, shards, result records, article documents (and shards for a suggestion): a few rounds.
    for _ in 0..6 {
        match engine.run(query)? {
            Step::Done(results) => return Ok(results),
            Step::Need(paths) => {
                for path in paths {
                    let bytes = match fetch(&path) {
                        Ok(bytes) if is_optional(&path) => article_html(&bytes),
                        Ok(bytes) => bytes,
                        // An article's document only gives a snippet: without it, the lead does.
                        Err(_) if is_optional(&path) => Vec::new(),
                        Err(why) => return Err(SearchError::Missing { file: path.clone(), why }),
                    };
                    engine.provide(&path, bytes);
                }
            }
        }
    }
    Err(SearchError::Corrupt { file: "manifest.txt".into(), why: "the index keeps asking for files" })
}
