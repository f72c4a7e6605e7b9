//! What an article is indexed under, and what a query looks up: the one
//! definition both the writer and the query engine use.
//!
//! A term is named by its folded text (the shard it lives in is a hash of
//! that), and holds one posting list per accented variant:
//! - a syllable of any field, the body included: "nang", variants "nang0", "nẵng4", …;
//! - two adjacent syllables of one field but the body: "da nang", variants
//!   "đa2 năng4", … (a ranking signal, and what a quoted phrase requires);
//! - a prefix of a syllable, for the syllable being typed: "ng*" (one variant);
//! - a category: "#slug" (one variant).
//!
//! Each posting carries an impact: how much the term weighs in that article
//! (field weights, the number of times, the article's length), so that the
//! engine ranks by relevance without the text.

use crate::fast_hash::FastMap;
use crate::text::{syllables, Syllable};
use std::collections::BTreeMap;

/// Prefixes are indexed up to this many characters; a longer last syllable
/// (a number, a foreign word: Vietnamese syllables have at most 7 letters) is
/// looked up as a whole syllable.
pub const MAX_PREFIX: usize = 8;
/// A field but the body is indexed up to this many syllables.
pub const MAX_FIELD_SYLLABLES: usize = 400;
/// The body is indexed up to this many syllables (about 4 000 words: an
/// official report; the sample's longest article has 1 186).
pub const MAX_BODY_SYLLABLES: usize = 8000;
/// A query is read up to this many syllables.
pub const MAX_QUERY_SYLLABLES: usize = 8;

/// One article as the index takes it: what the feed lists about it, and
/// what its own document adds (the body as text, the author).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doc {
    /// Its id: with its title, the app makes its page's address
    /// (`/tin/<id>/<slug of the title>`), so the index stores no address.
    pub id: String,
    pub title: String,
    /// The lead: indexed, and the snippet's source.
    pub summary: String,
    pub tags: Vec<String>,
    /// The author and source line, as printed.
    pub author: String,
    /// The body as plain text: paragraphs, headings, lists, table cells and
    /// captions, one block a line.
    pub body: String,
    pub category_slug: String,
    pub category_name: String,
    /// Unix seconds.
    pub published: i64,
    /// A signature of the article's own document (its file's size and
    /// time), 0 when there is none: when set, it stands for the author, the
    /// body and the lead in the fingerprint, and they are read only for the
    /// articles a run writes (`writer::publish_filling`).
    pub source: u64,
}

/// The fields of an article, and how much a word in each weighs: a word of
/// the title says more about the article than one of its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Tag,
    Lead,
    Author,
    Body,
}

impl Field {
    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 10.0,
            Field::Tag => 4.0,
            Field::Lead => 3.0,
            Field::Author => 3.0,
            Field::Body => 1.0,
        }
    }
}

/// The fields of `doc` with their syllables.
pub fn fields(doc: &Doc) -> Vec<(Field, Vec<Syllable>)> {
    let field = |text: &str, limit| syllables(text).into_iter().take(limit).collect::<Vec<_>>();
    let mut out = vec![(Field::Title, field(&doc.title, MAX_FIELD_SYLLABLES))];
    out.extend(doc.tags.iter().map(|tag| (Field::Tag, field(tag, MAX_FIELD_SYLLABLES))));
    out.push((Field::Lead, field(&doc.summary, MAX_FIELD_SYLLABLES)));
    out.push((Field::Author, field(&doc.author, MAX_FIELD_SYLLABLES)));
    out.push((Field::Body, field(&doc.body, MAX_BODY_SYLLABLES)));
    out
}

/// What `for_each_term` visits: a syllable (whose prefixes, `prefixes`,
/// are terms too, with its weight), or two neighbouring syllables.
pub enum Visit<'a> {
    Word(&'a Syllable),
    Pair(&'a Syllable, &'a Syllable),
}

