//! The search page's pure half: its address (`/tim-kiem?q=…`), the query
//! it asks the search worker for (the messages themselves are in
//! `search_messages`, shared with the worker's engine), and the result
//! list as HTML.
//!
//! The engine itself runs in a Web Worker, a wasm of its own that the page
//! starts on the first search, so the first page's wasm carries none of it.
//! Every piece of text from the index is escaped here; the only markup in
//! the list is the list's own and `<mark>` around the matched words.

use super::date::VietnamTime;
use super::markup::escape;
use super::pager::{page_links, page_list_html};
use super::routes::{self, SEARCH};
use super::url::percent_encode;
use std::ops::Range;

pub use super::search_messages::{kind_of_category, parse_reply, Hit, Query, Reply, Results, KINDS, UNREADABLE_REPLY};

/// The query parameters of `/tim-kiem`.
pub const QUERY_PARAM: &str = "q";
pub const CATEGORY_PARAM: &str = "chuyen-muc";
pub const YEAR_PARAM: &str = "nam";
/// `kieu=van-ban`: only one kind of result (`search_messages::KINDS`).
pub const KIND_PARAM: &str = "kieu";
pub const PAGE_PARAM: &str = "trang";

/// Longer queries are cut (a word past this is never what a reader meant;
/// the engine would handle it, the address bar and the worker need not).
pub const MAX_QUERY_CHARS: usize = 200;

/// Keys closer together than this (ms) are one burst of typing.
pub const BURST_GAP_MS: f64 = 120.0;
/// Within a burst, the worker is asked once the keys pause this long (ms).
pub const BURST_PAUSE_MS: u32 = 50;

/// How long after a keystroke, `gap_ms` after the one before, to ask the
/// worker: at once for the first key of a burst (a slow typist sees every
/// key's results at once), else when the burst pauses. Without the wait a
/// fast typist's every prefix was searched, each fetching its own index
/// files: typing "cải cách hành chính" into a new page fetched 19 files,
/// 235 KB, where the whole query needs 5, 48 KB (scripts/bench-search-browser.mjs).
pub fn ask_after_ms(gap_ms: f64) -> Option<u32> {
    (gap_ms < BURST_GAP_MS).then_some(BURST_PAUSE_MS)
}

/// What the search page shows, as its address says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchParams {
    pub text: String,
    pub category: Option<String>,
    pub kind: Option<String>,
    pub year: Option<i32>,
    /// From 1, as in the address.
    pub page: u32,
}

impl SearchParams {
    /// From the address's parameters (`get` answers one by name); anything
    /// malformed is dropped rather than refused: a bad `nam` means no year.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> SearchParams {
        let text: String = get(QUERY_PARAM).unwrap_or_default().chars().take(MAX_QUERY_CHARS).collect();
        let category = get(CATEGORY_PARAM).filter(|slug| !slug.is_empty());
        let year = get(YEAR_PARAM).and_then(|year| year.parse().ok()).filter(|year| (1900..=9999).contains(year));
        let page = get(PAGE_PARAM).and_then(|page| page.parse().ok()).filter(|page| *page >= 1).unwrap_or(1);
        let kind = get(KIND_PARAM).filter(|kind| KINDS.iter().any(|(known, _)| known == kind));
        SearchParams { text, category, kind, year, page }
    }

    /// Nothing to search for: only spaces, or nothing.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// `/tim-kiem?q=c%E1%BA%A3i+c%C3%A1ch&nam=2023`: the page's address.
    pub fn route(&self) -> String {
        let mut pairs = vec![(QUERY_PARAM, self.text.clone())];
        pairs.extend(self.category.clone().map(|slug| (CATEGORY_PARAM, slug)));
        pairs.extend(self.kind.clone().map(|kind| (KIND_PARAM, kind)));
        pairs.extend(self.year.map(|year| (YEAR_PARAM, year.to_string())));
        if self.page > 1 {
            pairs.push((PAGE_PARAM, self.page.to_string()));
        }
        let query: Vec<String> = pairs.iter().map(|(name, value)| format!("{name}={}", form_encode(value))).collect();
        format!("{SEARCH}?{}", query.join("&"))
    }

    /// The worker's query for this page of results. `typing`: the reader
    /// is still typing, so the last syllable is a prefix.
    pub fn query(&self, typing: bool) -> Query {
        Query {
            text: self.text.clone(),
            typing,
            category: self.category.clone(),
            kind: self.kind.clone(),
            year: self.year,
            page: self.page.saturating_sub(1) as usize,
            per_page: 0,
        }
    }

    /// The message asking the worker for this page of results.
    pub fn request(&self, id: u32, typing: bool) -> String {
        self.query(typing).request(id)
    }
}

