//! The messages between the page and the worker (their types are
//! portal-core's `search_messages`, shared with the page): JSON strings, read and
//! written with the browser's own `JSON` (no escaping by hand, no serde in
//! the wasm). The shapes are in docs/formats/search-index.md.

use portal_search::{Hit, Query, Results};
use std::ops::Range;
use wasm_bindgen::JsValue;
use web_sys::js_sys::{Array, Object, Reflect, JSON};

/// What the page is told when its message is not a request.
pub const MALFORMED_VI: &str = "Yêu cầu tìm kiếm không hợp lệ. Vui lòng thử lại.";

/// A request's id and query; a malformed one gives the id to answer it
/// with (0 when even that is unknown).
pub fn parse(message: &JsValue) -> Result<(f64, Query), f64> {
    let value = message.as_string().and_then(|text| JSON::parse(&text).ok()).filter(JsValue::is_object).ok_or(0.0)?;
    let field = |name: &str| Reflect::get(&value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let id = field("id").as_f64().filter(|n| n.is_finite()).ok_or(0.0)?;
    let text = field("q").as_string().ok_or(id)?;
    let typing = field("typing");
    let category = field("category");
    let category =
        if category.is_null() || category.is_undefined() { None } else { Some(category.as_string().ok_or(id)?) };
    let kind = field("kind");
    let kind = if kind.is_null() || kind.is_undefined() { None } else { Some(kind.as_string().ok_or(id)?) };
    let year = whole(&field("year"), i32::MIN.into(), i32::MAX.into()).ok_or(id)?.map(|year| year as i32);
    let page = whole(&field("page"), 0.0, u32::MAX.into()).ok_or(id)?.unwrap_or(0.0) as usize;
    Ok((id, Query { text, typing: typing.as_bool() == Some(true), category, kind, year, page, per_page: 0 }))
}

/// `null` or absent: `Some(None)`; a whole number within bounds:
/// `Some(Some(n))`; anything else: `None`.
fn whole(value: &JsValue, min: f64, max: f64) -> Option<Option<f64>> {
    if value.is_null() || value.is_undefined() {
        return Some(None);
    }
    let n = value.as_f64().filter(|n| n.fract() == 0.0 && (min..=max).contains(n))?;
    Some(Some(n))
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Cannot fail on a plain object.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn number(n: usize) -> JsValue {
    JsValue::from_f64(n as f64)
}

fn marks(ranges: &[Range<usize>]) -> Array {
    ranges.iter().map(|r| Array::of2(&number(r.start), &number(r.end))).collect()
}

fn hit(hit: &Hit) -> Object {
    let out = Object::new();
    set(&out, "id", &JsValue::from_str(&hit.id));
    set(&out, "title", &JsValue::from_str(&hit.title));
    set(&out, "published", &JsValue::from_f64(hit.published as f64));
    set(&out, "category_slug", &JsValue::from_str(&hit.category_slug));
    set(&out, "category_name", &JsValue::from_str(&hit.category_name));
    set(&out, "snippet", &JsValue::from_str(&hit.snippet));
    set(&out, "title_marks", &marks(&hit.title_marks));
    set(&out, "snippet_marks", &marks(&hit.snippet_marks));
    set(&out, "exact", &JsValue::from_bool(hit.exact));
    out
}

/// `{"id", "total", "page", "pages", "suggestion", "hits", "years", "categories"}`.
pub fn results(id: f64, results: &Results, facets: &(Vec<i32>, Vec<(String, String)>)) -> Object {
    let out = Object::new();
    set(&out, "id", &JsValue::from_f64(id));
    set(&out, "total", &number(results.total));
    set(&out, "page", &number(results.page));
    set(&out, "pages", &number(results.pages));
    let suggestion = results.suggestion.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    set(&out, "suggestion", &suggestion);
    set(&out, "hits", &results.hits.iter().map(hit).collect::<Array>());
    // The engine's results leave the filters' choices to this reply.
    let (years, categories) = facets;
    set(&out, "years", &years.iter().map(|year| JsValue::from_f64(f64::from(*year))).collect::<Array>());
    let category = |(slug, name): &(String, String)| {
        let entry = Object::new();
        set(&entry, "slug", &JsValue::from_str(slug));
        set(&entry, "name", &JsValue::from_str(name));
        entry
    };
    set(&out, "categories", &categories.iter().map(category).collect::<Array>());
    out
}

/// `{"id", "error"}`, the error in words a visitor can read.
pub fn error(id: f64, message: &str) -> Object {
    let out = Object::new();
    set(&out, "id", &JsValue::from_f64(id));
    set(&out, "error", &JsValue::from_str(message));
    out
}

/// The reply as the string the page receives.
pub fn text(reply: &Object) -> JsValue {
    JSON::stringify(reply).map_or(JsValue::NULL, JsValue::from)
}
