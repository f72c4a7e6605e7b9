//! The schedule's documents, fetched and parsed, and the clock the schedule
//! views read. The core takes instants as arguments; only this file asks the
//! browser what time it is.

use crate::context::Portal;
use crate::core::agenda::{nearest_weeks, week_reach};
use crate::core::error::DocError;
use crate::core::schedule::{expect_week, parse_index, parse_week, ScheduleIndex, WeekSchedule, SCHEDULE_LIMIT_BYTES};
use crate::core::week::IsoWeek;
use crate::net::fetch_parsed;
use leptos::prelude::*;

/// What there is to show for a week.
#[derive(Clone, Debug, PartialEq)]
pub enum WeekOutcome {
    Published(WeekSchedule),
    /// No document for the week (404): the closest weeks that have one, and
    /// the weeks the schedule's links reach (`core::agenda::week_reach`),
    /// when the index of weeks could be read.
    Missing {
        earlier: Option<IsoWeek>,
        later: Option<IsoWeek>,
        reach: Option<(IsoWeek, IsoWeek)>,
    },
}

/// The week's document, or the nearest published weeks when it has none;
/// `this_week` is the week of now in Vietnam.
pub async fn week_or_neighbours(portal: &Portal, week: IsoWeek, this_week: IsoWeek) -> Result<WeekOutcome, DocError> {
    match week_schedule(portal, week).await {
        Ok(schedule) => Ok(WeekOutcome::Published(schedule)),
        Err(error) if error.is_not_found() => {
            // Without the index the message still stands, just without links.
            let index = match week_index(portal).await {
                Ok(index) => index,
                Err(error) => {
                    crate::net::report(&error);
                    return Ok(WeekOutcome::Missing { earlier: None, later: None, reach: None });
                }
            };
            let (earlier, later) = nearest_weeks(&index, week);
            Ok(WeekOutcome::Missing { earlier, later, reach: Some(week_reach(&index, this_week)) })
        }
        Err(error) => Err(error),
    }
}

/// One week's document. A body that fails to parse is dropped from the visit
/// cache, so "Thử lại" fetches it again.
pub async fn week_schedule(portal: &Portal, week: IsoWeek) -> Result<WeekSchedule, DocError> {
    let url = portal.url(&portal.config.sources.week_url(week));
    let name = format!("lịch công tác tuần {}/{}", week.week(), week.year());
    fetch_parsed(&name, &url, SCHEDULE_LIMIT_BYTES, |text| {
        parse_week(&name, &url, text).and_then(|schedule| expect_week(&name, schedule, week))
    })
    .await
}

/// The index of published weeks.
pub async fn week_index(portal: &Portal) -> Result<ScheduleIndex, DocError> {
    let url = portal.url(&portal.config.sources.schedule_index);
    let name = "danh sách các tuần có lịch công tác";
    fetch_parsed(name, &url, SCHEDULE_LIMIT_BYTES, |text| parse_index(name, &url, text)).await
}

/// Now, in Unix seconds, from the browser's clock.
#[cfg(target_arch = "wasm32")]
pub fn now_unix() -> i64 {
    (web_sys::js_sys::Date::now() / 1000.0).floor() as i64
}

/// Now, in Unix seconds: natively (the prerender), the machine's clock.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_unix() -> i64 {
    let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    since_epoch.as_secs() as i64
}

/// A signal holding now (Unix seconds), updated every half minute while the
/// view that asked for it lives, so "Hôm nay" and "Đang diễn ra" move on.
pub fn use_clock() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_unix());
    // Drawn natively (the prerender), the clock stands still.
    #[cfg(feature = "ssr")]
    let _ = set_now;
    #[cfg(not(feature = "ssr"))]
    if let Ok(handle) = set_interval_with_handle(move || set_now.set(now_unix()), std::time::Duration::from_secs(30)) {
        on_cleanup(move || handle.clear());
    }
    now
}
