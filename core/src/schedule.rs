//! The weekly work schedule's documents: one per ISO week, and an index of
//! the weeks published. The format is written down in docs/formats/schedule.md
//! and schemas/schedule-*.schema.json.

use super::date::Date;
use super::error::DocError;
use super::json::{parse_document, Node};
use super::small_sort::sort_small_by_key;
use super::url::resolve;
use super::week::IsoWeek;

/// A week document or the index larger than this is refused unread: a busy
/// week is a few kilobytes.
pub const SCHEDULE_LIMIT_BYTES: usize = 256 * 1024;

/// The format version these parsers read; documents may omit it.
pub const SCHEDULE_FORMAT_VERSION: u64 = 1;

/// Sáng, chiều or tối: how Vietnamese schedules divide the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 3] = [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening];

    /// "Sáng", as the schedule's sub-headings read.
    pub fn label(self) -> &'static str {
        match self {
            PartOfDay::Morning => "Sáng",
            PartOfDay::Afternoon => "Chiều",
            PartOfDay::Evening => "Tối",
        }
    }

    /// Reads "sáng"/"chiều"/"tối", also typed without accents or capitalised.
    pub fn parse(text: &str) -> Option<PartOfDay> {
        // Through the slug, not `to_lowercase`, whose Unicode tables would
        // weigh on the wasm bundle; the slug folds case and accents alike.
        match super::slug::slugify(text).as_str() {
            "sang" => Some(PartOfDay::Morning),
            "chieu" => Some(PartOfDay::Afternoon),
            "toi" => Some(PartOfDay::Evening),
            _ => None,
        }
    }
}

/// A time of day in minutes since midnight, Vietnam time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u32);

impl ClockTime {
    pub fn new(hour: u32, minute: u32) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then_some(ClockTime(hour * 60 + minute))
    }

    /// Reads "08:30" (24-hour clock, two digits each).
    pub fn parse(text: &str) -> Option<ClockTime> {
        let (hour, minute) = text.split_once(':')?;
        let two_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
        if !two_digits(hour) || !two_digits(minute) {
            return None;
        }
        ClockTime::new(hour.parse().ok()?, minute.parse().ok()?)
    }

    pub fn minute_of_day(self) -> u32 {
        self.0
    }

    pub fn hour(self) -> u32 {
        self.0 / 60
    }

    pub fn minute(self) -> u32 {
        self.0 % 60
    }
}

impl std::fmt::Display for ClockTime {
    /// "08:30".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// One engagement of the department's leaders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub date: Date,
    pub part: PartOfDay,
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
    pub content: String,
    /// Who chairs ("Giám đốc Sở").
    pub chair: Option<String>,
    /// Who attends, as the department writes it.
    pub attendees: Option<String>,
    pub location: Option<String>,
    pub notes: Option<String>,
    /// An invitation or related document, made absolute.
    pub link: Option<String>,
}

impl Entry {
    /// "08:00 – 11:30", "14:00", or "" when the time is not known yet.
    pub fn time_range(&self) -> String {
        match (self.start, self.end) {
            (Some(start), Some(end)) => format!("{start} – {end}"),
            (Some(start), None) => start.to_string(),
            _ => String::new(),
        }
    }
}

/// One week's schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekSchedule {
    pub week: IsoWeek,
    /// When the department last changed it (Unix seconds), if it says.
    pub updated: Option<i64>,
    /// A line shown above the table ("Lịch có thể thay đổi…").
    pub note: Option<String>,
    pub entries: Vec<Entry>,
}

/// The weeks that have a document, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ScheduleIndex {
    pub weeks: Vec<IsoWeek>,
}

