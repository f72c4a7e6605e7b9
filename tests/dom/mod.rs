//! Shared by the component test files (`mod dom;`): a place in the test page
//! to mount into, a way to let the browser run its timers, and a site context.
#![allow(dead_code)] // each test file uses its own part of the helpers

use leptos::prelude::{document, window};
use portal::context::Portal;
use portal::core::config::Config;
use wasm_bindgen::JsCast;

/// A fresh element in the test page's body for one test to mount into.
pub fn container() -> web_sys::HtmlElement {
    let element = document().create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// Waits `ms` milliseconds of the browser's own clock (0: one macrotask, after
/// which leptos has run its effects).
pub async fn sleep(ms: i32) {
    let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The site as the tests see it: the built-in config, at the origin's root.
pub fn sample_portal() -> Portal {
    Portal { config: Config::default(), site_root: "http://127.0.0.1/".into(), config_error: None }
}
