//! The weekly work schedule ("Lịch công tác tuần"). Being built for issue 5;
//! for now it names the week asked for and links its neighbours.

use crate::context::use_portal;
use crate::core::routes;
use crate::core::titles::{page_title, TitleOf};
use crate::core::week::IsoWeek;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The schedule view for `/lich-cong-tac` and `/lich-cong-tac/:year/:week`.
#[component]
pub fn SchedulePage() -> impl IntoView {
    let site = use_portal().config.site.short_name.clone();
    let params = use_params_map();
    let week = Memo::new(move |_| {
        let read = params.read();
        let asked = read.get("year").zip(read.get("week"));
        match asked {
            Some((year, week)) => year.parse().ok().zip(week.parse().ok()).and_then(|(y, w)| IsoWeek::new(y, w)),
            None => Some(IsoWeek::current_in_vietnam((js_now_ms() / 1000.0) as i64)),
        }
    });
    view! {
        <Title text=move || match week.get() {
            Some(week) => page_title(TitleOf::ScheduleWeek(&week.heading()), &site),
            None => page_title(TitleOf::NotFound, &site),
        } />
        <h1 class="page-heading">"Lịch công tác tuần"</h1>
        {move || match week.get() {
            Some(week) => view! {
                <p class="schedule-week">{week.heading()}</p>
                <nav class="pager" aria-label="Chọn tuần">
                    <A href=routes::schedule_week(week.previous())>"← Tuần trước"</A>
                    <A href=routes::SCHEDULE>"Tuần này"</A>
                    <A href=routes::schedule_week(week.next())>"Tuần sau →"</A>
                </nav>
            }.into_any(),
            None => view! { <p>"Tuần không hợp lệ."</p> }.into_any(),
        }}
    }
}

fn js_now_ms() -> f64 {
    web_sys::js_sys::Date::now()
}
