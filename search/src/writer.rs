//! Writes the index (docs/formats/search-index.md): immutable segments, each
//! sharded by term, plus a small recent segment that takes new and changed
//! articles, so that publishing one article rewrites a small share of it.

use crate::codec::{encode_variants, fnv1a, put_bytes, put_varint, shard_of, Posting};
use crate::fast_hash::FastMap;
use crate::manifest::{shard_key, Manifest, SegmentInfo};
use crate::terms::{for_each_term, impact, label_terms, pair_term, prefixes, Doc, Visit};
use portal_core::date::VietnamTime;
use std::collections::{BTreeMap, HashMap};

/// The index's folder beside the site.
pub const INDEX_DIR: &str = "tim-kiem";
pub const SHARD_MAGIC: &[u8; 4] = b"PSI2";
/// The weighted length (`terms::for_each_term`) of a typical article: the
/// BM25 length normalisation's average. A constant, not each segment's
/// own average, so that an impact means the same in a one-article recent
/// segment as in the archive's (the sample's articles: 1 000 to 3 000).
pub const AVERAGE_LENGTH: f32 = 1500.0;
/// The lead is kept in the result data up to this many characters: enough
/// for the snippet (about 180 around the first match), and a long lead does
/// not make every result file of its chunk heavier.
pub const MAX_LEAD_CHARS: usize = 320;
/// The longest result record (`d.dat`) in bytes, its line break included:
/// the synthetic archive's longest line is 650 bytes (a 320-character lead).
pub const MAX_RECORD: usize = 1024;

#[derive(Clone, Debug)]
pub struct Options {
    /// About how many bytes of postings go in one term shard.
    pub shard_bytes: usize,
    /// A term whose postings take at least this many bytes in a segment of
    /// more than one shard gets a file of its own ([`heavy_threshold`]).
    pub heavy_bytes: usize,
    /// The recent segment becomes immutable once it holds this share of the index's bytes.
    pub recent_share: f64,
    /// More immutable segments than this, or more replaced articles than
    /// `max_gone_share` of the archive, and the whole index is rebuilt as one.
    pub max_segments: usize,
    pub max_gone_share: f64,
    /// The manifest's `article` line: where each article's own document is,
    /// relative to `tim-kiem/` (`../data/tin/{id}.json`), for snippets from the body.
    pub article_path: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            shard_bytes: 32 * 1024,
            heavy_bytes: 4096,
            recent_share: 0.01,
            max_segments: 8,
            max_gone_share: 0.05,
            article_path: None,
        }
    }
}

/// What one run writes: files (paths under `tim-kiem/`) and segment folders to delete.
#[derive(Debug, Default)]
pub struct Publication {
    pub files: Vec<(String, Vec<u8>)>,
    pub remove: Vec<String>,
    /// The whole index's bytes after this run (every live segment and the manifest).
    pub index_bytes: u64,
    /// The bytes of the files this run writes.
    pub written_bytes: u64,
    /// The whole index was written anew.
    pub rebuilt: bool,
    /// Segments were merged (all but the oldest, with the new articles).
    pub merged: bool,
    pub segments: usize,
}

/// A document's fingerprint: a changed article goes to the recent segment
/// again. With a signature of its own document (`Doc::source`), that stands
/// for what the document adds (body, author, whole lead).
pub fn fingerprint(doc: &Doc) -> u64 {
    let mut text = String::new();
    let source = doc.source.to_string();
    let own: [&String; 2] = if doc.source != 0 { [&source, &source] } else { [&doc.author, &doc.body] };
    for part in [&doc.id, &doc.title, &doc.summary, own[0], own[1], &doc.category_slug, &doc.category_name] {
        text.push_str(part);
        text.push('\u{1f}');
    }
    for tag in &doc.tags {
        text.push_str(tag);
        text.push('\u{1e}');
    }
    text.push_str(&doc.published.to_string());
    fnv1a(text.as_bytes())
}

/// Publishes `docs` (the whole archive, as the site's documents list it)
/// over the previous index, read through `previous` (a path under
/// `tim-kiem/` to its bytes, `None` when absent).
pub fn publish(docs: &[Doc], previous: &dyn Fn(&str) -> Option<Vec<u8>>, options: &Options) -> Publication {
    publish_filling(docs, previous, options, &|_| {})
}

