//! When the visitor widget fetches the statistics next, and what it shows.
//!
//! A plain state machine: the widget tells it what happened (a fetch started,
//! succeeded or failed, the tab was hidden or shown, another tab shared its
//! figures) with the time in milliseconds, and asks it when to wake up next
//! and what to put on screen. No clock and no randomness of its own, so the
//! tests drive it with made-up times and jitter.

use super::stats::VisitorStats;

/// Failing fetches are retried less and less often, but at least this often.
pub const BACKOFF_CEILING_MS: u64 = 5 * 60 * 1000;

/// What the widget should do about the next fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    /// Fetch now.
    Now,
    /// Set a timer for this many milliseconds, then ask again.
    After(u64),
    /// No timer: the tab is hidden, or a fetch is under way and its end will say.
    Idle,
}

/// What the widget shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Nothing fetched yet: dashes, never zeros.
    Waiting,
    /// Every fetch so far has failed: dashes, and a note that the figures are missing.
    Unavailable,
    /// Figures fetched recently.
    Current(VisitorStats),
    /// The last good figures, no longer current; `last_success_ms` is when they arrived.
    Stale { stats: VisitorStats, last_success_ms: u64 },
}

impl Shown {
    pub fn stats(self) -> Option<VisitorStats> {
        match self {
            Shown::Waiting | Shown::Unavailable => None,
            Shown::Current(stats) | Shown::Stale { stats, .. } => Some(stats),
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Good {
    stats: VisitorStats,
    received_ms: u64,
}

/// The polling state of one widget.
#[derive(Clone, Debug)]
pub struct Poller {
    interval_ms: u64,
    visible: bool,
    in_flight: bool,
    /// The earliest time of the next fetch; only acted on while visible.
    due_at_ms: u64,
    /// When the latest attempt ended, or another tab's figures arrived.
    last_news_ms: Option<u64>,
    good: Option<Good>,
    /// Failures in a row since the last success.
    failures: u32,
}

impl Poller {
    /// A widget that has fetched nothing yet: it fetches as soon as it is visible.
    pub fn new(interval_seconds: u32, visible: bool) -> Poller {
        Poller {
            interval_ms: u64::from(interval_seconds.max(1)) * 1000,
            visible,
            in_flight: false,
            due_at_ms: 0,
            last_news_ms: None,
            good: None,
            failures: 0,
        }
    }

    /// Starts from figures already at hand (those embedded in a prerendered
    /// page, as of `now_ms`): they are shown instead of dashes, and the first
    /// fetch still goes out at once, since they may be old.
    pub fn with_figures_at_hand(mut self, stats: Option<VisitorStats>, now_ms: u64) -> Poller {
        self.good = stats.map(|stats| Good { stats, received_ms: now_ms });
        self
    }

    pub fn wake(&self, now_ms: u64) -> Wake {
        if !self.visible || self.in_flight {
            Wake::Idle
        } else if self.due_at_ms <= now_ms {
            Wake::Now
        } else {
            Wake::After(self.due_at_ms - now_ms)
        }
    }

    pub fn fetch_started(&mut self) {
        self.in_flight = true;
    }

    pub fn fetch_succeeded(&mut self, now_ms: u64, stats: VisitorStats) {
        self.in_flight = false;
        self.failures = 0;
        self.good = Some(Good { stats, received_ms: now_ms });
        self.last_news_ms = Some(now_ms);
        self.due_at_ms = now_ms + self.interval_ms;
    }

    /// Records a failure and schedules the retry. `jitter` in 0..=1 spreads
    /// the retries of many visitors so that they do not all hit a recovering
    /// server at once. True for the first failure of a streak: the one worth a
    /// console warning.
    pub fn fetch_failed(&mut self, now_ms: u64, jitter: f64) -> bool {
        self.in_flight = false;
        self.failures = self.failures.saturating_add(1);
        self.last_news_ms = Some(now_ms);
        self.due_at_ms = now_ms + backoff_delay_ms(self.interval_ms, self.failures, jitter);
        self.failures == 1
    }

    /// Hidden tabs do not poll; a tab shown again refreshes at once unless its
    /// last news is younger than one interval.
    pub fn visibility_changed(&mut self, now_ms: u64, visible: bool) {
        self.visible = visible;
        let outdated = self.last_news_ms.is_none_or(|at| now_ms.saturating_sub(at) >= self.interval_ms);
        if visible && outdated {
            self.due_at_ms = self.due_at_ms.min(now_ms);
        }
    }

    /// Figures another tab fetched. Newer ones are shown, end any failure
    /// streak (the server answers), and push this tab's own next fetch back by
    /// an interval, so that open tabs together poll about once per interval.
    /// Returns whether they were taken.
    pub fn shared_received(&mut self, now_ms: u64, stats: VisitorStats) -> bool {
        if self.good.is_some_and(|good| good.stats.counted_at > stats.counted_at) {
            return false;
        }
        self.failures = 0;
        self.good = Some(Good { stats, received_ms: now_ms });
        self.last_news_ms = Some(now_ms);
        if !self.in_flight {
            self.due_at_ms = now_ms + self.interval_ms;
        }
        true
    }

    /// The figures are stale once a fetch has failed, or when none has
    /// succeeded for two intervals (a tab that was hidden); a refresh under way
    /// gets the benefit of the doubt, so showing a tab does not flash the mark.
    pub fn shown(&self, now_ms: u64) -> Shown {
        match self.good {
            None if self.failures > 0 => Shown::Unavailable,
            None => Shown::Waiting,
            Some(Good { stats, received_ms }) => {
                let old = now_ms.saturating_sub(received_ms) > 2 * self.interval_ms;
                if self.failures > 0 || (old && !self.in_flight) {
                    Shown::Stale { stats, last_success_ms: received_ms }
                } else {
                    Shown::Current(stats)
                }
            }
        }
    }
}

/// The wait before retry number `failures` (1 for the first): the interval,
/// doubled for each further failure, capped at the ceiling (or the interval,
/// if that is longer), then scaled by the jitter into the upper half of that
/// ("equal jitter": never sooner than half, never later than the cap).
pub fn backoff_delay_ms(interval_ms: u64, failures: u32, jitter: f64) -> u64 {
    let ceiling = BACKOFF_CEILING_MS.max(interval_ms);
    let doublings = failures.saturating_sub(1).min(32);
    let capped = interval_ms.saturating_mul(1 << doublings).min(ceiling);
    let jitter = if jitter.is_nan() { 1.0 } else { jitter.clamp(0.0, 1.0) };
    capped / 2 + ((capped - capped / 2) as f64 * jitter) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: u64 = 1000;

    fn stats(total: u64, counted_at: i64) -> VisitorStats {
        VisitorStats { online: 1, today: 2490, total, counted_at }
    }

    /// A poller at 60 s that has done its first fetch at t = 0 successfully.
    fn polling() -> Poller {
        let mut poller = Poller::new(60, true);
        assert_eq!(poller.wake(0), Wake::Now);
        poller.fetch_started();
        poller.fetch_succeeded(0, stats(3_314_815, 100));
        poller
    }

    #[test]
    fn first_fetch_is_immediate_and_shows_dashes_until_it_ends() {
        let mut poller = Poller::new(60, true);
        assert_eq!(poller.shown(0), Shown::Waiting);
        assert_eq!(poller.wake(5), Wake::Now);
        poller.fetch_started();
        assert_eq!(poller.wake(10), Wake::Idle, "no second fetch while one is under way");
        poller.fetch_succeeded(300, stats(5, 1));
        assert_eq!(poller.shown(300), Shown::Current(stats(5, 1)));
    }

    #[test]
    fn figures_at_hand_are_shown_while_the_first_fetch_goes_out() {
        let mut poller = Poller::new(60, true).with_figures_at_hand(Some(stats(7, 2)), 1_000);
        assert_eq!(poller.shown(1_000), Shown::Current(stats(7, 2)));
        assert_eq!(poller.wake(1_000), Wake::Now, "they may be old: fetched at once all the same");
        poller.fetch_started();
        poller.fetch_failed(1_500, 0.5);
        assert_eq!(poller.shown(1_500), Shown::Stale { stats: stats(7, 2), last_success_ms: 1_000 });
        let nothing = Poller::new(60, true).with_figures_at_hand(None, 1_000);
        assert_eq!(nothing.shown(1_000), Shown::Waiting);
    }

    #[test]
    fn success_polls_again_after_one_interval() {
        let poller = polling();
        assert_eq!(poller.wake(0), Wake::After(60 * SECOND));
        assert_eq!(poller.wake(45 * SECOND), Wake::After(15 * SECOND));
        assert_eq!(poller.wake(60 * SECOND), Wake::Now);
    }

    #[test]
    fn hidden_tabs_do_not_poll_and_refresh_at_once_when_shown() {
        let mut poller = polling();
        poller.visibility_changed(10 * SECOND, false);
        assert_eq!(poller.wake(10 * SECOND), Wake::Idle);
        assert_eq!(poller.wake(600 * SECOND), Wake::Idle, "however long it stays hidden");
        poller.visibility_changed(600 * SECOND, true);
        assert_eq!(poller.wake(600 * SECOND), Wake::Now);
    }

    #[test]
    fn a_tab_shown_again_soon_waits_for_its_interval() {
        let mut poller = polling();
        poller.visibility_changed(10 * SECOND, false);
        poller.visibility_changed(20 * SECOND, true);
        assert_eq!(poller.wake(20 * SECOND), Wake::After(40 * SECOND));
    }

    #[test]
    fn a_tab_hidden_from_the_start_fetches_when_first_shown() {
        let mut poller = Poller::new(60, false);
        assert_eq!(poller.wake(0), Wake::Idle);
        poller.visibility_changed(5 * SECOND, true);
        assert_eq!(poller.wake(5 * SECOND), Wake::Now);
    }

    #[test]
    fn failure_keeps_the_figures_marks_them_stale_and_backs_off() {
        let mut poller = polling();
        poller.fetch_started();
        assert!(poller.fetch_failed(60 * SECOND, 1.0), "the first failure starts a streak");
        let shown = poller.shown(60 * SECOND);
        assert_eq!(shown, Shown::Stale { stats: stats(3_314_815, 100), last_success_ms: 0 });
        assert_eq!(poller.wake(60 * SECOND), Wake::After(60 * SECOND));
        poller.fetch_started();
        assert!(!poller.fetch_failed(120 * SECOND, 1.0), "later failures of a streak stay quiet");
        assert_eq!(poller.wake(120 * SECOND), Wake::After(120 * SECOND));
        poller.fetch_started();
        poller.fetch_failed(240 * SECOND, 1.0);
        assert_eq!(poller.wake(240 * SECOND), Wake::After(240 * SECOND));
    }

    #[test]
    fn failure_before_any_success_shows_dashes_not_zeros() {
        let mut poller = Poller::new(60, true);
        poller.fetch_started();
        poller.fetch_failed(1000, 0.5);
        assert_eq!(poller.shown(1000), Shown::Unavailable);
        assert_eq!(poller.shown(1000).stats(), None);
    }

    #[test]
    fn recovery_clears_the_mark_and_resets_the_back_off() {
        let mut poller = polling();
        let mut now = 60 * SECOND;
        for _ in 0..5 {
            poller.fetch_started();
            poller.fetch_failed(now, 1.0);
            now += 300 * SECOND;
        }
        poller.fetch_started();
        poller.fetch_succeeded(now, stats(3_315_000, 900));
        assert_eq!(poller.shown(now), Shown::Current(stats(3_315_000, 900)));
        assert_eq!(poller.wake(now), Wake::After(60 * SECOND));
        poller.fetch_started();
        assert!(poller.fetch_failed(now + 60 * SECOND, 1.0), "a new streak after recovery");
        assert_eq!(poller.wake(now + 60 * SECOND), Wake::After(60 * SECOND), "back to the first step");
    }

    #[test]
    fn back_off_stops_at_the_ceiling() {
        let mut poller = polling();
        let mut now = 0;
        let mut waits = Vec::new();
        for _ in 0..12 {
            poller.fetch_started();
            poller.fetch_failed(now, 1.0);
            let Wake::After(wait) = poller.wake(now) else { panic!("a retry is always scheduled") };
            waits.push(wait / SECOND);
            now += wait;
        }
        assert_eq!(waits, [60, 120, 240, 300, 300, 300, 300, 300, 300, 300, 300, 300]);
        assert_eq!(backoff_delay_ms(60 * SECOND, u32::MAX, 1.0), BACKOFF_CEILING_MS);
    }

    #[test]
    fn jitter_spreads_retries_over_the_upper_half() {
        assert_eq!(backoff_delay_ms(60 * SECOND, 1, 0.0), 30 * SECOND);
        assert_eq!(backoff_delay_ms(60 * SECOND, 1, 0.5), 45 * SECOND);
        assert_eq!(backoff_delay_ms(60 * SECOND, 1, 1.0), 60 * SECOND);
        assert_eq!(backoff_delay_ms(60 * SECOND, 9, 0.0), BACKOFF_CEILING_MS / 2);
        // Out-of-range jitter cannot push past the ceiling or below half.
        assert_eq!(backoff_delay_ms(60 * SECOND, 9, 7.0), BACKOFF_CEILING_MS);
        assert_eq!(backoff_delay_ms(60 * SECOND, 9, -1.0), BACKOFF_CEILING_MS / 2);
        assert_eq!(backoff_delay_ms(60 * SECOND, 9, f64::NAN), BACKOFF_CEILING_MS);
        // A poll interval beyond the ceiling is never shortened by failing.
        assert_eq!(backoff_delay_ms(3600 * SECOND, 1, 1.0), 3600 * SECOND);
    }

    #[test]
    fn figures_not_refreshed_for_two_intervals_are_stale() {
        let mut poller = polling();
        poller.visibility_changed(10 * SECOND, false);
        assert_eq!(poller.shown(120 * SECOND), Shown::Current(stats(3_314_815, 100)));
        let stale = poller.shown(121 * SECOND);
        assert_eq!(stale, Shown::Stale { stats: stats(3_314_815, 100), last_success_ms: 0 });
        // Shown again: the refresh starts at once, and while it runs the
        // figures are not flagged, so that the mark does not flash.
        poller.visibility_changed(500 * SECOND, true);
        poller.fetch_started();
        assert_eq!(poller.shown(500 * SECOND), Shown::Current(stats(3_314_815, 100)));
    }

    #[test]
    fn shared_figures_are_shown_and_push_the_next_fetch_back() {
        let mut poller = polling();
        assert!(poller.shared_received(50 * SECOND, stats(3_314_900, 150)));
        assert_eq!(poller.shown(50 * SECOND), Shown::Current(stats(3_314_900, 150)));
        assert_eq!(poller.wake(50 * SECOND), Wake::After(60 * SECOND));
    }

    #[test]
    fn shared_figures_end_a_failure_streak_but_older_ones_are_ignored() {
        let mut poller = polling();
        poller.fetch_started();
        poller.fetch_failed(60 * SECOND, 1.0);
        assert!(!poller.shared_received(70 * SECOND, stats(1, 99)), "older than what is shown");
        assert!(matches!(poller.shown(70 * SECOND), Shown::Stale { .. }));
        assert!(poller.shared_received(80 * SECOND, stats(3_315_000, 200)));
        assert_eq!(poller.shown(80 * SECOND), Shown::Current(stats(3_315_000, 200)));
        poller.fetch_started();
        assert!(poller.fetch_failed(140 * SECOND, 1.0), "the streak was over");
    }

    #[test]
    fn shared_figures_while_fetching_leave_the_schedule_to_the_fetch() {
        let mut poller = polling();
        poller.fetch_started();
        poller.shared_received(61 * SECOND, stats(2, 300));
        assert_eq!(poller.wake(61 * SECOND), Wake::Idle);
        poller.fetch_succeeded(62 * SECOND, stats(3, 301));
        assert_eq!(poller.wake(62 * SECOND), Wake::After(60 * SECOND));
    }
}
