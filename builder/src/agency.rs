//! Writes the department's document (`gioi-thieu.json`) from
//! `content/gioi-thieu.yml` (source::agency): its structured description,
//! and each of its pages drawn from it (core::agency_pages), which is all
//! the app reads. A broken source keeps the last good document, as a
//! broken article does.

use crate::model::CategoryDef;
use crate::sink::Sink;
use crate::source::agency::read_agency;
use crate::source::problem::{Problem, Report};
use crate::source::AGENCY_FILE;
use portal_core::agency::parse_agency;
use portal_core::agency_pages::every_page;
use portal_core::feed::{Category, CategoryEntry};
use portal_core::sections::{group_sections, Section};
use serde::Serialize;
use std::io;
use std::path::Path;

/// The document's name in the data folder.
pub const AGENCY_DOCUMENT: &str = "gioi-thieu.json";

/// Writes the document; returns the media files it names. A content folder
/// without the file has no such pages: nothing is written, nothing reported.
pub fn write_agency(
    content: &Path,
    shown_root: &str,
    data_dir: &str,
    categories: &[CategoryDef],
    sink: &mut dyn Sink,
    report: &mut Report,
) -> io::Result<Vec<String>> {
    let shown = format!("{shown_root}/{AGENCY_FILE}");
    let output = format!("{data_dir}/{AGENCY_DOCUMENT}");
    let text = match std::fs::read_to_string(content.join(AGENCY_FILE)) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => {
            report.problems.push(Problem::new(&shown, 0, "", format!("cannot read: {error}")));
            sink.keep(&output);
            return Ok(Vec::new());
        }
    };
    match read_agency(&text, &shown, content) {
        Ok((description, media)) => {
            let pages = draw_pages(&description, &sections_of(categories))?;
            let document = WithPages { description, pages };
            let mut bytes = serde_json::to_vec_pretty(&document).map_err(io::Error::other)?;
            bytes.push(b'\n');
            sink.put(&output, &bytes)?;
            Ok(media)
        }
        Err(problems) => {
            report.problems.extend(problems);
            sink.keep(&output);
            Ok(Vec::new())
        }
    }
}

/// The document: the description and its pages.
#[derive(Serialize)]
struct WithPages<D: Serialize> {
    #[serde(flatten)]
    description: D,
    pages: Vec<PageOut>,
}

#[derive(Serialize)]
struct PageOut {
    path: String,
    title: String,
    lang: &'static str,
    html: String,
}

/// Every page, read back through the core's own parser so that the pages
/// are drawn from exactly what the document says. Links are relative to
/// the document (one folder under the site's root), so a site under a
/// sub-path needs nothing else.
fn draw_pages(description: &impl Serialize, sections: &[Section]) -> io::Result<Vec<PageOut>> {
    let text = serde_json::to_string(description).map_err(io::Error::other)?;
    let agency = parse_agency(AGENCY_DOCUMENT, AGENCY_DOCUMENT, &text).map_err(|e| io::Error::other(e.english()))?;
    let href = |route: &str| format!("..{route}");
    let pages = every_page(&agency, sections, &href);
    Ok(pages.into_iter().map(|(path, title, lang, html)| PageOut { path, title, lang, html }).collect())
}

/// The navigation's sections, for the site map, as the app groups them.
fn sections_of(categories: &[CategoryDef]) -> Vec<Section> {
    let entries: Vec<CategoryEntry> = categories
        .iter()
        .map(|def| CategoryEntry {
            category: Category {
                slug: def.slug.clone(),
                name: def.name.clone(),
                section: def.section.clone().unwrap_or_default(),
            },
            description: None,
            feed_url: None,
            on_home: false,
            newest: Vec::new(),
        })
        .collect();
    group_sections(&entries)
}
