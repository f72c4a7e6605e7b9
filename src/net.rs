//! The one module that talks to the network.
//!
//! It builds the request, checks the status (fetch does not fail on 404 or 500),
//! refuses oversized bodies, and hands the text to the pure parsers. Every
//! failure becomes a [`DocError`] that names the document.

use crate::core::error::{DocError, Problem};
use crate::core::keyed::Keyed;
#[cfg(target_arch = "wasm32")]
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
#[cfg(target_arch = "wasm32")]
use leptos::prelude::set_timeout;
use leptos::prelude::{on_cleanup, set_timeout_with_handle};
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

/// A request under way, shared by every view that asks for the same URL.
#[cfg(target_arch = "wasm32")]
struct InFlight {
    response: Shared<LocalBoxFuture<'static, Result<Rc<str>, DocError>>>,
    /// How many views still wait for it; the last one to leave aborts it.
    waiting: Cell<usize>,
    controller: Option<web_sys::AbortController>,
}

thread_local! {
    /// Bodies fetched successfully during this visit, by URL: each document is
    /// fetched once per visit unless the visitor asks to retry.
    static FETCHED: RefCell<Keyed<Rc<str>>> = const { RefCell::new(Keyed::new()) };
    static TIMEOUT_SECONDS: Cell<u32> = const { Cell::new(15) };
    /// Set while [`from_cache_only`] runs: a fetch then never starts a request.
    static CACHE_ONLY: Cell<bool> = const { Cell::new(false) };
    /// URLs preloaded for the first page only, until [`forget_preloaded`].
    static PRELOADED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// URLs the prerendered page was drawn without (not found then), until
    /// [`forget_preloaded`]: the app draws the same page without asking again.
    static ABSENT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Runs `poll` (which polls fetches) so that a document not already at hand
/// is not requested: its fetch just stays pending. A view uses it to learn,
/// without side effects, whether it can be drawn at once.
pub fn from_cache_only<T>(poll: impl FnOnce() -> T) -> T {
    let before = CACHE_ONLY.with(|flag| flag.replace(true));
    let result = poll();
    CACHE_ONLY.with(|flag| flag.set(before));
    result
}

/// Whether a [`from_cache_only`] poll is running: a source of its own (the
/// registries' worker) then starts nothing either.
pub fn cache_only() -> bool {
    CACHE_ONLY.with(Cell::get)
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Requests not answered yet, so that two views asking at once (the
    /// navigation and the home page both want the categories) share one.
    static IN_FLIGHT: RefCell<Keyed<InFlight>> = const { RefCell::new(Keyed::new()) };
}

/// Sets how long a request may take before it is given up (from config.json).
pub fn set_timeout_seconds(seconds: u32) {
    TIMEOUT_SECONDS.with(|cell| cell.set(seconds.max(1)));
}

/// Drops a cached body so that the next fetch of `url` goes to the network.
pub(crate) fn forget(url: &str) {
    FETCHED.with(|cache| cache.borrow_mut().remove(url));
}

/// Hands over a document's body before anyone asks for it: the documents a
/// prerendered page was drawn from (embedded in it). A later fetch of `url`
/// is then answered at once, without a request.
/// With `for_this_page_only`, [`forget_preloaded`] drops it again.
pub fn preload(url: &str, body: Rc<str>, for_this_page_only: bool) {
    FETCHED.with(|cache| cache.borrow_mut().insert(url, body));
    if for_this_page_only {
        PRELOADED.with(|urls| urls.borrow_mut().push(url.to_string()));
    }
}

/// Hands over that `url` did not exist when the prerendered page was drawn
/// (an unpublished week): a fetch of it then answers "not found" at once,
/// as the page shows, until [`forget_preloaded`].
pub fn preload_absent(url: &str) {
    ABSENT.with(|urls| urls.borrow_mut().push(url.to_string()));
}

/// Drops the documents preloaded for the first page only, once it is drawn:
/// their copy may be older than the site's (a page is not redrawn when only
/// parts of a document it does not show changed), so the views the visitor
/// opens next fetch their own. A document absent then may be published now.
pub fn forget_preloaded() {
    for url in PRELOADED.with(|urls| std::mem::take(&mut *urls.borrow_mut())) {
        forget(&url);
    }
    ABSENT.with(|urls| urls.borrow_mut().clear());
}

/// Natively (the prerender) documents come from a source the prerender
/// sets, answered at once: a page is then drawn in one pass.
#[cfg(not(target_arch = "wasm32"))]
pub type NativeSource = dyn Fn(&str) -> Result<Rc<str>, Problem>;

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static SOURCE: RefCell<Option<Rc<NativeSource>>> = const { RefCell::new(None) };
    /// URLs answered natively, in order: the documents a page was drawn from.
    static USED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Those among them that the app never reads from the page.
    static NOT_EMBEDDED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Where native fetches read documents from (native only).
#[cfg(not(target_arch = "wasm32"))]
pub fn set_native_source(source: Rc<NativeSource>) {
    SOURCE.with(|slot| *slot.borrow_mut() = Some(source));
}

/// The URLs that views read since the last call (native only), and those of
/// them marked `not_to_embed`.
#[cfg(not(target_arch = "wasm32"))]
pub fn take_used() -> (Vec<String>, Vec<String>) {
    let used = USED.with(|used| std::mem::take(&mut *used.borrow_mut()));
    (used, NOT_EMBEDDED.with(|urls| std::mem::take(&mut *urls.borrow_mut())))
}

/// Marks `url` as read for a page's drawing but not to be embedded in it
/// (native only): in the browser another reader (a worker) fetches it for
/// itself, so a copy in the page would only make the page heavier.
#[cfg(not(target_arch = "wasm32"))]
pub fn not_to_embed(url: &str) {
    NOT_EMBEDDED.with(|urls| urls.borrow_mut().push(url.to_string()));
}

/// Fetches `url` as text, once per visit. `document` names it in errors;
/// bodies over `limit_bytes` are refused (by `Content-Length` before reading
/// when the server sends it). Views asking for the same URL at once share one
/// request, which is aborted when the last of them goes away.
pub async fn fetch_text(document: &str, url: &str, limit_bytes: usize) -> Result<Rc<str>, DocError> {
    if let Some(body) = FETCHED.with(|cache| cache.borrow().get(url).cloned()) {
        return Ok(body);
    }
    if ABSENT.with(|urls| urls.borrow().iter().any(|absent| absent == url)) {
        return Err(DocError::new(document, Problem::NotFound));
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(source) = SOURCE.with(|slot| slot.borrow().clone()) {
        USED.with(|used| used.borrow_mut().push(url.to_string()));
        return source(url).map_err(|problem| DocError::new(document, problem));
    }
    if CACHE_ONLY.with(Cell::get) {
        return std::future::pending().await;
    }
    fetch_shared(document, url, limit_bytes).await
}

/// Natively, without a source, a document never arrives: its view keeps
/// its placeholder.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_shared(_document: &str, _url: &str, _limit_bytes: usize) -> Result<Rc<str>, DocError> {
    std::future::pending().await
}

/// One request for `url` however many views ask for it at once.
#[cfg(target_arch = "wasm32")]
async fn fetch_shared(document: &str, url: &str, limit_bytes: usize) -> Result<Rc<str>, DocError> {
    let response = IN_FLIGHT.with(|requests| {
        let mut requests = requests.borrow_mut();
        let request = requests.get_or_insert_with(url, || {
            let controller = web_sys::AbortController::new().ok();
            let (document, url, signal) = (document.to_string(), url.to_string(), controller.clone());
            let response = async move { fetch_with(&document, &url, limit_bytes, signal).await.map(Rc::from) };
            InFlight { response: response.boxed_local().shared(), waiting: Cell::new(0), controller }
        });
        request.waiting.set(request.waiting.get() + 1);
        request.response.clone()
    });
    // This view stops waiting when it is answered or when it goes away.
    let answered = Rc::new(Cell::new(false));
    let on_leave = SendWrapper::new((url.to_string(), answered.clone()));
    on_cleanup(move || {
        let (url, answered) = on_leave.take();
        if !answered.get() {
            // After the views that replace this one have asked: a view
            // replaced by one that wants the same document hands it over.
            set_timeout(move || stop_waiting(&url), Duration::ZERO);
        }
    });
    let outcome = response.await;
    answered.set(true);
    IN_FLIGHT.with(|requests| requests.borrow_mut().remove(url));
    if let Ok(body) = &outcome {
        FETCHED.with(|cache| cache.borrow_mut().insert(url, body.clone()));
    }
    outcome
}

/// Fetches `url` once per visit and reads it with `parse`. A body that fails
/// to parse is not kept in the visit cache, so "Thử lại" really fetches it again.
pub async fn fetch_parsed<T>(
    document: &str,
    url: &str,
    limit_bytes: usize,
    parse: impl FnOnce(&str) -> Result<T, DocError>,
) -> Result<T, DocError> {
    let text = fetch_text(document, url, limit_bytes).await?;
    parse(&text).inspect_err(|_| forget(url))
}

/// One view no longer waits for `url`; when none does, the request is aborted.
#[cfg(target_arch = "wasm32")]
fn stop_waiting(url: &str) {
    IN_FLIGHT.with(|requests| {
        let mut requests = requests.borrow_mut();
        let Some(request) = requests.get(url) else { return };
        request.waiting.set(request.waiting.get().saturating_sub(1));
        if request.waiting.get() == 0 {
            if let Some(controller) = &request.controller {
                controller.abort();
            }
            requests.remove(url);
        }
    });
}

/// Fetches `url` bypassing the visit cache (the statistics are polled). The
/// request is aborted if the view that asked for it goes away.
pub async fn fetch_uncached(document: &str, url: &str, limit_bytes: usize) -> Result<String, DocError> {
    let controller = web_sys::AbortController::new().ok();
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || {
        if let Some(controller) = on_leave.take() {
            controller.abort();
        }
    });
    fetch_with(document, url, limit_bytes, controller).await
}

/// One request: status checked, size limited, given up after the time limit.
/// `controller`, when given, can abort it from outside.
async fn fetch_with(
    document: &str,
    url: &str,
    limit_bytes: usize,
    controller: Option<web_sys::AbortController>,
) -> Result<String, DocError> {
    let fail = |problem| DocError::new(document, problem);
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
    let outcome = async {
        let response = Request::get(url).abort_signal(signal.as_ref()).send().await.map_err(|error| {
            if timed_out.get() {
                fail(Problem::Timeout { seconds })
            } else {
                fail(Problem::Network(error.to_string()))
            }
        })?;
        let announced = response.headers().get("content-length");
        if let Some(problem) = Problem::of_answer(response.status(), announced.as_deref(), limit_bytes) {
            return Err(fail(problem));
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
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&error.english().into());
    // Natively (the prerender) there is no console: it reports failures itself.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = error;
}
