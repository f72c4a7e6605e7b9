//! Article HTML made safe: the browser's own parser builds the tree inside a
//! `<template>` (whose content is inert: no script runs, no image loads), and
//! only what `core::html_policy` allows is rebuilt, element by element, into
//! fresh nodes of the page's document.
//!
//! Nothing is serialised and parsed again, so no markup can change meaning on
//! the way ("mutation XSS").
//!
//! The parsed markup must not be able to change what this code sees ("DOM
//! clobbering"). A `<form>` lets the controls inside it shadow its own
//! properties: `<form><input name=namespaceURI>` makes `form.namespaceURI` an
//! element, and reading it as a string once trapped the wasm and killed the
//! app. A parsed `Document` lets `<img name=body>` shadow `document.body`. So:
//! - no parsed `Document` is used: the template's content is a fragment;
//! - every node is classified by `instanceof` (its prototype chain, which
//!   markup cannot change) before any of its properties is read, and a form
//!   is dropped right there, unread;
//! - a node's siblings are reached through its parent's `childNodes`, never
//!   through the node's own `nextSibling`; only forms and documents can be
//!   clobbered, and no parent here is either.

use crate::core::html_policy::{allowed_attribute, is_external_link, is_url_attribute, safe_url, tag_rule, TagRule};
use crate::core::url::resolve;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Element, HtmlFormElement, HtmlTemplateElement, Node, Text};

/// Where the HTML came from and where it goes.
struct Context<'a> {
    target: &'a Document,
    /// Relative URLs in the HTML resolve against the document it came in.
    document_url: &'a str,
    site_origin: &'a str,
}

/// Parses `html` (found in the document at `document_url`) and returns the
/// safe part of it as a fragment of `target`.
pub fn sanitize(html: &str, document_url: &str, target: &Document, site_origin: &str) -> DocumentFragment {
    let context = Context { target, document_url, site_origin };
    let fragment = target.create_document_fragment();
    let template = target.create_element("template").ok().and_then(|e| e.dyn_into::<HtmlTemplateElement>().ok());
    if let Some(template) = template {
        template.set_inner_html(html);
        copy_children(&template.content(), &fragment, &context);
    }
    fragment
}

/// `from` is the template's content or an element already known not to be a
/// form, so its `childNodes` is its own.
fn copy_children(from: &Node, into: &Node, context: &Context<'_>) {
    let children = from.child_nodes();
    for index in 0..children.length() {
        let Some(child) = children.item(index) else { continue };
        if let Some(text) = child.dyn_ref::<Text>() {
            let _ = into.append_child(&context.target.create_text_node(&text.data()));
        } else if child.is_instance_of::<HtmlFormElement>() {
            // A form carries nothing to read, and its properties can lie.
        } else if let Some(element) = child.dyn_ref::<Element>() {
            copy_element(element, into, context);
        }
        // Comments, processing instructions and the rest carry nothing to read.
    }
}

fn copy_element(source: &Element, into: &Node, context: &Context<'_>) {
    let tag = source.local_name().to_ascii_lowercase();
    // Only HTML elements: an <svg> or <math> subtree is dropped as a whole.
    let is_html = source.namespace_uri().as_deref() == Some("http://www.w3.org/1999/xhtml");
    match (is_html, tag_rule(&tag)) {
        (false, _) | (_, TagRule::Drop) => {}
        (true, TagRule::Unwrap) => copy_children(source, into, context),
        (true, TagRule::Keep) => {
            let Ok(copy) = context.target.create_element(&tag) else { return };
            for name in source.get_attribute_names().iter().filter_map(|name| name.as_string()) {
                let name = name.to_ascii_lowercase();
                let Some(value) = source.get_attribute(&name) else { continue };
                if !allowed_attribute(&tag, &name) {
                    continue;
                }
                if !is_url_attribute(&name) {
                    let _ = copy.set_attribute(&name, &value);
                } else if safe_url(&value) {
                    let _ = copy.set_attribute(&name, &resolve(context.document_url, &value));
                }
            }
            decorate(&tag, &copy, context.site_origin);
            copy_children(source, &copy, context);
            let _ = into.append_child(&copy);
        }
    }
}

/// Adds what the portal wants on kept elements: lazy images, safe external links.
fn decorate(tag: &str, element: &Element, site_origin: &str) {
    match tag {
        "img" => {
            let _ = element.set_attribute("loading", "lazy");
            let _ = element.set_attribute("decoding", "async");
        }
        "a" => {
            let external = element.get_attribute("href").is_some_and(|href| is_external_link(&href, site_origin));
            if external {
                let _ = element.set_attribute("target", "_blank");
                let _ = element.set_attribute("rel", "noopener noreferrer");
            }
        }
        _ => {}
    }
}
