//! The sidebar: the week's schedule, the KH&CN magazine column, and the visitor box.

use crate::components::loaded::or_error;
use crate::components::news_card::NewsCard;
use crate::components::schedule_today::ScheduleToday;
use crate::components::skeleton::ListSkeleton;
use crate::components::visitor_widget::VisitorWidget;
use crate::context::{site_href, use_portal};
use crate::core::routes;
use crate::documents;
use leptos::prelude::*;
use leptos_router::components::A;

/// The slug of the magazine column ("Chuyên mục KH&CN").
const MAGAZINE_SLUG: &str = "chuyen-muc-khcn";
const MAGAZINE_COUNT: usize = 3;

/// The sidebar, the same on every page; it lives outside the routes, so its
/// data and the visitor widget's timer survive navigation.
#[component]
pub fn Sidebar() -> impl IntoView {
    let portal = use_portal();
    let magazine = LocalResource::new(move || {
        let portal = portal.clone();
        async move { documents::category_page(&portal, MAGAZINE_SLUG, None).await }
    });
    view! {
        <aside class="sidebar" aria-label="Thông tin thêm">
            <section class="sidebar-box">
                <h2 class="sidebar-heading">
                    <A href=site_href(routes::SCHEDULE)>"Lịch công tác tuần"</A>
                </h2>
                <ScheduleToday />
            </section>
            <section class="sidebar-box">
                <h2 class="sidebar-heading">
                    <A href=site_href(routes::category(MAGAZINE_SLUG, 1))>"Chuyên mục KH&CN"</A>
                </h2>
                <Transition fallback=|| view! { <ListSkeleton rows=MAGAZINE_COUNT /> }>
                    {move || Suspend::new(async move {
                        or_error(magazine.await, move || magazine.refetch(), |page| {
                            let items = page.items.into_iter().take(MAGAZINE_COUNT);
                            view! { <ul class="news-list">{items.map(|item| view! { <NewsCard item /> }).collect_view()}</ul> }
                                .into_any()
                        })
                    })}
                </Transition>
            </section>
            <VisitorWidget />
        </aside>
    }
}
