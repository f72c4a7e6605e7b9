//! The index written and queried in memory, checked against a brute-force
//! scan of the same articles.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{brute, corpus, exact_match, other_placement, CATEGORIES, NAMES, PHRASES, PLACES};
use portal_search::text::{decompose, fold};
use portal_search::writer::year_of;
use portal_search::{publish, search_with, Doc, Engine, Options, Query, Results, SearchError};
use std::collections::HashMap;

#[derive(Default)]
struct Site {
    files: HashMap<String, Vec<u8>>,
}

impl Site {
    fn publish(&mut self, docs: &[Doc], options: &Options) -> portal_search::Publication {
        let publication = publish(docs, &|path| self.files.get(path).cloned(), options);
        for dir in &publication.remove {
            self.files.retain(|path, _| !path.starts_with(&format!("{dir}/")));
        }
        for (path, bytes) in &publication.files {
            self.files.insert(path.clone(), bytes.clone());
        }
        publication
    }

    fn bytes(&self) -> u64 {
        self.files.iter().filter(|(p, _)| !p.ends_with("ids.txt")).map(|(_, b)| b.len() as u64).sum()
    }

    fn query(&self, query: &Query) -> Result<Results, SearchError> {
        let mut engine = Engine::new();
        search_with(&mut engine, query, &mut |path| self.files.get(path).cloned().ok_or_else(|| "404".to_string()))
    }

    /// Every result's id, in rank order: the first page of ten, then the
    /// rest as one page (each page is checked against the whole list).
    fn all(&self, text: &str, typing: bool, category: Option<&str>, year: Option<i32>) -> Vec<String> {
        let mut engine = Engine::new();
        let mut run = |page, per_page| {
            let query = Query {
                text: text.into(),
                typing,
                category: category.map(Into::into),
                kind: None,
                year,
                page,
                per_page,
            };
            search_with(&mut engine, &query, &mut |path| self.files.get(path).cloned().ok_or_else(|| "404".to_string()))
                .unwrap()
        };
        let first = run(0, 0);
        let all = run(0, 1_000_000);
        let ids: Vec<String> = all.hits.into_iter().map(|h| h.id).collect();
        assert_eq!(all.total, ids.len());
        assert_eq!(first.total, ids.len());
        assert_eq!(first.pages, ids.len().div_ceil(10));
        let first: Vec<String> = first.hits.into_iter().map(|h| h.id).collect();
        assert_eq!(first[..], ids[..ids.len().min(10)]);
        if ids.len() > 10 {
            let second: Vec<String> = run(1, 0).hits.into_iter().map(|h| h.id).collect();
            assert_eq!(second[..], ids[10..ids.len().min(20)]);
        }
        ids
    }
}

