//! A prerendered page is taken over when the reader first reaches for it
//! (issue 28). The page as loaded is already the whole page: its links are
//! plain links to other prerendered pages, its text is there to read. What
//! only the app does (the navigation without a page load, the menus, the
//! text size, the search box's suggestions, the visitor box's polling) waits
//! for the first sign that the reader is about to use the page: the pointer
//! moving over it (a mouse, or a finger touching it), a key pressed, or the
//! focus entering it. Redrawing the page costs one long task (some 200-500 ms
//! on a slow phone); at load it blocked every reader, who mostly scroll and
//! read first; now it happens only for a reader who reaches for the page, at
//! the moment they do, before the click or key it precedes is handled.

use super::place::PlaceInPage;
use leptos::prelude::{window_event_listener_untyped, WindowListenerHandle};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Events that come before the reader uses the page: a mouse's or a
/// finger's pointer arrives over it (before its press and click), a key goes
/// down (before a Tab moves the focus), the focus enters it (a reader's tool
/// that moved it without a key).
/// And a click, which comes with none of them where a page opened under a
/// still mouse is clicked.
const REACHING: [&str; 5] = ["pointerover", "pointermove", "keydown", "focusin", "click"];

/// The app's takeover, until it has run.
type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Calls `take_over` once, at the first of [`REACHING`], or at a click that
/// came with none of them (then the click is handed to the app's drawing
/// of the element clicked; a click on a link is left to the browser, which
/// loads that page, prerendered too).
pub fn take_over_when_reached(take_over: impl FnOnce() + 'static) {
    let pending: Pending = Rc::new(RefCell::new(Some(Box::new(take_over))));
    let listening: Rc<RefCell<Vec<WindowListenerHandle>>> = Rc::default();
    let run = {
        let listening = Rc::clone(&listening);
        move || {
            let take_over = pending.borrow_mut().take();
            if let Some(take_over) = take_over {
                listening.take().into_iter().for_each(WindowListenerHandle::remove);
                take_over();
            }
        }
    };
    // One listener for every event: each closure type is code of its own.
    let handles: Vec<WindowListenerHandle> = REACHING
        .iter()
        .map(|name| {
            let run = run.clone();
            window_event_listener_untyped(name, move |event| {
                if event.type_() == "click" {
                    click_before_takeover(&event, &run);
                } else {
                    run();
                }
            })
        })
        .collect();
    listening.borrow_mut().extend(handles);
}

/// A click that came before the page was taken over: on a link, the browser
/// follows it; elsewhere (a button, a menu) the app takes over and the click
/// goes to its drawing of the same element.
fn click_before_takeover(event: &web_sys::Event, run: &impl Fn()) {
    let target = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok());
    let on_link = target.as_ref().and_then(|target| target.closest("a[href]").ok().flatten()).is_some();
    if on_link {
        return;
    }
    let place = target.as_ref().and_then(PlaceInPage::of);
    event.prevent_default();
    event.stop_propagation();
    run();
    if let Some(place) = place {
        place.once_drawn(|element| {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                element.click();
            }
        });
    }
}
