//! An article's body: CommonMark with tables (pulldown-cmark) to the
//! `content_html` of its document, through the allow-list (`html_out.rs`).
//!
//! Why our own walk over pulldown-cmark's events rather than its HTML
//! writer: a photo alone in its paragraph becomes a `<figure>` with its
//! title as the caption, images get their size from the file, media paths
//! become URLs relative to the document, raw HTML is shown as text, and
//! only what the policy keeps is written (content-sources.md, "The body").

use super::html_out::HtmlOut;
use super::media::is_media_reference;
use super::problem::{Problem, Report};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;
use std::path::Path;

/// Where a body comes from, for its paths and its messages.
pub struct BodySource<'c> {
    /// The file's path as messages name it.
    pub file: &'c str,
    /// The file line the body's first line is on.
    pub first_line: usize,
    /// The file's folder from `content/` ("tin/2023"), for relative paths.
    pub from_dir: &'c str,
    pub content_dir: &'c Path,
}

/// A body rendered.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Body {
    pub html: String,
    /// Each figure's caption: the image's URL (as in `html`) and the text.
    pub captions: Vec<(String, String)>,
    /// The body's text, for a list excerpt when the article has no summary.
    pub text: String,
    /// Media files named (paths from `content/`), to be copied into the site.
    pub media: Vec<String>,
}