/// [`publish`], with `fill` called on (a copy of) each article that goes
/// into a segment written by this run, before it is indexed: the prerender
/// reads an article's own document (body, author, lead) there, so a run that
/// publishes one article reads one document, not the archive's. `fill` is
/// called from two threads at once (each takes half of a segment).
pub fn publish_filling(
    docs: &[Doc],
    previous: &dyn Fn(&str) -> Option<Vec<u8>>,
    options: &Options,
    fill: &(dyn Fn(&mut Doc) + Sync),
) -> Publication {
    let mut seen = HashMap::new();
    let docs: Vec<&Doc> = docs.iter().filter(|doc| seen.insert(doc.id.as_str(), ()).is_none()).collect();
    let current: HashMap<&str, (usize, u64)> =
        docs.iter().enumerate().map(|(index, doc)| (doc.id.as_str(), (index, fingerprint(doc)))).collect();

    let old =
        previous("manifest.txt").and_then(|bytes| String::from_utf8(bytes).ok()).and_then(|t| Manifest::parse(&t).ok());
    // For each article, the kept segment that holds it (by position in `kept`).
    let mut claimed: Vec<Option<usize>> = vec![None; docs.len()];
    let mut kept: Vec<SegmentInfo> = Vec::new();
    let mut gone: Vec<(String, u32)> = Vec::new();
    let mut readable = old.is_some();
    if let Some(old) = &old {
        for segment in old.segments.iter().filter(|s| !s.recent) {
            let Some(ids) = previous(&format!("{}/ids.txt", segment.name)).and_then(|b| String::from_utf8(b).ok())
            else {
                readable = false;
                break;
            };
            for (local, line) in ids.lines().enumerate() {
                let (id, print) = line.split_once('\t').unwrap_or((line, ""));
                match current.get(id) {
                    Some(&(index, fp)) if claimed[index].is_none() && format!("{fp:016x}") == print => {
                        claimed[index] = Some(kept.len())
                    }
                    _ => gone.push((segment.name.clone(), local as u32)),
                }
            }
            kept.push(segment.clone());
        }
    }
    let kept_docs: usize = kept.iter().map(|s| s.docs as usize).sum();
    let mut rebuild = !readable || gone.len() as f64 > options.max_gone_share * kept_docs.max(1) as f64;
    // Too many segments: all but the oldest are merged with the new articles,
    // or, when they hold a quarter of the archive or more, everything is.
    let mut merge_from = kept.len();
    if !rebuild && kept.len() > options.max_segments {
        let tail: u32 = kept[1..].iter().map(|s| s.docs).sum();
        if tail as usize * 4 >= docs.len() {
            rebuild = true;
        } else {
            merge_from = 1;
        }
    }

    let mut publication = Publication { rebuilt: rebuild, ..Publication::default() };
    let mut segments = Vec::new();
    if rebuild {
        gone.clear();
        if !docs.is_empty() {
            let (files, info) = build_segment(docs.clone(), options, false, fill);
            publication.files.extend(files);
            segments.push(info);
        }
    } else {
        let fresh: Vec<&Doc> =
            docs.iter().zip(&claimed).filter(|(_, c)| c.is_none_or(|at| at >= merge_from)).map(|(d, _)| *d).collect();
        let merged: Vec<String> = kept[merge_from..].iter().map(|s| s.name.clone()).collect();
        gone.retain(|(segment, _)| !merged.contains(segment));
        kept.truncate(merge_from);
        segments = kept;
        publication.merged = !merged.is_empty();
        if !fresh.is_empty() {
            let (files, mut info) = build_segment(fresh, options, !publication.merged, fill);
            let total: u64 = segments.iter().map(|s| s.bytes).sum::<u64>() + info.bytes;
            if info.bytes as f64 > options.recent_share * total as f64 {
                info.recent = false;
            }
            let exists = old.as_ref().is_some_and(|o| o.segments.iter().any(|s| s.name == info.name));
            if !exists {
                publication.files.extend(files);
            }
            segments.push(info);
        }
    }

    let mut categories: BTreeMap<String, String> = BTreeMap::new();
    for doc in &docs {
        categories.entry(doc.category_slug.clone()).or_insert_with(|| doc.category_name.clone());
    }
    let manifest = Manifest { categories, segments, gone, article_path: options.article_path.clone() };
    let text = manifest.to_text();
    if let Some(old) = &old {
        for segment in &old.segments {
            if !manifest.segments.iter().any(|s| s.name == segment.name) {
                publication.remove.push(segment.name.clone());
            }
        }
    }
    publication.files.retain(|(path, _)| {
        // An immutable segment already published is not written again.
        let name = path.split('/').next().unwrap_or_default();
        !old.as_ref().is_some_and(|o| o.segments.iter().any(|s| s.name == name && !s.recent))
    });
    publication.index_bytes = manifest.segments.iter().map(|s| s.bytes).sum::<u64>() + text.len() as u64;
    publication.files.push(("manifest.txt".into(), text.into_bytes()));
    publication.written_bytes = publication.files.iter().map(|(_, b)| b.len() as u64).sum();
    publication.segments = manifest.segments.len();
    publication
}

