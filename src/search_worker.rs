//! The search worker (search-worker/, its own wasm), started on the first
//! search and kept for the visit: the index files it has fetched stay with
//! it, so later queries fetch only what is new.
//!
//! One listener at a time, the search page on screen, receives the replies.
//! Not part of the page: the navigation's search box starts the worker too
//! (`warm_up`), and components use no page.

use crate::core::search::{parse_reply, Reply, SearchParams, UNREADABLE_REPLY};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

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
    let worker = WORKER.with(|slot| slot.borrow().clone()).or_else(start);
    let sent = worker.map(|worker| worker.post_message(&JsValue::from_str(request)).is_ok());
    if sent != Some(true) {
        stop();
        tell(Err(WORKER_FAILED.to_string()));
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

/// Forgets the worker, so that the next request starts a new one (after it
/// failed to load or crashed: a retry must not meet the dead one).
pub fn stop() {
    if let Some(worker) = WORKER.with(|slot| slot.borrow_mut().take()) {
        worker.terminate();
    }
}

fn start() -> Option<Worker> {
    let worker = Worker::new(WORKER_SCRIPT).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        tell(parse_reply(&text).map_err(|detail| {
            web_sys::console::warn_1(&format!("search worker reply unreadable: {detail}").into());
            UNREADABLE_REPLY.to_string()
        }));
    });
    // A script that fails to load or a wasm that traps ends here.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_| {
        stop();
        tell(Err(WORKER_FAILED.to_string()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The worker lives as long as the visit, so its handlers do too.
    on_message.forget();
    on_error.forget();
    WORKER.with(|slot| *slot.borrow_mut() = Some(worker.clone()));
    Some(worker)
}

fn tell(reply: Result<Reply, String>) {
    LISTENER.with(|slot| {
        if let Some(listener) = slot.borrow().as_ref() {
            listener(reply);
        }
    });
}
