//! Article HTML made safe: the browser's own parser (`DOMParser`, which never
//! runs scripts) builds the tree, and only what `core::html_policy` allows is
//! rebuilt, element by element, into fresh nodes of the page's document.
//!
//! Nothing is serialised and parsed again, so no markup can change meaning on
//! the way ("mutation XSS").

use crate::core::html_policy::{allowed_attribute, is_external_link, is_url_attribute, safe_url, tag_rule, TagRule};
use crate::core::url::resolve;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, DomParser, Element, Node, SupportedType};

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
    let parsed = DomParser::new().and_then(|parser| parser.parse_from_string(html, SupportedType::TextHtml));
    if let Ok(parsed) = parsed {
        if let Some(body) = parsed.body() {
            copy_children(&body, &fragment, &context);
        }
    }
    fragment
}

fn copy_children(from: &Node, into: &Node, context: &Context<'_>) {
    let children = from.child_nodes();
    for index in 0..children.length() {
        let Some(child) = children.item(index) else { continue };
        match child.node_type() {
            Node::TEXT_NODE => {
                let text = context.target.create_text_node(&child.text_content().unwrap_or_default());
                let _ = into.append_child(&text);
            }
            Node::ELEMENT_NODE => {
                if let Ok(element) = child.dyn_into::<Element>() {
                    copy_element(&element, into, context);
                }
            }
            // Comments, processing instructions and the rest carry nothing to read.
            _ => {}
        }
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
