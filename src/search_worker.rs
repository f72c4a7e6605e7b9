//! The search worker (search-worker/, its own wasm), started on the first
//! search and kept for the visit: the index files it has fetched stay with
//! it, so later queries fetch only what is new.
//!
//! One listener at a time, the search page on screen, receives the replies.
//! Not part of the page: the navigation's search box starts the worker too
//! (`warm_up`), and components use no page.

use crate::core::search::{parse_reply, Reply, SearchParams, UNREADABLE_REPLY};
use crate::worker_link;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::Worker;

/// The worker's loader, written by trunk beside index.html (not hashed:
/// a worker's name is fixed at run time).
const WORKER_SCRIPT: &str = "tim-kiem-worker_loader.js";

/// What the page is told when the worker cannot start or has stopped.
pub const WORKER_FAILED: &str = "Không khởi động được bộ tìm kiếm. Kiểm tra kết nối mạng rồi thử lại.";

type Listener = Box<dyn Fn(Result<Reply, String>)>;

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Listener>> = RefCell::new(None);
}

/// Replies (or a failure, as the Vietnamese message) go to `listener` from now on.
pub fn listen(listener: impl Fn(Result<Reply, String>) + 'static) {
    LISTENER.with(|slot| *slot.borrow_mut() = Some(Box::new(listener)));
}

/// Sends a request (core::search::SearchParams::request), starting the
/// worker first if need be.
pub fn send(request: &str) {
    let worker = worker_link::running(&WORKER, WORKER_SCRIPT, on_reply, on_failure);
    let sent = worker.map(|worker| worker.post_message(&JsValue::from_str(request)).is_ok());
    if sent != Some(true) {
        stop();
        on_failure();
    }
}

/// Starts the worker and has it read the index's manifest before the first
/// query (the reader is about to type): an empty query asks for nothing
/// else, and its answer (id 0) is one the page never waits for.
pub fn warm_up() {
    if WORKER.with(|slot| slot.borrow().is_none()) {
        send(&SearchParams::default().request(0, false));
    }
}

/// Forgets the worker, so that the next request starts a new one.
pub fn stop() {
    worker_link::stop(&WORKER);
}

fn on_reply(text: String) {
    tell(parse_reply(&text).map_err(|detail| {
        web_sys::console::warn_1(&format!("search worker reply unreadable: {detail}").into());
        UNREADABLE_REPLY.to_string()
    }));
}

fn on_failure() {
    tell(Err(WORKER_FAILED.to_string()));
}

fn tell(reply: Result<Reply, String>) {
    LISTENER.with(|slot| {
        if let Some(listener) = slot.borrow().as_ref() {
            listener(reply);
        }
    });
}
