//! Moving between weeks: previous / this / next, and a week-and-year form.
//! Every move is a navigation, so the address names the week shown and
//! reload, Back and shared links work. The form sent before the app runs
//! (on a slow phone, the prerendered page's plain form) reloads the page with
//! `?tuan=&nam=`; the app carries that out once it has taken over.

use crate::context::site_href;
use crate::core::agenda::week_steps;
use crate::core::routes;
use crate::core::schedule::{picked_week, WEEK_FIELD, YEAR_FIELD};
use crate::core::week::IsoWeek;
use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The week links and the picker for the week shown in `week`. `reach`,
/// once known (`core::agenda::week_reach`), keeps "Tuần trước" and "Tuần
/// sau" to weeks that have a page; a link past it stays in place with no
/// address, so nothing moves.
#[component]
pub fn WeekPicker(
    #[prop(into)] week: Signal<IsoWeek>,
    #[prop(optional, into)] reach: Option<Signal<Option<(IsoWeek, IsoWeek)>>>,
) -> impl IntoView {
    let steps = move || week_steps(week.get(), reach.and_then(|reach| reach.get()));
    let step_href = move |step: Option<IsoWeek>| step.map(|week| site_href(routes::schedule_week(week)));
    // The fields show the week shown, whichever way the visitor got there;
    // what is typed is read from them only when the form is sent.
    let week_field = NodeRef::<Input>::new();
    let year_field = NodeRef::<Input>::new();
    let problem = RwSignal::new(String::new());
    let navigate = use_navigate();
    // `replace`: a form sent before the app ran leaves no history entry of
    // its own, as the app's form does not.
    let go_to = move |asked_year: &str, asked_week: &str, replace: bool| match picked_week(asked_year, asked_week) {
        Ok(chosen) => {
            problem.set(String::new());
            navigate(&routes::schedule_week(chosen), NavigateOptions { replace, ..Default::default() });
        }
        Err(why) => problem.set(why),
    };
    let query = use_query_map();
    let go_to_asked = go_to.clone();
    Effect::new(move |_| {
        let asked = query.with(|query| query.get(YEAR_FIELD).zip(query.get(WEEK_FIELD)));
        if let Some((asked_year, asked_week)) = asked {
            go_to_asked(&asked_year, &asked_week, true);
        }
    });
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let typed = |field: NodeRef<Input>| field.get_untracked().map(|input| input.value()).unwrap_or_default();
        go_to(&typed(year_field), &typed(week_field), false);
    };
    let is_this_week = move || week.get() == IsoWeek::current_in_vietnam(crate::clock::now_unix());
    view! {
        <div class="schedule-picker">
            <nav class="schedule-weeks" aria-label="Chọn tuần">
                // Without an address, no `rel` either (HTML allows it only on a link).
                <a href=move || step_href(steps().0) class="schedule-week-link" rel=move || steps().0.map(|_| "prev")>
                    "← Tuần trước"
                </a>
                <a
                    href=site_href(routes::SCHEDULE)
                    class="schedule-week-link schedule-this-week"
                    // Marked on /lich-cong-tac/2026/48 too when that is this week.
                    class:is-current=is_this_week
                    aria-current=move || is_this_week().then_some("page")
                >
                    "Tuần này"
                </a>
                <a href=move || step_href(steps().1) class="schedule-week-link" rel=move || steps().1.map(|_| "next")>
                    "Tuần sau →"
                </a>
            </nav>
            <form class="schedule-form" on:submit=on_submit>
                <label>
                    "Tuần "
                    <input type="number" name=WEEK_FIELD min="1" max="53" inputmode="numeric" required
                        node_ref=week_field prop:value=move || week.get().week().to_string() />
                </label>
                <label>
                    "Năm "
                    <input type="number" name=YEAR_FIELD min="2000" max="2100" inputmode="numeric" required
                        node_ref=year_field prop:value=move || week.get().year().to_string() />
                </label>
                <button type="submit">"Xem"</button>
                <p class="schedule-form-problem" role="status">{problem}</p>
            </form>
        </div>
    }
}
