//! The sidebar: the week's schedule, the KH&CN magazine column, and the visitor box.

use crate::components::category_teaser::CategoryTeaser;
use crate::components::region::{region, OnFailure};
use crate::components::schedule_today::ScheduleToday;
use crate::components::skeleton::ListSkeleton;
use crate::components::visitor_widget::VisitorWidget;
use crate::context::{site_href, use_portal};
use crate::core::routes;
use crate::documents;
use leptos::prelude::*;
use std::time::Duration;

/// The slug of the magazine column ("Chuyên mục KH&CN").
pub const MAGAZINE_SLUG: &str = "chuyen-muc-khcn";
const MAGAZINE_COUNT: usize = 3;

/// The sidebar, the same on every page; it lives outside the routes, so its
/// data and the visitor widget's timer survive navigation.
#[component]
pub fn Sidebar() -> impl IntoView {
    // Drawn one task after the rest of the first render, so that first render
    // is two shorter tasks, not one long one (Total Blocking Time, measured
    // by scripts/bench.sh). The column keeps its width meanwhile: nothing moves.
    // Over a prerendered page (and in the prerender itself) the sidebar is
    // already on screen: it is drawn at once, or it would blink.
    let at_once = cfg!(feature = "ssr") || crate::context::taking_over_prerendered_page();
    let drawn = RwSignal::new(at_once);
    if !at_once {
        set_timeout(move || drawn.set(true), Duration::ZERO);
    }
    view! {
        <aside class="sidebar" aria-label="Thông tin thêm">
            {move || drawn.get().then(sidebar_boxes)}
        </aside>
    }
}

/// The schedule box, the magazine column and the visitor widget.
fn sidebar_boxes() -> AnyView {
    let portal = use_portal();
    // The categories document (shared with the navigation) usually lists the
    // column's newest items; without the document, the teaser fetches the
    // column's own first page. A site whose categories have no such column
    // (the office removed it) shows no box, rather than an error on every page.
    let magazine = region(
        || magazine_box(view! { <ListSkeleton rows=MAGAZINE_COUNT /> }.into_any()),
        move || {
            let portal = portal.clone();
            async move {
                Ok(match documents::categories(&portal).await {
                    Ok(entries) => {
                        entries.into_iter().find(|entry| entry.category.slug == MAGAZINE_SLUG).map(|e| e.newest)
                    }
                    Err(_) => Some(Vec::new()),
                })
            }
        },
        |newest| match newest {
            Some(newest) => {
                magazine_box(view! { <CategoryTeaser slug=MAGAZINE_SLUG count=MAGAZINE_COUNT newest /> }.into_any())
            }
            None => ().into_any(),
        },
        OnFailure::ErrorBox,
    );
    view! {
        <section class="sidebar-box">
            <h2 class="sidebar-heading">
                <a href=site_href(routes::SCHEDULE)>"Lịch công tác tuần"</a>
            </h2>
            <ScheduleToday />
        </section>
        {magazine}
        <VisitorWidget />
    }
    .into_any()
}

/// The magazine column's box around `body`.
fn magazine_box(body: AnyView) -> AnyView {
    view! {
        <section class="sidebar-box">
            <h2 class="sidebar-heading">
                <a href=site_href(routes::category(MAGAZINE_SLUG, 1))>"Chuyên mục KH&CN"</a>
            </h2>
            {body}
        </section>
    }
    .into_any()
}
