//! Keyboard use of the search page: ↓ from the box into the results, ↑ and
//! ↓ between results, Escape back to the box. Enter opens a result as any
//! link does; Escape in the box clears it (the browser's own search field).

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

pub use crate::core::search::QUERY_BOX_ID;
const RESULT_LINKS: &str = ".search-hits .search-hit-title a";

pub fn query_box() -> Option<HtmlInputElement> {
    document().get_element_by_id(QUERY_BOX_ID)?.dyn_into().ok()
}

/// Any key on the page: from the box, ↓ goes to the first result; in the
/// results, see [`on_results_key`].
pub fn on_key(event: KeyboardEvent) {
    let in_box = document().active_element().is_some_and(|active| active.id() == QUERY_BOX_ID);
    if in_box {
        if event.key() == "ArrowDown" && focus_result(0) {
            event.prevent_default();
        }
    } else if focused_result().is_some() {
        on_results_key(event);
    }
}

/// Which result has the focus.
fn focused_result() -> Option<usize> {
    let links = document().query_selector_all(RESULT_LINKS).ok()?;
    let active: web_sys::Node = document().active_element()?.into();
    (0..links.length()).find(|&i| links.item(i).is_some_and(|link| link == active)).map(|i| i as usize)
}

/// In the list: ↑ and ↓ move between results (↑ from the first back to the
/// box), Escape returns to the box.
fn on_results_key(event: KeyboardEvent) {
    let back_to_box = || {
        if let Some(input) = query_box() {
            let _ = input.focus();
        }
    };
    match (event.key().as_str(), focused_result()) {
        ("Escape", _) => back_to_box(),
        ("ArrowDown", Some(at)) => {
            focus_result(at + 1);
        }
        ("ArrowUp", Some(0)) => back_to_box(),
        ("ArrowUp", Some(at)) => {
            focus_result(at - 1);
        }
        _ => return,
    }
    event.prevent_default();
}

/// Focuses result `index`; false when there is none.
fn focus_result(index: usize) -> bool {
    let link = document().query_selector_all(RESULT_LINKS).ok().and_then(|links| links.item(index as u32));
    match link.and_then(|link| link.dyn_into::<HtmlElement>().ok()) {
        Some(link) => link.focus().is_ok(),
        None => false,
    }
}
