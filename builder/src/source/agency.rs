//! `content/gioi-thieu.yml`: the department's own description (functions,
//! organisation, leaders, spokesperson, contacts, links, procedures, what
//! it publishes, English), read into the document `gioi-thieu.json`
//! (docs/formats/agency.md; the source: content-sources.md, "The
//! department"). Rich text fields are Markdown, rendered as an article's
//! body is.

use super::categories::is_slug;
use super::fields::Fields;
use super::markdown::{render_body, BodySource};
use super::media::{image_size, resolve};
use super::problem::{Problem, Report};
use super::yaml::{self, Node};
use serde::Serialize;
use std::path::Path;

type Text = Option<String>;

/// The document, as `portal_core::agency` reads it.
#[derive(Serialize, Default)]
pub struct AgencyDocument {
    pub version: u32,
    pub name: String,
    pub name_en: String,
    #[serde(flatten)]
    pub contact: ContactOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_en: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map: Option<MapOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro: Text,
    pub functions_html: String,
    pub leaders: Vec<PersonOut>,
    pub units: Vec<UnitOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spokesperson: Option<PersonOut>,
    pub links: Vec<LinkOut>,
    pub procedures: Vec<LinkOut>,
    pub published: Vec<LinkOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_html: Text,
    pub english: EnglishOut,
}

#[derive(Serialize, Default)]
pub struct ContactOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Text,
}

#[derive(Serialize)]
pub struct MapOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Text,
}

#[derive(Serialize)]
pub struct PersonOut {
    pub name: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duties: Text,
    #[serde(flatten)]
    pub contact: ContactOut,
}

#[derive(Serialize)]
pub struct UnitOut {
    pub slug: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Text,
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tasks_html: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Text,
    #[serde(flatten)]
    pub contact: ContactOut,
}

#[derive(Serialize)]
pub struct LinkOut {
    pub name: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Text,
}

#[derive(Serialize, Default)]
pub struct EnglishOut {
    pub about: Vec<String>,
    pub functions: Vec<String>,
}

/// What reading needs besides the text.
struct Reader<'c> {
    shown: &'c str,
    content_dir: &'c Path,
    report: Report,
    /// Media files named (paths from `content/`), to copy into the site.
    media: Vec<String>,
}

/// The document and the media it names, or every problem found.
pub fn read_agency(text: &str, shown: &str, content_dir: &Path) -> Result<(AgencyDocument, Vec<String>), Vec<Problem>> {
    let node = yaml::parse(text, shown, 1).map_err(|problem| vec![problem])?;
    let mut top = Fields::of(&node, shown, "", "the department").map_err(|problem| vec![problem])?;
    let mut reader = Reader { shown, content_dir, report: Report::default(), media: Vec::new() };
    let name = top.required_text("name");
    let name_en = top.required_text("name_en");
    let functions_html = reader.markdown(&mut top, "functions", true);
    let mut document = AgencyDocument {
        version: 1,
        contact: contact(&mut top),
        address_en: top.text("address_en"),
        note: top.text("note"),
        intro: top.text("intro"),
        request_html: reader.markdown(&mut top, "request", false),
        ..AgencyDocument::default()
    };
    let map_image = reader.image(&mut top, "map_image");
    let map_url = top.text("map_url").filter(|url| web_url(&mut top, "map_url", url));
    if map_image.is_some() || map_url.is_some() {
        document.map = Some(MapOut { image: map_image, url: map_url });
    }
    document.leaders = reader.each(&mut top, "leaders", "a leader", |reader, fields| reader.person(fields));
    document.units = reader.each(&mut top, "units", "a unit", Reader::unit);
    let mut slugs: Vec<&str> = Vec::new();
    for (index, unit) in document.units.iter().enumerate() {
        if slugs.contains(&unit.slug.as_str()) {
            let problem = Problem::new(
                shown,
                top.line_of("units"),
                &format!("units[{index}].slug"),
                format!("the slug \"{}\" is used twice", unit.slug),
            );
            reader.report.problems.push(problem);
        }
        slugs.push(&unit.slug);
    }
    if let Some(node) = top.take("spokesperson") {
        document.spokesperson =
            reader.nested(&node, "spokesperson.", "the spokesperson", |reader, fields| reader.person(fields));
    }
    document.links = reader.each(&mut top, "links", "a link", |_, fields| link(fields, false));
    document.procedures = reader.each(&mut top, "procedures", "a procedure", |_, fields| link(fields, false));
    document.published = reader.each(&mut top, "published", "a published item", |_, fields| link(fields, true));
    if let Some(node) = top.take("english") {
        let english = reader.nested(&node, "english.", "the English page", |_, fields| {
            Some(EnglishOut { about: fields.text_list("about"), functions: fields.text_list("functions") })
        });
        document.english = english.unwrap_or_default();
    }
    reader.report.problems.extend(top.finish());
    match (name, name_en, functions_html, reader.report.problems.is_empty()) {
        (Some(name), Some(name_en), Some(functions_html), true) => {
            Ok((AgencyDocument { name, name_en, functions_html, ..document }, reader.media))
        }
        _ => Err(reader.report.problems),
    }
}

