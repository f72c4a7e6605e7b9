//! The week's schedule as a table: a row group per day, a sub-heading per
//! part of day, a row per entry. On a phone the stylesheet turns each day into
//! a card and each entry into a labelled block (`data-label`), so there is one
//! markup for both.

use crate::core::agenda::{AgendaDay, AgendaEntry, AgendaPart};
use leptos::prelude::*;

const COLUMNS: &str = "6";

/// The seven days of a week, today and the entry under way marked.
#[component]
pub fn ScheduleTable(days: Vec<AgendaDay>) -> impl IntoView {
    view! {
        <table class="schedule-table">
            <thead>
                <tr>
                    <th scope="col" class="schedule-col-time">"Thời gian"</th>
                    <th scope="col" class="schedule-col-content">"Nội dung"</th>
                    <th scope="col">"Chủ trì"</th>
                    <th scope="col">"Thành phần"</th>
                    <th scope="col">"Địa điểm"</th>
                    <th scope="col">"Ghi chú"</th>
                </tr>
            </thead>
            {days.into_iter().map(day_rows).collect_view()}
        </table>
    }
}

fn day_rows(day: AgendaDay) -> impl IntoView {
    let today = day.is_today;
    let free = day.parts.is_empty();
    view! {
        <tbody class="schedule-day" class:is-today=today aria-current=today.then_some("date")>
            <tr class="schedule-day-heading">
                <th colspan=COLUMNS scope="rowgroup">
                    {day.name}
                    {today.then(|| view! { <span class="schedule-today-mark">"Hôm nay"</span> })}
                </th>
            </tr>
            {free.then(|| view! {
                <tr class="schedule-free">
                    <td colspan=COLUMNS>"Không có lịch"</td>
                </tr>
            })}
            {day.parts.into_iter().map(part_rows).collect_view()}
        </tbody>
    }
}

fn part_rows(part: AgendaPart) -> impl IntoView {
    view! {
        <tr class="schedule-part">
            <th colspan=COLUMNS scope="rowgroup">{part.part.label()}</th>
        </tr>
        {part.entries.into_iter().map(entry_row).collect_view()}
    }
}

fn entry_row(AgendaEntry { entry, under_way }: AgendaEntry) -> impl IntoView {
    let time = entry.time_range();
    view! {
        <tr class="schedule-entry" class:is-now=under_way>
            <td class="schedule-time" data-label="Thời gian">
                {time}
                {under_way.then(|| view! { <span class="schedule-now-mark">"Đang diễn ra"</span> })}
            </td>
            <td class="schedule-content" data-label="Nội dung">
                {entry.content}
                {entry.link.map(|href| view! {
                    " "
                    <a class="schedule-link" href=href target="_blank" rel="noopener noreferrer">"(Tài liệu)"</a>
                })}
            </td>
            <td data-label="Chủ trì">{entry.chair}</td>
            <td data-label="Thành phần">{entry.attendees}</td>
            <td data-label="Địa điểm">{entry.location}</td>
            <td data-label="Ghi chú">{entry.notes}</td>
        </tr>
    }
}

/// Seven grey day blocks about the height of a light week, while it loads.
#[component]
pub fn ScheduleSkeleton() -> impl IntoView {
    view! {
        <div class="schedule-skeleton skeleton" aria-hidden="true">
            <div class="skeleton-line skeleton-line-short"></div>
            {(0..7).map(|_| view! { <div class="schedule-skeleton-day"></div> }).collect_view()}
        </div>
        <p class="visually-hidden" role="status">"Đang tải lịch công tác…"</p>
    }
}
