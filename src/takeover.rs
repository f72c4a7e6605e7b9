//! Taking over a prerendered page. The prerender embeds, after the page, each
//! document the page was drawn from (`<script type="application/json"
//! data-tai-lieu="data/tin/1019.json">`). Handing them to the net layer
//! before mounting lets every view draw at once from them: the app replaces
//! the prerendered markup with the same markup in one task, so nothing
//! blinks or moves, and nothing is fetched twice.

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
            net::preload(&resolve(site_root, &url), Rc::from(text));
        }
        element.remove();
    }
    embedded.length() > 0
}
