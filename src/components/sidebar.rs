//! The sidebar: the week's schedule, the KH&CN magazine column, and the visitor box.

use crate::components::category_teaser::CategoryTeaser;
use crate::components::schedule_today::ScheduleToday;
use crate::components::visitor_widget::VisitorWidget;
use crate::context::site_href;
use crate::core::routes;
use leptos::prelude::*;

/// The slug of the magazine column ("Chuyên mục KH&CN").
const MAGAZINE_SLUG: &str = "chuyen-muc-khcn";
const MAGAZINE_COUNT: usize = 3;

/// The sidebar, the same on every page; it lives outside the routes, so its
/// data and the visitor widget's timer survive navigation.
#[component]
pub fn Sidebar() -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label="Thông tin thêm">
            <section class="sidebar-box">
                <h2 class="sidebar-heading">
                    <a href=site_href(routes::SCHEDULE)>"Lịch công tác tuần"</a>
                </h2>
                <ScheduleToday />
            </section>
            <section class="sidebar-box">
                <h2 class="sidebar-heading">
                    <a href=site_href(routes::category(MAGAZINE_SLUG, 1))>"Chuyên mục KH&CN"</a>
                </h2>
                <CategoryTeaser slug=MAGAZINE_SLUG count=MAGAZINE_COUNT />
            </section>
            <VisitorWidget />
        </aside>
    }
}
