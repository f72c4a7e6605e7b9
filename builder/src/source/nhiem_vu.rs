//! `content/nhiem-vu/<id>.yml`: one science and technology task of the
//! registry (content-sources.md, "Science and technology tasks"). What
//! needs other files (the news it names, one code given twice) is checked
//! by `crate::nhiem_vu`.

use super::fields::Fields;
use super::problem::Problem;
use super::van_ban::{id_of_file, read_attachments};
use super::yaml;
use crate::attachment::FileFacts;
use portal_core::date::Date;
use portal_core::nhiem_vu::{MonthYear, TaskStatus};
use std::path::Path;

/// The folder of the registry's sources, under `content/`.
pub const NHIEM_VU_DIR: &str = "nhiem-vu";

/// Cấp: the levels a task is managed at.
pub const LEVELS: [&str; 3] = ["Quốc gia", "Tỉnh", "Cơ sở"];

/// Loại: the kinds of task the law names.
pub const KINDS: [&str; 4] = ["Đề tài", "Dự án sản xuất thử nghiệm", "Đề án", "Dự án KH&CN"];

/// A task as its file says, before it meets the others.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskSource {
    pub id: String,
    pub code: String,
    pub name: String,
    pub level: String,
    pub kind: String,
    pub sector: String,
    pub host: String,
    pub leader: String,
    pub start: MonthYear,
    pub end: MonthYear,
    pub funding: u64,
    pub province_funding: Option<u64>,
    /// Only `Selecting`: the rest is derived (core::nhiem_vu::derive_task_status).
    pub stated: Option<TaskStatus>,
    /// Xếp loại and the day of the acceptance.
    pub acceptance: Option<(String, Date)>,
    pub transferred: Option<Date>,
    pub results: Option<String>,
    pub applied_at: Option<String>,
    pub note: Option<String>,
    pub attachments: Vec<FileFacts>,
    /// Ids of news articles about it (tin liên quan).
    pub news: Vec<String>,
    /// Lines of `code` and `news`, for messages about them.
    pub lines: [usize; 2],
}

/// Reads the file `path` (from `content/`, "nhiem-vu/bao-ton-gen-duoc-lieu.yml").
pub fn read_task(content_dir: &Path, path: &str, shown: &str, text: &str) -> Result<TaskSource, Vec<Problem>> {
    let name = path.strip_prefix("nhiem-vu/").filter(|name| !name.contains('/')).unwrap_or(path);
    let Some(id) = id_of_file(name) else {
        let message = "a task is content/nhiem-vu/<id>.yml, the id in a-z, 0-9 and '-' (not \"trang\")";
        return Err(vec![Problem::new(shown, 0, "", message)]);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
    let node = yaml::parse(&text, shown, 1).map_err(|problem| vec![problem])?;
    let mut fields = Fields::of(&node, shown, "", "a task").map_err(|problem| vec![problem])?;
    let code = fields.required_text("code");
    let task_name = fields.required_text("name");
    let level = one_of(&mut fields, "level", &LEVELS);
    let kind = one_of(&mut fields, "type", &KINDS);
    let sector = fields.required_text("sector");
    let host = fields.required_text("host");
    let leader = fields.required_text("leader");
    let start = month_field(&mut fields, "start");
    let end = month_field(&mut fields, "end");
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            let line = fields.line_of("end");
            fields.report("end", line, format!("{end} is before the task starts ({start})"));
        }
    }
    let funding = money_field(&mut fields, "funding", true);
    let province_funding = money_field(&mut fields, "province_funding", false);
    if let (Some(total), Some(province)) = (funding, province_funding) {
        if province > total {
            let line = fields.line_of("province_funding");
            fields.report("province_funding", line, format!("{province} is more than the whole funding ({total})"));
        }
    }
    let stated = fields.text("status").and_then(|text| match TaskStatus::from_slug(&text) {
        Some(TaskStatus::Selecting) => Some(TaskStatus::Selecting),
        _ => {
            let line = fields.line_of("status");
            let message = format!("\"{text}\": only dang-tuyen-chon is written (the others follow from the dates)");
            fields.report("status", line, message);
            None
        }
    });
    let acceptance = read_acceptance(&mut fields);
    let transferred = date_field(&mut fields, "transferred");
    if transferred.is_some() && acceptance.is_none() {
        let line = fields.line_of("transferred");
        fields.report("transferred", line, "a task is handed over after its acceptance: write acceptance too");
    }
    if let (Some((_, accepted)), Some(start)) = (&acceptance, start) {
        if MonthYear::of(*accepted) < start {
            let line = fields.line_of("acceptance");
            fields.report("acceptance.date", line, format!("{accepted} is before the task starts ({start})"));
        }
    }
    let results = fields.text("results");
    let applied_at = fields.text("applied_at");
    let note = fields.text("note");
    let lines = [fields.line_of("code"), fields.line_of("news")];
    let news = fields.text_list("news");
    let attachments = read_attachments(&mut fields, content_dir, shown, NHIEM_VU_DIR, false);
    let problems = fields.finish();
    match (code, task_name, level, kind, sector, host, leader, start, end, funding) {
        (
            Some(code),
            Some(name),
            Some(level),
            Some(kind),
            Some(sector),
            Some(host),
            Some(leader),
            Some(start),
            Some(end),
            Some(funding),
        ) if problems.is_empty() => Ok(TaskSource {
            id: id.to_string(),
            code,
            name,
            level,
            kind,
            sector,
            host,
            leader,
            start,
            end,
            funding,
            province_funding,
            stated,
            acceptance,
            transferred,
            results,
            applied_at,
            note,
            attachments,
            news,
            lines,
        }),
        _ => Err(problems),
    }
}

