//! The search index of the shipped sample, written as a prerender run
//! writes it (the feed's walk, the registry, each article's own document),
//! against the reader's rule read straight from the article documents:
//! an article is found when every folded syllable of the query occurs in
//! its text (title, lead, tags, author and source, captions, body). The
//! documents are read here with a real HTML parser (scraper), not with the
//! index's own reader of bodies.

use crate::listing::Listing;
use crate::search_bodies;
use crate::search_index;
use crate::store::Store;
use portal::context::Portal;
use portal::core::config::Config;
use portal_search::text::{decompose, fold, syllables};
use portal_search::{search_with, Doc, Engine, Query, INDEX_DIR};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The sample's documents as the prerender takes them, and the folder the
/// index was written into.
fn sample_index(name: &str) -> (Vec<Doc>, PathBuf) {
    let store = Store::new(repo(), "https://h.vn/".into());
    let portal = Portal { config: Config::default(), site_root: store.site_path(), config_error: None };
    let out = std::env::temp_dir().join(format!("prerender-search-sample-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let mut listing = Listing::load(&out);
    listing.walk(&store, portal.url(&portal.config.sources.latest_feed));
    let mut docs = listing.take_docs().unwrap();
    search_index::read_van_ban(&portal, &store, &mut docs).unwrap();
    let bodies = search_bodies::Bodies::new(&portal, &store);
    bodies.sign(&mut docs);
    search_index::write(&out, &docs, search_index::article_path(&portal), &|d| bodies.fill(d)).unwrap();
    assert_eq!(bodies.counts().1, 0);
    // The index's copies were filled; these, for the reference, likewise.
    docs.iter_mut().for_each(|d| bodies.fill(d));
    (docs, out)
}

/// An article's text read from its own document with scraper; a legal
/// document (no article document) by what the registry lists.
fn reference_text(doc: &Doc) -> String {
    let file = repo().join("data/tin").join(format!("{}.json", doc.id));
    let Ok(text) = std::fs::read_to_string(&file) else {
        return format!("{}\n{}\n{}", doc.title, doc.summary, doc.tags.join("\n"));
    };
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let item = &json["items"][0];
    let mut parts: Vec<String> = ["title", "summary", "content_text"]
        .iter()
        .filter_map(|field| item[field].as_str().map(String::from))
        .collect();
    parts.extend(item["tags"].as_array().into_iter().flatten().filter_map(|t| t.as_str().map(String::from)));
    parts.extend(item["authors"].as_array().into_iter().flatten().filter_map(|a| a["name"].as_str().map(String::from)));
    parts.extend(item["_portal"]["source"].as_str().map(String::from));
    let captions = item["_portal"]["captions"].as_array().into_iter().flatten();
    parts.extend(captions.filter_map(|c| c["text"].as_str().map(String::from)));
    if let Some(html) = item["content_html"].as_str() {
        let fragment = scraper::Html::parse_fragment(html);
        // Every text node apart: a block's end is a word's end.
        parts.extend(fragment.root_element().text().map(String::from));
    }
    parts.join("\n")
}

fn folded_words(text: &str) -> HashSet<String> {
    syllables(text).into_iter().map(|s| s.folded).collect()
}

fn search(dir: &Path, text: &str, per_page: usize) -> portal_search::Results {
    let query = Query { text: text.into(), per_page, ..Query::default() };
    search_with(&mut Engine::new(), &query, &mut |path| {
        // The articles' own documents (snippets) are the sample's.
        let file = match path.strip_prefix("../") {
            Some(site) => repo().join(site),
            None => dir.join(INDEX_DIR).join(path),
        };
        std::fs::read(file).map_err(|e| e.to_string())
    })
    .unwrap()
}

/// What readers typed for the seed article (issue 27), shared with the
/// end-to-end test in Chromium.
pub fn reader_queries() -> Vec<&'static str> {
    include_str!("../../tests/search-reader-queries.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
}

/// The seed article.
const SEED: &str = "1019";

#[test]
fn the_readers_queries_find_the_seed_on_the_first_page_and_its_title_first() {
    let (docs, out) = sample_index("seed");
    assert_eq!(reader_queries().len(), 16);
    for query in reader_queries() {
        let results = search(&out, query, 0);
        let ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
        assert!(ids.contains(&SEED), "{query:?}: {ids:?}");
    }
    // Snippets come from where the words are: the body, when the title and lead lack them.
    let hit = |query: &str| search(&out, query, 0).hits.into_iter().find(|h| h.id == SEED).unwrap();
    let body = hit("ky luat ky cuong hanh chinh");
    let marked: Vec<&str> = body.snippet_marks.iter().map(|r| &body.snippet[r.clone()]).collect();
    assert!(body.snippet.contains("kỷ luật, kỷ cương hành chính"), "{}", body.snippet);
    assert!(["kỷ", "luật", "cương", "hành", "chính"].iter().all(|w| marked.contains(w)), "{marked:?}");
    let caption = hit("Nguyễn Hữu Thắng");
    assert!(caption.snippet.contains("Nguyễn Hữu Thắng"), "{}", caption.snippet);
    let lead = hit("Lê Quang Vịnh");
    assert!(lead.snippet.contains("Lê Quang Vịnh") && !lead.snippet_marks.is_empty(), "{}", lead.snippet);
    let seed = docs.iter().find(|d| d.id == SEED).unwrap();
    for title in [seed.title.clone(), fold(&seed.title), decompose(&seed.title), seed.title.to_uppercase()] {
        assert_eq!(search(&out, &title, 0).hits[0].id, SEED, "{title:?}");
    }
    std::fs::remove_dir_all(&out).unwrap();
}

/// A small seeded generator, so the query set is the same on every run.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Queries made from the articles' own text: two to four syllables picked
/// apart in an article (never the engine's pairs), a syllable and a number,
/// each in one of the ways readers type (as written, without accents, NFD,
/// capitals), and the reader queries.
fn queries(texts: &[(String, String)]) -> Vec<String> {
    let mut rng = Rng(27);
    let mut out: Vec<String> = reader_queries().iter().map(|q| q.to_string()).collect();
    while out.len() < 440 {
        let (_, text) = &texts[rng.below(texts.len())];
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        if words.len() < 40 {
            continue;
        }
        let count = 2 + rng.below(3);
        let mut picked: Vec<&str> = (0..count).map(|_| words[rng.below(words.len())]).collect();
        if rng.below(4) == 0 {
            // A number of the text, if it has one.
            if let Some(number) = words.iter().find(|w| w.chars().all(|c| c.is_ascii_digit())) {
                picked[0] = number;
            }
        }
        let query = picked.join(" ");
        let query = match rng.below(4) {
            0 => fold(&query),
            1 => decompose(&query),
            2 => query.to_uppercase(),
            _ => query,
        };
        if !out.contains(&query) {
            out.push(query);
        }
    }
    out
}

#[test]
fn recall_against_the_article_documents_is_total_and_the_first_page_holds_every_word() {
    let (docs, out) = sample_index("recall");
    let texts: Vec<(String, String)> = docs.iter().map(|d| (d.id.clone(), reference_text(d))).collect();
    let words: HashMap<&str, HashSet<String>> = texts.iter().map(|(id, t)| (id.as_str(), folded_words(t))).collect();
    let queries = queries(&texts);
    assert!(queries.len() >= 400);
    let (mut shown, mut relevant, mut nonempty) = (0, 0, 0);
    for query in &queries {
        let wanted: Vec<String> = syllables(query).into_iter().take(8).map(|s| s.folded).collect();
        let expected: BTreeSet<&str> =
            words.iter().filter(|(_, have)| wanted.iter().all(|w| have.contains(w))).map(|(id, _)| *id).collect();
        let all = search(&out, query, 10_000);
        let found: BTreeSet<&str> = all.hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(found, expected, "{query:?}");
        nonempty += usize::from(!expected.is_empty());
        for hit in search(&out, query, 0).hits {
            shown += 1;
            relevant += usize::from(expected.contains(hit.id.as_str()));
        }
    }
    println!(
        "sample: {} queries ({nonempty} with results), recall 100 %, first-page precision {relevant}/{shown}",
        queries.len()
    );
    assert!(nonempty >= 400);
    assert_eq!(relevant, shown);
    std::fs::remove_dir_all(&out).unwrap();
}
