//! The legal documents registry (Văn bản): its documents' model, parsers
//! and rules. Formats: docs/formats/van-ban.md, schemas/van-ban-*.schema.json.
//!
//! Three documents: a paged list (of everything, or of one facet value:
//! `core::facets`), the facet index, and one document per legal document.

use super::attachment::{read_attachment, Attachment};
use super::date::Date;
use super::error::DocError;
use super::facets::Filters;
use super::json::{parse_document, Node};
use super::slug::slugify;

/// A list page of 20 is about 10 KB; a document with its relations and
/// citing articles a few KB. Anything near this is a mistake.
pub const VAN_BAN_LIMIT_BYTES: usize = 512 * 1024;

pub const VAN_BAN_FORMAT_VERSION: u64 = 1;

/// The filters of the list, in the order the form shows them; also the
/// facets of the index the builder writes.
pub const FACET_KEYS: [&str; 5] = ["loai", "co-quan", "linh-vuc", "nam", "tinh-trang"];

/// Tình trạng hiệu lực.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    InForce,
    Expired,
    Replaced,
    Draft,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::InForce, Status::Expired, Status::Replaced, Status::Draft];

    /// Its value in the documents and the address (`tinh-trang=con-hieu-luc`).
    pub fn slug(self) -> &'static str {
        match self {
            Status::InForce => "con-hieu-luc",
            Status::Expired => "het-hieu-luc",
            Status::Replaced => "bi-thay-the",
            Status::Draft => "du-thao",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::InForce => "Còn hiệu lực",
            Status::Expired => "Hết hiệu lực",
            Status::Replaced => "Bị thay thế",
            Status::Draft => "Dự thảo",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.slug() == slug)
    }

    /// schema.org `legislationLegalForce`.
    pub fn schema_org(self) -> &'static str {
        match self {
            Status::InForce => "https://schema.org/InForce",
            Status::Draft => "https://schema.org/NotInForce",
            Status::Expired | Status::Replaced => "https://schema.org/NotInForce",
        }
    }
}

/// The status a document has on `today`, from what can be derived: a
/// draft is a draft; a document another one replaces is replaced; one
/// whose ngày hết hiệu lực has come is expired; any other is in force.
/// `stated`, when the source says it, wins for what cannot be derived
/// (a document annulled without a date).
pub fn derive_status(
    draft: bool,
    replaced: bool,
    expires: Option<Date>,
    stated: Option<Status>,
    today: Date,
) -> Status {
    if draft {
        Status::Draft
    } else if replaced {
        Status::Replaced
    } else if let Some(stated) = stated {
        stated
    } else if expires.is_some_and(|expires| expires <= today) {
        Status::Expired
    } else {
        Status::InForce
    }
}

/// One legal document as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegalDoc {
    pub id: String,
    /// Loại văn bản ("Kế hoạch").
    pub kind: String,
    /// Số ký hiệu ("65/KH-UBND"); a draft may have none yet.
    pub number: Option<String>,
    /// Cơ quan ban hành.
    pub issuer: String,
    pub issued: Date,
    pub effective: Option<Date>,
    pub expires: Option<Date>,
    /// As the builder derived it on the day it ran ([`LegalDoc::status_on`]).
    pub status: Status,
    /// Trích yếu.
    pub summary: String,
    /// Lĩnh vực.
    pub sector: String,
}

impl LegalDoc {
    /// "Kế hoạch số 65/KH-UBND", or "Quyết định (dự thảo)" without a number.
    pub fn title(&self) -> String {
        title_of(&self.kind, self.number.as_deref())
    }

    /// The status on `today`: one in force whose end date has passed since
    /// the builder ran is expired.
    pub fn status_on(&self, today: Date) -> Status {
        match self.status {
            Status::InForce if self.expires.is_some_and(|expires| expires <= today) => Status::Expired,
            status => status,
        }
    }

    /// The slug of its value of facet `key` (FACET_KEYS).
    pub fn facet_slug(&self, key: &str) -> String {
        match key {
            "loai" => slugify(&self.kind),
            "co-quan" => slugify(&self.issuer),
            "linh-vuc" => slugify(&self.sector),
            "nam" => self.issued.year.to_string(),
            "tinh-trang" => self.status.slug().to_string(),
            _ => String::new(),
        }
    }

    /// Whether it has every `(facet, slug)` of `filters`.
    pub fn matches(&self, filters: &[(String, String)]) -> bool {
        filters.iter().all(|(key, slug)| self.facet_slug(key) == *slug)
    }
}

/// A document's title from its type and number.
pub fn title_of(kind: &str, number: Option<&str>) -> String {
    match number {
        Some(number) => format!("{kind} số {number}"),
        None => format!("{kind} (dự thảo)"),
    }
}

/// How two documents are related.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Replaces,
    Amends,
    ReplacedBy,
    AmendedBy,
}

impl Relation {
    pub const ALL: [Relation; 4] = [Relation::Replaces, Relation::Amends, Relation::ReplacedBy, Relation::AmendedBy];

