//! The department's own document (`gioi-thieu.json`): who it is, what it
//! does, how it is organised, who leads and speaks for it, how to reach it,
//! the agencies and procedures it links to and what it publishes. One small
//! document draws every "Giới thiệu" page, the contact page, the English
//! page and the site map. The format: docs/formats/agency.md.

use super::error::DocError;
use super::json::{parse_document, Node};
use super::url::resolve;

/// A department's whole description is a few tens of kilobytes.
pub const AGENCY_LIMIT_BYTES: usize = 512 * 1024;

/// The format version this parser reads; documents may omit it.
pub const AGENCY_FORMAT_VERSION: u64 = 1;

/// A way to reach someone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A leader of the department, or its spokesperson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub title: String,
    /// Absolute URL of the photo.
    pub photo: Option<String>,
    /// What the leader is in charge of (plain text).
    pub duties: Option<String>,
    pub contact: Contact,
}

/// Where a unit stands in the organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// An office that advises the leadership (Văn phòng, Thanh tra, phòng).
    Office,
    /// A unit under the department (Chi cục, Trung tâm).
    Subordinate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub slug: String,
    pub name: String,
    pub name_en: Option<String>,
    pub kind: UnitKind,
    /// Its tasks, as HTML (sanitised where it is drawn).
    pub tasks_html: Option<String>,
    /// Who heads it ("Chánh Văn phòng: …").
    pub head: Option<String>,
    pub contact: Contact,
}

/// A link to another site (a ministry, a portal, a procedure's page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub name: String,
    pub url: String,
    /// A procedure's field ("Sở hữu trí tuệ"); a link's group.
    pub field: Option<String>,
    /// A procedure's level ("Cấp tỉnh").
    pub level: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agency {
    pub name: String,
    pub name_en: String,
    pub contact: Contact,
    pub address_en: Option<String>,
    /// A drawn map of where the department is (absolute URL), and a link
    /// to the place on an online map.
    pub map_image: Option<String>,
    pub map_url: Option<String>,
    /// A line that says what in the document is sample content.
    pub note: Option<String>,
    pub intro: Option<String>,
    pub functions_html: String,
    pub leaders: Vec<Person>,
    pub units: Vec<Unit>,
    pub spokesperson: Option<Person>,
    pub links: Vec<Link>,
    pub procedures: Vec<Link>,
    /// What the department publishes: a name and its address on the portal.
    pub published: Vec<Link>,
    /// How to ask for information (HTML, sanitised where it is drawn).
    pub request_html: Option<String>,
    /// English paragraphs: about the department, and its functions.
    pub about_en: Vec<String>,
    pub functions_en: Vec<String>,
}

/// One page as the document carries it, drawn by the builder
/// (core::agency_pages): all the app reads of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencyPage {
    /// Its route ("/gioi-thieu/lanh-dao-so", "/en/").
    pub path: String,
    /// Its heading, and its document title's subject.
    pub title: String,
    /// "vi", or "en" for the English page.
    pub lang: String,
    /// The body: HTML, relative URLs against the document; sanitised where drawn.
    pub html: String,
}

