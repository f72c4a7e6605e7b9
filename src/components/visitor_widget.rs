//! The visitor statistics box ("Thống kê truy cập"), in the persistent layout.
//!
//! It polls the statistics document named in config.json while the tab is
//! visible (the rules live in [`crate::core::poll`]), shares what it fetched
//! with the portal's other open tabs, and, when config.json names a counter,
//! reports each page view. Its timers, listeners and request end with it.

mod figures;
mod pageview;
// Drawn natively (the prerender), the widget shows the figures it was
// handed and polls nothing.
#[cfg(not(feature = "ssr"))]
mod polling;
#[cfg_attr(feature = "ssr", allow(dead_code))]
mod tabs;

pub use figures::StatsFigures;
pub use tabs::channel_name;

use crate::context::use_portal;
use crate::core::poll::Shown;
use crate::core::stats_display::stats_display;
use leptos::prelude::*;
use pageview::PageViewBeacon;
#[cfg(not(feature = "ssr"))]
use polling::StatsPolling;
#[cfg(not(feature = "ssr"))]
use send_wrapper::SendWrapper;

/// Reports the page view of the page as loaded, when config.json names a
/// counter (see `pageview::report_at_load`).
#[cfg(not(feature = "ssr"))]
pub fn report_view_at_load(portal: &crate::context::Portal) {
    if let Some(url) = portal.config.pageview_url.as_deref() {
        pageview::report_at_load(&portal.url(url));
    }
}

/// The visitor statistics box: online now, today, total, and when counted.
#[component]
pub fn VisitorWidget() -> impl IntoView {
    let portal = use_portal();
    let url = portal.url(&portal.config.sources.stats);
    #[cfg(not(feature = "ssr"))]
    let display = {
        // Taking over a prerendered page, the app starts from the figures
        // embedded in it, as drawn, not from "—" until its first poll.
        let at_hand = crate::documents::statistics_at_hand(&url);
        let display = RwSignal::new(stats_display(Shown::Waiting, 0));
        let polling = SendWrapper::new(StatsPolling::start(url, portal.config.stats_poll_seconds, at_hand, display));
        on_cleanup(move || polling.stop());
        display
    };
    #[cfg(feature = "ssr")]
    // "Now" at the epoch: the time is always said with its date, since the
    // page is read on later days too.
    let display = RwSignal::new(stats_display(
        crate::documents::statistics_at_hand(&url).map_or(Shown::Unavailable, Shown::Current),
        0,
    ));
    let beacon_url = portal.config.pageview_url.as_deref().map(|url| portal.url(url));
    view! {
        <section class="sidebar-box visitor-widget" aria-labelledby="thong-ke-truy-cap">
            <h2 id="thong-ke-truy-cap" class="sidebar-heading">"Thống kê truy cập"</h2>
            <StatsFigures display />
            {beacon_url.map(|url| view! { <PageViewBeacon url /> })}
        </section>
    }
}
