//! The week's schedule as a table: a row group per day, a sub-heading per
//! part of day, a row per entry. On a phone the stylesheet turns each day into
//! a card and each entry into a labelled block (`data-label`), so there is one
//! markup for both. The rows are written by the core
//! (`core::agenda_html`) and set as the table's HTML: a typed view per
//! row, cell and mark cost the wasm its own rendering code.

use crate::core::agenda::AgendaDay;
use crate::core::agenda_html::schedule_table_inner;
use leptos::prelude::*;

/// The seven days of a week, today and the entry under way marked.
#[component]
pub fn ScheduleTable(days: Vec<AgendaDay>) -> impl IntoView {
    view! { <table class="schedule-table" inner_html=schedule_table_inner(&days)></table> }
}

/// Seven grey day blocks about the height of a light week, while it loads.
#[component]
pub fn ScheduleSkeleton() -> impl IntoView {
    view! {
        <div class="schedule-skeleton skeleton" aria-hidden="true">
            <div class="skeleton-line skeleton-line-short"></div>
            {(0..7).map(|_| view! { <div class="schedule-skeleton-day"></div> }).collect_view()}
        </div>
        <p class="visually-hidden" role="status">"Đang tải lịch công tác…"</p>
    }
}