/// Year in Vietnam time (UTC+7) of a Unix time.
pub fn year_of(unix: i64) -> i32 {
    VietnamTime::from_unix_seconds(unix).date.year
}

/// One segment's files (paths under `tim-kiem/`) and its manifest line.
fn build_segment(
    mut docs: Vec<&Doc>,
    options: &Options,
    recent: bool,
    fill: &(dyn Fn(&mut Doc) + Sync),
) -> (Vec<(String, Vec<u8>)>, SegmentInfo) {
    docs.sort_by(|a, b| a.published.cmp(&b.published).then_with(|| a.id.cmp(&b.id)));
    let count = docs.len() as u32;
    let mut ids = String::new();
    for doc in &docs {
        ids.push_str(&format!("{}\t{:016x}\n", clean(&doc.id), fingerprint(doc)));
    }
    let name = format!("s{:012x}", fnv1a(ids.as_bytes()) & 0xffff_ffff_ffff);

    // Reading and indexing 100 000 bodies is most of a cold build: each
    // half of the segment on a core of its own, then the two merged (the
    // second half's articles all come after the first's).
    let (first, second) = docs.split_at(docs.len() / 2);
    let ((mut postings, mut leads), (later, later_leads)) = std::thread::scope(|scope| {
        let later = scope.spawn(|| collect_postings(second, first.len() as u32, fill));
        let earlier = collect_postings(first, 0, fill);
        (earlier, later.join().expect("a thread of the search index writer panicked"))
    });
    merge_postings(&mut postings, later);
    leads.extend(later_leads);
    let same_as_syllable = prefixes_same_as_their_syllable(&postings);
    let mut entries: Vec<(String, Vec<u8>)> = postings
        .terms
        .names
        .into_iter()
        .zip(postings.lists)
        .map(|(term, mut variants)| {
            variants.sort_unstable_by(|a, b| {
                postings.variants.names[a.0 as usize].cmp(&postings.variants.names[b.0 as usize])
            });
            let mut bytes = Vec::new();
            put_bytes(&mut bytes, term.as_bytes());
            let named: Vec<(&str, &[Posting])> = variants
                .iter()
                .map(|(variant, list)| (postings.variants.names[*variant as usize].as_str(), list.as_slice()))
                .collect();
            bytes.extend_from_slice(&encode_variants(&named, count));
            (term, bytes)
        })
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let total: usize = entries.iter().map(|(_, b)| b.len()).sum();
    let mut files = Vec::new();
    // A frequent term in a shard would make every query of its neighbours
    // fetch it: in a sharded segment it gets a file of its own.
    let mut heavy = Vec::new();
    let mut same = Vec::new();
    if total > options.shard_bytes {
        let threshold = heavy_threshold(count, options);
        entries.retain(|(term, bytes)| {
            if bytes.len() < threshold {
                return true;
            }
            // Its syllable sorts just before it, so it is heavy by now if ever.
            let syllable = term.strip_suffix('*').filter(|_| same_as_syllable.contains(term));
            if syllable.is_some_and(|syllable| heavy.last().is_some_and(|h: &String| h == syllable)) {
                same.push(term.clone());
                return false;
            }
            let mut file = SHARD_MAGIC.to_vec();
            put_varint(&mut file, 1);
            file.extend_from_slice(bytes);
            files.push((format!("{name}/h/{}.bin", heavy.len()), file));
            heavy.push(term.clone());
            false
        });
    }
    let light: usize = entries.iter().map(|(_, b)| b.len()).sum();
    let shards = light.div_ceil(options.shard_bytes).max(1) as u32;
    let mut shard_bytes: Vec<Vec<u8>> = vec![Vec::new(); shards as usize];
    let mut shard_terms = vec![0u64; shards as usize];
    heavy.sort_unstable();
    let is_heavy = |term: &str| heavy.binary_search_by(|t: &String| t.as_str().cmp(term)).is_ok();
    for (term, bytes) in &entries {
        let shard = shard_of(shard_key(term, is_heavy), shards) as usize;
        shard_bytes[shard].extend_from_slice(bytes);
        shard_terms[shard] += 1;
    }
    for (index, body) in shard_bytes.into_iter().enumerate() {
        let mut file = SHARD_MAGIC.to_vec();
        put_varint(&mut file, shard_terms[index]);
        file.extend_from_slice(&body);
        files.push((format!("{name}/t/{index}.bin"), file));
    }
    let (records, record) = result_records(&docs, &leads);
    files.push((format!("{name}/d.dat"), records));
    let mut years: Vec<(i32, u32)> = Vec::new();
    for (local, doc) in docs.iter().enumerate() {
        let year = year_of(doc.published);
        if years.last().is_none_or(|&(y, _)| y != year) {
            years.push((year, local as u32));
        }
    }
    files.push((format!("{name}/ids.txt"), ids.into_bytes()));
    let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
    (files, SegmentInfo { name, docs: count, shards, record, bytes, recent, years, heavy, same })
}

