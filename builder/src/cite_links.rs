//! Links from an article's text to the legal documents it names: "Kế
//! hoạch số 65/KH-UBND" in a body becomes a link to the registry's page of
//! 65/KH-UBND, when the registry holds that number once.
//!
//! Done on the body's HTML as the builder made it (pulldown-cmark's output,
//! through the allow-list), in text only: never inside a tag, and never
//! inside a link the writer made, whose text must stay as written.

use portal_core::doc_number::{fold_number, numbers_in_text};
use std::collections::HashMap;

/// The folded numbers `text` names, each once, in order.
pub fn cited_numbers(text: &str) -> Vec<String> {
    let mut numbers: Vec<String> = Vec::new();
    for (_, number) in numbers_in_text(text) {
        let folded = fold_number(number);
        if !numbers.contains(&folded) {
            numbers.push(folded);
        }
    }
    numbers
}

/// `html` with each number of `links` (folded number → href) wrapped in a
/// link, outside tags and existing links.
pub fn link_numbers(html: &str, links: &HashMap<&str, String>) -> String {
    if links.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut in_link = 0_usize;
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(tag_body) = rest.strip_prefix('<') {
            let end = tag_body.find('>').map_or(rest.len(), |at| at + 2);
            let tag = &rest[..end];
            if tag.starts_with("<a ") || tag == "<a>" {
                in_link += 1;
            } else if tag.starts_with("</a") {
                in_link = in_link.saturating_sub(1);
            }
            out.push_str(tag);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        if in_link > 0 {
            out.push_str(text);
        } else {
            let mut written = 0;
            for (range, number) in numbers_in_text(text) {
                if let Some(href) = links.get(fold_number(number).as_str()) {
                    out.push_str(&text[written..range.start]);
                    out.push_str(&format!("<a href=\"{}\">{number}</a>", href.replace('"', "&quot;")));
                    written = range.end;
                }
            }
            out.push_str(&text[written..]);
        }
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_the_registry_holds_becomes_a_link_in_text_only() {
        let links = HashMap::from([("65-kh-ubnd", "../../van-ban/a/ke-hoach".to_string())]);
        let html = "<p>Thực hiện Kế hoạch số 65/KH-UBND ngày 28/3/2023 và 12/QĐ-UBND.</p>\
                    <p><a href=\"x\">65/KH-UBND</a> <img alt=\"65/KH-UBND\" src=\"a.svg\"></p>";
        let linked = link_numbers(html, &links);
        assert_eq!(
            linked,
            "<p>Thực hiện Kế hoạch số <a href=\"../../van-ban/a/ke-hoach\">65/KH-UBND</a> ngày 28/3/2023 và 12/QĐ-UBND.</p>\
             <p><a href=\"x\">65/KH-UBND</a> <img alt=\"65/KH-UBND\" src=\"a.svg\"></p>"
        );
        assert_eq!(link_numbers(html, &HashMap::new()), html);
    }

    #[test]
    fn the_numbers_an_article_names_are_folded_once() {
        assert_eq!(
            cited_numbers("Kế hoạch 65/KH-UBND; lại 65/KH-UBND và 42/2022/NĐ-CP"),
            ["65-kh-ubnd", "42-2022-nd-cp"]
        );
    }
}
