//! An article body as blocks (paragraphs, headings, lists, tables), written
//! as the Markdown an editor would write: how the synthetic archive makes
//! its articles' sources, so that scale tests go through the same reading
//! and rendering as the office's articles.

/// One block of an article body. Text is plain; writing escapes it.
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
}

/// The blocks as CommonMark with a blank line between blocks.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut parts = Vec::with_capacity(blocks.len());
    for block in blocks {
        parts.push(match block {
            Block::Paragraph(text) => escape(text),
            Block::Heading { level, text } => format!("{} {}", "#".repeat(usize::from(*level)), escape(text)),
            Block::List { ordered, items } => {
                let item = |(n, text): (usize, &String)| match ordered {
                    true => format!("{}. {}", n + 1, escape(text)),
                    false => format!("- {}", escape(text)),
                };
                items.iter().enumerate().map(item).collect::<Vec<_>>().join("\n")
            }
            Block::Table { header, rows } => {
                let row = |cells: &[String]| {
                    format!("| {} |", cells.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | "))
                };
                let mut lines = vec![row(header), format!("|{}", " --- |".repeat(header.len()))];
                lines.extend(rows.iter().map(|cells| row(cells)));
                lines.join("\n")
            }
        });
    }
    parts.join("\n\n") + "\n"
}

/// Plain text as Markdown that reads back as the same text: the characters
/// that would start emphasis, code, links, HTML or a table cell are escaped,
/// and so is a start that would read as a heading, list or quote.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '#') {
            out.push('\\');
        }
        out.push(ch);
    }
    // "2023. Năm …" would start a numbered list: the dot is escaped, as a
    // backslash before a digit is not an escape in CommonMark.
    let marker = out.find(['.', ')']).filter(|&at| at > 0 && out[..at].bytes().all(|b| b.is_ascii_digit()));
    if let Some(at) = marker {
        out.insert(at, '\\');
    } else if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_markdown_with_special_characters_escaped() {
        let blocks = vec![
            Block::Heading { level: 2, text: "Mục tiêu".into() },
            Block::Paragraph("KH&CN <mới> *không* nhấn".into()),
            Block::List { ordered: true, items: vec!["một".into(), "hai".into()] },
            Block::Table { header: vec!["A".into(), "B|C".into()], rows: vec![vec!["1".into(), "2".into()]] },
        ];
        assert_eq!(
            to_markdown(&blocks),
            "## Mục tiêu\n\nKH\\&CN \\<mới\\> \\*không\\* nhấn\n\n1. một\n2. hai\n\n| A | B\\|C |\n| --- | --- |\n| 1 | 2 |\n"
        );
        assert_eq!(escape("2023. Năm"), "2023\\. Năm");
    }
}
