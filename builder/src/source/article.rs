//! One article file, `content/tin/YYYY/<slug>.md`: YAML front matter
//! between two `---` lines, then the Markdown body (content-sources.md,
//! "Articles"). What needs other files (the category, the related ids, a
//! second article with the same id) is checked by `build.rs`.

use super::datetime::{parse_date_time, DateTime, DATE_TIME_FORMS};
use super::fields::Fields;
use super::markdown::{render_body, Body, BodySource};
use super::media::{image_size, resolve};
use super::problem::{Problem, Report};
use super::yaml;
use std::path::Path;

/// An article as its file says, before it meets the others.
#[derive(Clone, Debug)]
pub struct ArticleSource {
    pub id: String,
    pub title: String,
    pub date: DateTime,
    pub category: String,
    pub summary: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// The lead photo's path from `content/` ("anh/1019-1.svg").
    pub image: Option<String>,
    pub featured: bool,
    pub related: Vec<String>,
    pub body: Body,
    /// Lines of the fields other files are checked against, for messages.
    pub lines: Lines,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Lines {
    pub id: usize,
    pub category: usize,
    pub related: usize,
}

/// Reads the article at `path` (from `content/`, "tin/2023/x.md"), whose
/// text is `text`; `shown` is how messages name the file.
pub fn read_article(content_dir: &Path, path: &str, shown: &str, text: &str) -> (Option<ArticleSource>, Report) {
    let mut report = Report::default();
    let Some(derived_id) = derived_id(path) else {
        let message = "an article is content/tin/YYYY/<name>.md, the name in a-z, 0-9 and '-'";
        report.problems.push(Problem::new(shown, 0, "", message));
        return (None, report);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
    let Some((front, body, body_line)) = split_front_matter(&text) else {
        let message = "no front matter: the file must start with a line `---`, the fields, and another `---`";
        report.problems.push(Problem::new(shown, 1, "", message));
        return (None, report);
    };
    let node = match yaml::parse(front, shown, 2) {
        Ok(node) => node,
        Err(problem) => {
            report.problems.push(problem);
            return (None, report);
        }
    };
    let mut fields = match Fields::of(&node, shown, "", "front matter") {
        Ok(fields) => fields,
        Err(problem) => {
            report.problems.push(problem);
            return (None, report);
        }
    };
    let lines =
        Lines { id: fields.line_of("id"), category: fields.line_of("category"), related: fields.line_of("related") };
    let title = fields.required_text("title");
    let date = fields.required_text("date").and_then(|text| {
        let date = parse_date_time(&text);
        if date.is_none() {
            let line = fields.line_of("date");
            fields.report("date", line, format!("\"{text}\": {DATE_TIME_FORMS}"));
        }
        date
    });
    let category = fields.required_text("category");
    let summary = fields.text("summary");
    let author = fields.text("author");
    let mut tags = fields.text_list("tags");
    dedup_keeping_order(&mut tags);
    let from_dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let image = fields.text("image").and_then(|reference| {
        let checked = resolve(&reference, from_dir, content_dir)
            .and_then(|media| image_size(content_dir, &media).map(|_| media.path));
        checked.map_err(|why| fields.report("image", fields.line_of("image"), why)).ok()
    });
    let featured = fields.flag("featured");
    let related = fields.text_list("related");
    let id = match fields.text("id") {
        Some(id) if valid_id(&id) => id,
        Some(id) => {
            let message = format!("\"{id}\": an id uses letters, digits, '-' and '_', starting with a letter or digit");
            fields.report("id", lines.id, message);
            id
        }
        None => derived_id,
    };
    report.problems.extend(fields.finish());
    let source = BodySource { file: shown, first_line: body_line, from_dir, content_dir };
    let body = render_body(body, &source, &mut report);
    let (Some(title), Some(date), Some(category), true) = (title, date, category, report.is_clean()) else {
        return (None, report);
    };
    let article =
        ArticleSource { id, title, date, category, summary, author, tags, image, featured, related, body, lines };
    (Some(article), report)
}

/// The front matter, the body, and the body's first line in the file.
pub fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix("---\n")?;
    let mut offset = 0;
    for (index, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let body = &rest[offset + line.len()..];
            // Line 1 is the opening `---`, the front matter starts on line 2.
            return Some((&rest[..offset], body, index + 3));
        }
        offset += line.len();
    }
    None
}

/// `tin/2026/hoi-thao.md` → `2026-hoi-thao`; `None` when the path is not
/// `tin/YYYY/<name>.md`.
pub fn derived_id(path: &str) -> Option<String> {
    let rest = path.strip_prefix("tin/")?.strip_suffix(".md")?;
    let (year, name) = rest.split_once('/')?;
    let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let name_ok = !name.is_empty()
        && !name.starts_with('-')
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    (year_ok && name_ok).then(|| format!("{year}-{name}"))
}

fn valid_id(id: &str) -> bool {
    id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn dedup_keeping_order(items: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|item| seen.insert(item.clone()));
}
