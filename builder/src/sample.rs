//! Reads the hand-written sources of the shipped sample (`content/`): the
//! categories and the articles, in a small text format meant for people.
//!
//! A file is a series of records. A record starts with `=== key`, then
//! `field: value` lines up to the first blank line, then (articles only) the
//! body up to the next record. Lines starting with `#` before the first record
//! are comments. The body is blocks separated by blank lines: `## ` and `### `
//! headings, lines of `- ` (bulleted) or `1. ` (numbered) items, lines of
//! `| a | b |` (a table, first row the header), `[[anh NAME WxH]] caption` (a
//! figure, image `anh/NAME.svg`), and anything else is a paragraph.

use super::blocks::{Block, Figure};
use super::model::{Archive, ArticleDef, CategoryDef, Labels};
use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// The categories file, relative to the content folder.
pub const CATEGORIES_FILE: &str = "chuyen-muc.txt";
/// The folder of article files (`*.txt`, read in name order).
pub const ARTICLES_DIR: &str = "bai-viet";

/// Reads the whole sample from the content folder.
pub fn load_sample(content_dir: &Path) -> Result<Archive, String> {
    let read = |path: &Path| fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let categories = parse_categories(&read(&content_dir.join(CATEGORIES_FILE))?)?;
    let mut files: Vec<_> = fs::read_dir(content_dir.join(ARTICLES_DIR))
        .map_err(|e| format!("{ARTICLES_DIR}: {e}"))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    let mut articles = Vec::new();
    for file in files {
        let name = file.display().to_string();
        articles.extend(parse_articles(&read(&file)?).map_err(|e| format!("{name}: {e}"))?);
    }
    Ok(Archive { labels: sample_labels(), categories, articles })
}

/// The words that mark every list document of the sample as sample content.
pub fn sample_labels() -> Labels {
    Labels {
        latest_title: "Tin mới (nội dung mẫu)".into(),
        title_suffix: " (nội dung mẫu)".into(),
        description: "Nội dung mẫu đi kèm ứng dụng để minh hoạ và kiểm thử. Trừ bài 1019 lấy nguyên văn từ trang \
                      gốc, các bài đều là nội dung mẫu, không phải tin thật."
            .into(),
        categories_title: "Chuyên mục (nội dung mẫu)".into(),
    }
}

struct Record<'t> {
    key: &'t str,
    fields: HashMap<&'t str, &'t str>,
    body: Vec<&'t str>,
}

impl<'t> Record<'t> {
    fn required(&self, field: &str) -> Result<&'t str, String> {
        self.fields.get(field).copied().ok_or_else(|| format!("record {}: missing `{field}`", self.key))
    }

    fn flag(&self, field: &str) -> bool {
        matches!(self.fields.get(field), Some(&"true") | Some(&"yes"))
    }
}

fn records(text: &str) -> Result<Vec<Record<'_>>, String> {
    let mut out: Vec<Record<'_>> = Vec::new();
    let mut in_header = false;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if let Some(key) = line.strip_prefix("=== ") {
            out.push(Record { key: key.trim(), fields: HashMap::new(), body: Vec::new() });
            in_header = true;
            continue;
        }
        let Some(record) = out.last_mut() else {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            return Err(format!("line {}: text before the first `=== ` record", number + 1));
        };
        if in_header {
            if line.is_empty() {
                in_header = false;
            } else {
                let (field, value) =
                    line.split_once(": ").ok_or_else(|| format!("line {}: expected `field: value`", number + 1))?;
                record.fields.insert(field.trim(), value.trim());
            }
        } else {
            record.body.push(line);
        }
    }
    Ok(out)
}

/// Reads the categories file.
pub fn parse_categories(text: &str) -> Result<Vec<CategoryDef>, String> {
    records(text)?
        .into_iter()
        .map(|record| {
            Ok(CategoryDef {
                slug: record.key.to_string(),
                name: record.required("name")?.to_string(),
                section: record.required("section")?.to_string(),
                description: record.required("description")?.to_string(),
                on_home: record.flag("on_home"),
            })
        })
        .collect()
}