/// `application/x-www-form-urlencoded`, as a search form sends it: the
/// shared percent-encoding, keeping what a form keeps, spaces as `+`.
fn form_encode(text: &str) -> String {
    percent_encode(text, b"-_.* ").replace(' ', "+")
}

/// `text` escaped, with the byte ranges `marks` inside `<mark>`. Ranges that
/// are out of order, overlapping, outside the text or not on character
/// boundaries are skipped: a wrong mark loses its highlight, never the text.
pub fn marked_html(text: &str, marks: &[Range<usize>]) -> String {
    let mut html = String::with_capacity(text.len() + 16 * marks.len());
    let mut at = 0;
    for mark in marks {
        let fits = at <= mark.start && mark.start < mark.end && mark.end <= text.len();
        if !fits || !text.is_char_boundary(mark.start) || !text.is_char_boundary(mark.end) {
            continue;
        }
        html.push_str(&escape(&text[at..mark.start]));
        html.push_str("<mark>");
        html.push_str(&escape(&text[mark.clone()]));
        html.push_str("</mark>");
        at = mark.end;
    }
    html.push_str(&escape(&text[at..]));
    html
}

/// The result list's rows (`<li>`), each with its title as a link (from
/// `href`), its date, category and snippet.
pub fn hits_html(hits: &[Hit], href: impl Fn(&str) -> String) -> String {
    let mut html = String::new();
    for hit in hits {
        let date = VietnamTime::from_unix_seconds(hit.published).date.slashed();
        html.push_str(&format!(
            "<li class=\"search-hit\"><h2 class=\"search-hit-title\"><a href=\"{}\">{}</a></h2>\
             <p class=\"search-hit-meta\"><time>{date}</time>",
            escape(&href(&match kind_of_category(&hit.category_slug) {
                "van-ban" => routes::van_ban(&hit.id, &hit.title),
                "nhiem-vu" => routes::nhiem_vu(&hit.id, &hit.title),
                _ => routes::article(&hit.id, &hit.title),
            })),
            marked_html(&hit.title, &hit.title_marks),
        ));
        if !hit.category_name.is_empty() {
            html.push_str(&format!(" · {}", escape(&hit.category_name)));
        }
        html.push_str(&format!(
            "</p><p class=\"search-hit-snippet\">{}</p></li>",
            marked_html(&hit.snippet, &hit.snippet_marks)
        ));
    }
    html
}

/// The ids of the search page's parts, which the page fills in.
pub const QUERY_BOX_ID: &str = "o-tim-kiem";
pub const STATUS_ID: &str = "tim-kiem-trang-thai";
pub const RESULTS_ID: &str = "tim-kiem-ket-qua";

/// What the status line says before a query.
pub const PROMPT: &str = "Nhập từ khóa để tìm trong toàn bộ tin bài.";

/// The search page's body before any answer: the form (a plain GET form to
/// `action`, so it works without the app), the live status line and the
/// place for results. Drawn as one string, as the navigation is: views for
/// the same cost many kilobytes of wasm.
pub fn page_html(params: &SearchParams, action: &str) -> String {
    let (categories, years) = filter_options_html(&[], &[], params);
    format!(
        "<h1 class=\"page-heading\">Tìm kiếm</h1>\
         <form class=\"search-form\" role=\"search\" aria-label=\"Tìm kiếm và lọc tin bài\" action=\"{}\" method=\"get\">\
         <label for=\"{QUERY_BOX_ID}\" class=\"visually-hidden\">Từ khóa tìm kiếm</label>\
         <input id=\"{QUERY_BOX_ID}\" type=\"search\" name=\"{QUERY_PARAM}\" value=\"{}\" autocomplete=\"off\" \
         placeholder=\"Nhập từ khóa, có dấu hoặc không dấu\"><button type=\"submit\">Tìm</button>\
         <div class=\"search-filters\">\
         <label>Loại <select name=\"{KIND_PARAM}\">{}</select></label>\
         <label>Chuyên mục <select name=\"{CATEGORY_PARAM}\">{categories}</select></label>\
         <label>Năm <select name=\"{YEAR_PARAM}\">{years}</select></label></div></form>\
         <p id=\"{STATUS_ID}\" class=\"search-status\" role=\"status\">{}</p>\
         <div id=\"{RESULTS_ID}\"></div>",
        escape(action),
        escape(&params.text),
        kind_options_html(params.kind.as_deref()),
        if params.is_empty() { PROMPT } else { "" },
    )
}

