//! What a region shows when its document failed: what, in Vietnamese, and a retry.

use crate::core::error::DocError;
use leptos::prelude::*;

/// The error of one region of the page, with a "Thử lại" button. The English
/// form goes to the console once, for the web team.
#[component]
pub fn ErrorBox(error: DocError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    crate::net::report(&error);
    view! {
        <div class="error-box" role="alert">
            <p class="error-box-message">{error.vietnamese()}</p>
            <button type="button" class="error-box-retry" on:click=move |_| on_retry.run(())>
                "Thử lại"
            </button>
        </div>
    }
}
