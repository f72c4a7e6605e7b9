//! Moving between weeks: previous / this / next, and a week-and-year form.
//! Every move is a navigation, so the address names the week shown and
//! reload, Back and shared links work.

use crate::context::site_href;
use crate::core::routes;
use crate::core::schedule::week_from_route;
use crate::core::week::IsoWeek;
use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The week links and the picker for the week shown in `week`.
#[component]
pub fn WeekPicker(#[prop(into)] week: Signal<IsoWeek>) -> impl IntoView {
    // The fields show the week shown, whichever way the visitor got there;
    // what is typed is read from them only when the form is sent.
    let week_field = NodeRef::<Input>::new();
    let year_field = NodeRef::<Input>::new();
    let problem = RwSignal::new(String::new());
    let navigate = use_navigate();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let typed = |field: NodeRef<Input>| field.get_untracked().map(|input| input.value()).unwrap_or_default();
        let (asked_year, asked_week) = (typed(year_field), typed(week_field));
        match week_from_route(asked_year.trim(), asked_week.trim()) {
            Some(chosen) => {
                problem.set(String::new());
                navigate(&routes::schedule_week(chosen), NavigateOptions::default());
            }
            None => problem.set(format!("Năm “{asked_year}” không có tuần “{asked_week}”.")),
        }
    };
    let is_this_week =
        move || week.get() == IsoWeek::current_in_vietnam(crate::components::schedule_source::now_unix());
    view! {
        <div class="schedule-picker">
            <nav class="schedule-weeks" aria-label="Chọn tuần">
                <a href=move || site_href(routes::schedule_week(week.get().previous())) class="schedule-week-link" rel="prev">
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
                <a href=move || site_href(routes::schedule_week(week.get().next())) class="schedule-week-link" rel="next">
                    "Tuần sau →"
                </a>
            </nav>
            <form class="schedule-form" on:submit=on_submit>
                <label>
                    "Tuần "
                    <input type="number" name="tuan" min="1" max="53" inputmode="numeric" required
                        node_ref=week_field prop:value=move || week.get().week().to_string() />
                </label>
                <label>
                    "Năm "
                    <input type="number" name="nam" min="2000" max="2100" inputmode="numeric" required
                        node_ref=year_field prop:value=move || week.get().year().to_string() />
                </label>
                <button type="submit">"Xem"</button>
                <p class="schedule-form-problem" role="status">{problem}</p>
            </form>
        </div>
    }
}