/// The default options scaled down to a test corpus of a few thousand
/// articles, so that it has what the index has at 100 000: heavy terms in
/// files of their own, many shards, many result files.
fn scaled() -> Options {
    Options { shard_bytes: 2048, heavy_bytes: 40, ..Options::default() }
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// The query set, as readers type it: every phrase, name and place in each
/// way a reader types it (accents or none, both tone placements, NFD,
/// capitals, đ as d), their first words, their words in another order,
/// words of two different phrases (never neighbours in any article), words
/// that only the bodies and authors hold, numbers, dates and document codes.
fn queries() -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |form: String| {
        if !out.contains(&form) {
            out.push(form);
        }
    };
    for target in PHRASES.iter().chain(NAMES).chain(PLACES) {
        let mut forms = vec![target.to_string(), fold(target), decompose(target), target.to_uppercase()];
        if target.contains(['đ', 'Đ']) {
            forms.push(target.replace('đ', "d").replace('Đ', "D"));
        }
        let other = other_placement(target);
        if other != *target {
            forms.push(other);
        }
        let words: Vec<&str> = target.split(' ').collect();
        if words.len() > 2 {
            forms.push(words[..2].join(" "));
            forms.push(fold(&words[..2].join(" ")));
        }
        if words.len() > 1 {
            let reversed: Vec<&str> = words.iter().rev().copied().collect();
            forms.push(reversed.join(" "));
            forms.push(fold(&reversed.join(" ")));
        }
        forms.into_iter().for_each(&mut push);
    }
    // Words of two phrases, one word of a name and a place: not neighbours.
    for (n, phrase) in PHRASES.iter().enumerate() {
        let other = PHRASES[(n * 7 + 3) % PHRASES.len()];
        let first = phrase.split(' ').next().unwrap();
        let last = other.split(' ').next_back().unwrap();
        push(format!("{first} {last}"));
        push(fold(&format!("{last} {first}")));
        let name = NAMES[n % NAMES.len()].split(' ').next_back().unwrap();
        let place = PLACES[n % PLACES.len()];
        push(format!("{name} {place}"));
    }
    // Numbers, dates and codes as the bodies write them, however typed.
    for code in ["65/KH-UBND", "65 kh ubnd", "65/kh", "120/KH-UBND", "ke hoach so 150", "Kế hoạch số 42"] {
        push(code.to_string());
    }
    for (day, month) in [(18, 5), (2, 9), (27, 7), (1, 1), (30, 4), (15, 10)] {
        push(format!("{day}/{month}"));
        push(format!("ngày {day}/{month}"));
    }
    for number in ["2023", "2019", "9001", "ISO 9002", "iso 9003 Đông Hà", "năm 2021 Gio Linh"] {
        push(number.to_string());
    }
    out
}

#[test]
fn recall_is_total_against_the_readers_rule_and_exact_accents_come_first() {
    let docs = corpus(3000, 7);
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    let queries = queries();
    assert!(queries.len() >= 400, "{} queries", queries.len());
    let by_id: HashMap<&str, &Doc> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let (mut accented, mut exact_first, mut shown, mut relevant) = (0, 0, 0, 0);
    for query in &queries {
        let expected = brute(&docs, query, false, None, None);
        assert!(!expected.is_empty(), "{query:?} finds nothing in the corpus");
        let found = site.all(query, false, None, None);
        assert_eq!(sorted(found.clone()), expected, "{query:?}");
        // Precision of the first page: its articles hold every word.
        for id in found.iter().take(10) {
            shown += 1;
            relevant += usize::from(common::brute_match(by_id[id.as_str()], query, false));
        }
        // Exact accents first: when the query has accents and some article has them.
        if fold(query) != query.to_lowercase() && found.iter().any(|id| exact_match(by_id[id.as_str()], query)) {
            accented += 1;
            if exact_match(by_id[found[0].as_str()], query) {
                exact_first += 1;
            }
            // Every exact match before every other.
            let flags: Vec<bool> = found.iter().map(|id| exact_match(by_id[id.as_str()], query)).collect();
            assert!(flags.windows(2).all(|w| w[0] || !w[1]), "{query:?}: an exact match after an inexact one");
        }
    }
    println!(
        "{} queries, recall 100 %, precision of the first page {relevant}/{shown}; exact accents first in {exact_first} of {accented}",
        queries.len()
    );
    assert_eq!(relevant, shown);
    assert!(accented >= 100);
    assert!(exact_first as f64 >= 0.95 * accented as f64, "{exact_first} of {accented}");
}

#[test]
fn words_only_in_the_body_or_the_author_line_are_found() {
    let mut docs = corpus(400, 9);
    docs[17].body.push_str("\nBảng: Trung tâm phục vụ hành chính công | Số lượng thủ tục hành chính (TTHC) | 18/5");
    docs[17].author = "Lê Quang Vịnh, Văn phòng Sở".into();
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    for query in ["TTHC", "tthc", "Lê Quang Vịnh", "le quang vinh", "Vinh Le", "phục vụ hành chính công"] {
        let found = site.all(query, false, None, None);
        assert!(found.contains(&docs[17].id), "{query:?}");
        assert_eq!(sorted(found), brute(&docs, query, false, None, None), "{query:?}");
    }
}

