//! Article HTML made safe natively, by the allow-list the browser build uses
//! (`portal::core::html_policy`): a real HTML5 parser builds the tree, and
//! only what the policy keeps is written back out, escaped.

use portal::core::html_policy::{allowed_attribute, is_external_link, is_url_attribute, safe_url, tag_rule, TagRule};
use portal::core::url::resolve;
use scraper::{ElementRef, Html, Node};
use std::fmt::Write;

/// The safe part of `html` (found in the document at `document_url`), as
/// markup for the page of the site at `site_origin`.
pub fn sanitize(html: &str, document_url: &str, site_origin: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut out = String::with_capacity(html.len());
    copy_children(fragment.root_element(), &mut out, document_url, site_origin);
    out
}

fn copy_children(parent: ElementRef<'_>, out: &mut String, document_url: &str, site_origin: &str) {
    for child in parent.children() {
        match child.value() {
            Node::Text(text) => escape_into(out, text, false),
            Node::Element(_) => {
                if let Some(element) = ElementRef::wrap(child) {
                    copy_element(element, out, document_url, site_origin);
                }
            }
            // Comments, doctypes and processing instructions carry nothing to read.
            _ => {}
        }
    }
}

fn copy_element(source: ElementRef<'_>, out: &mut String, document_url: &str, site_origin: &str) {
    let element = source.value();
    // Only HTML elements: an <svg> or <math> subtree is dropped as a whole.
    let is_html = &*element.name.ns == "http://www.w3.org/1999/xhtml";
    let tag = element.name().to_ascii_lowercase();
    match (is_html, tag_rule(&tag)) {
        (false, _) | (_, TagRule::Drop) => {}
        (true, TagRule::Unwrap) => copy_children(source, out, document_url, site_origin),
        (true, TagRule::Keep) => {
            let _ = write!(out, "<{tag}");
            let mut href = None;
            for (name, value) in element.attrs() {
                let name = name.to_ascii_lowercase();
                if !allowed_attribute(&tag, &name) {
                    continue;
                }
                let value = if !is_url_attribute(&name) {
                    value.to_string()
                } else if safe_url(value) {
                    let absolute = resolve(document_url, value);
                    if name == "href" {
                        href = Some(absolute.clone());
                    }
                    // The site's own files by path, so the page works on any
                    // host that serves it (a test server, a staging copy).
                    match absolute.strip_prefix(site_origin) {
                        Some(path) if path.starts_with('/') && !site_origin.is_empty() => path.to_string(),
                        _ => absolute,
                    }
                } else {
                    continue;
                };
                attribute_into(out, &name, &value);
            }
            match tag.as_str() {
                "img" => {
                    attribute_into(out, "loading", "lazy");
                    attribute_into(out, "decoding", "async");
                }
                "a" if href.is_some_and(|href| is_external_link(&href, site_origin)) => {
                    attribute_into(out, "target", "_blank");
                    attribute_into(out, "rel", "noopener noreferrer");
                }
                _ => {}
            }
            out.push('>');
            if !is_void(&tag) {
                copy_children(source, out, document_url, site_origin);
                let _ = write!(out, "</{tag}>");
            }
        }
    }
}

fn is_void(tag: &str) -> bool {
    matches!(tag, "br" | "hr" | "img")
}

fn attribute_into(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}=\"");
    escape_into(out, value, true);
    out.push('"');
}

/// Escapes text for an HTML text node, or for a quoted attribute value.
pub fn escape_into(out: &mut String, text: &str, in_attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// `text` escaped for HTML.
pub fn escape(text: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, in_attribute);
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    const DOC: &str = "https://portal.example.vn/data/tin/1.json";
    const ORIGIN: &str = "https://portal.example.vn";

    #[test]
    fn script_vectors_leave_nothing_that_can_run() {
        let html = sanitize(
            "<script>alert(1)</script><img src=x onerror=alert(1)><svg><script>alert(1)</script></svg>\
             <a href='java&#x0A;script:alert(1)'>x</a><iframe srcdoc='x'></iframe><p onclick='a()' id=y>đoạn</p>\
             <form><input name=namespaceURI></form><div style='x'>kiểu</div><template><b>t</b></template>",
            DOC,
            ORIGIN,
        )
        .to_ascii_lowercase();
        for banned in [
            "<script",
            "<svg",
            "<iframe",
            "<form",
            "<input",
            "<template",
            "onerror",
            "onclick",
            "javascript",
            "id=",
            "style=",
        ] {
            assert!(!html.contains(banned), "`{banned}` survived in {html}");
        }
        assert!(html.contains("<p>đoạn</p>") && html.contains("kiểu"), "{html}");
    }

    #[test]
    fn article_markup_is_kept_escaped_and_resolved() {
        let html = sanitize(
            "<p>A &lt;b&gt; &amp; \"q\"</p><figure><img src='../anh/a.svg' alt='ả \"x\"' width=640></figure>\
             <a href='https://example.org/'>ngoài</a><a href='/tin/2'>trong</a><br>",
            DOC,
            ORIGIN,
        );
        assert!(html.contains("<p>A &lt;b&gt; &amp; \"q\"</p>"), "{html}");
        assert!(
            html.contains(
                r#"<img alt="ả &quot;x&quot;" src="/data/anh/a.svg" width="640" loading="lazy" decoding="async">"#
            ),
            "{html}"
        );
        assert!(html.contains(r#"<a href="https://example.org/" target="_blank" rel="noopener noreferrer">ngoài</a>"#));
        assert!(html.contains(r#"<a href="/tin/2">trong</a><br>"#), "{html}");
    }
}