/// Strings numbered as they are first met: an article's 2 000 terms are
/// looked up, not allocated, once the segment's vocabulary has them.
#[derive(Default)]
struct Names {
    ids: FastMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        id
    }
}

/// A segment's postings: per term (by id), per variant (by id), the articles
/// with the term's impact in each.
struct Postings {
    terms: Names,
    variants: Names,
    lists: Vec<Vec<(u32, Vec<Posting>)>>,
}

/// A syllable's ids, by its accented form (which names its folded one too):
/// the term, the variant, and its prefixes' terms (each its own variant).
struct WordIds {
    term: u32,
    variant: u32,
    prefixes: Vec<(u32, u32)>,
}

/// The postings of `docs`, numbered from `first_local`, each filled first
/// (its body read), and each one's lead as filled (the result data's).
/// The filled copy is dropped once indexed: 100 000 bodies are never held at once.
fn collect_postings(docs: &[&Doc], first_local: u32, fill: &(dyn Fn(&mut Doc) + Sync)) -> (Postings, Vec<String>) {
    let mut postings = Postings { terms: Names::default(), variants: Names::default(), lists: Vec::new() };
    let mut leads = Vec::with_capacity(docs.len());
    // Found once per segment: a syllable's lookups, prefixes included, are
    // one lookup afterwards.
    let mut words: FastMap<String, WordIds> = FastMap::default();
    let mut counts: FastMap<u32, f32> = FastMap::default();
    let mut pairs: FastMap<(u32, u32), ()> = FastMap::default();
    for (local, doc) in (first_local..).zip(docs) {
        let mut filled = (*doc).clone();
        fill(&mut filled);
        let doc = &filled;
        counts.clear();
        pairs.clear();
        let length = for_each_term(doc, |visit, weight| {
            let mut add = |term: u32, variant: u32| {
                *counts.entry(term).or_insert(0.0) += weight;
                pairs.insert((term, variant), ());
            };
            match visit {
                Visit::Word(word) => {
                    if !words.contains_key(&word.accented) {
                        let ids = WordIds {
                            term: postings.terms.id(&word.folded),
                            variant: postings.variants.id(&word.accented),
                            prefixes: prefixes(&word.folded)
                                .map(|p| (postings.terms.id(&p), postings.variants.id(&p)))
                                .collect(),
                        };
                        words.insert(word.accented.clone(), ids);
                    }
                    let ids = &words[&word.accented];
                    add(ids.term, ids.variant);
                    for &(prefix, variant) in &ids.prefixes {
                        add(prefix, variant);
                    }
                }
                Visit::Pair(a, b) => {
                    add(
                        postings.terms.id(&pair_term(&a.folded, &b.folded)),
                        postings.variants.id(&pair_term(&a.accented, &b.accented)),
                    );
                }
            }
        });
        for label in label_terms(doc) {
            let (term, variant) = (postings.terms.id(&label), postings.variants.id(&label));
            counts.insert(term, 0.0);
            pairs.insert((term, variant), ());
        }
        if postings.lists.len() < postings.terms.names.len() {
            postings.lists.resize_with(postings.terms.names.len(), Vec::new);
        }
        for &(term, variant) in pairs.keys() {
            // Every variant of a term carries the term's impact: the count is the term's.
            let weight = impact(counts[&term], length, AVERAGE_LENGTH);
            let lists = &mut postings.lists[term as usize];
            let at = match lists.iter().position(|(v, _)| *v == variant) {
                Some(at) => at,
                None => {
                    lists.push((variant, Vec::new()));
                    lists.len() - 1
                }
            };
            lists[at].1.push((local, weight));
        }
        leads.push(filled.summary);
    }
    (postings, leads)
}