/// Parses a week document fetched from `url`; `document` names it in errors.
pub fn parse_week(document: &str, url: &str, text: &str) -> Result<WeekSchedule, DocError> {
    let value = parse_document(document, text, SCHEDULE_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    check_version(&root)?;
    let week = root.with_required("week", read_week)?;
    let updated = root.with_field("updated", |node| node.instant())?;
    let note = root.with_field("note", read_text)?.flatten();
    let entries = root.with_required("entries", |list| list.each(|node| read_entry(node, week, url)))?;
    Ok(WeekSchedule { week, updated, note, entries })
}

/// Parses the index of weeks.
pub fn parse_index(document: &str, _url: &str, text: &str) -> Result<ScheduleIndex, DocError> {
    let value = parse_document(document, text, SCHEDULE_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    check_version(&root)?;
    let mut weeks = root.with_required("weeks", |list| list.each(read_week))?;
    sort_small_by_key(&mut weeks, |week| *week);
    weeks.dedup();
    Ok(ScheduleIndex { weeks })
}

/// A document served for one week must be that week's: a CMS that copied
/// last week's file would otherwise show wrong dates under the right heading.
pub fn expect_week(document: &str, schedule: WeekSchedule, asked: IsoWeek) -> Result<WeekSchedule, DocError> {
    if schedule.week == asked {
        return Ok(schedule);
    }
    let problem = super::error::Problem::WrongType { path: "week".into(), expected: asked.to_string() };
    Err(DocError::new(document, problem))
}

/// The week of `/lich-cong-tac/:year/:week`, if the address names one that
/// exists ("2023", "42"; "2023", "53" does not).
pub fn week_from_route(year: &str, week: &str) -> Option<IsoWeek> {
    fn digits(text: &str, max_len: usize) -> Option<&str> {
        (!text.is_empty() && text.len() <= max_len && text.bytes().all(|b| b.is_ascii_digit())).then_some(text)
    }
    let year: i32 = digits(year, 4)?.parse().ok()?;
    let week: u32 = digits(week, 2)?.parse().ok()?;
    (year >= 1000).then(|| IsoWeek::new(year, week)).flatten()
}

/// The names of the picker's fields: the form sent before the app runs
/// comes back as `?tuan=…&nam=…`, which the app reads by the same names.
pub const WEEK_FIELD: &str = "tuan";
pub const YEAR_FIELD: &str = "nam";

/// The week the picker's form asks for, from its two fields as typed, or
/// the Vietnamese sentence that says the year has no such week.
pub fn picked_week(asked_year: &str, asked_week: &str) -> Result<IsoWeek, String> {
    week_from_route(asked_year.trim(), asked_week.trim())
        .ok_or_else(|| format!("Năm “{asked_year}” không có tuần “{asked_week}”."))
}

fn check_version(root: &Node<'_>) -> Result<(), DocError> {
    root.with_field("version", |node| match node.unsigned()? {
        SCHEDULE_FORMAT_VERSION => Ok(()),
        _ => Err(node.invalid("format version 1")),
    })?;
    Ok(())
}

fn read_week(node: Node<'_>) -> Result<IsoWeek, DocError> {
    IsoWeek::parse(&node.string()?).ok_or_else(|| node.invalid("ISO week like 2023-W42"))
}

/// A trimmed string; blank counts as absent.
fn read_text(node: Node<'_>) -> Result<Option<String>, DocError> {
    let text = node.string()?;
    let trimmed = text.trim();
    Ok((!trimmed.is_empty()).then(|| trimmed.to_string()))
}

fn optional_text(node: &Node<'_>, key: &str) -> Result<Option<String>, DocError> {
    Ok(node.with_field(key, read_text)?.flatten())
}

fn read_time(node: Node<'_>) -> Result<ClockTime, DocError> {
    ClockTime::parse(&node.string()?).ok_or_else(|| node.invalid("time like 08:30"))
}

fn read_entry(node: Node<'_>, week: IsoWeek, url: &str) -> Result<Entry, DocError> {
    let date = node.with_required("date", |field| {
        let date = Date::parse_iso(&field.string()?).ok_or_else(|| field.invalid("date like 2023-10-16"))?;
        let in_week = IsoWeek::containing(date) == week;
        in_week.then_some(date).ok_or_else(|| field.invalid(&format!("a date in week {week}")))
    })?;
    let part = node.with_required("part", |field| {
        PartOfDay::parse(&field.string()?).ok_or_else(|| field.invalid("sáng, chiều or tối"))
    })?;
    let start = node.with_field("start", read_time)?;
    let end = node.with_field("end", |field| {
        let end = read_time(field)?;
        match start {
            Some(start) if end < start => Err(field.invalid("a time after start")),
            _ => Ok(end),
        }
    })?;
    let content = node.with_required("content", |field| read_text(field)?.ok_or_else(|| field.invalid("text")))?;
    Ok(Entry {
        date,
        part,
        start,
        // An end without a start says nothing a visitor can use.
        end: start.and(end),
        content,
        chair: optional_text(&node, "chair")?,
        attendees: optional_text(&node, "attendees")?,
        location: optional_text(&node, "location")?,
        notes: optional_text(&node, "notes")?,
        // Only web links: a `javascript:` URL must never reach an href.
        link: optional_text(&node, "link")?
            .map(|link| resolve(url, &link))
            .filter(|link| link.starts_with("https://") || link.starts_with("http://")),
    })
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