/// Reads one file of articles.
pub fn parse_articles(text: &str) -> Result<Vec<ArticleDef>, String> {
    records(text)?
        .into_iter()
        .map(|record| {
            let list = |field: &str, separator: char| -> Vec<String> {
                let value = record.fields.get(field).copied().unwrap_or("");
                value.split(separator).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
            };
            Ok(ArticleDef {
                id: record.key.to_string(),
                title: record.required("title")?.to_string(),
                category: record.required("category")?.to_string(),
                published: record.required("published")?.to_string(),
                modified: record.fields.get("modified").map(|s| s.to_string()),
                summary: record.required("summary")?.to_string(),
                body: parse_body(&record.body).map_err(|e| format!("article {}: {e}", record.key))?,
                related: list("related", ' '),
                source: record.required("source")?.to_string(),
                tags: list("tags", ','),
                featured: record.flag("featured"),
            })
        })
        .collect()
}

/// Reads a body's blocks.
pub fn parse_body(lines: &[&str]) -> Result<Vec<Block>, String> {
    let mut blocks = Vec::new();
    for chunk in lines.split(|line| line.trim().is_empty()).filter(|chunk| !chunk.is_empty()) {
        blocks.push(parse_block(chunk)?);
    }
    Ok(blocks)
}

fn parse_block(lines: &[&str]) -> Result<Block, String> {
    let first = lines[0].trim();
    if let Some(text) = first.strip_prefix("### ") {
        return Ok(Block::Heading { level: 3, text: text.to_string() });
    }
    if let Some(text) = first.strip_prefix("## ") {
        return Ok(Block::Heading { level: 2, text: text.to_string() });
    }
    if let Some(rest) = first.strip_prefix("[[anh ") {
        return parse_figure(rest).ok_or_else(|| format!("bad figure line `{first}`"));
    }
    let all = |test: fn(&str) -> bool| lines.iter().all(|line| test(line.trim()));
    if all(|line| line.starts_with("- ")) {
        let items = lines.iter().map(|line| line.trim()[2..].trim().to_string()).collect();
        return Ok(Block::List { ordered: false, items });
    }
    if all(|line| numbered_item(line).is_some()) {
        let items = lines.iter().filter_map(|line| numbered_item(line.trim())).map(str::to_string).collect();
        return Ok(Block::List { ordered: true, items });
    }
    if all(|line| line.starts_with('|')) {
        let mut rows = lines.iter().map(|line| table_cells(line.trim()));
        let header = rows.next().unwrap_or_default();
        return Ok(Block::Table { header, rows: rows.collect() });
    }
    Ok(Block::Paragraph(lines.iter().map(|line| line.trim()).collect::<Vec<_>>().join(" ")))
}

/// "1. text" → "text".
fn numbered_item(line: &str) -> Option<&str> {
    let (number, text) = line.split_once(". ")?;
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then(|| text.trim())
}

fn table_cells(line: &str) -> Vec<String> {
    line.trim_matches('|').split('|').map(|cell| cell.trim().to_string()).collect()
}

/// "NAME 640x427]] caption".
fn parse_figure(rest: &str) -> Option<Block> {
    let (inside, caption) = rest.split_once("]]")?;
    let (name, size) = inside.trim().split_once(' ')?;
    let (width, height) = size.trim().split_once('x')?;
    Some(Block::Figure(Figure {
        name: name.to_string(),
        width: width.parse().ok()?,
        height: height.parse().ok()?,
        caption: caption.trim().to_string(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_record_reads_its_fields_and_blocks() {
        let text = "# note\n=== 7\ntitle: T\ncategory: c\npublished: 2023-01-02T08:00:00+07:00\nsource: S\n\
                    summary: Lead\nrelated: 1 2\ntags: a, b\nfeatured: yes\n\n## H\n\nline one\nline two\n\n\
                    - x\n- y\n\n1. p\n2. q\n\n| A | B |\n| 1 | 2 |\n\n[[anh f 640x400]] Cap\n";
        let article = parse_articles(text).unwrap().remove(0);
        assert_eq!((article.id.as_str(), article.related.len(), article.tags.len()), ("7", 2, 2));
        assert!(article.featured);
        assert_eq!(article.body[1], Block::Paragraph("line one line two".into()));
        assert!(matches!(&article.body[2], Block::List { ordered: false, items } if items.len() == 2));
        assert!(matches!(&article.body[3], Block::List { ordered: true, .. }));
        assert!(matches!(&article.body[4], Block::Table { rows, .. } if rows[0] == ["1", "2"]));
        assert!(matches!(&article.body[5], Block::Figure(f) if f.width == 640 && f.caption == "Cap"));
    }

    #[test]
    fn missing_fields_and_stray_text_are_reported() {
        assert!(parse_articles("=== 1\ntitle: T\n").unwrap_err().contains("missing `category`"));
        assert!(parse_categories("stray\n=== a\n").is_err());
    }
}
