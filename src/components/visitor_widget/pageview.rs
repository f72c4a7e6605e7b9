//! The optional page-view report (off unless config.json sets `pageview_url`).

use crate::core::stats::{pageview_body, visitor_id};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::cell::Cell;
use web_sys::js_sys::Math;
use web_sys::Storage;

/// The one key, in localStorage (the visitor id) and in sessionStorage
/// (present: this browser session was already reported).
const KEY: &str = "luot-truy-cap";

thread_local! {
    /// The page as loaded was reported before the app took it over.
    static REPORTED_AT_LOAD: Cell<bool> = const { Cell::new(false) };
}

/// Reports the page as loaded, before the app takes it over: a prerendered
/// page is taken over only when the reader reaches for it (crate::takeover),
/// and a reader who only reads it is a page view too.
#[cfg(not(feature = "ssr"))]
pub fn report_at_load(url: &str) {
    let path = window().location().pathname().unwrap_or_default();
    let (visitor, session_known) = visitor_and_session();
    send(url, &pageview_body(&path, &visitor, !session_known));
    REPORTED_AT_LOAD.with(|reported| reported.set(true));
}

/// Sends one beacon per page view, the first load included, so that a
/// counter service can count visits. Renders nothing.
#[component]
pub fn PageViewBeacon(url: String) -> impl IntoView {
    let location = use_location();
    // Where storage is refused, the id lives as long as this tab's app, and
    // every load starts a session: the counter's visit window merges them.
    let (visitor, session_known) = visitor_and_session();
    // The router's pathname is the browser's, sub-path included.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let reported_at_load = previous.is_none() && REPORTED_AT_LOAD.with(|reported| reported.replace(false));
        if previous.as_ref() != Some(&path) && !reported_at_load {
            send(&url, &pageview_body(&path, &visitor, previous.is_none() && !session_known));
        }
        path
    });
}

/// This browser's visitor id, and whether this browser session was already
/// reported; both stored where the browser lets it.
fn visitor_and_session() -> (String, bool) {
    let (visitor, _) = kept(window().local_storage(), visitor_id(Math::random()));
    let (_, session_known) = kept(window().session_storage(), String::new());
    (visitor, session_known)
}

/// The value under KEY in `storage` and true; else `new`, stored there
/// when the browser lets it, and false.
fn kept(storage: Result<Option<Storage>, wasm_bindgen::JsValue>, new: String) -> (String, bool) {
    let storage = storage.ok().flatten();
    if let Some(value) = storage.as_ref().and_then(|s| s.get_item(KEY).ok().flatten()) {
        return (value, true);
    }
    let _ = storage.map(|s| s.set_item(KEY, &new));
    (new, false)
}

/// sendBeacon queues the request even if the tab is closing; a text/plain body
/// keeps it a "simple" request, so a counter on another origin needs no
/// preflight. Refusal (queue full, blocked by CSP) only costs one count.
fn send(url: &str, body: &str) {
    let navigator = window().navigator();
    if !matches!(navigator.send_beacon_with_opt_str(url, Some(body)), Ok(true)) {
        leptos::logging::debug_warn!("page view not reported to {url}");
    }
}