#[test]
fn a_quoted_phrase_must_stand_as_typed_in_the_title_lead_tags_or_author() {
    let docs = corpus(1500, 13);
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    let by_id: HashMap<&str, &Doc> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let plain = site.all("công nghệ cao", false, None, None);
    let quoted = site.all("\"cao công nghệ\"", false, None, None);
    let loose = site.all("cao công nghệ", false, None, None);
    assert_eq!(sorted(plain.clone()), sorted(loose));
    assert!(quoted.len() < plain.len(), "{} of {}", quoted.len(), plain.len());
    let exact = site.all("\"nông nghiệp công nghệ cao\"", false, None, None);
    assert!(!exact.is_empty());
    for id in &exact {
        let doc = by_id[id.as_str()];
        let fields = format!(
            "{} | {} | {} | {}",
            fold(&doc.title),
            fold(&doc.summary),
            fold(&doc.tags.join(" | ")),
            fold(&doc.author)
        );
        assert!(fields.contains("nong nghiep cong nghe cao"), "{id}: {fields}");
    }
}

#[test]
fn typing_expands_only_the_last_syllable() {
    let docs = corpus(1500, 3);
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    for (query, typing) in [
        ("cải cách hành ch", true),
        ("cai cach hanh ch", true),
        ("Đà N", true),
        ("d", true),
        ("nghiệ", true),
        ("hoa", true),
        ("hoa", false),
        ("ha", false),
        ("Quyết định số 1", true),
        ("chuyen doi ", true),
    ] {
        let found = sorted(site.all(query, typing, None, None));
        assert_eq!(found, brute(&docs, query, typing, None, None), "{query:?} typing {typing}");
    }
    // A complete syllable is not a prefix: "ha" finds "Hà", not "hành".
    let ha = site.all("ha", false, None, None);
    let by_id: HashMap<&str, &Doc> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    assert!(ha.iter().all(|id| fold(&common::text_of(by_id[id.as_str()])).split(' ').any(|w| w == "ha")));
    assert!(site.all("ha", true, None, None).len() > ha.len());
}

#[test]
fn filters_by_category_and_year() {
    let docs = corpus(2000, 11);
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    for (slug, _) in CATEGORIES {
        for year in [None, Some(2016), Some(2018), Some(1999)] {
            for query in ["khoa học", "Đông Hà", "thuy"] {
                let found = sorted(site.all(query, false, Some(slug), year));
                assert_eq!(found, brute(&docs, query, false, Some(slug), year), "{query} {slug} {year:?}");
            }
        }
    }
}

#[test]
fn titles_rank_first_neighbours_rank_higher_and_ties_go_to_the_newest() {
    let docs = corpus(2000, 5);
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    let by_id: HashMap<&str, &Doc> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let found = site.all("Gio Linh", false, None, None);
    let in_title = |id: &String| fold(&by_id[id.as_str()].title).contains("gio linh");
    assert!(found.iter().filter(|id| in_title(id)).count() >= 10);
    assert!(found[..10].iter().all(in_title), "a body match on the first page before a title match");
    // The words as neighbours, as typed, rank before the same words apart.
    let doc = |id: &str, title: &str, published| Doc {
        id: id.into(),
        title: title.into(),
        category_slug: "tin".into(),
        published,
        ..Doc::default()
    };
    let pair = [
        doc("apart", "Công nghệ mới cho nông nghiệp tỉnh", 1_700_000_000),
        doc("together", "Nông nghiệp công nghệ cao tại tỉnh", 1_600_000_000),
    ];
    let mut site = Site::default();
    site.publish(&pair, &scaled());
    assert_eq!(site.all("nong nghiep cong nghe", false, None, None), ["together", "apart"]);
    assert_eq!(site.all("công nghệ mới", false, None, None), ["apart"]);
    // Equal relevance: the newest first.
    let same: Vec<Doc> = (0..30)
        .map(|n| Doc {
            id: format!("{n}"),
            title: "Hội thảo tại Cam Lộ".into(),
            category_slug: "tin".into(),
            published: 1_600_000_000 + n * 3600,
            ..Doc::default()
        })
        .collect();
    site = Site::default();
    site.publish(&same, &scaled());
    let found = site.all("cam lo", false, None, None);
    let expected: Vec<String> = (0..30).rev().map(|n| n.to_string()).collect();
    assert_eq!(found, expected);
}

