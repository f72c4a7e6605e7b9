//! The words and figures of the visitor widget, decided outside the browser
//! so that every state can be tested natively.

use super::date::VietnamTime;
use super::number::group_thousands;
use super::poll::Shown;
use super::stats::{counted_label, stale_label, VisitorStats, UNAVAILABLE_LABEL};

/// Shown for a figure the widget does not have: never a zero it did not read.
pub const NO_FIGURE: &str = "—";

/// Everything the widget writes, for one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatsDisplay {
    pub online: String,
    pub today: String,
    pub total: String,
    /// The small line under the figures: when they were counted, or that
    /// they are not current any more.
    pub note: String,
    /// The same with dates in full, for the `title` (hover) text.
    pub note_detail: String,
    pub stale: bool,
}

pub fn stats_display(shown: Shown, now_seconds: i64) -> StatsDisplay {
    let figures = |stats: Option<VisitorStats>| match stats {
        Some(stats) => [stats.online, stats.today, stats.total].map(group_thousands),
        None => [NO_FIGURE; 3].map(str::to_string),
    };
    let [online, today, total] = figures(shown.stats());
    let (note, note_detail, stale) = match shown {
        Shown::Waiting => (String::new(), String::new(), false),
        Shown::Unavailable => (UNAVAILABLE_LABEL.to_string(), UNAVAILABLE_LABEL.to_string(), true),
        Shown::Current(stats) => (counted_label(stats.counted_at, now_seconds), counted_in_full(stats), false),
        Shown::Stale { stats, last_success_ms } => {
            let last_success = (last_success_ms / 1000) as i64;
            let detail = format!("{}. Lần tải được gần nhất: {}.", counted_in_full(stats), in_full(last_success));
            (stale_label(last_success, now_seconds), detail, true)
        }
    };
    StatsDisplay { online, today, total, note, note_detail, stale }
}

fn counted_in_full(stats: VisitorStats) -> String {
    format!("Số liệu đếm lúc {}", in_full(stats.counted_at))
}

/// "08:05 ngày 19-10-2023".
fn in_full(unix_seconds: i64) -> String {
    let time = VietnamTime::from_unix_seconds(unix_seconds);
    format!("{} ngày {}", time.clock(), time.date.dashed())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2023-10-19 08:05 in Vietnam.
    const COUNTED: i64 = 1_697_677_500;
    const SEED: VisitorStats = VisitorStats { online: 1, today: 2490, total: 3_314_815, counted_at: COUNTED };

    #[test]
    fn nothing_yet_shows_dashes_and_no_note() {
        let display = stats_display(Shown::Waiting, COUNTED);
        assert_eq!([&display.online, &display.today, &display.total], [NO_FIGURE; 3]);
        assert_eq!(display.note, "");
        assert!(!display.stale);
    }

    #[test]
    fn current_figures_are_grouped_and_say_when_they_were_counted() {
        let display = stats_display(Shown::Current(SEED), COUNTED + 60);
        assert_eq!(
            [display.online.as_str(), display.today.as_str(), display.total.as_str()],
            ["1", "2.490", "3.314.815"]
        );
        assert_eq!(display.note, "Cập nhật lúc 08:05");
        assert_eq!(display.note_detail, "Số liệu đếm lúc 08:05 ngày 19-10-2023");
        assert!(!display.stale);
    }

    #[test]
    fn stale_figures_stay_with_the_time_of_the_last_success() {
        let last_success_ms = (COUNTED as u64 + 120) * 1000;
        let display = stats_display(Shown::Stale { stats: SEED, last_success_ms }, COUNTED + 900);
        assert_eq!(display.total, "3.314.815");
        assert_eq!(display.note, "Số liệu chưa cập nhật, lần cuối lúc 08:07");
        assert!(display.note_detail.ends_with("Lần tải được gần nhất: 08:07 ngày 19-10-2023."));
        assert!(display.stale);
    }

    #[test]
    fn failing_from_the_start_says_so_without_figures() {
        let display = stats_display(Shown::Unavailable, COUNTED);
        assert_eq!(display.total, NO_FIGURE);
        assert_eq!(display.note, UNAVAILABLE_LABEL);
        assert!(display.stale);
    }
}
