//! A result's highlights and snippet: the query's words marked in its
//! title, and about 180 characters of its lead or body where the words are.

use crate::terms::ParsedQuery;
use crate::text::syllables;
use portal_core::json_text::Value;
use std::collections::HashSet;
use std::ops::Range;

/// A snippet is cut to about this many characters around its matches.
const SNIPPET_CHARS: usize = 180;

/// What the engine is handed for an article's document: its body's HTML
/// (news-feed.md: its one item's `content_html`, else `content_text`), not
/// the document, so that the worker reads the JSON with the browser's own
/// parser and its wasm carries none. This is that reading, for native callers.
pub fn article_html(document: &[u8]) -> Vec<u8> {
    let html = std::str::from_utf8(document).ok().and_then(|text| {
        let document = portal_core::json_text::parse(text).ok()?;
        let Some(Value::Array(items)) = document.get("items") else { return None };
        let item = items.first()?;
        item.get("content_html").or_else(|| item.get("content_text")).and_then(Value::as_str).map(String::from)
    });
    html.unwrap_or_default().into_bytes()
}

/// Whether `text` holds every complete word of the query, and one starting
/// with the word being typed.
pub fn holds_every_word(text: &str, parsed: &ParsedQuery) -> bool {
    let have: HashSet<String> = syllables(text).into_iter().map(|s| s.folded).collect();
    let complete = parsed.words.len() - usize::from(parsed.prefix);
    parsed.words[..complete].iter().all(|w| have.contains(&w.folded))
        && (!parsed.prefix || parsed.words.last().is_some_and(|last| have.iter().any(|h| h.starts_with(&last.folded))))
}

pub fn holds_any_word(text: &str, parsed: &ParsedQuery) -> bool {
    !marks(text, parsed).is_empty()
}

/// Byte ranges of the syllables of `text` that the query matches.
pub fn marks(text: &str, parsed: &ParsedQuery) -> Vec<Range<usize>> {
    let complete = parsed.words.len() - usize::from(parsed.prefix);
    let words: HashSet<&str> = parsed.words[..complete].iter().map(|w| w.folded.as_str()).collect();
    let prefix = parsed.prefix.then(|| parsed.words.last().map(|w| w.folded.as_str())).flatten();
    syllables(text)
        .into_iter()
        .filter(|s| words.contains(s.folded.as_str()) || prefix.is_some_and(|p| s.folded.starts_with(p)))
        .map(|s| s.range)
        .collect()
}

/// The snippet: `text`, or about [`SNIPPET_CHARS`] of it from shortly before
/// its first match, with its marks.
pub fn snippet_of(text: &str, parsed: &ParsedQuery) -> (String, Vec<Range<usize>>) {
    let all = marks(text, parsed);
    if text.chars().count() <= SNIPPET_CHARS {
        return (text.to_string(), all);
    }
    let first = best_window(text, &all);
    // Start at a syllable about 40 characters before the first match.
    let starts: Vec<usize> = syllables(text).iter().map(|s| s.range.start).filter(|&s| s <= first).collect();
    let mut start = starts.first().copied().unwrap_or(0);
    for &s in starts.iter().rev() {
        start = s;
        if text[s..first].chars().count() >= 40 {
            break;
        }
    }
    let end = text[start..].char_indices().nth(SNIPPET_CHARS).map_or(text.len(), |(at, _)| start + at);
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < text.len() { "…" } else { "" };
    let snippet = format!("{lead}{}{tail}", &text[start..end]);
    let shift = lead.len();
    let marks = all
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    (snippet, marks)
}

/// Where the snippet's window starts: the match from which the next
/// [`SNIPPET_CHARS`] characters hold the most different words of the query
/// (a body names "hành chính" in many places; the snippet shows where the
/// words stand together), the first of equals; 0 without a match.
fn best_window(text: &str, marks: &[Range<usize>]) -> usize {
    let mut best = (0, marks.first().map_or(0, |r| r.start));
    for (at, mark) in marks.iter().enumerate() {
        let end = text[mark.start..].char_indices().nth(SNIPPET_CHARS - 40).map_or(text.len(), |(n, _)| mark.start + n);
        let mut words: Vec<String> =
            marks[at..].iter().take_while(|r| r.end <= end).map(|r| crate::text::fold(&text[r.clone()])).collect();
        words.sort_unstable();
        words.dedup();
        if words.len() > best.0 {
            best = (words.len(), mark.start);
        }
    }
    best.1
}