#[test]
fn publishing_one_article_rewrites_little_and_updates_find_the_same() {
    let mut docs = corpus(3000, 21);
    let mut site = Site::default();
    let first = site.publish(&docs[..2800], &Options::default());
    assert!(first.rebuilt);
    let mut live: Vec<Doc> = docs[..2800].to_vec();
    let (mut frozen, mut merges) = (0, 0);
    let options = Options { recent_share: 0.01, max_segments: 4, ..Options::default() };
    for (step, doc) in docs[2800..].iter().enumerate() {
        live.push(doc.clone());
        if step % 40 == 5 {
            // An older article corrected, another withdrawn.
            live[step * 3].title.push_str(" (cập nhật Đông Hà)");
            live.remove(step * 5 + 1);
        }
        let publication = site.publish(&live, &options);
        assert!(!publication.rebuilt, "step {step}");
        let share = publication.written_bytes as f64 / publication.index_bytes as f64;
        if publication.merged {
            merges += 1;
        } else {
            let (written, total) = (publication.written_bytes, publication.index_bytes);
            assert!(share <= 0.02, "step {step}: {written} of {total} bytes rewritten");
        }
        frozen = frozen.max(publication.segments);
        if step % 25 == 0 {
            for query in ["Đông Hà", "cap nhat", "khoa học công nghệ", "ủy ban"] {
                assert_eq!(
                    sorted(site.all(query, false, None, None)),
                    brute(&live, query, false, None, None),
                    "{query} at {step}"
                );
            }
        }
    }
    assert!(frozen >= 3, "the recent segment never became immutable ({frozen} segments)");
    assert!((1..=20).contains(&merges), "{merges} merges in 200 publications");
    // The files of dropped segments are gone; what remains is what the manifest names.
    let manifest = String::from_utf8(site.files["manifest.txt"].clone()).unwrap();
    for path in site.files.keys() {
        let dir = path.split('/').next().unwrap();
        assert!(path == "manifest.txt" || manifest.contains(dir), "{path} left over");
    }
    docs.truncate(0);
    // Many segments: the next publication merges them into one.
    let many = Options { recent_share: 0.0, max_segments: 2, max_gone_share: 0.0, ..Options::default() };
    let mut rebuilt = false;
    for extra in corpus(3010, 21)[3000..].iter() {
        live.push(Doc { id: format!("x{}", extra.id), ..extra.clone() });
        rebuilt |= site.publish(&live, &many).rebuilt;
    }
    assert!(rebuilt);
    assert_eq!(sorted(site.all("Đông Hà", false, None, None)), brute(&live, "Đông Hà", false, None, None));
    assert!(site.bytes() > 0);
}

