//! The weekly work schedule ("Lịch công tác tuần"): `/lich-cong-tac` opens the
//! current week in Vietnam time, `/lich-cong-tac/:year/:week` any ISO week.

use crate::clock::use_clock;
use crate::components::region::{region, OnFailure};
use crate::components::schedule_download::ScheduleDownload;
use crate::components::schedule_picker::WeekPicker;
use crate::components::schedule_table::{ScheduleSkeleton, ScheduleTable};
use crate::context::{site_href, use_portal};
use crate::core::agenda::agenda;
use crate::core::date::VietnamTime;
use crate::core::routes;
use crate::core::schedule::{week_from_route, WeekSchedule};
use crate::core::titles::{page_title, TitleOf};
use crate::core::week::IsoWeek;
use crate::documents::{week_or_neighbours, WeekOutcome};
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The schedule view for `/lich-cong-tac` and `/lich-cong-tac/:year/:week`.
#[component]
pub fn SchedulePage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let params = use_params_map();
    let clock = use_clock();
    // None: the address names a week that does not exist (2023/53).
    let week = Memo::new(move |_| {
        let read = params.read();
        match (read.get("year"), read.get("week")) {
            (Some(year), Some(week)) => week_from_route(&year, &week),
            // Follows the clock, so a page left open moves on at Monday 00:00
            // Vietnam time; the memo changes only then.
            _ => Some(IsoWeek::current_in_vietnam(clock.get())),
        }
    });
    // Inside the view only a valid week is ever shown; the fallback is never read.
    let shown =
        Signal::derive(move || week.get().unwrap_or_else(|| IsoWeek::current_in_vietnam(clock.get_untracked())));
    // Known once an unpublished week has been looked up; a published week
    // links both ways.
    let reach = RwSignal::new(None::<(IsoWeek, IsoWeek)>);
    view! {
        <Title text=move || match week.get() {
            Some(week) => page_title(TitleOf::ScheduleWeek(&week.heading()), &site),
            None => page_title(TitleOf::NotFound, &site),
        } />
        <Show when=move || week.get().is_some() fallback=|| view! { <NotFound /> }>
            <section class="schedule">
                <p class="schedule-kicker">"Lịch công tác tuần"</p>
                <h1 class="page-heading schedule-heading">{move || shown.get().heading()}</h1>
                <WeekPicker week=shown reach=reach.read_only() />
                <WeekEntries week clock reach />
            </section>
        </Show>
    }
}

/// The week's entries, or the nearest published weeks when it has none.
#[component]
fn WeekEntries(
    week: Memo<Option<IsoWeek>>,
    clock: ReadSignal<i64>,
    reach: RwSignal<Option<(IsoWeek, IsoWeek)>>,
) -> impl IntoView {
    let portal = use_portal();
    region(
        || view! { <ScheduleSkeleton /> }.into_any(),
        move || {
            let portal = portal.clone();
            let week = week.get();
            let this_week = IsoWeek::current_in_vietnam(clock.get_untracked());
            async move {
                let outcome = match week {
                    Some(week) => week_or_neighbours(&portal, week, this_week).await,
                    None => Ok(WeekOutcome::Missing { earlier: None, later: None, reach: None }),
                };
                let known = match &outcome {
                    Ok(WeekOutcome::Missing { reach, .. }) => *reach,
                    _ => None,
                };
                reach.set(known);
                outcome
            }
        },
        move |outcome| match outcome {
            WeekOutcome::Published(schedule) => published(schedule, clock),
            WeekOutcome::Missing { earlier, later, .. } => missing(earlier, later),
        },
        OnFailure::ErrorBox,
    )
}

/// The week's table, its note and the calendar download.
fn published(schedule: WeekSchedule, clock: ReadSignal<i64>) -> AnyView {
    let updated = schedule.updated.map(|at| {
        let at = VietnamTime::from_unix_seconds(at);
        format!("Cập nhật lúc {} ngày {}", at.clock(), at.date.slashed())
    });
    // Redrawn only when a mark moves (a new day, an entry starting or
    // ending), not on every tick of the clock.
    let for_table = schedule.clone();
    let days = Memo::new(move |_| agenda(&for_table, clock.get()));
    view! {
        <div class="schedule-tools">
            <ScheduleDownload schedule=schedule.clone() />
            <button type="button" class="schedule-print" on:click=|_| print_page()>"In lịch"</button>
            {updated.map(|text| view! { <span class="schedule-updated">{text}</span> })}
        </div>
        {schedule.note.map(|note| view! { <p class="schedule-note">{note}</p> })}
        {move || view! { <ScheduleTable days=days.get() /> }}
    }
    .into_any()
}

/// "Chưa có lịch công tác cho tuần này", with the nearest published weeks.
fn missing(earlier: Option<IsoWeek>, later: Option<IsoWeek>) -> AnyView {
    let link = |week: IsoWeek, label: &'static str| {
        view! {
            <li>
                <a href=site_href(routes::schedule_week(week)) class="schedule-nearest-link">
                    {format!("{label}: {}", week.heading())}
                </a>
            </li>
        }
    };
    let any = earlier.is_some() || later.is_some();
    view! {
        <div class="schedule-missing" role="status">
            <p class="schedule-missing-message">"Chưa có lịch công tác cho tuần này."</p>
            {any.then(|| view! {
                <p>"Các tuần gần nhất đã có lịch:"</p>
                <ul class="schedule-nearest">
                    {earlier.map(|week| link(week, "Tuần trước đó"))}
                    {later.map(|week| link(week, "Tuần sau đó"))}
                </ul>
            })}
        </div>
    }
    .into_any()
}

/// Opens the browser's print dialog; the stylesheet lays the week out on A4.
fn print_page() {
    if let Err(error) = window().print() {
        web_sys::console::warn_1(&error);
    }
}