/// Calls `visit` for every syllable of `doc` (once per field and accented
/// form, with the weights of its occurrences summed: a body says "và" 30
/// times) and every pair of neighbours outside the body (each time); returns
/// the article's length (its syllables weighted by field), for the impacts.
/// The category and kind are apart (`label_terms`).
pub fn for_each_term(doc: &Doc, mut visit: impl FnMut(Visit<'_>, f32)) -> f32 {
    let mut length = 0.0;
    let mut counts: FastMap<&str, (usize, f32)> = FastMap::default();
    let fields = fields(doc);
    for (field, words) in &fields {
        let weight = field.weight();
        length += weight * words.len() as f32;
        counts.clear();
        for (index, word) in words.iter().enumerate() {
            counts.entry(&word.accented).or_insert((index, 0.0)).1 += weight;
            if *field == Field::Body {
                continue;
            }
            if let Some(next) = words.get(index + 1) {
                visit(Visit::Pair(word, next), weight);
            }
        }
        let mut distinct: Vec<(usize, f32)> = counts.values().copied().collect();
        distinct.sort_unstable_by_key(|(index, _)| *index);
        for (index, count) in distinct {
            visit(Visit::Word(&words[index]), count);
        }
    }
    length
}

/// The prefix terms of a folded syllable ("nang": "n*", "na*", "nan*",
/// "nang*"), up to `MAX_PREFIX` characters.
pub fn prefixes(folded: &str) -> impl Iterator<Item = String> + '_ {
    folded
        .char_indices()
        .skip(1)
        .map(|(end, _)| end)
        .chain([folded.len()])
        .take(MAX_PREFIX)
        .map(|end| prefix_term(&folded[..end]))
}

/// The terms every article has once, without weight: its category and kind.
pub fn label_terms(doc: &Doc) -> [String; 2] {
    [category_term(&doc.category_slug), kind_term(portal_core::search_messages::kind_of_category(&doc.category_slug))]
}

pub fn prefix_term(prefix: &str) -> String {
    format!("{prefix}*")
}

pub fn pair_term(a: &str, b: &str) -> String {
    format!("{a} {b}")
}

/// A category's term. Tabs and line breaks in a slug (a feed may have
/// anything) become spaces, as in the manifest and the result data, whose
/// lines they would break.
pub fn category_term(slug: &str) -> String {
    format!("#{}", slug.replace(['\t', '\n', '\r'], " "))
}

/// A kind's term (`core::search_messages::kind_of_category`): every
/// document has one, so a query can keep to news or to a registry.
pub fn kind_term(kind: &str) -> String {
    format!("!{kind}")
}

/// Per term, per accented variant: its weighted count in one article.
pub type DocTerms = BTreeMap<String, BTreeMap<String, f32>>;

/// Every term of `doc` with its weighted count (for tests; the writer
/// visits them without collecting).
pub fn doc_terms(doc: &Doc) -> DocTerms {
    let mut terms = DocTerms::new();
    let mut add = |term: String, variant: String, weight: f32| {
        *terms.entry(term).or_default().entry(variant).or_insert(0.0) += weight;
    };
    for_each_term(doc, |visit, weight| match visit {
        Visit::Word(word) => {
            add(word.folded.clone(), word.accented.clone(), weight);
            for prefix in prefixes(&word.folded) {
                add(prefix.clone(), prefix, weight);
            }
        }
        Visit::Pair(a, b) => add(pair_term(&a.folded, &b.folded), pair_term(&a.accented, &b.accented), weight),
    });
    for label in label_terms(doc) {
        terms.entry(label.clone()).or_default().insert(label, 0.0);
    }
    terms
}

/// The BM25 saturation: how many weighted occurrences make a term weigh
/// half of what it can, and how much the article's length counts.
/// (Larger than BM25's usual 1.2, as the weights are: a word once in the
/// title counts 10, and should outweigh the same word a few times in the body.)
const K1: f32 = 4.0;
const B: f32 = 0.5;
/// Impacts are stored in three bits: 1 (barely) to 7 (at most).
pub const MAX_IMPACT: u8 = 7;
/// An impact from this one up is "strong" (a dense list keeps one bit of it).
pub const STRONG_IMPACT: u8 = 4;

