//! The registries' worker (registry-worker/, its own wasm): it reads a
//! registry's documents and draws the page a registry address asks for
//! (core::registry_walk). Started when a reader first opens a registry page
//! in the app, and kept for the visit, with the documents it has read.
//!
//! Only the latest request is waited for: a reader who changes a filter
//! before the last one's page came gets the new page only. Pages drawn are
//! kept for the visit (the last `KEPT_PAGES`), as `net` keeps documents:
//! going back to one draws it at once.

use crate::core::error::{DocError, Problem};
use crate::core::registry_messages::{read_reply, Request};
use crate::core::registry_walk::Drawn;
use crate::worker_link;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::js_sys::{Function, Promise};
use web_sys::Worker;

/// The worker's loader, written by trunk beside index.html (not hashed:
/// a worker's name is fixed at run time).
const WORKER_SCRIPT: &str = "tra-cuu-worker_loader.js";

/// What the reader would call the worker in an error ("Không kết nối được
/// để tải bộ tra cứu văn bản…"): it failed to load or has stopped.
const WORKER_NAME: &str = "bộ tra cứu văn bản";

/// What a reply that cannot be read is called in its error.
const REPLY_NAME: &str = "kết quả tra cứu";

/// How many drawn pages are kept (each a few tens of KB of HTML).
const KEPT_PAGES: usize = 16;

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// The request waited for, and how to wake its waiter.
    static WAITING: RefCell<Option<(u32, Function)>> = const { RefCell::new(None) };
    /// Its answer, once it has come.
    static ANSWER: RefCell<Option<Result<Drawn, DocError>>> = const { RefCell::new(None) };
    static LAST_ID: Cell<u32> = const { Cell::new(0) };
    /// Pages drawn in this visit, by their request's text (id 0), oldest first.
    static DRAWN: RefCell<Vec<(String, Drawn)>> = const { RefCell::new(Vec::new()) };
}

/// The page `request` asks for (its id is set here), drawn by the worker,
/// or at once when it was drawn before in this visit. Nothing is asked
/// while a view only checks what is at hand (`net::from_cache_only`).
pub async fn draw(mut request: Request) -> Result<Drawn, DocError> {
    request.id = 0;
    let key = request.text();
    let kept = DRAWN.with(|pages| pages.borrow().iter().find(|(asked, _)| *asked == key).map(|(_, page)| page.clone()));
    if let Some(page) = kept {
        return Ok(page);
    }
    if crate::net::cache_only() {
        return std::future::pending().await;
    }
    let id = LAST_ID.with(|last| last.get() + 1);
    LAST_ID.with(|last| last.set(id));
    request.id = id;
    let answered = Promise::new(&mut |resolve, _| WAITING.with(|slot| *slot.borrow_mut() = Some((id, resolve))));
    let worker = worker_link::running(&WORKER, WORKER_SCRIPT, on_reply, on_failure);
    let sent = worker.is_some_and(|worker| worker.post_message(&JsValue::from_str(&request.text())).is_ok());
    if !sent {
        worker_link::stop(&WORKER);
        return Err(failed());
    }
    let _ = wasm_bindgen_futures::JsFuture::from(answered).await;
    let outcome = ANSWER.with(|slot| slot.borrow_mut().take()).unwrap_or_else(|| Err(failed()));
    if let Ok(page) = &outcome {
        DRAWN.with(|pages| {
            let mut pages = pages.borrow_mut();
            if pages.len() == KEPT_PAGES {
                pages.remove(0);
            }
            pages.push((key, page.clone()));
        });
    }
    outcome
}

/// The error shown (with "Thử lại") when the worker cannot start or has stopped.
fn failed() -> DocError {
    DocError::new(WORKER_NAME, Problem::Network("the registries' worker failed to load or stopped".into()))
}

fn on_reply(text: String) {
    match read_reply(&text) {
        Ok((id, outcome)) => answer(Some(id), outcome),
        Err(detail) => answer(None, Err(DocError::new(REPLY_NAME, Problem::Malformed { detail }))),
    }
}

fn on_failure() {
    answer(None, Err(failed()));
}

/// Hands `outcome` to the request waited for, if it is request `id` (any
/// request waited for when `id` is `None`: a failure of the worker itself).
fn answer(id: Option<u32>, outcome: Result<Drawn, DocError>) {
    let waiting = WAITING.with(|slot| {
        let mut slot = slot.borrow_mut();
        let matches = slot.as_ref().is_some_and(|(waited, _)| id.is_none_or(|id| id == *waited));
        if matches {
            slot.take()
        } else {
            None
        }
    });
    if let Some((_, wake)) = waiting {
        if let Err(error) = &outcome {
            crate::net::report(error);
        }
        ANSWER.with(|slot| *slot.borrow_mut() = Some(outcome));
        let _ = wake.call0(&JsValue::NULL);
    }
}
