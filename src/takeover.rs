//! Taking over a prerendered page. The prerender embeds, after the page, each
//! document the page was drawn from (`<script type="application/json"
//! data-tai-lieu="data/tin/1019.json">`). Handing them to the net layer
//! before mounting lets every view draw at once from them: the app replaces
//! the prerendered markup with the same markup in one task, so nothing
//! blinks or moves, and nothing is fetched twice.
//! Documents marked `data-co-the-cu` may be older than the site's copy; they
//! are forgotten once the page is drawn (`net::forget_preloaded`), as are
//! those marked `data-khong-co`, which the page was drawn without (not
//! found then): asking for them again would show a placeholder in between.
//!
//! A prerendered page is taken over when the reader first reaches for it
//! (`when_reached`), not at load.

mod place;
mod when_reached;

pub use place::prerendered_markup;

use crate::context::{load_portal, set_taking_over_prerendered_page, site_root, Portal};
use crate::core::url::resolve;
use crate::net;
use crate::parts;
use leptos::prelude::{document, set_timeout, window};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Starts the app: reads config.json, then, on a prerendered page, reports
/// the page view and waits for the reader to reach for the page before
/// `mount` draws the app over it; on the app shell (an address with no page
/// of its own) or an address whose query the prerender did not draw (a
/// search's words, a week asked by a form sent before the app ran), at once.
pub fn start(mount: impl FnOnce(Portal) + 'static) {
    // config.json is read before mounting, so this runs on the browser's own
    // microtask queue: leptos's executor is set up by mounting itself.
    wasm_bindgen_futures::spawn_local(async move {
        // Each step in a task of its own, none of them long (50 ms on
        // Lighthouse's phone, 4x slower than this machine): the wasm's start,
        // each embedded document read, the address read, config.json asked
        // for, and what follows its answer. Most of each step's time is the
        // browser compiling the code it calls for the first time.
        next_task().await;
        let prerendered = preload_embedded_documents(&site_root()).await;
        set_taking_over_prerendered_page(prerendered);
        next_task().await;
        // The part of the wasm that draws this address, if it is in one
        // (src/parts.rs): the app draws the page only once it can do so at
        // once. Where the page must be drawn now, it loads beside
        // config.json; over a whole prerendered page, at the reader's first
        // sign, with the takeover: loaded at start, its compiling cost the
        // schedule's page 50-130 ms more of Lighthouse's blocking time.
        let address = parts::path_in_site(&window().location().href().unwrap_or_default()).unwrap_or_default();
        let page_is_whole = prerendered && window().location().search().unwrap_or_default().is_empty();
        next_task().await;
        let part_now = async { page_is_whole || parts::load_part_for(&address).await };
        let (portal, part_loaded) = futures::future::join(load_portal(), part_now).await;
        next_task().await;
        if page_is_whole {
            crate::components::visitor_widget::report_view_at_load(&portal);
        }
        if prerendered && !part_loaded {
            leave_the_page_as_written();
            return;
        }
        let take_over = move || {
            place::replace_page(page_is_whole, move || mount(portal));
            parts::load_parts_on_intent();
            // After the first effects: the documents embedded for this page
            // only have drawn it; the views opened later fetch their own.
            set_timeout(net::forget_preloaded, Duration::ZERO);
        };
        if page_is_whole {
            // In a microtask after the reader's event (the part, when loaded
            // already or not needed, at once): before a key's default action
            // moves the focus, and before an early click is handed on.
            when_reached::take_over_when_reached(move || {
                wasm_bindgen_futures::spawn_local(async move {
                    if parts::load_part_for(&address).await {
                        take_over();
                    } else {
                        leave_the_page_as_written();
                    }
                });
            });
        } else {
            take_over();
        }
    });
}

/// The part of the app that draws a prerendered page did not load: the page
/// stays as the prerender wrote it, its links plain links, rather than a
/// message where its text was.
fn leave_the_page_as_written() {
    leptos::logging::warn!("the part of the app that draws this page did not load: the page is left as it is");
}

/// Resolves in a later task (a timer's), so that the work after it does not
/// lengthen the task that is running.
async fn next_task() {
    let timer = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
}

/// Preloads the documents embedded in the page (then removes them), one a
/// task; whether there were any, i.e. whether the page was prerendered.
async fn preload_embedded_documents(site_root: &str) -> bool {
    let Ok(embedded) = document().query_selector_all("script[data-tai-lieu]") else { return false };
    for index in 0..embedded.length() {
        let Some(element) = embedded.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        if let (Some(url), Some(text)) = (element.get_attribute("data-tai-lieu"), element.text_content()) {
            let url = resolve(site_root, &url);
            if element.has_attribute("data-khong-co") {
                net::preload_absent(&url);
            } else {
                // `data-co-the-cu`: the page was not redrawn when only parts of
                // this document it does not show changed; it serves this drawing
                // only, and the views opened later fetch it afresh.
                let for_this_page_only = element.has_attribute("data-co-the-cu");
                net::preload(&url, Rc::from(text), for_this_page_only);
            }
        }
        element.remove();
        next_task().await;
    }
    embedded.length() > 0
}
