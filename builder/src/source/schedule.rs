//! `content/lich-cong-tac/YYYY-Www.yml`: one ISO week of the leaders'
//! schedule, read into the week document of schedule.md field for field
//! (content-sources.md, "The weekly schedule").

use super::datetime::{parse_date_time, DATE_TIME_FORMS};
use super::fields::Fields;
use super::media::resolve;
use super::problem::Problem;
use super::yaml::{self, Node};
use portal_core::date::Date;
use portal_core::slug::slugify;
use portal_core::week::IsoWeek;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A week document (`data/lich-cong-tac/YYYY-Www.json`), in its fields' order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekDocument {
    pub version: u32,
    pub week: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub entries: Vec<Entry>,
    /// Media files the week links (paths from `content/`); not written.
    #[serde(skip)]
    pub media: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub date: String,
    pub part: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub content: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendees: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// The ISO week a week file is named after: "2023-W42.yml", or
/// "2023-w42.yml" as Decap CMS writes it (it lower-cases every file name
/// it makes from a field, and has no setting against it).
pub fn week_of_file(name: &str) -> Option<IsoWeek> {
    IsoWeek::parse(&name.strip_suffix(".yml")?.replacen("-w", "-W", 1))
}

/// Reads the week file named `name` ("2023-W42.yml").
pub fn read_week(content_dir: &Path, name: &str, text: &str, shown: &str) -> Result<WeekDocument, Vec<Problem>> {
    let Some(week) = week_of_file(name) else {
        let message = "a week file is named after its ISO week, YYYY-Www.yml (2023-W42.yml)";
        return Err(vec![Problem::new(shown, 0, "", message)]);
    };
    let node = yaml::parse(text, shown, 1).map_err(|problem| vec![problem])?;
    let mut fields = Fields::of(&node, shown, "", "a week").map_err(|problem| vec![problem])?;
    let week_name = week.to_string();
    if let Some(written) = fields.text("week").filter(|written| *written != week_name) {
        let line = fields.line_of("week");
        fields.report("week", line, format!("\"{written}\" is not the file's week {week_name}"));
    }
    let updated = fields.text("updated").and_then(|text| {
        let parsed = parse_date_time(&text).map(|date| date.text);
        if parsed.is_none() {
            fields.report("updated", fields.line_of("updated"), format!("\"{text}\": {DATE_TIME_FORMS}"));
        }
        parsed
    });
    let note = fields.text("note");
    let line = fields.line_of("entries");
    let items = fields.list("entries");
    if items.is_none() && !fields.problems.iter().any(|p| p.field == "entries") {
        let absent =
            !matches!(&node.value, yaml::Value::Map(entries) if entries.iter().any(|(key, ..)| key == "entries"));
        if absent {
            fields.report("entries", line, "required (write `entries: []` for a week without engagements)");
        }
    }
    let mut document =
        WeekDocument { version: 1, week: week_name, updated, note, entries: Vec::new(), media: Vec::new() };
    let mut problems = fields.finish();
    for (index, item) in items.unwrap_or_default().iter().enumerate() {
        match read_entry(item, &format!("entries[{index}]."), week, content_dir, shown, &mut document.media) {
            Ok(entry) => document.entries.push(entry),
            Err(more) => problems.extend(more),
        }
    }
    if problems.is_empty() {
        Ok(document)
    } else {
        Err(problems)
    }
}

fn read_entry(
    item: &Node,
    prefix: &str,
    week: IsoWeek,
    content_dir: &Path,
    shown: &str,
    media: &mut Vec<String>,
) -> Result<Entry, Vec<Problem>> {
    let mut fields = Fields::of(item, shown, prefix, "an engagement").map_err(|problem| vec![problem])?;
    let date = fields.required_text("date");
    if let Some(text) = &date {
        match Date::parse_iso(text) {
            Some(day) if IsoWeek::containing(day) == week => {}
            Some(_) => fields.report("date", fields.line_of("date"), format!("{text} is not in the week {week}")),
            None => fields.report("date", fields.line_of("date"), format!("\"{text}\": expected a day, YYYY-MM-DD")),
        }
    }
    let part = fields.required_text("part").and_then(|text| {
        let canonical = match slugify(&text).as_str() {
            "sang" => Some("sáng"),
            "chieu" => Some("chiều"),
            "toi" => Some("tối"),
            _ => None,
        };
        if canonical.is_none() {
            fields.report("part", fields.line_of("part"), format!("\"{text}\": expected sáng, chiều or tối"));
        }
        canonical.map(str::to_string)
    });
    let start = time_field(&mut fields, "start");
    let end = time_field(&mut fields, "end");
    match (&start, &end) {
        (None, Some(_)) => fields.report("end", fields.line_of("end"), "an end time needs a start time"),
        (Some(start), Some(end)) if end < start => {
            fields.report("end", fields.line_of("end"), format!("{end} is before the start, {start}"))
        }
        _ => {}
    }
    let content = fields.required_text("content");
    let (chair, attendees) = (fields.text("chair"), fields.text("attendees"));
    let (location, notes) = (fields.text("location"), fields.text("notes"));
    let link = fields.text("link").and_then(|link| {
        let lower = link.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            return Some(link);
        }
        match resolve(&link, "lich-cong-tac", content_dir) {
            // The week document lies in data/lich-cong-tac/.
            Ok(file) => {
                let url = format!("../{}", file.path);
                media.push(file.path);
                Some(url)
            }
            Err(why) => {
                fields.report("link", fields.line_of("link"), why);
                None
            }
        }
    });
    let problems = fields.finish();
    match (date, part, content) {
        (Some(date), Some(part), Some(content)) if problems.is_empty() => {
            Ok(Entry { date, part, start, end, content, chair, attendees, location, notes, link })
        }
        _ => Err(problems),
    }
}

/// An `HH:MM` field (24-hour).
fn time_field(fields: &mut Fields<'_>, key: &str) -> Option<String> {
    let text = fields.text(key)?;
    let valid = text.len() == 5
        && text.as_bytes()[2] == b':'
        && text[..2].parse::<u32>().is_ok_and(|hour| hour < 24)
        && text[3..].parse::<u32>().is_ok_and(|minute| minute < 60);
    if !valid {
        fields.report(key, fields.line_of(key), format!("\"{text}\": expected a time, HH:MM (07:30)"));
        return None;
    }
    Some(text)
}