#[test]
fn a_broken_or_missing_file_is_an_error_never_a_panic() {
    let docs = corpus(500, 2);
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    let query = Query { text: "Đông Hà".into(), ..Query::default() };
    assert!(site.query(&query).unwrap().total > 0);
    let shards: Vec<String> = site.files.keys().filter(|p| p.contains("/t/") || p.contains("/h/")).cloned().collect();
    assert!(shards.iter().any(|p| p.contains("/h/")), "no heavy term has a file of its own");
    for path in &shards {
        let good = site.files[path].clone();
        for cut in [0, 3, good.len() / 2, good.len() - 1] {
            site.files.insert(path.clone(), good[..cut].to_vec());
            let _ = site.query(&query); // an error or results, but no panic
        }
        let mut flipped = good.clone();
        for at in (0..flipped.len()).step_by(7) {
            flipped[at] ^= 0x5a;
        }
        site.files.insert(path.clone(), flipped);
        let _ = site.query(&query);
        site.files.insert(path.clone(), good[..4].to_vec());
        assert!(matches!(site.query(&query), Err(SearchError::Corrupt { .. }) | Ok(_)));
        site.files.insert(path.clone(), good);
    }
    let shard = shards.iter().find(|p| {
        site.query(&query).is_ok() && {
            let mut s = Site { files: site.files.clone() };
            s.files.insert(p.to_string(), b"PSI1\xff".to_vec());
            s.query(&query).is_err()
        }
    });
    assert!(shard.is_some(), "no shard's corruption was noticed");
    let mut missing = Site { files: site.files.clone() };
    missing.files.retain(|p, _| !p.contains("/t/") && !p.contains("/h/"));
    let error = missing.query(&query).unwrap_err();
    assert!(matches!(error, SearchError::Missing { .. }));
    assert!(error.message_vi().contains("thử lại"));
    missing.files.insert("manifest.txt".into(), b"<html>".to_vec());
    assert!(matches!(missing.query(&query), Err(SearchError::Corrupt { .. })));
}

#[test]
fn any_query_gets_results_or_none() {
    let docs = corpus(300, 4);
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    let long = "cải cách ".repeat(1200);
    for text in [
        "",
        " ",
        "!!!???...",
        "😀😀 🇻🇳",
        "<script>alert(1)</script>",
        "مرحبا بالعالم",
        "\u{202e}ĐÀ NẴNG",
        long.as_str(),
        &"a".repeat(10_000),
        "\u{301}\u{300}",
        "đ",
        "0",
        "%00 \0 \\",
    ] {
        for typing in [false, true] {
            let results = site.query(&Query { text: text.into(), typing, ..Query::default() }).unwrap();
            assert!(results.hits.len() <= portal_search::PAGE_SIZE);
        }
    }
}

#[test]
fn nothing_found_suggests_dropping_a_word_and_marks_are_on_syllables() {
    let docs = corpus(1000, 9);
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    let results = site.query(&Query { text: "Đông Hà zzyzx".into(), ..Query::default() }).unwrap();
    assert_eq!(results.total, 0);
    assert_eq!(results.suggestion.as_deref(), Some("Đông Hà"));
    let results = site.query(&Query { text: "dong ha".into(), ..Query::default() }).unwrap();
    let hit = &results.hits[0];
    for mark in hit.title_marks.iter().chain(&hit.snippet_marks) {
        let text = if hit.title_marks.contains(mark) { &hit.title } else { &hit.snippet };
        assert!(["dong", "ha"].contains(&fold(&text[mark.clone()]).as_str()), "{:?}", &text[mark.clone()]);
    }
    assert!(!hit.title_marks.is_empty() || !hit.snippet_marks.is_empty());
    assert!(!hit.id.is_empty() && hit.published > 0 && !hit.category_name.is_empty());
}

#[test]
fn a_category_slug_with_tabs_or_line_breaks_breaks_no_file() {
    let mut docs = corpus(300, 4);
    docs[0].category_slug = "xấu\tslug\nmới".into();
    docs[0].category_name = "Tên\txấu".into();
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    let mut engine = Engine::new();
    let query = Query { text: "khoa".into(), category: Some("xấu slug mới".into()), ..Default::default() };
    let fetch = &mut |path: &str| site.files.get(path).cloned().ok_or_else(|| "404".to_string());
    let found = search_with(&mut engine, &query, fetch).unwrap();
    assert_eq!(found.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), [docs[0].id.as_str()]);
    assert_eq!(found.hits[0].category_slug, "xấu slug mới");
    assert_eq!(found.hits[0].category_name, "Tên xấu");
    assert!(engine.facets().1.contains(&("xấu slug mới".to_string(), "Tên xấu".to_string())));
}

