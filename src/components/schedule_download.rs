//! "Tải lịch (.ics)": the week as an iCalendar file, made in the browser.

use crate::context::use_portal;
use crate::core::ical::{file_name, week_calendar};
use crate::core::schedule::WeekSchedule;
use leptos::prelude::*;
#[cfg(not(feature = "ssr"))]
use wasm_bindgen::JsValue;
#[cfg(not(feature = "ssr"))]
use web_sys::{Blob, BlobPropertyBag, Url};

/// A download link for the week's calendar file; the object URL is released
/// when the link goes away.
#[component]
pub fn ScheduleDownload(schedule: WeekSchedule) -> impl IntoView {
    let portal = use_portal();
    let calendar_name = format!("Lịch công tác {} - {}", schedule.week.heading(), portal.config.site.short_name);
    // Made natively (the prerender), the file is stamped with the week's own
    // update time, so an unchanged week writes an unchanged file.
    let now = crate::clock::now_unix();
    let stamp = if cfg!(feature = "ssr") { schedule.updated.unwrap_or(now) } else { now };
    let text = week_calendar(&schedule, &calendar_name, stamp, &uid_domain(&portal.site_root));
    #[cfg(feature = "ssr")]
    let href = prerendered_file(&schedule, text);
    #[cfg(not(feature = "ssr"))]
    let href = object_url(&text);
    #[cfg(not(feature = "ssr"))]
    if let Some(href) = href.clone() {
        on_cleanup(move || {
            let _ = Url::revoke_object_url(&href);
        });
    }
    href.map(|href| {
        view! {
            <a class="schedule-download" href=href download=file_name(&schedule) type="text/calendar">
                "Tải lịch (.ics)"
            </a>
        }
    })
}

/// Drawn natively (the prerender): the calendar becomes a file beside the
/// week's page, which the prerender writes, so the link works without script.
#[cfg(feature = "ssr")]
fn prerendered_file(schedule: &WeekSchedule, text: String) -> Option<String> {
    let files = use_context::<crate::context::PrerenderFiles>()?;
    let path = format!("{}/{}/{}.ics", &crate::core::routes::SCHEDULE[1..], schedule.week.year(), schedule.week.week());
    let href = crate::context::site_href(format!("/{path}"));
    files.0.lock().ok()?.push((path, text));
    Some(href)
}

/// A `blob:` URL holding `text` as text/calendar, or None if the browser refuses.
#[cfg(not(feature = "ssr"))]
fn object_url(text: &str) -> Option<String> {
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

/// The site's host name, so UIDs are unique to this portal ("skhcn.quangtri.gov.vn").
fn uid_domain(site_root: &str) -> String {
    let after_scheme = site_root.split_once("://").map_or(site_root, |(_, rest)| rest);
    let host = after_scheme.split(['/', ':', '?', '#']).next().unwrap_or_default();
    if host.is_empty() {
        "lich-cong-tac.invalid".to_string()
    } else {
        host.to_string()
    }
}
