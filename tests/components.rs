//! Components mounted in headless Chromium by wasm-bindgen-test.
//!
//! Run by `bash scripts/test.sh` (wasm32 target, wasm-bindgen-test-runner);
//! native `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::components::error_box::ErrorBox;
use portal::context::provide_portal;
use portal::core::error::{DocError, Problem};
use portal::pages::not_found::NotFound;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod dom;

use dom::{container, sample_portal};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn not_found_says_so_and_offers_a_way_home() {
    let host = container();
    let _mounted = leptos::mount::mount_to(host.clone(), || {
        provide_portal(sample_portal());
        view! {
            <leptos_router::components::Router>
                <NotFound />
            </leptos_router::components::Router>
        }
    });
    let heading = host.query_selector("h1").unwrap().expect("an <h1>");
    assert_eq!(heading.text_content().unwrap(), "Không tìm thấy trang");
    let home = host.query_selector("a[href='/']").unwrap();
    assert!(home.is_some(), "no link home in: {}", host.inner_html());
}

#[wasm_bindgen_test]
fn error_box_names_the_document_and_retries() {
    let host = container();
    let retries = RwSignal::new(0);
    let error = DocError::new("bản tin mới nhất", Problem::Status(500));
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <ErrorBox error on_retry=move |_| retries.update(|n| *n += 1) /> }
    });
    let message = host.query_selector("[role=alert]").unwrap().expect("an alert").text_content().unwrap();
    assert!(message.contains("bản tin mới nhất") && message.contains("500"), "message: {message}");
    let button = host.query_selector("button").unwrap().expect("a retry button");
    button.unchecked_into::<web_sys::HtmlElement>().click();
    assert_eq!(retries.get_untracked(), 1);
}