/// Renders `markdown`; problems and warnings go into `report`.
pub fn render_body(markdown: &str, source: &BodySource<'_>, report: &mut Report) -> Body {
    let events: Vec<(Event<'_>, Range<usize>)> =
        Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter().collect();
    let mut walk = Walk { source, markdown, report, out: HtmlOut::default(), body: Body::default(), links: Vec::new() };
    let mut depth = 0usize;
    let mut index = 0;
    while index < events.len() {
        let (event, range) = &events[index];
        if depth == 0 && !walk.out.html.is_empty() && !matches!(event, Event::End(_)) {
            walk.out.newline();
            walk.body.text.push(' ');
        }
        if let Some(after) = lone_image(&events, index) {
            walk.figure(&events[index + 1..after - 1], range.start);
            index = after + 1;
            continue;
        }
        match event {
            Event::Start(Tag::Image { .. }) => {
                let end = image_end(&events, index);
                walk.inline_image(&events[index..=end], range.start);
                index = end + 1;
                continue;
            }
            Event::Start(tag) => {
                depth += 1;
                walk.start(tag, range.start);
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                walk.end(*tag);
            }
            other => walk.leaf(other, range.start),
        }
        index += 1;
    }
    walk.body.html = walk.out.html;
    walk.body.text = walk.body.text.split_whitespace().collect::<Vec<_>>().join(" ");
    walk.body
}

/// When a paragraph starting at `index` holds one image and nothing else,
/// the index of the paragraph's end.
fn lone_image(events: &[(Event<'_>, Range<usize>)], index: usize) -> Option<usize> {
    let starts = matches!(events[index].0, Event::Start(Tag::Paragraph))
        && matches!(events.get(index + 1), Some((Event::Start(Tag::Image { .. }), _)));
    let end = image_end(events, index + 1);
    (starts && matches!(events.get(end + 1), Some((Event::End(TagEnd::Paragraph), _)))).then_some(end + 1)
}

fn image_end(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    (start..events.len()).find(|&i| matches!(events[i].0, Event::End(TagEnd::Image))).unwrap_or(events.len() - 1)
}

pub(super) struct Walk<'w, 'c> {
    pub(super) source: &'w BodySource<'c>,
    markdown: &'w str,
    report: &'w mut Report,
    pub(super) out: HtmlOut,
    pub(super) body: Body,
    /// Whether each open link was written (an unsafe one is not).
    links: Vec<bool>,
}

impl Walk<'_, '_> {
    fn line(&self, offset: usize) -> usize {
        self.source.first_line + self.markdown[..offset].matches('\n').count()
    }

    pub(super) fn problem(&mut self, offset: usize, message: String) {
        let line = self.line(offset);
        self.report.problems.push(Problem::new(self.source.file, line, "body", message));
    }

    pub(super) fn warn(&mut self, offset: usize, message: &str) {
        let line = self.line(offset);
        self.report.warnings.push(Problem::new(self.source.file, line, "body", message));
    }

    fn start(&mut self, tag: &Tag<'_>, offset: usize) {
        let open: &[&str] = match tag {
            Tag::Paragraph => &["p"],
            Tag::Heading { level, .. } => &[heading(*level)],
            Tag::BlockQuote(_) => &["blockquote"],
            Tag::CodeBlock(_) => &["pre", "code"],
            Tag::List(Some(first)) if *first != 1 => {
                self.out.open("ol", &[("start", &first.to_string())]);
                &[]
            }
            Tag::List(Some(_)) => &["ol"],
            Tag::List(None) => &["ul"],
            Tag::Item => &["li"],
            Tag::Table(_) => &["table"],
            Tag::TableHead => &["thead", "tr"],
            Tag::TableRow => &["tr"],
            Tag::TableCell if self.in_head() => &["th"],
            Tag::TableCell => &["td"],
            Tag::Emphasis => &["em"],
            Tag::Strong => &["strong"],
            Tag::Link { dest_url, title, .. } => {
                let href = self.link_target(dest_url, offset);
                let opened = href.is_some_and(|href| self.out.open("a", &[("href", &href), ("title", title)]));
                self.links.push(opened);
                &[]
            }
            Tag::HtmlBlock => {
                self.warn(offset, "raw HTML is not passed through: it is shown as text");
                &[]
            }
            _ => &[],
        };
        for tag in open {
            self.out.open(tag, &[]);
        }
    }

    /// Whether the walk is inside a table's head row (its cells are `th`).
    fn in_head(&self) -> bool {
        let html = &self.out.html;
        html.rfind("<thead>").is_some_and(|at| !html[at..].contains("</thead>"))
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.out.close("p"),
            TagEnd::Heading(level) => self.out.close(heading(level)),
            TagEnd::BlockQuote(_) => self.out.close("blockquote"),
            TagEnd::CodeBlock => {
                self.out.close("code");
                self.out.close("pre");
            }
            TagEnd::List(true) => self.out.close("ol"),
            TagEnd::List(false) => self.out.close("ul"),
            TagEnd::Item => self.out.close("li"),
            TagEnd::Table => self.out.html.push_str("</tbody></table>"),
            TagEnd::TableHead => self.out.html.push_str("</tr></thead><tbody>"),
            TagEnd::TableRow => self.out.close("tr"),
            TagEnd::TableCell => self.out.close(if self.in_head() { "th" } else { "td" }),
            TagEnd::Emphasis => self.out.close("em"),
            TagEnd::Strong => self.out.close("strong"),
            TagEnd::Link if self.links.pop() == Some(true) => self.out.close("a"),
            _ => {}
        }
    }

    fn leaf(&mut self, event: &Event<'_>, offset: usize) {
        match event {
            Event::Text(text) => {
                self.out.text(text);
                self.body.text.push_str(text);
            }
            Event::Code(code) => {
                self.out.open("code", &[]);
                self.out.text(code);
                self.out.close("code");
                self.body.text.push_str(code);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if matches!(event, Event::InlineHtml(_)) {
                    self.warn(offset, "raw HTML is not passed through: it is shown as text");
                }
                self.out.text(html);
            }
            Event::SoftBreak => {
                self.out.text("\n");
                self.body.text.push(' ');
            }
            Event::HardBreak => {
                self.out.open("br", &[]);
            }
            Event::Rule => {
                self.out.open("hr", &[]);
            }
            _ => {}
        }
    }

    /// The `href` of a link: media files relative to the document, the
    /// portal's pages too, other sites as written; `None` when unsafe.
    fn link_target(&mut self, dest: &str, offset: usize) -> Option<String> {
        if dest.is_empty() || !portal_core::html_policy::safe_url(dest) {
            self.warn(offset, "a link to a javascript: or data: address is dropped (its text stays)");
            return None;
        }
        if is_media_reference(dest) {
            return self.media_url(dest, offset);
        }
        // An article document lies in data/tin/: the site's root is two up.
        Some(match dest.strip_prefix('/') {
            Some(page) => format!("../../{page}"),
            None => dest.to_string(),
        })
    }
}

/// The title is the page's only `h1`: a `#` heading is written as `h2`.
fn heading(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => "h2",
        HeadingLevel::H3 => "h3",
        HeadingLevel::H4 => "h4",
        HeadingLevel::H5 => "h5",
        HeadingLevel::H6 => "h6",
    }
}