/// A term's impact in an article: its weighted count `tf` saturated as
/// BM25 does, for an article of weighted length `length` against the
/// segment's average, in 1..=7.
pub fn impact(tf: f32, length: f32, average: f32) -> u8 {
    let norm = K1 * (1.0 - B + B * length / average.max(1.0));
    let saturated = tf / (tf + norm); // 0..1
    (1.0 + saturated * f32::from(MAX_IMPACT)).floor().clamp(1.0, f32::from(MAX_IMPACT)) as u8
}

/// How much a term in `count` of `docs` articles tells (BM25's idf).
pub fn idf(count: u32, docs: u32) -> f32 {
    let (n, d) = (count as f32, docs as f32);
    (1.0 + (d - n + 0.5) / (n + 0.5)).ln()
}

/// One term a query looks up, and whether the reader typed accents in it (then
/// the exact accented variant ranks first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryTerm {
    pub term: String,
    pub accented: Option<String>,
    /// An article must have it (else it only ranks).
    pub required: bool,
}

/// A query, read: its syllables and the terms that decide a match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedQuery {
    pub words: Vec<Syllable>,
    /// The last syllable is matched as a prefix.
    pub prefix: bool,
    pub terms: Vec<QueryTerm>,
}

/// Reads `text`. With `typing` (the reader has not finished the last
/// syllable: no space after it), the last syllable is a prefix; complete
/// syllables are never expanded. A document matches when it has every
/// complete syllable anywhere, in any order, and, when typing, a syllable
/// starting with the last one. The pairs of neighbouring syllables only
/// rank, except inside double quotes, where the phrase is required.
pub fn parse_query(text: &str, typing: bool) -> ParsedQuery {
    let all = syllables(text);
    let words: Vec<Syllable> = all.iter().take(MAX_QUERY_SYLLABLES).cloned().collect();
    let ends_in_letter = text.trim_end().len() == text.len();
    let prefix = typing
        && ends_in_letter
        && words.last().is_some_and(|w| w.folded.chars().count() <= MAX_PREFIX)
        && all.len() <= MAX_QUERY_SYLLABLES;
    let complete = if prefix { &words[..words.len() - 1] } else { &words[..] };
    let quoted = quoted_ranges(text);
    let mut terms: Vec<QueryTerm> = Vec::new();
    let accented = |marked: bool, key: &str| marked.then(|| key.to_string());
    for w in complete {
        let term = QueryTerm { term: w.folded.clone(), accented: accented(w.marked, &w.accented), required: true };
        match terms.iter_mut().find(|t| t.term == term.term) {
            // The same syllable twice: accented once is enough to rank it.
            Some(seen) => seen.accented = seen.accented.take().or(term.accented),
            None => terms.push(term),
        }
    }
    for pair in complete.windows(2) {
        // Two neighbours inside one pair of quotes must be neighbours in the article.
        let required = quoted.iter().any(|r| r.start <= pair[0].range.start && pair[1].range.end <= r.end);
        let term = QueryTerm {
            term: pair_term(&pair[0].folded, &pair[1].folded),
            accented: accented(pair[0].marked || pair[1].marked, &pair_term(&pair[0].accented, &pair[1].accented)),
            required,
        };
        if !terms.iter().any(|t| t.term == term.term) {
            terms.push(term);
        }
    }
    if prefix {
        let last = &words[words.len() - 1];
        terms.push(QueryTerm { term: prefix_term(&last.folded), accented: None, required: true });
    }
    ParsedQuery { words, prefix, terms }
}

