//! Rendering a fetched document's result: the content, the not-found view, or
//! the error with a retry.

use crate::components::error_box::ErrorBox;
use crate::core::error::DocError;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;

/// Renders `result` with `content`, or the region's error and a "Thử lại"
/// that calls `retry`.
pub fn or_error<T>(
    result: Result<T, DocError>,
    retry: impl Fn() + Send + Sync + 'static,
    content: impl FnOnce(T) -> AnyView,
) -> AnyView {
    match result {
        Ok(value) => content(value),
        Err(error) => view! { <ErrorBox error on_retry=move |_| retry() /> }.into_any(),
    }
}

/// Like [`or_error`], but a document that does not exist (404) shows the
/// not-found view: an unknown article id or category is a wrong address.
pub fn or_not_found<T>(
    result: Result<T, DocError>,
    retry: impl Fn() + Send + Sync + 'static,
    content: impl FnOnce(T) -> AnyView,
) -> AnyView {
    match result {
        Err(error) if error.is_not_found() => view! { <NotFound /> }.into_any(),
        other => or_error(other, retry, content),
    }
}
