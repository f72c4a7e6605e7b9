//! What an article is indexed under, and what a query looks up: the one
//! definition both the writer and the query engine use.
//!
//! A term is named by its folded text (the shard it lives in is a hash of
//! that), and holds one posting list per accented variant:
//! - a syllable: "nang", variants "nang0", "nẵng4", …;
//! - two adjacent syllables of one field: "da nang", variants "đa2 năng4", …;
//! - a prefix of a syllable, for the syllable being typed: "ng*" (one variant);
//! - a category: "#slug" (one variant).

use crate::text::{syllables, Syllable};
use std::collections::BTreeMap;

/// Prefixes are indexed up to this many characters; a longer last syllable
/// (a number, a foreign word: Vietnamese syllables have at most 7 letters) is
/// looked up as a whole syllable.
pub const MAX_PREFIX: usize = 8;
/// A field is indexed up to this many syllables.
pub const MAX_FIELD_SYLLABLES: usize = 400;
/// A query is read up to this many syllables.
pub const MAX_QUERY_SYLLABLES: usize = 8;

/// One article as the index takes it: what the feed lists about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// Its id: with its title, the app makes its page's address
    /// (`/tin/<id>/<slug of the title>`), so the index stores no address.
    pub id: String,
    pub title: String,
    /// The lead: indexed, and the snippet's source.
    pub summary: String,
    pub tags: Vec<String>,
    pub category_slug: String,
    pub category_name: String,
    /// Unix seconds.
    pub published: i64,
}

/// Per term, per accented variant: whether it occurs in the title.
pub type DocTerms = BTreeMap<String, BTreeMap<String, bool>>;

