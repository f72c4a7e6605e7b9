//! Scroll and focus across navigation, as a multi-page site would behave: a
//! new page starts at the top with focus on its content, and Back returns to
//! where the visitor was, once the page has its content again.

use crate::core::keyed::Keyed;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::JsCast;

thread_local! {
    /// The last scroll position seen on each address (path and query).
    static POSITIONS: RefCell<Keyed<f64>> = const { RefCell::new(Keyed::new()) };
    /// Set by `popstate`: the coming route change is Back or Forward.
    static RETURNING: Cell<bool> = const { Cell::new(false) };
}

/// How long to wait for a returning page to grow tall enough to scroll back.
const RESTORE_TRIES: u32 = 20;
const RESTORE_STEP: Duration = Duration::from_millis(50);

/// Remembers scroll positions and restores them on Back; moves focus to the
/// main region on every other navigation. Renders nothing.
#[component]
pub fn ScrollMemory() -> impl IntoView {
    // Drawn natively (the prerender) there is no window to scroll.
    if cfg!(feature = "ssr") {
        return;
    }
    let location = use_location();
    let address = move || format!("{}{}", location.pathname.get(), location.search.get());
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        let y = window().scroll_y().unwrap_or(0.0);
        let here = current_address();
        POSITIONS.with(|positions| positions.borrow_mut().insert(&here, y));
    });
    let popstate = window_event_listener(leptos::ev::popstate, |_| RETURNING.with(|flag| flag.set(true)));
    on_cleanup(move || {
        scroll.remove();
        popstate.remove();
    });
    Effect::new(move |previous: Option<String>| {
        let now = address();
        if previous.is_some_and(|previous| previous != now) {
            if RETURNING.with(|flag| flag.replace(false)) {
                let saved = POSITIONS.with(|positions| positions.borrow().get(&now).copied()).unwrap_or(0.0);
                restore_scroll(saved, RESTORE_TRIES);
            } else {
                focus_main();
            }
        }
        now
    });
}

/// The `popstate` just seen was not a return to an earlier page (the phone
/// menu's own history entry going away): the next page change is a new page.
pub fn not_returning() {
    RETURNING.with(|flag| flag.set(false));
}

fn current_address() -> String {
    let location = window().location();
    format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
}

/// Scrolls to `y` once the page is tall enough, trying again while it loads.
fn restore_scroll(y: f64, tries_left: u32) {
    let height = document().document_element().map(|root| root.scroll_height()).unwrap_or(0);
    let viewport = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    if f64::from(height) - viewport >= y || tries_left == 0 {
        window().scroll_to_with_x_and_y(0.0, y);
    } else {
        set_timeout(move || restore_scroll(y, tries_left - 1), RESTORE_STEP);
    }
}

/// Moves keyboard and screen-reader focus to the main region, as a page load
/// would, without scrolling past the banner.
fn focus_main() {
    let Some(main) = document().get_element_by_id("noi-dung") else { return };
    if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = main.focus_with_options(&options);
    }
}
