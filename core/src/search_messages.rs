//! The messages between the search page and the search worker, one set of
//! types for both sides (docs/formats/search-index.md): the query the page
//! asks for, and the page of results the engine (portal-search) answers.
//!
//! The page writes its request and reads the reply here, with the core's
//! small JSON reader; the worker reads and writes the same fields with the
//! browser's own `JSON`, so that its wasm carries no JSON code at all.

use super::json_text::{parse, quote, Value};
use std::ops::Range;

/// What to search for, and which page of the results.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// The reader is still typing: the last syllable is a prefix.
    pub typing: bool,
    pub category: Option<String>,
    /// Only results of this kind (`tin`, `van-ban`, `nhiem-vu`: `kind_of_category`).
    pub kind: Option<String>,
    pub year: Option<i32>,
    /// From 0.
    pub page: usize,
    /// Results per page; 0 for the engine's page size (ten). The page never
    /// sets it, so the request does not carry it.
    pub per_page: usize,
}

impl Query {
    /// The request message for the worker, answered as request `id`.
    pub fn request(&self, id: u32) -> String {
        let category = self.category.as_deref().map(quote).unwrap_or_else(|| "null".into());
        let year = self.year.map(|year| year.to_string()).unwrap_or_else(|| "null".into());
        // Left out when absent, so a request without one reads as before.
        let kind = self.kind.as_deref().map(|kind| format!(",\"kind\":{}", quote(kind))).unwrap_or_default();
        format!(
            "{{\"id\":{id},\"q\":{},\"typing\":{},\"category\":{category},\"year\":{year},\"page\":{}{kind}}}",
            quote(&self.text),
            self.typing,
            self.page
        )
    }
}

/// The kinds of what the index holds, by category slug: the registries
/// are indexed under a category of their own (`van-ban`, `nhiem-vu`, which
/// no news category may take), everything else is news (`tin`). Results
/// link to their kind's page, and a query can ask for one kind.
pub fn kind_of_category(slug: &str) -> &'static str {
    match slug {
        "van-ban" => "van-ban",
        "nhiem-vu" => "nhiem-vu",
        _ => "tin",
    }
}

/// The kinds a reader can ask for, with their names.
pub const KINDS: [(&str, &str); 3] = [("tin", "Tin tức"), ("van-ban", "Văn bản"), ("nhiem-vu", "Nhiệm vụ KH&CN")];

/// One result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hit {
    /// The article's id: with the title, its route (`/tin/1019/…`).
    pub id: String,
    pub title: String,
    pub published: i64,
    pub category_slug: String,
    pub category_name: String,
    pub snippet: String,
    /// Byte ranges of `title` and `snippet` to highlight.
    pub title_marks: Vec<Range<usize>>,
    pub snippet_marks: Vec<Range<usize>>,
    /// Every accented word of the query is in it with the same accents.
    pub exact: bool,
}

/// One page of results.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    pub total: usize,
    /// From 0, as the engine counts.
    pub page: usize,
    pub pages: usize,
    pub hits: Vec<Hit>,
    /// When nothing matched: the query with one word dropped that does.
    pub suggestion: Option<String>,
    /// The years (newest first) and categories (slug, name) the index
    /// holds, for the filters: the worker adds them from the engine's
    /// `facets` to each reply.
    pub years: Vec<i32>,
    pub categories: Vec<(String, String)>,
}

/// The worker's answer to request `id`: results, or the Vietnamese message
/// of what went wrong (the page offers a retry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub id: u32,
    pub outcome: Result<Results, String>,
}

/// What the page says when the worker's answer cannot be read.
pub const UNREADABLE_REPLY: &str = "Bộ tìm kiếm trả lời không đúng định dạng. Vui lòng thử lại.";

/// Reads the worker's message. An unreadable one is an `Err` for the page to
/// show as [`UNREADABLE_REPLY`]; the English detail is for the console.
pub fn parse_reply(text: &str) -> Result<Reply, String> {
    let value = parse(text)?;
    let id = number(&value, "id").ok_or("no id")? as u32;
    if let Some(message) = value.get("error").and_then(Value::as_str) {
        return Ok(Reply { id, outcome: Err(message.to_string()) });
    }
    let hits = match value.get("hits") {
        Some(Value::Array(hits)) => hits.iter().map(read_hit).collect::<Result<Vec<_>, _>>()?,
        _ => return Err("no hits".into()),
    };
    let found = Results {
        total: number(&value, "total").ok_or("no total")? as usize,
        page: number(&value, "page").ok_or("no page")? as usize,
        pages: number(&value, "pages").ok_or("no pages")? as usize,
        hits,
        suggestion: value.get("suggestion").and_then(Value::as_str).map(str::to_string),
        years: array(&value, "years").iter().filter_map(|year| whole(year).map(|y| y as i32)).collect(),
        categories: array(&value, "categories")
            .iter()
            .filter_map(|c| Some((c.get("slug")?.as_str()?.to_string(), c.get("name")?.as_str()?.to_string())))
            .collect(),
    };
    Ok(Reply { id, outcome: Ok(found) })
}

fn read_hit(value: &Value) -> Result<Hit, String> {
    let text =
        |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string).ok_or(format!("hit without {key}"));
    Ok(Hit {
        id: text("id")?,
        title: text("title")?,
        published: number(value, "published").unwrap_or(0),
        category_slug: text("category_slug").unwrap_or_default(),
        category_name: text("category_name").unwrap_or_default(),
        snippet: text("snippet").unwrap_or_default(),
        title_marks: marks(value, "title_marks"),
        snippet_marks: marks(value, "snippet_marks"),
        exact: value.get("exact").and_then(Value::as_bool).unwrap_or(false),
    })
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    match value.get(key) {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// An integer member (the engine's dates may be before 1970).
fn number(value: &Value, key: &str) -> Option<i64> {
    value.get(key).and_then(whole)
}

fn whole(value: &Value) -> Option<i64> {
    match value {
        Value::Number(text) => text.parse().ok(),
        _ => None,
    }
}

fn marks(value: &Value, key: &str) -> Vec<Range<usize>> {
    array(value, key)
        .iter()
        .filter_map(|pair| match pair {
            Value::Array(ends) if ends.len() == 2 => Some(whole(&ends[0])? as usize..whole(&ends[1])? as usize),
            _ => None,
        })
        .collect()
}
