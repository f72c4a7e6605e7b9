//! The allow-list for article HTML: which elements, attributes and URLs may
//! reach the page. The browser's own parser builds the tree (`sanitize.rs`);
//! these rules decide what of it is kept.
//!
//! Anything not listed is refused: unknown elements are unwrapped (their text
//! stays), dangerous ones are dropped with their content, attributes not listed
//! are dropped, and so are URLs whose scheme could run script.

/// What to do with an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagRule {
    /// Keep the element with its allowed attributes.
    Keep,
    /// Drop the element but keep its children (e.g. `<div>`, `<span>`, `<font>`).
    Unwrap,
    /// Drop the element and everything inside it.
    Drop,
}

/// Elements real articles use: text structure, lists, tables, figures, links.
const KEPT: &[&str] = &[
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "blockquote",
    "q",
    "cite",
    "abbr",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "img",
    "a",
];

/// Elements whose content is code, a foreign document or a form, never text to read.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "template",
    "noscript",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "link",
    "meta",
    "base",
    "title",
    "head",
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "portal",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
];

/// The rule for an element, by its lower-case tag name.
pub fn tag_rule(tag: &str) -> TagRule {
    if KEPT.contains(&tag) {
        TagRule::Keep
    } else if DROPPED.contains(&tag) {
        TagRule::Drop
    } else {
        TagRule::Unwrap
    }
}

/// Whether `attribute` (lower-case) may stay on `tag`. No `on*` handler, no
/// `style` (it can load URLs), no `id` or `class` (they could mimic the page).
pub fn allowed_attribute(tag: &str, attribute: &str) -> bool {
    matches!(
        (tag, attribute),
        (_, "title" | "lang" | "dir")
            | ("a", "href")
            | ("img", "src" | "alt" | "width" | "height")
            | ("td" | "th", "colspan" | "rowspan" | "scope")
            | ("ol", "start" | "reversed")
            | ("blockquote" | "q", "cite")
    )
}

/// Whether the attribute holds a URL that must pass [`safe_url`].
pub fn is_url_attribute(attribute: &str) -> bool {
    matches!(attribute, "href" | "src" | "cite")
}

/// Whether a URL may be followed or loaded: relative URLs, and the schemes
/// http, https, mailto and tel. Browsers ignore tabs, newlines and leading
/// control characters in schemes (`java\tscript:`), so they are removed first.
pub fn safe_url(value: &str) -> bool {
    let cleaned: String = value.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    let lower = cleaned.to_ascii_lowercase();
    match lower.find(':') {
        // A colon after the first '/', '?' or '#' is part of a relative path.
        Some(colon) if !lower[..colon].contains(['/', '?', '#']) => {
            matches!(&lower[..colon], "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

/// Whether `href` leads off the site whose origin is `site_origin`
/// ("https://host:port"), so the link opens in a new tab without opener.
pub fn is_external_link(href: &str, site_origin: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    let absolute = lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//");
    absolute
        && !(lower == site_origin.to_ascii_lowercase()
            || lower.starts_with(&format!("{}/", site_origin.to_ascii_lowercase())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_carriers_are_dropped_and_wrappers_unwrapped() {
        for tag in ["script", "iframe", "object", "style", "svg", "math", "template", "embed", "form"] {
            assert_eq!(tag_rule(tag), TagRule::Drop, "{tag}");
        }
        for tag in ["div", "span", "font", "center", "section", "article", "custom-element"] {
            assert_eq!(tag_rule(tag), TagRule::Unwrap, "{tag}");
        }
        for tag in ["p", "figure", "figcaption", "img", "a", "table", "td", "h2", "ul", "li"] {
            assert_eq!(tag_rule(tag), TagRule::Keep, "{tag}");
        }
    }

    #[test]
    fn handlers_and_styles_never_pass() {
        for attribute in ["onerror", "onclick", "onload", "style", "srcset", "formaction", "id", "class"] {
            assert!(!allowed_attribute("img", attribute), "{attribute}");
            assert!(!allowed_attribute("a", attribute), "{attribute}");
        }
        assert!(allowed_attribute("img", "src"));
        assert!(allowed_attribute("a", "href"));
        assert!(!allowed_attribute("p", "href"));
    }

    #[test]
    fn script_urls_are_refused_in_all_their_disguises() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "file:///etc/passwd",
        ] {
            assert!(!safe_url(url), "{url:?}");
        }
    }

    #[test]
    fn ordinary_urls_pass() {
        for url in [
            "https://skhcn.quangtri.gov.vn/a",
            "http://x.vn",
            "/tin/1",
            "anh/a.svg",
            "../b",
            "?q=1",
            "#p",
            "mailto:a@b.vn",
            "tel:02333550382",
            "a/b:c",
        ] {
            assert!(safe_url(url), "{url:?}");
        }
    }

    #[test]
    fn external_links_are_recognised() {
        let site = "https://portal.example.vn";
        assert!(is_external_link("https://facebook.com/x", site));
        assert!(is_external_link("//cdn.vn/x", site));
        assert!(!is_external_link("https://portal.example.vn/tin/1", site));
        assert!(!is_external_link("/tin/1", site));
        assert!(is_external_link("https://portal.example.vn.evil.vn/", site));
    }
}
