//! The visitor statistics box ("Thống kê truy cập"), in the persistent layout.
//!
//! It polls the statistics document named in config.json while the tab is
//! visible (the rules live in [`crate::core::poll`]), shares what it fetched
//! with the portal's other open tabs, and, when config.json names a counter,
//! reports each page view. Its timers, listeners and request end with it.

mod figures;
mod pageview;
mod polling;
mod tabs;

pub use figures::StatsFigures;
pub use tabs::channel_name;

use crate::context::use_portal;
use crate::core::poll::Shown;
use crate::core::stats_display::stats_display;
use leptos::prelude::*;
use pageview::PageViewBeacon;
use polling::StatsPolling;
use send_wrapper::SendWrapper;

/// The visitor statistics box: online now, today, total, and when counted.
#[component]
pub fn VisitorWidget() -> impl IntoView {
    let portal = use_portal();
    let display = RwSignal::new(stats_display(Shown::Waiting, 0));
    let url = portal.url(&portal.config.sources.stats);
    let polling = SendWrapper::new(StatsPolling::start(url, portal.config.stats_poll_seconds, display));
    on_cleanup(move || polling.stop());
    let beacon_url = portal.config.pageview_url.as_deref().map(|url| portal.url(url));
    view! {
        <section class="sidebar-box visitor-widget" aria-labelledby="thong-ke-truy-cap">
            <h2 id="thong-ke-truy-cap" class="sidebar-heading">"Thống kê truy cập"</h2>
            <StatsFigures display />
            {beacon_url.map(|url| view! { <PageViewBeacon url /> })}
        </section>
    }
}
