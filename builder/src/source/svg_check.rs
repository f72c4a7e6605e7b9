//! SVG photos: accepted only when they are drawings and nothing else.
//!
//! An SVG shown through `<img>` cannot run script, but the same file opened
//! at its own address (`/data/anh/x.svg`) is a document of the site's origin
//! and can. The article allow-list (core::html_policy) drops `<svg>` whole,
//! so it cannot vet one; rather than copy an SVG through a second, looser
//! list, the builder refuses any SVG that holds more than shapes and text:
//! no script, style, foreign objects, links, event handlers or entities.

/// Elements a drawing needs (the stand-in pictures use `svg`, `rect`, `g`, `text`).
const DRAWING: &[&str] = &[
    "svg",
    "g",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "path",
    "text",
    "tspan",
    "title",
    "desc",
    "defs",
    "lineargradient",
    "radialgradient",
    "stop",
    "clippath",
];

/// The SVG's width and height (attributes, or else its `viewBox`), if it is
/// only a drawing; otherwise what it holds that is refused.
pub fn checked_size(text: &str) -> Result<(u32, u32), String> {
    let mut root: Option<&str> = None;
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.split_once("-->").map(|(_, after)| after).ok_or("an unclosed comment")?;
            continue;
        }
        let end = rest.find('>').ok_or("an unclosed tag")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') {
            continue; // the XML declaration
        }
        if tag.starts_with('!') {
            return Err("a DOCTYPE, entity or CDATA section is refused in SVG photos".into());
        }
        let tag = tag.trim_start_matches('/').trim_end_matches('/');
        let name = tag.split(|c: char| c.is_whitespace()).next().unwrap_or("").to_ascii_lowercase();
        if !DRAWING.contains(&name.as_str()) {
            return Err(format!("<{name}> is refused in SVG photos (only shapes and text are accepted)"));
        }
        check_attributes(tag)?;
        if name == "svg" && root.is_none() {
            root = Some(tag);
        }
    }
    let root = root.ok_or("not an SVG image")?;
    let number = |name: &str| attribute(root, name).and_then(|v| v.trim_end_matches("px").parse::<f64>().ok());
    let size = match (number("width"), number("height")) {
        (Some(width), Some(height)) => Some((width, height)),
        _ => attribute(root, "viewBox").and_then(|view| {
            let parts: Vec<f64> = view.split([' ', ',']).filter_map(|p| p.parse().ok()).collect();
            (parts.len() == 4).then(|| (parts[2], parts[3]))
        }),
    };
    match size {
        Some((width, height)) if width >= 1.0 && height >= 1.0 => Ok((width.round() as u32, height.round() as u32)),
        _ => Err("an SVG photo needs width and height (or a viewBox)".into()),
    }
}

fn check_attributes(tag: &str) -> Result<(), String> {
    for (name, value) in attributes(tag) {
        if name.starts_with("on") || name.contains("href") || name == "style" {
            return Err(format!("the attribute {name} is refused in SVG photos"));
        }
        let value = value.to_ascii_lowercase();
        if value.contains("javascript:") || value.contains("url(") {
            return Err("URLs are refused inside SVG photos".into());
        }
    }
    Ok(())
}

/// The attributes of a tag's text (`rect x="1" fill='red'`), names lower-cased.
fn attributes(tag: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let mut rest = tag.split_once(char::is_whitespace).map_or("", |(_, rest)| rest);
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return out;
        }
        let name_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (found, remainder) = match after.chars().next() {
                Some(quote @ ('"' | '\'')) => after[1..].split_once(quote).unwrap_or((&after[1..], "")),
                _ => after.split_once(char::is_whitespace).unwrap_or((after, "")),
            };
            value = found;
            rest = remainder;
        }
        out.push((name, value));
    }
}

/// The value of attribute `name` in a tag's text.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    attributes(tag).into_iter().find(|(found, _)| found.eq_ignore_ascii_case(name)).map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stand_in_pictures_are_drawings_with_their_size() {
        let stand_in = include_str!("../../../content/anh/1019-1.svg");
        assert_eq!(checked_size(stand_in), Ok((640, 427)));
        let view_box = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80"><path d="M0 0"/></svg>"#;
        assert_eq!(checked_size(view_box), Ok((120, 80)));
    }

    #[test]
    fn script_handlers_links_foreign_objects_and_entities_are_refused() {
        for bad in [
            r#"<svg width="1" height="1"><script>alert(1)</script></svg>"#,
            r#"<svg width="1" height="1" onload="alert(1)"></svg>"#,
            r#"<svg width="1" height="1"><a href="javascript:alert(1)"><rect/></a></svg>"#,
            r#"<svg width="1" height="1"><foreignObject><p>x</p></foreignObject></svg>"#,
            r#"<!DOCTYPE svg [<!ENTITY x "y">]><svg width="1" height="1"></svg>"#,
            r#"<svg width="1" height="1"><rect fill="url(https://a.vn/x)"/></svg>"#,
            r#"<svg width="1" height="1"><rect STYLE="fill:red"/></svg>"#,
        ] {
            assert!(checked_size(bad).is_err(), "{bad}");
        }
        assert!(checked_size("<svg>").is_err(), "no size");
    }
}
