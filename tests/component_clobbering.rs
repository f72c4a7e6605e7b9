//! The sanitiser against DOM clobbering: markup that shadows the properties a
//! sanitiser reads (`<form><input name=namespaceURI>` once trapped the wasm).
//! Each vector must come back with its neighbouring paragraphs and without
//! the form, and the sanitiser must return.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::sanitize::sanitize;
use wasm_bindgen_test::*;

mod dom;

use dom::container;

wasm_bindgen_test_configure!(run_in_browser);

/// The properties a DOM walker reads, each a name markup can shadow.
const CLOBBERED: &[&str] = &[
    "namespaceURI",
    "nodeName",
    "tagName",
    "localName",
    "attributes",
    "childNodes",
    "children",
    "firstChild",
    "lastChild",
    "nextSibling",
    "previousSibling",
    "parentNode",
    "nodeType",
    "nodeValue",
    "ownerDocument",
    "textContent",
    "innerHTML",
    "getAttribute",
    "getAttributeNames",
    "hasAttribute",
    "id",
    "name",
    "body",
    "documentElement",
    "content",
];

/// Ways to put an element named `property` where it shadows something.
fn vectors(property: &str) -> Vec<String> {
    vec![
        format!("<form><input name={property}></form>"),
        format!("<form><input id={property}></form>"),
        format!("<form><input name={property}><input name={property}></form>"),
        format!("<form><img name={property}></form>"),
        format!("<form><button name={property}>nút</button><select name={property}></select></form>"),
        format!("<form><fieldset name={property}><textarea name={property}></textarea></fieldset></form>"),
        format!("<form><object name={property}></object><output name={property}></output></form>"),
        format!("<form id={property}><form><input name={property}></form></form>"),
        format!("<form name={property}><input name=namespaceURI></form>"),
        format!("<input form=f name={property}><form id=f></form>"),
        format!("<img name={property}><a id={property}>liên kết</a>"),
        format!("<div><form><input name={property}></form></div>"),
    ]
}

fn clean(html: &str) -> web_sys::HtmlElement {
    let host = container();
    let fragment =
        sanitize(html, "https://portal.example.vn/data/tin/1.json", &document(), "https://portal.example.vn");
    host.append_child(&fragment).unwrap();
    host
}

#[wasm_bindgen_test]
fn clobbering_markup_drops_the_form_and_keeps_its_neighbours() {
    for property in CLOBBERED {
        for vector in vectors(property) {
            let html = format!("<p>Đoạn trước.</p>{vector}<p>Đoạn <b>sau</b>.</p>");
            let host = clean(&html);
            let paragraphs: Vec<String> = (0..host.children().length())
                .filter_map(|i| host.children().item(i))
                .filter(|e| e.local_name() == "p")
                .filter_map(|e| e.text_content())
                .collect();
            assert_eq!(paragraphs, ["Đoạn trước.", "Đoạn sau."], "for {vector}: {}", host.inner_html());
            assert!(host.query_selector("p b").unwrap().is_some(), "markup lost for {vector}: {}", host.inner_html());
            for banned in ["form", "input", "button", "select", "textarea", "object", "output", "fieldset"] {
                assert!(
                    host.query_selector(banned).unwrap().is_none(),
                    "<{banned}> survived {vector}: {}",
                    host.inner_html()
                );
            }
            for attribute in ["[name]", "[id]", "[form]"] {
                assert!(host.query_selector(attribute).unwrap().is_none(), "{attribute} survived {vector}");
            }
            host.remove();
        }
    }
}

#[wasm_bindgen_test]
fn the_page_document_is_not_clobbered_by_kept_elements() {
    // Kept images and links lose name and id, so the page's own document
    // (which leptos reads) cannot be shadowed either.
    let host = clean("<p><img src='a.png' name='body' alt='x'><a id='documentElement' href='/tin/1'>a</a></p>");
    assert!(host.query_selector("img").unwrap().is_some());
    assert!(document().body().is_some_and(|body| body.local_name() == "body"));
    assert!(document().document_element().is_some_and(|html| html.local_name() == "html"));
}
