//! Tells the visitor when config.json was present but unusable.

use crate::context::use_portal;
use leptos::prelude::*;

/// A notice above the content while the built-in defaults stand in for a
/// broken config.json; "Thử lại" reloads the page to read it again.
#[component]
pub fn ConfigNotice() -> impl IntoView {
    use_portal().config_error.clone().map(|error| {
        view! {
            <div class="config-notice" role="alert">
                <p>{error.vietnamese()} " Trang đang dùng cấu hình mặc định."</p>
                <button type="button" on:click=|_| {
                    let _ = window().location().reload();
                }>"Thử lại"</button>
            </div>
        }
    })
}
