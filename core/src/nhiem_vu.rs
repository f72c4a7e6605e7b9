//! The science and technology tasks registry (Nhiệm vụ KH&CN): its
//! documents' model, parsers and rules. Formats: docs/formats/nhiem-vu.md,
//! schemas/nhiem-vu-*.schema.json.
//!
//! The same three documents as the legal documents registry
//! (`core::van_ban`): a paged list (of everything, or of one facet value:
//! `core::facets`), the facet index (with the money of each value, for the
//! summary above the list), and one document per task.

use super::attachment::{read_attachment, Attachment};
use super::date::Date;
use super::error::DocError;
use super::facets::Filters;
use super::json::{parse_document, Node};
use super::slug::slugify;
use super::van_ban::{check_version, read_date, Citation};

/// A list page of 20 tasks is about 12 KB; a task with its summary of
/// results a few KB.
pub const NHIEM_VU_LIMIT_BYTES: usize = 512 * 1024;

/// The same as the legal documents' (`van_ban::check_version` reads both).
pub const NHIEM_VU_FORMAT_VERSION: u64 = super::van_ban::VAN_BAN_FORMAT_VERSION;

/// The list's filters in the form's order (năm bắt đầu, lĩnh vực, cấp,
/// trạng thái); also the facets the builder writes.
pub const TASK_FACET_KEYS: [&str; 4] = ["nam", "linh-vuc", "cap", "trang-thai"];

/// Trạng thái of a task, in the order a task goes through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskStatus {
    Selecting,
    InProgress,
    Accepted,
    Transferred,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] =
        [TaskStatus::Selecting, TaskStatus::InProgress, TaskStatus::Accepted, TaskStatus::Transferred];

    /// Its value in the documents and the address (`trang-thai=da-nghiem-thu`).
    pub fn slug(self) -> &'static str {
        match self {
            TaskStatus::Selecting => "dang-tuyen-chon",
            TaskStatus::InProgress => "dang-thuc-hien",
            TaskStatus::Accepted => "da-nghiem-thu",
            TaskStatus::Transferred => "da-chuyen-giao",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::Selecting => "Đang tuyển chọn",
            TaskStatus::InProgress => "Đang thực hiện",
            TaskStatus::Accepted => "Đã nghiệm thu",
            TaskStatus::Transferred => "Đã chuyển giao ứng dụng",
        }
    }

    pub fn from_slug(slug: &str) -> Option<TaskStatus> {
        TaskStatus::ALL.into_iter().find(|status| status.slug() == slug)
    }
}

/// A task's status on `today`, from what its source records: a transfer
/// that has happened makes it transferred; an acceptance that has happened
/// makes it accepted; otherwise it is under way once its first month has
/// come, and being selected before. `stated` (only `Selecting`) keeps a
/// task whose selection ran late in selection past its planned start.
pub fn derive_task_status(
    start: MonthYear,
    accepted: Option<Date>,
    transferred: Option<Date>,
    stated: Option<TaskStatus>,
    today: Date,
) -> TaskStatus {
    let happened = |date: Option<Date>| date.is_some_and(|date| date <= today);
    if happened(transferred) {
        TaskStatus::Transferred
    } else if happened(accepted) {
        TaskStatus::Accepted
    } else if stated == Some(TaskStatus::Selecting) || start > MonthYear::of(today) {
        TaskStatus::Selecting
    } else {
        TaskStatus::InProgress
    }
}

/// A month of a year: when a task starts and ends ("từ 01/2023 đến 12/2024").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthYear {
    pub year: i32,
    pub month: u32,
}

impl MonthYear {
    pub fn of(date: Date) -> MonthYear {
        MonthYear { year: date.year, month: date.month }
    }

    /// `2023-01`.
    pub fn parse(text: &str) -> Option<MonthYear> {
        let (year, month) = text.trim().split_once('-')?;
        let (year, month): (i32, u32) = (year.parse().ok()?, month.parse().ok()?);
        ((1900..=2200).contains(&year) && (1..=12).contains(&month) && text.trim().len() == 7)
            .then_some(MonthYear { year, month })
    }

    /// `01/2023`, as the registry shows it.
    pub fn slashed(self) -> String {
        format!("{:02}/{}", self.month, self.year)
    }

    /// Months from `self` to `end`, both counted (01/2023–12/2023 is 12).
    pub fn months_to(self, end: MonthYear) -> i64 {
        (i64::from(end.year) - i64::from(self.year)) * 12 + i64::from(end.month) - i64::from(self.month) + 1
    }
}

impl std::fmt::Display for MonthYear {
    /// `2023-01`, as the documents write it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

/// One task as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    pub id: String,
    /// Mã số ("ĐTKH.05/23").
    pub code: String,
    /// Tên nhiệm vụ.
    pub name: String,
    /// Cấp: quốc gia, tỉnh, cơ sở.
    pub level: String,
    /// Loại: đề tài, dự án sản xuất thử nghiệm, đề án, dự án KH&CN.
    pub kind: String,
    /// Lĩnh vực.
    pub sector: String,
    /// Tổ chức chủ trì.
    pub host: String,
    /// Chủ nhiệm.
    pub leader: String,
    pub start: MonthYear,
    pub end: MonthYear,
    /// Kinh phí, in đồng: in all, and of it from the province's budget.
    pub funding: u64,
    pub province_funding: Option<u64>,
    /// As the builder derived it on the day it ran ([`derive_task_status`]).
    pub status: TaskStatus,
}