/// The document's pages, for the app: a document without them names `pages`.
pub fn parse_agency_pages(document: &str, text: &str) -> Result<Vec<AgencyPage>, DocError> {
    let value = parse_document(document, text, AGENCY_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    root.with_required("pages", |list| {
        list.each(|node| {
            Ok(AgencyPage {
                path: node.required_string("path")?,
                title: node.required_string("title")?,
                lang: node.optional_string("lang")?.unwrap_or_else(|| "vi".into()),
                html: node.required_string("html")?,
            })
        })
    })
}

/// The page at `path` (a trailing slash and a query do not count).
pub fn find_page(pages: Vec<AgencyPage>, path: &str) -> Option<AgencyPage> {
    let bare = |path: &str| path.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/').to_string();
    let wanted = bare(path);
    pages.into_iter().find(|page| bare(&page.path) == wanted)
}

impl Agency {
    pub fn unit(&self, slug: &str) -> Option<&Unit> {
        self.units.iter().find(|unit| unit.slug == slug)
    }
}

/// Parses the document fetched from `url`; `document` names it in errors.
pub fn parse_agency(document: &str, url: &str, text: &str) -> Result<Agency, DocError> {
    let value = parse_document(document, text, AGENCY_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    root.with_field("version", |node| match node.unsigned()? {
        AGENCY_FORMAT_VERSION => Ok(()),
        _ => Err(node.invalid("format version 1")),
    })?;
    let map = root.with_field("map", |node| Ok((absolute(&node, "image", url)?, node.optional_string("url")?)))?;
    let (map_image, map_url) = map.unwrap_or_default();
    let english = |key: &str| -> Result<Vec<String>, DocError> {
        Ok(root
            .with_field("english", |node| node.with_field(key, |list| list.strings()))?
            .flatten()
            .unwrap_or_default())
    };
    Ok(Agency {
        name: root.required_string("name")?,
        name_en: root.required_string("name_en")?,
        contact: read_contact(&root)?,
        address_en: root.optional_string("address_en")?,
        map_image,
        map_url,
        note: root.optional_string("note")?,
        intro: root.optional_string("intro")?,
        functions_html: root.required_string("functions_html")?,
        leaders: list(&root, "leaders", |node| read_person(node, url))?,
        units: list(&root, "units", read_unit)?,
        spokesperson: root.with_field("spokesperson", |node| read_person(node, url))?,
        links: list(&root, "links", read_link)?,
        procedures: list(&root, "procedures", read_link)?,
        published: list(&root, "published", read_link)?,
        request_html: root.optional_string("request_html")?,
        about_en: english("about")?,
        functions_en: english("functions")?,
    })
}

fn list<T>(root: &Node<'_>, key: &str, read: impl FnMut(Node<'_>) -> Result<T, DocError>) -> Result<Vec<T>, DocError> {
    Ok(root.with_field(key, |node| node.each(read))?.unwrap_or_default())
}

fn absolute(node: &Node<'_>, key: &str, url: &str) -> Result<Option<String>, DocError> {
    Ok(node.optional_string(key)?.map(|relative| resolve(url, &relative)))
}

fn read_contact(node: &Node<'_>) -> Result<Contact, DocError> {
    Ok(Contact {
        address: node.optional_string("address")?,
        phone: node.optional_string("phone")?,
        email: node.optional_string("email")?,
    })
}

fn read_person(node: Node<'_>, url: &str) -> Result<Person, DocError> {
    Ok(Person {
        name: node.required_string("name")?,
        title: node.required_string("title")?,
        photo: absolute(&node, "photo", url)?,
        duties: node.optional_string("duties")?,
        contact: read_contact(&node)?,
    })
}

fn read_unit(node: Node<'_>) -> Result<Unit, DocError> {
    let kind = node.with_required("kind", |kind| match kind.string()?.as_str() {
        "phong" => Ok(UnitKind::Office),
        "don-vi" => Ok(UnitKind::Subordinate),
        _ => Err(kind.invalid("\"phong\" or \"don-vi\"")),
    })?;
    Ok(Unit {
        slug: node.required_string("slug")?,
        name: node.required_string("name")?,
        name_en: node.optional_string("name_en")?,
        kind,
        tasks_html: node.optional_string("tasks_html")?,
        head: node.optional_string("head")?,
        contact: read_contact(&node)?,
    })
}

fn read_link(node: Node<'_>) -> Result<Link, DocError> {
    Ok(Link {
        name: node.required_string("name")?,
        url: node.required_string("url")?,
        field: node.optional_string("field")?,
        level: node.optional_string("level")?,
    })
}

#[cfg(test)]
#[path = "agency_tests.rs"]
mod tests;
