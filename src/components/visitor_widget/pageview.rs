//! The optional page-view report (off unless config.json sets `pageview_url`).

use crate::core::stats::pageview_body;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Sends one beacon per page view, the first load included, so that a
/// counter service can count visits. Renders nothing.
#[component]
pub fn PageViewBeacon(url: String) -> impl IntoView {
    let location = use_location();
    // The router's pathname is the browser's, sub-path included.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref() != Some(&path) {
            send(&url, &path);
        }
        path
    });
}

/// sendBeacon queues the request even if the tab is closing; a text/plain body
/// keeps it a "simple" request, so a counter on another origin needs no
/// preflight. Refusal (queue full, blocked by CSP) only costs one count.
fn send(url: &str, path: &str) {
    let navigator = window().navigator();
    if !matches!(navigator.send_beacon_with_opt_str(url, Some(&pageview_body(path))), Ok(true)) {
        leptos::logging::debug_warn!("page view not reported to {url}");
    }
}