    pub fn key(self) -> &'static str {
        match self {
            Relation::Replaces => "replaces",
            Relation::Amends => "amends",
            Relation::ReplacedBy => "replaced_by",
            Relation::AmendedBy => "amended_by",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Relation::Replaces => "Thay thế văn bản",
            Relation::Amends => "Sửa đổi, bổ sung văn bản",
            Relation::ReplacedBy => "Bị thay thế bởi",
            Relation::AmendedBy => "Được sửa đổi, bổ sung bởi",
        }
    }
}

/// A related document, as the detail page links it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub relation: Relation,
    pub id: String,
    pub title: String,
}

/// A news article that names the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub id: String,
    pub title: String,
}

/// A draft's call for comments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The last day comments are taken.
    pub deadline: Date,
    pub email: Option<String>,
    pub address: Option<String>,
}

/// One document's own page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegalDocDetail {
    pub doc: LegalDoc,
    /// Người ký.
    pub signer: Option<String>,
    /// A line the department adds ("Văn bản mẫu…").
    pub note: Option<String>,
    pub attachments: Vec<Attachment>,
    pub related: Vec<Related>,
    pub draft: Option<Draft>,
    pub cited_by: Vec<Citation>,
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListPage {
    /// `tat-ca` or a facet value's list (`loai-ke-hoach`).
    pub list: String,
    pub page: u32,
    pub total_pages: u32,
    pub total_items: u64,
    pub items: Vec<LegalDoc>,
}

/// Parses a list page.
pub fn parse_list_page(document: &str, text: &str) -> Result<ListPage, DocError> {
    let value = parse_document(document, text, VAN_BAN_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    check_version(&root)?;
    let page = root.required_unsigned("page")?.clamp(1, u64::from(u32::MAX)) as u32;
    Ok(ListPage {
        list: root.required_string("list")?,
        page,
        total_pages: root.required_unsigned("total_pages")?.clamp(1, u64::from(u32::MAX)) as u32,
        total_items: root.required_unsigned("total_items")?,
        items: root.with_required("items", |items| items.each(|item| read_doc(&item)))?,
    })
}

/// Parses one document's own document, fetched from `url`.
pub fn parse_detail(document: &str, url: &str, text: &str) -> Result<LegalDocDetail, DocError> {
    let value = parse_document(document, text, VAN_BAN_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    check_version(&root)?;
    let related = root.with_field("related", |list| {
        list.each(|node| {
            let relation = node.with_required("relation", |field| {
                let key = field.string()?;
                Relation::ALL
                    .into_iter()
                    .find(|r| r.key() == key)
                    .ok_or_else(|| field.invalid("replaces, amends, replaced_by or amended_by"))
            })?;
            Ok(Related { relation, id: node.required_string("id")?, title: node.required_string("title")? })
        })
    })?;
    let draft = root.with_field("draft", |node| {
        Ok(Draft {
            deadline: node.with_required("deadline", read_date)?,
            email: node.optional_string("email")?,
            address: node.optional_string("address")?,
        })
    })?;
    let cited_by = root.with_field("cited_by", |list| {
        list.each(|node| Ok(Citation { id: node.required_string("id")?, title: node.required_string("title")? }))
    })?;
    Ok(LegalDocDetail {
        doc: read_doc(&root)?,
        signer: root.optional_string("signer")?,
        note: root.optional_string("note")?,
        attachments: root
            .with_field("attachments", |list| list.each(|node| read_attachment(node, url)))?
            .unwrap_or_default(),
        related: related.unwrap_or_default(),
        draft,
        cited_by: cited_by.unwrap_or_default(),
    })
}

fn read_doc(node: &Node<'_>) -> Result<LegalDoc, DocError> {
    Ok(LegalDoc {
        id: node.required_string("id")?,
        kind: node.required_string("type")?,
        number: node.optional_string("number")?,
        issuer: node.required_string("issuer")?,
        issued: node.with_required("issued", read_date)?,
        effective: node.with_field("effective", read_date)?,
        expires: node.with_field("expires", read_date)?,
        status: node.with_required("status", |field| {
            Status::from_slug(&field.string()?)
                .ok_or_else(|| field.invalid("con-hieu-luc, het-hieu-luc, bi-thay-the or du-thao"))
        })?,
        summary: node.required_string("summary")?,
        sector: node.required_string("sector")?,
    })
}

/// A day, `YYYY-MM-DD` (shared by the registries).
pub(crate) fn read_date(node: Node<'_>) -> Result<Date, DocError> {
    Date::parse_iso(&node.string()?).ok_or_else(|| node.invalid("date like 2023-03-28"))
}

/// The registries' documents are all at format version 1 (shared by them).
pub(crate) fn check_version(root: &Node<'_>) -> Result<(), DocError> {
    root.with_field("version", |node| match node.unsigned()? {
        VAN_BAN_FORMAT_VERSION => Ok(()),
        _ => Err(node.invalid("format version 1")),
    })?;
    Ok(())
}

/// The list's filters from the address's query.
pub fn filters_from_query(get: impl Fn(&str) -> Option<String>) -> Filters {
    Filters::read(&FACET_KEYS, get)
}

#[cfg(test)]
#[path = "van_ban_tests.rs"]
mod tests;
