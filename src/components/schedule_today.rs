//! Today's entries of the work schedule, for the sidebar. Being built for
//! issue 5; for now a link to this week's schedule.

use crate::core::routes;
use leptos::prelude::*;
use leptos_router::components::A;

/// The sidebar's schedule teaser.
#[component]
pub fn ScheduleToday() -> impl IntoView {
    view! { <p class="schedule-today"><A href=routes::SCHEDULE>"Xem lịch công tác tuần này"</A></p> }
}
