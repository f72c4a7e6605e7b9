//! The visitor statistics box ("Thống kê truy cập"). Being built for issue 6;
//! until the statistics are read it shows dashes, never invented figures.

use leptos::prelude::*;

/// The visitor statistics box.
#[component]
pub fn VisitorWidget() -> impl IntoView {
    view! {
        <section class="sidebar-box visitor-widget" aria-labelledby="thong-ke-truy-cap">
            <h2 id="thong-ke-truy-cap" class="sidebar-heading">"Thống kê truy cập"</h2>
            <dl class="visitor-widget-figures">
                <dt>"Số người online"</dt><dd>"—"</dd>
                <dt>"Hôm nay"</dt><dd>"—"</dd>
                <dt>"Tổng lượt truy cập"</dt><dd>"—"</dd>
            </dl>
        </section>
    }
}
