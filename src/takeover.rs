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

use crate::core::url::resolve;
use crate::net;
use leptos::prelude::document;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Preloads the documents embedded in the page (then removes them); whether
/// there were any, i.e. whether the page was prerendered.
pub fn preload_embedded_documents(site_root: &str) -> bool {
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
    }
    embedded.length() > 0
}
