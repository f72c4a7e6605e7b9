//! The clock the schedule's views read ("today", "this week") and the
//! prerender's "today", in Unix seconds. The core takes instants as
//! arguments; this asks the browser, or natively the machine, what time it
//! is. (The visitor box's polling reads milliseconds beside its timers.)
//! Not a component: the prerender reads it too, and reaches into no view.

use leptos::prelude::*;

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
