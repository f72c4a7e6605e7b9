//! Today's entries of the work schedule, for the sidebar of every page.

use crate::clock::use_clock;
use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{site_href, use_portal};
use crate::core::agenda::{today, AgendaEntry};
use crate::core::routes;
use crate::core::week::IsoWeek;
use crate::documents::week_schedule;
use leptos::prelude::*;

/// Today's entries (time and content) in Vietnam time, with a link to the
/// week; "Hôm nay không có lịch công tác." when there are none.
#[component]
pub fn ScheduleToday() -> impl IntoView {
    let portal = use_portal();
    let clock = use_clock();
    // Reloads only when the week turns over, not on every tick of the clock.
    let week = Memo::new(move |_| IsoWeek::current_in_vietnam(clock.get()));
    let list = region(
        || view! { <ListSkeleton rows=2 /> }.into_any(),
        move || {
            let portal = portal.clone();
            let week = week.get();
            async move {
                match week_schedule(&portal, week).await {
                    Ok(schedule) => Ok(Some(schedule)),
                    // No document for this week: nothing today either.
                    Err(error) if error.is_not_found() => Ok(None),
                    Err(error) => Err(error),
                }
            }
        },
        move |found| {
            // Redrawn when today's list or its marks change, not on every tick.
            let entries =
                Memo::new(move |_| found.as_ref().map(|schedule| today(schedule, clock.get())).unwrap_or_default());
            view! { {move || todays_list(entries.get())} }.into_any()
        },
        OnFailure::ErrorBox,
    );
    view! {
        <div class="schedule-today">
            {list}
            <p class="schedule-today-more">
                <a href=move || site_href(routes::schedule_week(week.get()))>"Xem lịch cả tuần"</a>
            </p>
        </div>
    }
}

fn todays_list(entries: Vec<AgendaEntry>) -> AnyView {
    if entries.is_empty() {
        return view! { <p class="schedule-today-none">"Hôm nay không có lịch công tác."</p> }.into_any();
    }
    view! {
        <ul class="schedule-today-list">
            {entries
                .into_iter()
                .map(|item| {
                    let time = item.entry.time_range();
                    let time = if time.is_empty() { item.entry.part.label().to_string() } else { time };
                    view! {
                        <li class="schedule-today-item" class:is-now=item.under_way>
                            <span class="schedule-today-time">{time}</span>
                            " "
                            <span class="schedule-today-content">{item.entry.content}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
