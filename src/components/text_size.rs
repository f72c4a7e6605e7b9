//! The text-size control (A−, A, A+), which Vietnamese public portals are
//! asked to offer (Thông tư 26/2020/TT-BTTTT points them at WCAG 2.0).
//!
//! Only the buttons are drawn here, from one string (`core::nav`).
//! `assets/co-chu.js` does the rest: it must apply the remembered size
//! before the first paint, so that a page never jumps when the wasm
//! arrives, and the same few lines then answer the buttons on a
//! prerendered page before the app runs.

use crate::core::nav::TEXT_SIZE_BUTTONS;
use leptos::prelude::*;

/// The three buttons, as a labelled group.
#[component]
pub fn TextSize() -> impl IntoView {
    view! { <div class="text-size" role="group" aria-label="Cỡ chữ" inner_html=TEXT_SIZE_BUTTONS></div> }
}
