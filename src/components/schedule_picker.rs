//! Moving between weeks: previous / this / next, and a week-and-year form.
//! Every move is a navigation, so the address names the week shown and
//! reload, Back and shared links work.

use crate::core::routes;
use crate::core::schedule::week_from_route;
use crate::core::week::IsoWeek;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The week links and the picker for the week shown in `week`.
#[component]
pub fn WeekPicker(#[prop(into)] week: Signal<IsoWeek>) -> impl IntoView {
    let week_text = RwSignal::new(String::new());
    let year_text = RwSignal::new(String::new());
    // The form follows the week shown, whichever way the visitor got there.
    Effect::new(move |_| {
        let shown = week.get();
        week_text.set(shown.week().to_string());
        year_text.set(shown.year().to_string());
    });
    let problem = RwSignal::new(String::new());
    let navigate = use_navigate();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let (asked_year, asked_week) = (year_text.get_untracked(), week_text.get_untracked());
        match week_from_route(asked_year.trim(), asked_week.trim()) {
            Some(chosen) => {
                problem.set(String::new());
                navigate(&routes::schedule_week(chosen), NavigateOptions::default());
            }
            None => problem.set(format!("Năm “{asked_year}” không có tuần “{asked_week}”.")),
        }
    };
    view! {
        <div class="schedule-picker">
            <nav class="schedule-weeks" aria-label="Chọn tuần">
                <A href=move || routes::schedule_week(week.get().previous()) attr:class="schedule-week-link" attr:rel="prev">
                    "← Tuần trước"
                </A>
                <A href=routes::SCHEDULE exact=true attr:class="schedule-week-link schedule-this-week">"Tuần này"</A>
                <A href=move || routes::schedule_week(week.get().next()) attr:class="schedule-week-link" attr:rel="next">
                    "Tuần sau →"
                </A>
            </nav>
            <form class="schedule-form" on:submit=on_submit>
                <label>
                    "Tuần "
                    <input type="number" name="tuan" min="1" max="53" inputmode="numeric" required
                        prop:value=week_text on:input=move |ev| week_text.set(event_target_value(&ev)) />
                </label>
                <label>
                    "Năm "
                    <input type="number" name="nam" min="2000" max="2100" inputmode="numeric" required
                        prop:value=year_text on:input=move |ev| year_text.set(event_target_value(&ev)) />
                </label>
                <button type="submit">"Xem"</button>
                <p class="schedule-form-problem" role="status">{problem}</p>
            </form>
        </div>
    }
}