/// A required field whose value is one of `allowed`.
fn one_of(fields: &mut Fields<'_>, key: &str, allowed: &[&str]) -> Option<String> {
    let text = fields.required_text(key)?;
    if allowed.contains(&text.as_str()) {
        return Some(text);
    }
    let line = fields.line_of(key);
    fields.report(key, line, format!("\"{text}\": expected one of {}", allowed.join(", ")));
    None
}

/// `YYYY-MM` (2023-10), required.
fn month_field(fields: &mut Fields<'_>, key: &str) -> Option<MonthYear> {
    let text = fields.required_text(key)?;
    let month = MonthYear::parse(&text);
    if month.is_none() {
        let line = fields.line_of(key);
        fields.report(key, line, format!("\"{text}\": expected a month, YYYY-MM (2023-10)"));
    }
    month
}

/// `YYYY-MM-DD`, optional.
fn date_field(fields: &mut Fields<'_>, key: &str) -> Option<Date> {
    let text = fields.text(key)?;
    let date = Date::parse_iso(&text);
    if date.is_none() {
        let line = fields.line_of(key);
        fields.report(key, line, format!("\"{text}\": expected a day, YYYY-MM-DD (2025-10-20)"));
    }
    date
}

/// Đồng, as digits; the dots or spaces a Vietnamese writer puts between
/// thousands (`1.250.000.000`) are allowed.
fn money_field(fields: &mut Fields<'_>, key: &str, required: bool) -> Option<u64> {
    let text = if required { fields.required_text(key) } else { fields.text(key) }?;
    let digits: String = text.chars().filter(|c| *c != '.' && *c != ' ').collect();
    let amount = (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok());
    if let Some(Some(amount)) = amount {
        return Some(amount);
    }
    let line = fields.line_of(key);
    fields.report(key, line, format!("\"{text}\": expected an amount in đồng, digits only (1250000000)"));
    None
}

/// `acceptance: {rating, date}`: the result of the acceptance council.
fn read_acceptance(fields: &mut Fields<'_>) -> Option<(String, Date)> {
    let node = fields.take("acceptance")?;
    let mut acceptance = match Fields::of(&node, fields.file(), "acceptance.", "the acceptance (rating, date)") {
        Ok(acceptance) => acceptance,
        Err(problem) => {
            fields.problems.push(problem);
            return None;
        }
    };
    let rating = acceptance.required_text("rating");
    let date = acceptance.required_text("date");
    let day = date.as_deref().and_then(Date::parse_iso);
    if let (Some(text), None) = (&date, day) {
        let line = acceptance.line_of("date");
        acceptance.report("date", line, format!("\"{text}\": expected a day, YYYY-MM-DD (2025-10-20)"));
    }
    let problems = acceptance.finish();
    let ok = problems.is_empty();
    fields.problems.extend(problems);
    ok.then_some((rating?, day?))
}