fn add(terms: &mut DocTerms, term: String, variant: String, title: bool) {
    let seen = terms.entry(term).or_default().entry(variant).or_insert(false);
    *seen |= title;
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

/// Every term of `doc`.
pub fn doc_terms(doc: &Doc) -> DocTerms {
    let mut terms = DocTerms::new();
    let fields = std::iter::once((doc.title.as_str(), true))
        .chain(std::iter::once((doc.summary.as_str(), false)))
        .chain(doc.tags.iter().map(|tag| (tag.as_str(), false)));
    for (field, title) in fields {
        let words: Vec<Syllable> = syllables(field).into_iter().take(MAX_FIELD_SYLLABLES).collect();
        for (index, word) in words.iter().enumerate() {
            add(&mut terms, word.folded.clone(), word.accented.clone(), title);
            for (count, (end, _)) in word.folded.char_indices().skip(1).chain([(word.folded.len(), ' ')]).enumerate() {
                if count >= MAX_PREFIX {
                    break;
                }
                let prefix = prefix_term(&word.folded[..end]);
                add(&mut terms, prefix.clone(), prefix, title);
            }
            if let Some(next) = words.get(index + 1) {
                add(
                    &mut terms,
                    pair_term(&word.folded, &next.folded),
                    pair_term(&word.accented, &next.accented),
                    title,
                );
            }
        }
    }
    let category = category_term(&doc.category_slug);
    add(&mut terms, category.clone(), category, false);
    let kind = kind_term(portal_core::search_messages::kind_of_category(&doc.category_slug));
    add(&mut terms, kind.clone(), kind, false);
    terms
}

/// Where the pairs a query of `count` complete syllables looks up start:
/// side by side, not overlapping (0, 2, 4, …), and for an odd count the last
/// two as well, so that every syllable is in a pair. Vietnamese words are
/// mostly two syllables ("cải cách hành chính" is "cải cách" and "hành
/// chính"), and each pair is a file to fetch, so the pair across two words
/// ("cách hành") is not looked up: four syllables cost two files, not three.
pub fn pair_starts(count: usize) -> impl Iterator<Item = usize> {
    let odd_tail = (count >= 3 && count % 2 == 1).then(|| count - 2);
    (0..count.saturating_sub(1)).step_by(2).chain(odd_tail)
}

/// One term a query needs, and whether the reader typed accents in it (then
/// the exact accented variant ranks first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryTerm {
    pub term: String,
    pub accented: Option<String>,
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
/// syllables are never expanded. A document matches when it has the
/// complete syllables' pairs that [`pair_starts`] names (one complete
/// syllable: that syllable), and, when typing, a syllable starting with the
/// last one.
pub fn parse_query(text: &str, typing: bool) -> ParsedQuery {
    let words: Vec<Syllable> = syllables(text).into_iter().take(MAX_QUERY_SYLLABLES).collect();
    let ends_in_letter = text.trim_end().len() == text.len();
    let prefix = typing
        && ends_in_letter
        && words.last().is_some_and(|w| w.folded.chars().count() <= MAX_PREFIX)
        && syllables(text).len() <= MAX_QUERY_SYLLABLES;
    let complete = if prefix { &words[..words.len() - 1] } else { &words[..] };
    let mut terms = Vec::new();
    let accented = |marked: bool, key: String| marked.then_some(key);
    if complete.len() == 1 {
        let w = &complete[0];
        terms.push(QueryTerm { term: w.folded.clone(), accented: accented(w.marked, w.accented.clone()) });
    }
    for pair in pair_starts(complete.len()).map(|at| &complete[at..at + 2]) {
        terms.push(QueryTerm {
            term: pair_term(&pair[0].folded, &pair[1].folded),
            accented: accented(pair[0].marked || pair[1].marked, pair_term(&pair[0].accented, &pair[1].accented)),
        });
    }
    if prefix {
        let last = &words[words.len() - 1];
        terms.push(QueryTerm { term: prefix_term(&last.folded), accented: None });
    }
    terms.dedup();
    ParsedQuery { words, prefix, terms }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, summary: &str) -> Doc {
        Doc {
            id: "1".into(),
            title: title.into(),
            summary: summary.into(),
            tags: vec![],
            category_slug: "tin".into(),
            category_name: "Tin".into(),
            published: 0,
        }
    }

    #[test]
    fn a_document_has_its_syllables_pairs_prefixes_and_category() {
        let terms = doc_terms(&doc("Đà Nẵng", "hoà bình"));
        assert!(terms["da"]["đa2"]);
        assert!(terms["da nang"]["đa2 năng4"]);
        assert!(!terms["hoa binh"]["hoa2 binh2"]);
        assert!(terms.contains_key("n*") && terms.contains_key("nang*") && terms.contains_key("#tin"));
        // Pairs stay inside a field.
        assert!(!terms.contains_key("nang hoa"));
    }

    #[test]
    fn queries_use_pairs_and_expand_only_the_syllable_being_typed() {
        let q = parse_query("Đà Nẵng", false);
        assert_eq!(q.terms, [QueryTerm { term: "da nang".into(), accented: Some("đa2 năng4".into()) }]);
        let q = parse_query("da nan", true);
        assert_eq!(q.terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>(), ["da", "nan*"]);
        assert_eq!(q.terms[0].accented, None);
        let q = parse_query("da nang ", true);
        assert_eq!(q.terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>(), ["da nang"]);
        let q = parse_query("cải cách hành chính", false);
        assert_eq!(q.terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>(), ["cai cach", "hanh chinh"]);
        let q = parse_query("Nguyễn Văn Hùng", false);
        assert_eq!(q.terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>(), ["nguyen van", "van hung"]);
        assert!(parse_query("!!! 😀", true).terms.is_empty());
        let starts = |n| pair_starts(n).collect::<Vec<_>>();
        assert_eq!([starts(0), starts(1), starts(2), starts(3)], [vec![], vec![], vec![0], vec![0, 1]]);
        assert_eq!([starts(4), starts(5), starts(8)], [vec![0, 2], vec![0, 2, 3], vec![0, 2, 4, 6]]);
    }
}
