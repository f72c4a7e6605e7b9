//! The week's schedule as the rows of its table, in HTML
//! (`components::schedule_table` sets them with `inner_html`): one string
//! instead of a typed view per day, part, entry, cell and mark, each of
//! which costs the wasm its own rendering code. The markup is the one the
//! typed view drew; the stylesheet turns it into cards on a phone.

use crate::agenda::{AgendaDay, AgendaEntry, AgendaPart};
use crate::markup::escape;

/// The column headings.
const HEAD: &str = "<thead><tr>\
    <th scope=\"col\" class=\"schedule-col-time\">Thời gian</th>\
    <th scope=\"col\" class=\"schedule-col-content\">Nội dung</th>\
    <th scope=\"col\">Chủ trì</th>\
    <th scope=\"col\">Thành phần</th>\
    <th scope=\"col\">Địa điểm</th>\
    <th scope=\"col\">Ghi chú</th>\
    </tr></thead>";

/// A heading row spanning the six columns.
fn spanning_heading(html: &mut String, class: &str, content: &str) {
    html.push_str(&format!("<tr class=\"{class}\"><th colspan=\"6\" scope=\"rowgroup\">{content}</th></tr>"));
}

/// What goes inside `<table class="schedule-table">`: the headings, then a
/// row group per day with today and the entry under way marked.
pub fn schedule_table_inner(days: &[AgendaDay]) -> String {
    let mut html = String::from(HEAD);
    for day in days {
        day_rows(&mut html, day);
    }
    html
}

fn day_rows(html: &mut String, day: &AgendaDay) {
    html.push_str(match day.is_today {
        true => "<tbody class=\"schedule-day is-today\" aria-current=\"date\">",
        false => "<tbody class=\"schedule-day\">",
    });
    let mark = if day.is_today { "<span class=\"schedule-today-mark\">Hôm nay</span>" } else { "" };
    spanning_heading(html, "schedule-day-heading", &format!("{}{mark}", escape(&day.name)));
    if day.parts.is_empty() {
        html.push_str("<tr class=\"schedule-free\"><td colspan=\"6\">Không có lịch</td></tr>");
    }
    for part in &day.parts {
        part_rows(html, part);
    }
    html.push_str("</tbody>");
}

fn part_rows(html: &mut String, part: &AgendaPart) {
    spanning_heading(html, "schedule-part", part.part.label());
    for entry in &part.entries {
        entry_row(html, entry);
    }
}

fn entry_row(html: &mut String, AgendaEntry { entry, under_way }: &AgendaEntry) {
    html.push_str(if *under_way { "<tr class=\"schedule-entry is-now\">" } else { "<tr class=\"schedule-entry\">" });
    let now = if *under_way { "<span class=\"schedule-now-mark\">Đang diễn ra</span>" } else { "" };
    html.push_str(&format!(
        "<td data-label=\"Thời gian\" class=\"schedule-time\">{}{now}</td>",
        escape(&entry.time_range())
    ));
    let link = entry.link.as_deref().map_or(String::new(), |href| {
        format!(
            " <a class=\"schedule-link\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">(Tài liệu)</a>",
            escape(href)
        )
    });
    html.push_str(&format!(
        "<td data-label=\"Nội dung\" class=\"schedule-content\">{}{link}</td>",
        escape(&entry.content)
    ));
    for (label, text) in [
        ("Chủ trì", &entry.chair),
        ("Thành phần", &entry.attendees),
        ("Địa điểm", &entry.location),
        ("Ghi chú", &entry.notes),
    ] {
        let text = text.as_deref().map(escape).unwrap_or_default();
        html.push_str(&format!("<td data-label=\"{label}\">{text}</td>"));
    }
    html.push_str("</tr>");
}

#[cfg(test)]
#[path = "agenda_html_tests.rs"]
mod tests;