#[test]
fn the_filters_offer_the_years_and_categories_of_the_index() {
    let docs = corpus(500, 3);
    let mut site = Site::default();
    site.publish(&docs, &Options::default());
    let mut engine = Engine::new();
    assert_eq!(engine.facets(), (Vec::new(), Vec::new()), "nothing before the manifest is read");
    let query = Query { text: "khoa học".into(), ..Default::default() };
    search_with(&mut engine, &query, &mut |path| site.files.get(path).cloned().ok_or_else(|| "404".to_string()))
        .unwrap();
    let (years, categories) = engine.facets();
    let mut expected: Vec<i32> = docs.iter().map(|doc| year_of(doc.published)).collect();
    expected.sort_unstable_by(|a, b| b.cmp(a));
    expected.dedup();
    assert_eq!(years, expected);
    let mut slugs: Vec<&str> = CATEGORIES.iter().map(|(slug, _)| *slug).collect();
    slugs.sort_unstable();
    assert_eq!(categories.iter().map(|(slug, _)| slug.as_str()).collect::<Vec<_>>(), slugs);
}

#[test]
fn result_data_is_one_file_of_records_per_segment_read_by_ranges() {
    let mut docs = corpus(3000, 5);
    // One article whose title and lead would not fit a record: both are cut.
    docs[7].title = "Đông Hà ".repeat(200);
    docs[7].summary = "Khoa học ".repeat(200);
    let mut site = Site::default();
    site.publish(&docs, &scaled());
    let manifest =
        portal_search::manifest::Manifest::parse(std::str::from_utf8(&site.files["manifest.txt"]).unwrap()).unwrap();
    let segment = &manifest.segments[0];
    // Without records, 3 000 articles were 60 files of result data; now one.
    let data: Vec<&String> = site.files.keys().filter(|p| p.contains("/d")).collect();
    assert_eq!(data, [&format!("{}/d.dat", segment.name)]);
    let record = segment.record as usize;
    assert!(record <= portal_search::writer::MAX_RECORD);
    assert_eq!(site.files[data[0]].len(), record * docs.len());
    // Each result is read by a range of its record (or of a few close together).
    for text in ["Đông Hà", "khoa học công nghệ", "xã"] {
        let mut ranges = Vec::new();
        let mut engine = Engine::new();
        let query = Query { text: text.into(), ..Query::default() };
        let ranged = portal_search::search_with_ranges(&mut engine, &query, &mut |request| {
            let (file, range) = portal_search::split_range(request);
            let bytes = site.files.get(file).cloned().ok_or("404")?;
            let Some((start, end)) = range else { return Ok(bytes) };
            ranges.push(end - start + 1);
            Ok(bytes[start as usize..=end as usize].to_vec())
        })
        .unwrap();
        assert_eq!(ranged, site.query(&query).unwrap(), "{text}");
        assert_eq!(ranged.hits.len(), 10, "{text}");
        assert!((1..=10).contains(&ranges.len()), "{text}: {ranges:?}");
        let span = portal_search::engine::RANGE_SPAN;
        assert!(
            ranges.iter().all(|&bytes| bytes % record as u64 == 0 && bytes <= span.max(record as u64)),
            "{ranges:?}"
        );
    }
    let long = site.query(&Query { text: "khoa học đông hà".into(), per_page: 5000, ..Query::default() }).unwrap();
    let hit = long.hits.iter().find(|h| h.id == docs[7].id).expect("the long article is found");
    assert!(hit.title.ends_with('…') && hit.title.len() < record, "{}", hit.title.len());
}
