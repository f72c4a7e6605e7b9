//! The registries' pages (legal documents, science and technology tasks)
//! in a dedicated Web Worker: the app posts what a registry address asks
//! for, and this worker reads the documents it needs (kept for the visit)
//! and answers with the page drawn as HTML, or the error
//! (portal_core::registry_walk, registry_messages;
//! docs/formats/registry-worker.md).
//!
//! Each request is answered as it comes; the app keeps only the answer to
//! its latest. No panic hook: this wasm is what the first registry page
//! opened in the app downloads.

use futures::future::join_all;
use portal_core::error::{DocError, Problem};
use portal_core::registry_messages::{reply_text, Request};
use portal_core::registry_walk::{draw, Drawn, Setting, Wanted, REGISTRY_LIMIT_BYTES};
use portal_core::url::resolve;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::js_sys::{self, Array};
use web_sys::{AbortController, DedicatedWorkerGlobalScope, MessageEvent, RequestInit, Response};

/// The documents read are dropped once they pass this: a reader who walks
/// the registries all afternoon must not fill the tab's memory.
const KEEP_BYTES: usize = 16 << 20;

struct Worker {
    scope: DedicatedWorkerGlobalScope,
    /// Each document read in this visit, by URL; emptied after an error, so
    /// that "Thử lại" reads afresh what was broken.
    kept: RefCell<HashMap<String, Rc<str>>>,
    kept_bytes: Cell<usize>,
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // What the loader (tra-cuu-worker_loader.js) kept while the wasm loaded.
    let early = js_sys::Reflect::get(&scope, &JsValue::from_str("traCuuSom")).unwrap_or(JsValue::UNDEFINED);
    let worker = Rc::new(Worker { scope: scope.clone(), kept: RefCell::default(), kept_bytes: Cell::new(0) });
    let on_message = Closure::<dyn Fn(MessageEvent)>::new({
        let worker = worker.clone();
        move |event: MessageEvent| answer(worker.clone(), event.data())
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if let Some(early) = early.dyn_ref::<Array>() {
        for message in early.iter() {
            answer(worker.clone(), message);
        }
    }
}

/// Answers one request.
fn answer(worker: Rc<Worker>, message: JsValue) {
    spawn_local(async move {
        let reply = match Request::read(&message.as_string().unwrap_or_default()) {
            Ok(request) => {
                let outcome = page(&worker, &request).await;
                if outcome.is_err() {
                    worker.kept.borrow_mut().clear();
                    worker.kept_bytes.set(0);
                }
                reply_text(request.id, &outcome)
            }
            Err(id) => {
                let problem = Problem::Malformed { detail: "the request could not be read".into() };
                reply_text(id, &Err(DocError::new("yêu cầu tra cứu", problem)))
            }
        };
        let _ = worker.scope.post_message(&JsValue::from_str(&reply));
    });
}

/// The page `request` asks for.
async fn page(worker: &Worker, request: &Request) -> Result<Drawn, DocError> {
    let resolve = |source: &str| resolve(&request.site_root, source);
    let href = |route: &str| format!("{}{route}", request.router_base);
    let setting = Setting { sources: &request.sources, resolve: &resolve, href: &href, today: request.today };
    let fetch_all = |wanted: Vec<Wanted>| {
        join_all(wanted.into_iter().map(|document| read(worker, document, request.timeout_seconds)))
    };
    draw(request.registry, &request.asked, &setting, fetch_all).await
}

/// One document's text, from this visit's or fetched: status checked, size
/// limited (by `Content-Length` before reading), given up after `seconds`.
async fn read(worker: &Worker, document: Wanted, seconds: u32) -> Result<Rc<str>, DocError> {
    if let Some(text) = worker.kept.borrow().get(&document.url).cloned() {
        return Ok(text);
    }
    let fail = |problem| DocError::new(document.name.clone(), problem);
    let controller = AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let on_time = Closure::<dyn FnMut()>::new({
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        move || {
            timed_out.set(true);
            if let Some(controller) = &controller {
                controller.abort();
            }
        }
    });
    let timer = worker
        .scope
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_time.as_ref().unchecked_ref(),
            i32::try_from(seconds.saturating_mul(1000)).unwrap_or(i32::MAX),
        )
        .ok();
    let lost = |error: JsValue| match timed_out.get() {
        true => fail(Problem::Timeout { seconds }),
        false => fail(Problem::Network(
            error.dyn_ref::<js_sys::Error>().map_or_else(|| "fetch failed".into(), |e| String::from(e.message())),
        )),
    };
    let outcome = async {
        let init = RequestInit::new();
        if let Some(controller) = &controller {
            init.set_signal(Some(&controller.signal()));
        }
        let response: Response = JsFuture::from(worker.scope.fetch_with_str_and_init(&document.url, &init))
            .await
            .map_err(lost)?
            .unchecked_into();
        let announced = response.headers().get("content-length").ok().flatten();
        if let Some(problem) = Problem::of_answer(response.status(), announced.as_deref(), REGISTRY_LIMIT_BYTES) {
            return Err(fail(problem));
        }
        let text = JsFuture::from(response.text().map_err(lost)?).await.map_err(lost)?;
        Ok(text.as_string().unwrap_or_default())
    }
    .await;
    if let Some(timer) = timer {
        worker.scope.clear_timeout_with_handle(timer);
    }
    let text: Rc<str> = Rc::from(outcome?);
    if worker.kept_bytes.get() > KEEP_BYTES {
        worker.kept.borrow_mut().clear();
        worker.kept_bytes.set(0);
    }
    worker.kept_bytes.set(worker.kept_bytes.get() + text.len());
    worker.kept.borrow_mut().insert(document.url, text.clone());
    Ok(text)
}