impl Task {
    /// The slug of its value of facet `key` (TASK_FACET_KEYS): `nam` is
    /// the year it starts.
    pub fn facet_slug(&self, key: &str) -> String {
        match key {
            "nam" => self.start.year.to_string(),
            "linh-vuc" => slugify(&self.sector),
            "cap" => slugify(&self.level),
            "trang-thai" => self.status.slug().to_string(),
            _ => String::new(),
        }
    }

    /// Whether it has every `(facet, slug)` of `filters`.
    pub fn matches(&self, filters: &[(String, String)]) -> bool {
        filters.iter().all(|(key, slug)| self.facet_slug(key) == *slug)
    }
}

/// Kết quả nghiệm thu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acceptance {
    /// Xếp loại ("Khá", "Đạt").
    pub rating: String,
    pub date: Date,
}

/// One task's own page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskDetail {
    pub task: Task,
    pub acceptance: Option<Acceptance>,
    /// The day its results were handed over for use.
    pub transferred: Option<Date>,
    /// Tóm tắt kết quả.
    pub results: Option<String>,
    /// Địa chỉ ứng dụng: who uses the results.
    pub applied_at: Option<String>,
    /// A line the department adds ("Nhiệm vụ mẫu…").
    pub note: Option<String>,
    /// The final report or its summary.
    pub attachments: Vec<Attachment>,
    /// Tin liên quan: news articles about the task, newest first.
    pub news: Vec<Citation>,
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskListPage {
    pub list: String,
    pub page: u32,
    pub total_pages: u32,
    pub total_items: u64,
    pub items: Vec<Task>,
}

/// Parses a list page.
pub fn parse_task_list(document: &str, text: &str) -> Result<TaskListPage, DocError> {
    let value = parse_document(document, text, NHIEM_VU_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    check_version(&root)?;
    Ok(TaskListPage {
        list: root.required_string("list")?,
        page: root.required_unsigned("page")?.clamp(1, u64::from(u32::MAX)) as u32,
        total_pages: root.required_unsigned("total_pages")?.clamp(1, u64::from(u32::MAX)) as u32,
        total_items: root.required_unsigned("total_items")?,
        items: root.with_required("items", |items| items.each(|item| read_task(&item)))?,
    })
}

/// Parses one task's own document, fetched from `url`.
pub fn parse_task(document: &str, url: &str, text: &str) -> Result<TaskDetail, DocError> {
    let value = parse_document(document, text, NHIEM_VU_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    check_version(&root)?;
    let acceptance = root.with_field("acceptance", |node| {
        Ok(Acceptance { rating: node.required_string("rating")?, date: node.with_required("date", read_date)? })
    })?;
    let news = root.with_field("news", |list| {
        list.each(|node| Ok(Citation { id: node.required_string("id")?, title: node.required_string("title")? }))
    })?;
    Ok(TaskDetail {
        task: read_task(&root)?,
        acceptance,
        transferred: root.with_field("transferred", read_date)?,
        results: root.optional_string("results")?,
        applied_at: root.optional_string("applied_at")?,
        note: root.optional_string("note")?,
        attachments: root
            .with_field("attachments", |list| list.each(|node| read_attachment(node, url)))?
            .unwrap_or_default(),
        news: news.unwrap_or_default(),
    })
}

fn read_task(node: &Node<'_>) -> Result<Task, DocError> {
    let month = |field: Node<'_>| MonthYear::parse(&field.string()?).ok_or_else(|| field.invalid("month like 2023-01"));
    Ok(Task {
        id: node.required_string("id")?,
        code: node.required_string("code")?,
        name: node.required_string("name")?,
        level: node.required_string("level")?,
        kind: node.required_string("type")?,
        sector: node.required_string("sector")?,
        host: node.required_string("host")?,
        leader: node.required_string("leader")?,
        start: node.with_required("start", month)?,
        end: node.with_required("end", month)?,
        funding: node.required_unsigned("funding")?,
        province_funding: node.optional_unsigned("province_funding")?,
        status: node.with_required("status", |field| {
            TaskStatus::from_slug(&field.string()?)
                .ok_or_else(|| field.invalid("dang-tuyen-chon, dang-thuc-hien, da-nghiem-thu or da-chuyen-giao"))
        })?,
    })
}

/// The list's filters from the address's query.
pub fn task_filters_from_query(get: impl Fn(&str) -> Option<String>) -> Filters {
    Filters::read(&TASK_FACET_KEYS, get)
}

#[cfg(test)]
#[path = "nhiem_vu_tests.rs"]
mod tests;