/// The byte ranges of `text` between pairs of double quotes (straight or
/// curly); an unclosed quote runs to the end, as a reader still typing means.
pub fn quoted_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open = None;
    for (at, c) in text.char_indices() {
        if matches!(c, '"' | '“' | '”') {
            match open.take() {
                Some(start) => out.push(start..at),
                None => open = Some(at + c.len_utf8()),
            }
        }
    }
    if let Some(start) = open {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, summary: &str, body: &str) -> Doc {
        Doc {
            id: "1".into(),
            title: title.into(),
            summary: summary.into(),
            body: body.into(),
            author: "Hải Yến".into(),
            category_slug: "tin".into(),
            category_name: "Tin".into(),
            ..Doc::default()
        }
    }

    #[test]
    fn a_document_has_its_syllables_pairs_prefixes_and_category_weighted_by_field() {
        let terms = doc_terms(&doc("Đà Nẵng", "hoà bình", "Kế hoạch số 65/KH-UBND ngày 18/5"));
        assert_eq!(terms["da"]["đa2"], 10.0);
        assert_eq!(terms["da nang"]["đa2 năng4"], 10.0);
        assert_eq!(terms["hoa binh"]["hoa2 binh2"], 3.0);
        assert!(terms.contains_key("n*") && terms.contains_key("nang*") && terms.contains_key("#tin"));
        // The body and the author: syllables and prefixes, numbers and codes as words.
        for word in ["65", "kh", "ubnd", "18", "5", "hai", "yen", "ubn*"] {
            assert!(terms.contains_key(word), "{word}");
        }
        assert_eq!(terms["ke"]["kê1"], 1.0);
        // Pairs stay inside a field, and the body has none.
        assert!(!terms.contains_key("nang hoa") && !terms.contains_key("ke hoach"));
        assert_eq!(
            prefixes("nghieng").collect::<Vec<_>>(),
            ["n*", "ng*", "ngh*", "nghi*", "nghie*", "nghien*", "nghieng*"]
        );
        assert_eq!(prefixes("123456789").count(), MAX_PREFIX);
    }

    #[test]
    fn every_complete_syllable_is_required_pairs_only_rank_unless_quoted() {
        let names = |q: &ParsedQuery, required: bool| {
            q.terms.iter().filter(|t| t.required == required).map(|t| t.term.clone()).collect::<Vec<_>>()
        };
        let q = parse_query("Đà Nẵng", false);
        assert_eq!(names(&q, true), ["da", "nang"]);
        assert_eq!(names(&q, false), ["da nang"]);
        assert_eq!(q.terms[1].accented.as_deref(), Some("năng4"));
        let q = parse_query("da nan", true);
        assert_eq!(names(&q, true), ["da", "nan*"]);
        assert_eq!(q.terms[0].accented, None);
        let q = parse_query("da nang ", true);
        assert_eq!(names(&q, true), ["da", "nang"]);
        let q = parse_query("cải cách hành chính 2023", false);
        assert_eq!(names(&q, true), ["cai", "cach", "hanh", "chinh", "2023"]);
        assert_eq!(names(&q, false), ["cai cach", "cach hanh", "hanh chinh", "chinh 2023"]);
        let q = parse_query("\"thủ tục hành chính\" 2023", false);
        assert_eq!(names(&q, false), ["chinh 2023"]);
        assert!(names(&q, true).contains(&"tuc hanh".to_string()));
        let q = parse_query("65/KH-UBND", false);
        assert_eq!(names(&q, true), ["65", "kh", "ubnd"]);
        assert!(parse_query("!!! 😀", true).terms.is_empty());
        assert_eq!(quoted_ranges("a \"b c\" “d"), [3..6, 11..12]);
    }

    #[test]
    fn impacts_grow_with_the_count_and_shrink_with_length() {
        assert!(impact(6.0, 100.0, 400.0) > impact(1.0, 100.0, 400.0));
        assert!(impact(2.0, 100.0, 400.0) >= impact(2.0, 4000.0, 400.0));
        assert_eq!(impact(1000.0, 10.0, 400.0), MAX_IMPACT);
        // Once in the title weighs more than a few times in the body.
        assert!(impact(10.0, 1500.0, 1500.0) > impact(3.0 + 2.0, 1500.0, 1500.0));
        assert!(impact(0.1, 10_000.0, 400.0) >= 1);
        assert!(idf(1, 1000) > idf(500, 1000) && idf(1000, 1000) > 0.0);
    }
}
