//! What the app's two Web Workers (the search's, `search_worker`, and the
//! registries', `registry_worker`) share on the page's side: starting one
//! with its handlers, and forgetting it so that a retry starts another.

use std::cell::RefCell;
use std::thread::LocalKey;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

/// Where a worker is kept for the visit.
pub type Slot = LocalKey<RefCell<Option<Worker>>>;

/// The worker in `slot`, started from `script` (a loader beside index.html)
/// when there is none. Each reply's text goes to `on_reply`. A script that
/// fails to load, or a wasm that cannot start or traps, forgets the worker
/// and calls `on_failure`.
pub fn running(slot: &'static Slot, script: &str, on_reply: fn(String), on_failure: fn()) -> Option<Worker> {
    if let Some(worker) = slot.with(|kept| kept.borrow().clone()) {
        return Some(worker);
    }
    let worker = Worker::new(script).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        on_reply(event.data().as_string().unwrap_or_default());
    });
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        stop(slot);
        on_failure();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The worker lives as long as the visit, so its handlers do too.
    on_message.forget();
    on_error.forget();
    slot.with(|kept| *kept.borrow_mut() = Some(worker.clone()));
    Some(worker)
}

/// Forgets the worker in `slot`, so that the next request starts a new one
/// (after it failed to load or crashed: a retry must not meet the dead one).
pub fn stop(slot: &'static Slot) {
    if let Some(worker) = slot.with(|kept| kept.borrow_mut().take()) {
        worker.terminate();
    }
}