impl Reader<'_> {
    /// A Markdown field rendered to HTML; its images are media to copy.
    fn markdown(&mut self, fields: &mut Fields<'_>, key: &str, required: bool) -> Text {
        let line = fields.line_of(key);
        let text = if required { fields.required_text(key) } else { fields.text(key) }?;
        let source = BodySource { file: self.shown, first_line: line + 1, from_dir: "", content_dir: self.content_dir };
        let body = render_body(&text, &source, &mut self.report);
        self.media.extend(body.media);
        Some(body.html)
    }

    /// An image under `content/` that exists and has a size; its path.
    fn image(&mut self, fields: &mut Fields<'_>, key: &str) -> Text {
        let reference = fields.text(key)?;
        let checked = resolve(&reference, "", self.content_dir)
            .and_then(|media| image_size(self.content_dir, &media).map(|_| media.path));
        match checked {
            Ok(path) => {
                self.media.push(path.clone());
                Some(path)
            }
            Err(why) => {
                fields.report(key, fields.line_of(key), why);
                None
            }
        }
    }

    fn each<T>(
        &mut self,
        top: &mut Fields<'_>,
        key: &str,
        what: &str,
        mut read: impl FnMut(&mut Self, &mut Fields<'_>) -> Option<T>,
    ) -> Vec<T> {
        let items = top.list(key).unwrap_or_default();
        let mut out = Vec::new();
        for (index, node) in items.iter().enumerate() {
            out.extend(self.nested(node, &format!("{key}[{index}]."), what, &mut read));
        }
        out
    }

    fn nested<T>(
        &mut self,
        node: &Node,
        prefix: &str,
        what: &str,
        read: impl FnOnce(&mut Self, &mut Fields<'_>) -> Option<T>,
    ) -> Option<T> {
        let shown = self.shown;
        let mut fields = match Fields::of(node, shown, prefix, what) {
            Ok(fields) => fields,
            Err(problem) => {
                self.report.problems.push(problem);
                return None;
            }
        };
        let value = read(self, &mut fields);
        let problems = fields.finish();
        let clean = problems.is_empty();
        self.report.problems.extend(problems);
        value.filter(|_| clean)
    }

    fn person(&mut self, fields: &mut Fields<'_>) -> Option<PersonOut> {
        let (name, title) = (fields.required_text("name"), fields.required_text("title"));
        let photo = self.image(fields, "photo");
        let duties = fields.text("duties");
        let contact = contact(fields);
        Some(PersonOut { name: name?, title: title?, photo, duties, contact })
    }

    fn unit(&mut self, fields: &mut Fields<'_>) -> Option<UnitOut> {
        let slug = fields.required_text("slug").filter(|slug| {
            is_slug(slug) || {
                fields.report(
                    "slug",
                    fields.line_of("slug"),
                    format!("\"{slug}\": a slug is a-z and 0-9 words joined by single '-'"),
                );
                false
            }
        });
        let name = fields.required_text("name");
        let kind = fields.required_text("kind").filter(|kind| {
            matches!(kind.as_str(), "phong" | "don-vi") || {
                fields.report(
                    "kind",
                    fields.line_of("kind"),
                    format!("\"{kind}\": either phong (an office) or don-vi (a unit under the department)"),
                );
                false
            }
        });
        let name_en = fields.text("name_en");
        let head = fields.text("head");
        let tasks_html = self.markdown(fields, "tasks", false);
        let contact = contact(fields);
        Some(UnitOut { slug: slug?, name: name?, name_en, kind: kind?, tasks_html, head, contact })
    }
}

fn contact(fields: &mut Fields<'_>) -> ContactOut {
    let email = fields.text("email").filter(|email| {
        let ok = email
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !email.contains(char::is_whitespace));
        if !ok {
            fields.report("email", fields.line_of("email"), format!("\"{email}\" is not an email address"));
        }
        ok
    });
    ContactOut { address: fields.text("address"), phone: fields.text("phone"), email }
}

/// A link: `on_portal` ones are the portal's own addresses ("/lich-cong-tac"),
/// the others another site's (http or https).
fn link(fields: &mut Fields<'_>, on_portal: bool) -> Option<LinkOut> {
    let name = fields.required_text("name");
    let url = fields.required_text("url").filter(|url| {
        if on_portal {
            let ok = url.starts_with('/') && !url.starts_with("//");
            if !ok {
                fields.report(
                    "url",
                    fields.line_of("url"),
                    format!("\"{url}\": an address on the portal starts with '/'"),
                );
            }
            ok
        } else {
            web_url(fields, "url", url)
        }
    });
    let field = fields.text("field").or_else(|| fields.text("group"));
    let level = fields.text("level");
    Some(LinkOut { name: name?, url: url?, field, level })
}

fn web_url(fields: &mut Fields<'_>, key: &str, url: &str) -> bool {
    let ok = (url.starts_with("https://") || url.starts_with("http://")) && !url.contains(char::is_whitespace);
    if !ok {
        fields.report(key, fields.line_of(key), format!("\"{url}\": a web address starts with https:// or http://"));
    }
    ok
}
