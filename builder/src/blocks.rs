//! An article body as blocks (paragraphs, headings, lists, tables, figures) and
//! its rendering to the `content_html` the article document carries.

use std::fmt::Write;

/// A photo with its caption; the image file is `anh/{name}.svg`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub name: String,
    pub width: u32,
    pub height: u32,
    pub caption: String,
}

/// One block of an article body. Text is plain; rendering escapes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    /// `level` is 2 or 3: the article title is the page's only `<h1>`.
    Heading {
        level: u8,
        text: String,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    /// The first row is the header row.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Figure(Figure),
}

/// The alt text of every stand-in image: it says what the picture really shows.
pub const STAND_IN_ALT: &str = "Ảnh minh hoạ thay thế (ảnh gốc của bài viết không kèm theo)";

/// Renders blocks as HTML; `image_url` gives each figure's URL as the document
/// that will carry the HTML must write it (relative to that document).
pub fn render_html(blocks: &[Block], image_url: impl Fn(&str) -> String) -> String {
    let mut html = String::new();
    for block in blocks {
        if !html.is_empty() {
            html.push('\n');
        }
        match block {
            Block::Paragraph(text) => tagged(&mut html, "p", text),
            Block::Heading { level, text } => tagged(&mut html, &format!("h{level}"), text),
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                html.push_str(&format!("<{tag}>"));
                items.iter().for_each(|item| tagged(&mut html, "li", item));
                html.push_str(&format!("</{tag}>"));
            }
            Block::Table { header, rows } => {
                html.push_str("<table><thead><tr>");
                header.iter().for_each(|cell| tagged(&mut html, "th", cell));
                html.push_str("</tr></thead><tbody>");
                for row in rows {
                    html.push_str("<tr>");
                    row.iter().for_each(|cell| tagged(&mut html, "td", cell));
                    html.push_str("</tr>");
                }
                html.push_str("</tbody></table>");
            }
            Block::Figure(figure) => {
                let _ = write!(
                    html,
                    r#"<figure><img src="{}" width="{}" height="{}" alt="{}"><figcaption>{}</figcaption></figure>"#,
                    escape(&image_url(&figure.name)),
                    figure.width,
                    figure.height,
                    escape(STAND_IN_ALT),
                    escape(&figure.caption)
                );
            }
        }
    }
    html
}

/// The figures of a body, in order.
pub fn figures(blocks: &[Block]) -> impl Iterator<Item = &Figure> {
    blocks.iter().filter_map(|block| match block {
        Block::Figure(figure) => Some(figure),
        _ => None,
    })
}

fn tagged(html: &mut String, tag: &str, text: &str) {
    let _ = write!(html, "<{tag}>{}</{tag}>", escape(text));
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
    fn text_is_escaped_and_figures_get_their_size() {
        let blocks = vec![
            Block::Paragraph("Sở KH&CN <mới>".into()),
            Block::Figure(Figure { name: "a".into(), width: 640, height: 427, caption: "Ảnh \"1\"".into() }),
        ];
        let html = render_html(&blocks, |name| format!("../anh/{name}.svg"));
        assert!(html.starts_with("<p>Sở KH&amp;CN &lt;mới&gt;</p>\n<figure><img src=\"../anh/a.svg\" width=\"640\""));
        assert!(html.ends_with("<figcaption>Ảnh &quot;1&quot;</figcaption></figure>"));
    }

    #[test]
    fn tables_and_lists_render_their_rows() {
        let blocks = vec![
            Block::List { ordered: true, items: vec!["một".into(), "hai".into()] },
            Block::Table { header: vec!["A".into()], rows: vec![vec!["1".into()]] },
        ];
        let html = render_html(&blocks, |name| name.to_string());
        assert_eq!(
            html,
            "<ol><li>một</li><li>hai</li></ol>\n<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
        );
    }
}
