//! The one module that talks to the network.
//!
//! It builds the request, checks the status (fetch does not fail on 404 or 500),
//! refuses oversized bodies, and hands the text to the pure parsers. Every
//! failure becomes a [`DocError`] that names the document.

use crate::core::error::{DocError, Problem};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use leptos::prelude::{on_cleanup, set_timeout_with_handle};
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

/// A request under way, which every view asking for the same URL awaits.
type InFlight = Shared<LocalBoxFuture<'static, Result<Rc<str>, DocError>>>;

thread_local! {
    /// Bodies fetched successfully during this visit, by URL: each document is
    /// fetched once per visit unless the visitor asks to retry.
    static FETCHED: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
    /// Requests not answered yet, so that two views asking at once (the
    /// navigation and the home page both want the categories) share one.
    static IN_FLIGHT: RefCell<HashMap<String, InFlight>> = RefCell::new(HashMap::new());
    static TIMEOUT_SECONDS: Cell<u32> = const { Cell::new(15) };
}

/// Sets how long a request may take before it is given up (from config.json).
pub fn set_timeout_seconds(seconds: u32) {
    TIMEOUT_SECONDS.with(|cell| cell.set(seconds.max(1)));
}

/// Drops a cached body so that the next fetch of `url` goes to the network.
pub fn forget(url: &str) {
    FETCHED.with(|cache| cache.borrow_mut().remove(url));
}

/// Fetches `url` as text, once per visit. `document` names it in errors;
/// bodies over `limit_bytes` are refused (by `Content-Length` before reading
/// when the server sends it). The request is aborted if the view that asked
/// for it goes away.
pub async fn fetch_text(document: &str, url: &str, limit_bytes: usize) -> Result<Rc<str>, DocError> {
    if let Some(body) = FETCHED.with(|cache| cache.borrow().get(url).cloned()) {
        return Ok(body);
    }
    let request = IN_FLIGHT.with(|requests| {
        requests
            .borrow_mut()
            .entry(url.to_string())
            .or_insert_with(|| {
                let (document, url) = (document.to_string(), url.to_string());
                async move { fetch_uncached(&document, &url, limit_bytes).await.map(Rc::from) }.boxed_local().shared()
            })
            .clone()
    });
    let outcome = request.await;
    IN_FLIGHT.with(|requests| requests.borrow_mut().remove(url));
    if let Ok(body) = &outcome {
        FETCHED.with(|cache| cache.borrow_mut().insert(url.to_string(), body.clone()));
    }
    outcome
}

/// Fetches `url` bypassing the visit cache (the statistics are polled).
pub async fn fetch_uncached(document: &str, url: &str, limit_bytes: usize) -> Result<String, DocError> {
    let fail = |problem| DocError::new(document, problem);
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = Rc::new(Cell::new(false));
    let seconds = TIMEOUT_SECONDS.with(Cell::get);
    let timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            },
            Duration::from_secs(u64::from(seconds)),
        )
        .ok()
    };
    // Abort the request when the view that asked for it is cleaned up.
    let on_leave = SendWrapper::new(controller);
    on_cleanup(move || {
        if let Some(controller) = on_leave.take() {
            controller.abort();
        }
    });
    let outcome = async {
        let response = Request::get(url).abort_signal(signal.as_ref()).send().await.map_err(|error| {
            if timed_out.get() {
                fail(Problem::Timeout { seconds })
            } else {
                fail(Problem::Network(error.to_string()))
            }
        })?;
        match response.status() {
            200..=299 => {}
            404 | 410 => return Err(fail(Problem::NotFound)),
            status => return Err(fail(Problem::Status(status))),
        }
        let announced = response.headers().get("content-length").and_then(|length| length.parse::<usize>().ok());
        if let Some(actual_bytes) = announced.filter(|length| *length > limit_bytes) {
            return Err(fail(Problem::TooLarge { limit_bytes, actual_bytes }));
        }
        response.text().await.map_err(|error| {
            if timed_out.get() {
                fail(Problem::Timeout { seconds })
            } else {
                fail(Problem::Network(error.to_string()))
            }
        })
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    outcome
}

/// Writes the English form of an error to the console, for the web team.
pub fn report(error: &DocError) {
    web_sys::console::warn_1(&error.english().into());
}