/// The prefix terms ("nang*") whose articles and impacts are exactly those
/// of their syllable ("nang", its accents together): no longer syllable of
/// the segment starts with it. A query reads such a prefix from its
/// syllable's file when both would have files of their own (`SegmentInfo::same`):
/// most heavy prefixes are such, about an eighth of the index at 100 000 articles.
fn prefixes_same_as_their_syllable(postings: &Postings) -> std::collections::HashSet<String> {
    let mut same = std::collections::HashSet::new();
    for (name, lists) in postings.terms.names.iter().zip(&postings.lists) {
        let Some(syllable) = name.strip_suffix('*') else { continue };
        let Some(&word) = postings.terms.ids.get(syllable) else { continue };
        let [(_, prefix)] = lists.as_slice() else { continue };
        let mut union: Vec<Posting> =
            postings.lists[word as usize].iter().flat_map(|(_, l)| l.iter().copied()).collect();
        union.sort_unstable();
        // Every variant of a syllable carries the syllable's impact: one per article.
        union.dedup_by_key(|(doc, _)| *doc);
        if union == *prefix {
            same.insert(name.clone());
        }
    }
    same
}

/// Adds `later`'s postings to `into`'s, every article of `later` coming
/// after those of `into` (so each list stays in article order).
fn merge_postings(into: &mut Postings, later: Postings) {
    let term_ids: Vec<u32> = later.terms.names.iter().map(|name| into.terms.id(name)).collect();
    let variant_ids: Vec<u32> = later.variants.names.iter().map(|name| into.variants.id(name)).collect();
    into.lists.resize_with(into.terms.names.len(), Vec::new);
    for (term, lists) in later.lists.into_iter().enumerate() {
        let target = &mut into.lists[term_ids[term] as usize];
        for (variant, list) in lists {
            let variant = variant_ids[variant as usize];
            match target.iter_mut().find(|(v, _)| *v == variant) {
                Some((_, kept)) => kept.extend(list),
                None => target.push((variant, list)),
            }
        }
    }
}

/// The bytes from which a term of a segment of `docs` articles is heavy.
/// Past the floor (from 262 144 articles on, with the default 4 KB) it
/// grows with the segment, an eighth of a bitmap of all its articles, so
/// that the heavy terms are those in a given share of the articles: their
/// number, listed in the manifest, follows the vocabulary, not the size of
/// the archive.
pub fn heavy_threshold(docs: u32, options: &Options) -> usize {
    options.heavy_bytes.max(docs as usize / 8 / 8)
}

/// The segment's result data, `d.dat`: one record per article, in order,
/// each the same number of bytes (returned), so that a query reads the
/// records of its results by HTTP ranges, `n·record` on, and nothing else.
/// A record is a line, `id TAB published TAB category TAB title TAB lead`,
/// padded with spaces: as long as the segment's longest, but at most
/// [`MAX_RECORD`], a longer line's lead (then title) cut to fit.
fn result_records(docs: &[&Doc], leads: &[String]) -> (Vec<u8>, u32) {
    let lines: Vec<String> = docs
        .iter()
        .zip(leads)
        .map(|(doc, lead)| {
            let head = [&doc.id, &doc.published.to_string(), &doc.category_slug].map(|f| clean(f)).join("\t");
            // The line break, four tabs and at least "…" for the lead.
            let title = cut_bytes(&clean(&doc.title), MAX_RECORD - 1 - head.len().min(MAX_RECORD / 2) - 4 - 3);
            let lead = clean(cut(lead, MAX_LEAD_CHARS).trim_end());
            let room = MAX_RECORD - 1 - head.len().min(MAX_RECORD / 2) - title.len() - 4;
            format!("{head}\t{title}\t{}", cut_bytes(&lead, room))
        })
        .collect();
    let record = lines.iter().map(|l| l.len() + 1).max().unwrap_or(1);
    let mut bytes = Vec::with_capacity(record * lines.len());
    for line in &lines {
        bytes.extend_from_slice(line.as_bytes());
        bytes.resize(bytes.len() + record - 1 - line.len(), b' ');
        bytes.push(b'\n');
    }
    (bytes, record as u32)
}

