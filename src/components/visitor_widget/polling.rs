//! Runs the polling state machine ([`Poller`]) in the browser: the clock,
//! the timer, the request, the tab's visibility and the other tabs.

use super::tabs::TabChannel;
use crate::core::poll::{Poller, Wake};
use crate::core::stats::{parse_stats, VisitorStats};
use crate::core::stats_display::{stats_display, StatsDisplay};
use crate::net::report;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::js_sys::{Date, Math};

/// What other tabs' figures are called in error messages.
const SHARED_DOCUMENT: &str = "thống kê truy cập từ thẻ khác";

/// One widget's polling; lives until [`StatsPolling::stop`].
pub struct StatsPolling {
    url: String,
    poller: RefCell<Poller>,
    display: RwSignal<StatsDisplay>,
    timer: Cell<Option<TimeoutHandle>>,
    /// The request under way runs in this owner, so that cleaning it up
    /// aborts the request (the net layer registers the abort there).
    fetch_scope: Owner,
    on_visibility: RefCell<Option<Closure<dyn FnMut()>>>,
    tabs: RefCell<Option<TabChannel>>,
    stopped: Cell<bool>,
}

fn now_ms() -> u64 {
    Date::now() as u64
}

fn tab_hidden() -> bool {
    document().hidden()
}

impl StatsPolling {
    /// Starts polling `url` every `interval_seconds` while the tab is visible,
    /// writing what to show into `display`. Call from a component body: the
    /// request's owner becomes a child of the component's.
    pub fn start(
        url: String,
        interval_seconds: u32,
        at_hand: Option<VisitorStats>,
        display: RwSignal<StatsDisplay>,
    ) -> Rc<StatsPolling> {
        let poller = Poller::new(interval_seconds, !tab_hidden()).with_figures_at_hand(at_hand, now_ms());
        let polling = Rc::new(StatsPolling {
            poller: RefCell::new(poller),
            tabs: RefCell::new(None),
            url,
            display,
            timer: Cell::new(None),
            fetch_scope: Owner::new(),
            on_visibility: RefCell::new(None),
            stopped: Cell::new(false),
        });
        // The callbacks hold weak references: nothing keeps a stopped widget alive.
        let weak = Rc::downgrade(&polling);
        let on_text = move |text: String| with_live(&weak, |polling| polling.shared(&text));
        *polling.tabs.borrow_mut() = TabChannel::open(&polling.url, on_text);
        let weak = Rc::downgrade(&polling);
        let on_visibility = Closure::<dyn FnMut()>::new(move || with_live(&weak, StatsPolling::visibility_changed));
        let listening = document()
            .add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref())
            .is_ok();
        if listening {
            *polling.on_visibility.borrow_mut() = Some(on_visibility);
        }
        polling.reschedule();
        polling
    }

    /// Ends everything: the timer, the request, the listener, the channel.
    pub fn stop(&self) {
        self.stopped.set(true);
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        self.fetch_scope.cleanup();
        if let Some(listener) = self.on_visibility.borrow_mut().take() {
            let _ =
                document().remove_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
        }
        if let Some(tabs) = self.tabs.borrow_mut().take() {
            tabs.close();
        }
    }

    /// Acts on what the poller says now, then shows its state.
    fn reschedule(self: &Rc<Self>) {
        if self.stopped.get() {
            return;
        }
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        let wake = self.poller.borrow().wake(now_ms());
        match wake {
            Wake::Now => self.fetch(),
            Wake::After(wait_ms) => {
                let weak = Rc::downgrade(self);
                let on_time = move || with_live(&weak, StatsPolling::reschedule);
                self.timer.set(set_timeout_with_handle(on_time, Duration::from_millis(wait_ms)).ok());
            }
            Wake::Idle => {}
        }
        let now = now_ms();
        self.display.set(stats_display(self.poller.borrow().shown(now), (now / 1000) as i64));
    }

    fn fetch(self: &Rc<Self>) {
        self.poller.borrow_mut().fetch_started();
        let weak = Rc::downgrade(self);
        let url = self.url.clone();
        let request = async move {
            let parsed = crate::documents::statistics(&url).await;
            with_live(&weak, |polling| polling.fetched(parsed));
        };
        self.fetch_scope.with(|| spawn_local_scoped(request));
    }

    fn fetched(
        self: &Rc<Self>,
        outcome: Result<(crate::core::stats::VisitorStats, String), crate::core::error::DocError>,
    ) {
        // The request is over: drop its abort hook rather than collect one per poll.
        self.fetch_scope.cleanup();
        let now = now_ms();
        match outcome {
            Ok((stats, text)) => {
                self.poller.borrow_mut().fetch_succeeded(now, stats);
                if let Some(tabs) = self.tabs.borrow().as_ref() {
                    tabs.post(&text);
                }
            }
            Err(error) => {
                let first_of_streak = self.poller.borrow_mut().fetch_failed(now, Math::random());
                if first_of_streak {
                    report(&error);
                }
            }
        }
        self.reschedule();
    }

    fn visibility_changed(self: &Rc<Self>) {
        self.poller.borrow_mut().visibility_changed(now_ms(), !tab_hidden());
        self.reschedule();
    }

    /// Another tab's document: parsed like a fetched one; a broken message is ignored.
    fn shared(self: &Rc<Self>, text: &str) {
        if let Ok(stats) = parse_stats(SHARED_DOCUMENT, text) {
            self.poller.borrow_mut().shared_received(now_ms(), stats);
            self.reschedule();
        }
    }
}

/// Runs `act` if the widget still exists and has not been stopped; an event
/// that arrives after the end (a request aborted by the cleanup ends with an
/// error) is dropped quietly.
fn with_live(weak: &Weak<StatsPolling>, act: impl FnOnce(&Rc<StatsPolling>)) {
    if let Some(polling) = weak.upgrade().filter(|polling| !polling.stopped.get()) {
        act(&polling);
    }
}
