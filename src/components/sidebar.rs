//! The sidebar: the week's schedule, the latest episode of the "Chuyên mục
//! KH&CN" programme, and the visitor box.

use crate::components::region::{region, OnFailure};
use crate::components::schedule_today::ScheduleToday;
use crate::components::skeleton::ListSkeleton;
use crate::components::visitor_widget::VisitorWidget;
use crate::context::{site_href, use_portal};
use crate::core::episodes::{latest_html, Episode};
use crate::core::routes;
use crate::documents;
use leptos::prelude::*;
use std::time::Duration;

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

/// The schedule box, the programme's latest episode and the visitor widget.
fn sidebar_boxes() -> AnyView {
    let portal = use_portal();
    // The seed page's "CHUYÊN MỤC KH&CN SỐ 5-2016" is the programme's latest
    // episode, so the box shows that (core::episodes), no longer the newest
    // articles of the category of the same name, which the navigation still
    // lists. A site without the programme's document shows no box, rather
    // than an error on every page.
    let magazine = region(
        || magazine_box(view! { <ListSkeleton rows=2 /> }.into_any()),
        move || {
            let portal = portal.clone();
            async move {
                match documents::programme(&portal).await {
                    Ok(programme) => Ok(programme.episodes.into_iter().next()),
                    Err(error) if error.is_not_found() => Ok(None),
                    Err(error) => Err(error),
                }
            }
        },
        |latest| match latest {
            Some(episode) => magazine_box(latest_episode(episode)),
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

/// The latest episode: its poster, number and title, and the other episodes
/// (an HTML string from the core, as the navigation is drawn).
fn latest_episode(episode: Episode) -> AnyView {
    let html = latest_html(&episode, |route| site_href(route));
    view! { <div inner_html=html></div> }.into_any()
}

/// The magazine column's box around `body`.
fn magazine_box(body: AnyView) -> AnyView {
    view! {
        <section class="sidebar-box">
            <h2 class="sidebar-heading">
                <a href=site_href(routes::EPISODES)>"Chuyên mục KH&CN"</a>
            </h2>
            {body}
        </section>
    }
    .into_any()
}