/// The kinds' `<option>`s, the chosen one selected.
pub fn kind_options_html(chosen: Option<&str>) -> String {
    let mut html = format!("<option value=\"\"{}>Tất cả</option>", if chosen.is_none() { " selected" } else { "" });
    for (kind, name) in KINDS {
        let selected = if chosen == Some(kind) { " selected" } else { "" };
        html.push_str(&format!("<option value=\"{kind}\"{selected}>{}</option>", escape(name)));
    }
    html
}

/// The filters' `<option>`s: "Tất cả", then the index's categories and
/// years (newest first), the address's choice selected (and kept even when
/// the index does not list it, so the filter never lies about itself).
pub fn filter_options_html(years: &[i32], categories: &[(String, String)], params: &SearchParams) -> (String, String) {
    let option = |value: &str, label: &str, selected: bool| {
        let selected = if selected { " selected" } else { "" };
        format!("<option value=\"{}\"{selected}>{}</option>", escape(value), escape(label))
    };
    let mut categories = categories.to_vec();
    if let Some(chosen) = params.category.as_ref().filter(|chosen| !categories.iter().any(|(slug, _)| slug == *chosen))
    {
        categories.push((chosen.clone(), chosen.clone()));
    }
    let mut years = years.to_vec();
    years.extend(params.year.filter(|year| !years.contains(year)));
    years.sort_unstable_by(|a, b| b.cmp(a));
    let mut category_html = option("", "Tất cả", params.category.is_none());
    for (slug, name) in &categories {
        category_html.push_str(&option(slug, name, params.category.as_deref() == Some(slug.as_str())));
    }
    let mut year_html = option("", "Tất cả", params.year.is_none());
    for year in years {
        year_html.push_str(&option(&year.to_string(), &year.to_string(), params.year == Some(year)));
    }
    (category_html, year_html)
}

/// The results area for an answer: the list and its pages, or, when nothing
/// matched, the suggestion to drop a word. `href` turns a route into a link.
pub fn results_html(found: &Results, params: &SearchParams, href: impl Fn(&str) -> String) -> String {
    if found.total == 0 {
        let mut html = String::from("<div class=\"search-empty\">");
        if let Some(suggestion) = &found.suggestion {
            let route = SearchParams { text: suggestion.clone(), page: 1, ..params.clone() }.route();
            html.push_str(&format!(
                "<p>Thử bỏ bớt một từ: <a href=\"{}\">{}</a></p>",
                escape(&href(&route)),
                escape(suggestion)
            ));
        }
        html.push_str(if params.category.is_some() || params.year.is_some() {
            "<p>Hãy thử bỏ bộ lọc chuyên mục hoặc năm, hoặc dùng ít từ hơn.</p></div>"
        } else {
            "<p>Hãy kiểm tra chính tả hoặc dùng ít từ hơn.</p></div>"
        });
        return html;
    }
    let mut html = format!("<ol class=\"search-hits\">{}</ol>", hits_html(&found.hits, &href));
    if found.pages > 1 {
        let links = page_links(found.page as u32 + 1, found.pages as u32, false);
        let rows = page_list_html(&links, |page| href(&SearchParams { page, ..params.clone() }.route()));
        html.push_str(&format!("<nav class=\"page-list\" aria-label=\"Các trang kết quả\"><ul>{rows}</ul></nav>"));
    }
    html
}

/// A failed search: what went wrong, and the retry (`data-thu-lai`).
pub fn error_html(message: &str) -> String {
    format!(
        "<div class=\"error-box\" role=\"alert\"><p class=\"error-box-message\">{}</p>\
         <button type=\"button\" class=\"error-box-retry\" data-thu-lai>Thử lại</button></div>",
        escape(message)
    )
}

/// What the live region announces once results are in.
pub fn count_text(found: &Results, text: &str) -> String {
    match found.total {
        0 => format!("Không tìm thấy kết quả nào cho “{}”.", text.trim()),
        total => format!(
            "Tìm thấy {} kết quả cho “{}”{}.",
            super::number::group_thousands(total as u64),
            text.trim(),
            if found.pages > 1 { format!(", trang {}/{}", found.page + 1, found.pages) } else { String::new() }
        ),
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