/// `text` in at most `bytes` bytes, cut at a character with "…" (3 bytes) when it does not fit.
fn cut_bytes(text: &str, bytes: usize) -> String {
    if text.len() <= bytes {
        return text.to_string();
    }
    let mut end = bytes.saturating_sub(3);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// `text` up to `chars` characters, then "…" if it goes on.
fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Tabs and line breaks inside a field would break its line.
fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_articles_a_run_writes_are_filled_and_their_source_stands_for_the_body() {
        let doc = |n: usize| Doc {
            id: n.to_string(),
            title: format!("Tin số {n}"),
            category_slug: "tin".into(),
            published: 1_700_000_000 + n as i64,
            source: 7,
            ..Doc::default()
        };
        let mut docs: Vec<Doc> = (0..300).map(doc).collect();
        let mut files: HashMap<String, Vec<u8>> = HashMap::new();
        let run = |docs: &[Doc], files: &mut HashMap<String, Vec<u8>>| {
            let filled = std::sync::Mutex::new(Vec::new());
            let publication = publish_filling(docs, &|p| files.get(p).cloned(), &Options::default(), &|d| {
                filled.lock().unwrap().push(d.id.clone());
                d.body = "thân bài đã đọc".into();
            });
            files.extend(publication.files);
            let mut filled = filled.into_inner().unwrap();
            filled.sort_unstable();
            filled
        };
        assert_eq!(run(&docs, &mut files).len(), 300);
        docs.push(doc(300));
        assert_eq!(run(&docs, &mut files), ["300"]);
        // A changed document (its signature) is written, and so read, again.
        docs[5].source = 8;
        assert!(run(&docs, &mut files).contains(&"5".to_string()));
        let found = crate::search_with(
            &mut crate::Engine::new(),
            &crate::Query { text: "thân bài".into(), per_page: 1000, ..crate::Query::default() },
            &mut |p| files.get(p).cloned().ok_or_else(|| "404".to_string()),
        );
        assert_eq!(found.unwrap().total, 301);
        let mut same = doc(1);
        same.body = "khác".into();
        assert_eq!(fingerprint(&same), fingerprint(&doc(1)), "the source stands for the body");
    }

    #[test]
    fn a_heavy_prefix_that_holds_just_its_syllable_is_read_from_the_syllables_file() {
        // "cứu" is in two articles of three and nothing else starts with
        // "cuu"; "cu*" also holds "cũng", so its impacts differ where both are.
        let bodies = ["Cũng là nghiên cứu khoa học", "Nghiên cứu khoa học", "Khoa học"];
        let docs: Vec<Doc> = (0..3000)
            .map(|n| Doc {
                id: n.to_string(),
                title: format!("Tin số {n}"),
                body: bodies[n % 3].into(),
                category_slug: "tin".into(),
                published: 1_700_000_000 + n as i64,
                ..Doc::default()
            })
            .collect();
        // Small files, so that a list of 2 000 articles is heavy.
        let options = Options { shard_bytes: 1024, heavy_bytes: 64, ..Options::default() };
        let files: HashMap<String, Vec<u8>> = publish(&docs, &|_| None, &options).files.into_iter().collect();
        let manifest = Manifest::parse(std::str::from_utf8(&files["manifest.txt"]).unwrap()).unwrap();
        let segment = &manifest.segments[0];
        assert!(segment.same.contains(&"cuu*".to_string()), "{:?}", segment.same);
        assert!(!segment.same.contains(&"cu*".to_string()));
        assert_eq!(segment.term_path("cuu*"), segment.term_path("cuu"));
        let found = |text: &str| {
            let query = crate::Query { text: text.into(), typing: true, per_page: 5000, ..crate::Query::default() };
            let mut fetch = |p: &str| files.get(p).cloned().ok_or_else(|| format!("404 {p}"));
            crate::search_with(&mut crate::Engine::new(), &query, &mut fetch).unwrap().total
        };
        assert_eq!((found("nghiên cuu"), found("cuu"), found("cu"), found("cũn")), (2000, 2000, 2000, 1000));
    }

    #[test]
    fn years_are_in_vietnam_time() {
        assert_eq!(year_of(1_735_639_200), 2024); // 2024-12-31 17:00 +07
        assert_eq!(year_of(1_735_664_400), 2025); // 2025-01-01 00:00 +07 (2024-12-31 17:00 UTC)
        assert_eq!(year_of(1_735_664_399), 2024);
        assert_eq!(year_of(0), 1970);
    }
}
