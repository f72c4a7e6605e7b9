//! The archive search in a dedicated Web Worker: portal-search's query
//! engine, which names the index files it needs; they are fetched here from
//! `tim-kiem/` beside this script (the site's root, under its public URL)
//! and kept for the next query. The page posts one JSON request per query
//! and gets one JSON reply (docs/formats/search-index.md, "In the browser").
//!
//! Requests are answered one at a time, in arrival order. No panic hook and
//! no `format!`: this wasm is what the first search downloads.

mod protocol;

use portal_search::engine::{cut_range, is_optional, split_range};
use portal_search::{Engine, Query, Results, SearchError, Step};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::js_sys::{self, Array, Promise, Uint8Array};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, RequestCache, RequestInit, Response};

/// Rounds of fetching per query: the manifest, the term shards, the result
/// files (and shards for a suggestion). More means the index is broken.
const ROUNDS: usize = 6;
/// The engine's files are dropped before a query once they pass this: a
/// visitor who searches all afternoon must not fill the tab's memory.
const KEEP_BYTES: usize = 48 << 20;

struct Worker {
    scope: DedicatedWorkerGlobalScope,
    engine: RefCell<Engine>,
    kept_bytes: Cell<usize>,
    /// After an error, the next files are asked for past any HTTP cache,
    /// so a corrupt or outdated copy does not come back on the retry.
    revalidate: Cell<bool>,
    queue: RefCell<VecDeque<JsValue>>,
    busy: Cell<bool>,
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // What the loader (tim-kiem-worker_loader.js) kept while the wasm loaded.
    let early = js_sys::Reflect::get(&scope, &JsValue::from_str("timKiemSom")).unwrap_or(JsValue::UNDEFINED);
    let worker = Rc::new(Worker {
        scope: scope.clone(),
        engine: RefCell::new(Engine::new()),
        kept_bytes: Cell::new(0),
        revalidate: Cell::new(false),
        queue: RefCell::new(early.dyn_ref::<Array>().map(|a| a.iter().collect()).unwrap_or_default()),
        busy: Cell::new(false),
    });
    let on_message = Closure::<dyn Fn(MessageEvent)>::new({
        let worker = worker.clone();
        move |event: MessageEvent| {
            worker.queue.borrow_mut().push_back(event.data());
            drain(&worker);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    drain(&worker);
}

/// Answers the queued requests, unless that is under way already.
fn drain(worker: &Rc<Worker>) {
    if worker.busy.replace(true) {
        return;
    }
    let worker = worker.clone();
    spawn_local(async move {
        loop {
            // Not `while let`: the queue must not stay borrowed while a
            // request is answered (new ones are queued meanwhile).
            let next = worker.queue.borrow_mut().pop_front();
            let Some(message) = next else { break };
            // A newer request is already waiting (the reader typed on): this
            // one's answer would only be thrown away, so it gets none.
            if !worker.queue.borrow().is_empty() && protocol::parse(&message).is_ok() {
                continue;
            }
            let reply = match protocol::parse(&message) {
                Ok((id, query)) => match search(&worker, &query).await {
                    Ok(results) => protocol::results(id, &results, &worker.engine.borrow().facets()),
                    Err(error) => protocol::error(id, &error.message_vi()),
                },
                Err(id) => protocol::error(id, protocol::MALFORMED_VI),
            };
            let _ = worker.scope.post_message(&protocol::text(&reply));
        }
        worker.busy.set(false);
    });
}

async fn search(worker: &Worker, query: &Query) -> Result<Results, SearchError> {
    if worker.kept_bytes.get() > KEEP_BYTES {
        worker.engine.borrow_mut().clear();
        worker.kept_bytes.set(0);
    }
    let outcome = run(worker, query).await;
    if outcome.is_err() {
        // A retry (the page sends the same request again) starts from nothing.
        worker.engine.borrow_mut().clear();
        worker.kept_bytes.set(0);
    }
    worker.revalidate.set(outcome.is_err());
    outcome
}

async fn run(worker: &Worker, query: &Query) -> Result<Results, SearchError> {
    for _ in 0..ROUNDS {
        let step = worker.engine.borrow_mut().run(query)?;
        match step {
            Step::Done(results) => return Ok(results),
            Step::Need(paths) => {
                let files = fetch_all(worker, &paths).await?;
                let mut engine = worker.engine.borrow_mut();
                for (path, bytes) in paths.iter().zip(files) {
                    worker.kept_bytes.set(worker.kept_bytes.get() + bytes.len());
                    engine.provide(path, bytes);
                }
            }
        }
    }
    Err(SearchError::Corrupt { file: "manifest.txt".into(), why: "the index keeps asking for files" })
}

/// The files under `tim-kiem/`, all requested at once. A relative URL in a
/// worker is resolved against the worker's script, which stands at the
/// site's root: `new URL("tim-kiem/" + path, self.location.href)`. A path
/// outside the index (`../`, an article's document for a snippet:
/// `portal_search::engine::is_optional`) that cannot be fetched is handed
/// over empty, so the lead stands in for its snippet.
async fn fetch_all(worker: &Worker, paths: &[String]) -> Result<Vec<Vec<u8>>, SearchError> {
    let missing = |file: &str, why: &str| SearchError::Missing { file: file.into(), why: why.into() };
    let first = paths.first().map_or("", String::as_str);
    let requests: Array = paths
        .iter()
        .map(|path| {
            let init = RequestInit::new();
            if worker.revalidate.get() {
                init.set_cache(RequestCache::NoCache);
            }
            // A range of the result records: one HTTP range of a file that
            // is served as it is (docs/hosting.md).
            let (file, range) = split_range(path);
            if let Some((start, end)) = range {
                let headers = js_sys::Object::new();
                let bytes = format!("bytes={start}-{end}");
                let _ = js_sys::Reflect::set(&headers, &JsValue::from_str("Range"), &JsValue::from_str(&bytes));
                init.set_headers(&headers);
            }
            worker.scope.fetch_with_str_and_init(&(String::from("tim-kiem/") + file), &init)
        })
        .collect();
    // Whether each answer is the range asked for (206), or the whole file
    // from a server that ignores `Range` (200), cut here.
    let mut whole = Vec::with_capacity(paths.len());
    let settled = JsFuture::from(Promise::all_settled(&requests)).await.map_err(|_| missing(first, "network"))?;
    let bodies = Array::new();
    for (path, outcome) in paths.iter().zip(Array::from(&settled).iter()) {
        let field = |name: &str| js_sys::Reflect::get(&outcome, &JsValue::from_str(name)).ok();
        let fulfilled = field("status").and_then(|status| status.as_string()).as_deref() == Some("fulfilled");
        let response = field("value").filter(|_| fulfilled).map(|value| value.unchecked_into::<Response>());
        match response.filter(Response::ok) {
            Some(response) => {
                whole.push(response.status() != 206);
                let body: Promise = response.array_buffer().map_err(|_| missing(path, "body"))?;
                bodies.push(&body)
            }
            None if is_optional(path) => {
                whole.push(true);
                bodies.push(&Promise::resolve(&js_sys::ArrayBuffer::new(0)))
            }
            None => return Err(missing(path, if fulfilled { "HTTP status" } else { "network" })),
        };
    }
    let bodies = JsFuture::from(Promise::all(&bodies)).await.map_err(|_| missing(first, "network"))?;
    let bodies = Array::from(&bodies);
    let mut files = Vec::with_capacity(paths.len());
    for ((path, buffer), whole) in paths.iter().zip(bodies.iter()).zip(whole) {
        files.push(match split_range(path) {
            _ if is_optional(path) => article_html(&buffer),
            (_, Some(range)) if whole => {
                cut_range(Uint8Array::new(&buffer).to_vec(), Some(range)).map_err(|why| missing(path, &why))?
            }
            _ => Uint8Array::new(&buffer).to_vec(),
        });
    }
    Ok(files)
}

/// An article document's body HTML (`engine::article_html`, read here with
/// the browser's JSON parser): its one item's `content_html`, else its
/// `content_text`; nothing when it is not such a document.
fn article_html(buffer: &JsValue) -> Vec<u8> {
    let text = js_sys::JSON::parse(&String::from_utf8_lossy(&Uint8Array::new(buffer).to_vec()));
    let get = |value: &JsValue, key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).ok();
    let item = text.ok().and_then(|document| get(&document, "items")).and_then(|items| get(&items, "0"));
    let body = item.and_then(|item| {
        get(&item, "content_html").and_then(|h| h.as_string()).or_else(|| get(&item, "content_text")?.as_string())
    });
    body.unwrap_or_default().into_bytes()
}
