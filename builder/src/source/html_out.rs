//! The builder's HTML, written only through the portal's one allow-list
//! (`portal_core::html_policy`, which the browser's and the prerender's
//! sanitisers apply too): an element the policy does not keep is never
//! opened, an attribute it does not allow is never written, and a URL it
//! calls unsafe never reaches an `href` or `src`. Text is always escaped.

use portal_core::html_policy::{allowed_attribute, is_url_attribute, safe_url, tag_rule, TagRule};

#[derive(Default)]
pub struct HtmlOut {
    pub html: String,
}

impl HtmlOut {
    /// Opens `tag` with the allowed ones of `attributes`; `false` (and
    /// nothing written) when the policy does not keep the element.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) -> bool {
        if tag_rule(tag) != TagRule::Keep {
            return false;
        }
        self.html.push('<');
        self.html.push_str(tag);
        for (name, value) in attributes {
            let url_refused = is_url_attribute(name) && !safe_url(value);
            // An empty attribute says nothing, except `alt=""` (a decorative image).
            let empty = value.is_empty() && *name != "alt";
            if allowed_attribute(tag, name) && !url_refused && !empty {
                self.html.push(' ');
                self.html.push_str(name);
                self.html.push_str("=\"");
                self.html.push_str(&escape(value));
                self.html.push('"');
            }
        }
        self.html.push('>');
        true
    }

    pub fn close(&mut self, tag: &str) {
        if tag_rule(tag) == TagRule::Keep {
            self.html.push_str("</");
            self.html.push_str(tag);
            self.html.push('>');
        }
    }

    pub fn text(&mut self, text: &str) {
        self.html.push_str(&escape(text));
    }

    /// A line break between blocks, as the documents have always had them.
    pub fn newline(&mut self) {
        self.html.push('\n');
    }
}

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_attributes_and_urls_outside_the_policy_never_get_out() {
        let mut out = HtmlOut::default();
        assert!(!out.open("script", &[]));
        assert!(out.open("a", &[("href", "javascript:alert(1)"), ("onclick", "x()"), ("title", "a\"b")]));
        out.text("<b>");
        out.close("a");
        out.close("script");
        assert_eq!(out.html, "<a title=\"a&quot;b\">&lt;b&gt;</a>");
    }
}
