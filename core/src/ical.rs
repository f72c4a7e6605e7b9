//! A week's schedule as an iCalendar file (RFC 5545), so visitors can import
//! it into their calendar program.
//!
//! Times are written as local times with `TZID=Asia/Ho_Chi_Minh`, and the file
//! carries that zone's definition: Vietnam keeps UTC+7 all year, so one
//! STANDARD component describes it completely, and programs that do not know
//! the IANA name still place the events right.

use super::agenda::ASSUMED_DURATION_MINUTES;
use super::date::{Date, VietnamTime};
use super::schedule::{Entry, WeekSchedule};

pub const TIME_ZONE: &str = "Asia/Ho_Chi_Minh";
/// RFC 5545 §3.1: content lines should not be longer than 75 octets.
const MAX_LINE_OCTETS: usize = 75;

/// The calendar file for `schedule`. `stamp_unix` becomes every event's
/// DTSTAMP (when the file was made); `uid_domain` makes the UIDs global, and
/// the UIDs depend only on an entry's date, start and content, so importing a
/// week again updates its events instead of doubling them.
pub fn week_calendar(schedule: &WeekSchedule, calendar_name: &str, stamp_unix: i64, uid_domain: &str) -> String {
    let mut out = String::new();
    let mut line = |text: &str| push_folded(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//So Khoa hoc va Cong nghe Quang Tri//Lich cong tac tuan//VI");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(calendar_name)));
    line(&format!("X-WR-TIMEZONE:{TIME_ZONE}"));
    for zone_line in [
        "BEGIN:VTIMEZONE",
        &format!("TZID:{TIME_ZONE}"),
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0700",
        "TZOFFSETTO:+0700",
        "TZNAME:ICT",
        "END:STANDARD",
        "END:VTIMEZONE",
    ] {
        line(zone_line);
    }
    let stamp = utc_stamp(stamp_unix);
    let mut uids: Vec<String> = Vec::new();
    for entry in &schedule.entries {
        let uid = unique_uid(&mut uids, entry, uid_domain);
        for event_line in event_lines(entry, &uid, &stamp) {
            line(&event_line);
        }
    }
    line("END:VCALENDAR");
    out
}

/// "lich-cong-tac-2023-W42.ics".
pub fn file_name(schedule: &WeekSchedule) -> String {
    format!("lich-cong-tac-{}.ics", schedule.week)
}

fn event_lines(entry: &Entry, uid: &str, stamp: &str) -> Vec<String> {
    let mut lines = vec!["BEGIN:VEVENT".to_string(), format!("UID:{uid}"), format!("DTSTAMP:{stamp}")];
    match entry.start {
        Some(start) => {
            let start_minute = start.minute_of_day();
            let end_minute = entry.end.map_or(start_minute + ASSUMED_DURATION_MINUTES, |end| end.minute_of_day());
            lines.push(format!("DTSTART;TZID={TIME_ZONE}:{}", local_stamp(entry.date, start_minute)));
            lines.push(format!("DTEND;TZID={TIME_ZONE}:{}", local_stamp(entry.date, end_minute)));
        }
        // No time yet: an all-day event on its date (DTEND is exclusive).
        None => {
            lines.push(format!("DTSTART;VALUE=DATE:{}", compact(entry.date)));
            lines.push(format!("DTEND;VALUE=DATE:{}", compact(entry.date.add_days(1))));
        }
    }
    lines.push(format!("SUMMARY:{}", escape_text(&entry.content)));
    if let Some(location) = &entry.location {
        lines.push(format!("LOCATION:{}", escape_text(location)));
    }
    lines.push(format!("DESCRIPTION:{}", escape_text(&description(entry))));
    if let Some(link) = &entry.link {
        lines.push(format!("URL:{link}"));
    }
    lines.push("END:VEVENT".to_string());
    lines
}

/// The details a calendar shows under the title, one per line.
fn description(entry: &Entry) -> String {
    let mut parts = vec![format!("Buổi: {}", entry.part.label())];
    let labelled = [("Chủ trì", &entry.chair), ("Thành phần", &entry.attendees), ("Ghi chú", &entry.notes)];
    for (label, value) in labelled {
        if let Some(value) = value {
            parts.push(format!("{label}: {value}"));
        }
    }
    parts.join("\n")
}

/// TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newline
/// are escaped; other control characters are not allowed and are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded (§3.1) so that no physical line is over 75
/// octets: a continuation starts with one space, and a cut never falls inside
/// a UTF-8 character.
pub fn push_folded(out: &mut String, line: &str) {
    let mut octets_on_line = 0;
    for c in line.chars() {
        if octets_on_line + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            octets_on_line = 1;
        }
        out.push(c);
        octets_on_line += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// "20231016T080000" for a local time; minutes past midnight roll into the next day.
fn local_stamp(date: Date, minute_of_day: u32) -> String {
    let date = date.add_days(i64::from(minute_of_day / 1440));
    let minute = minute_of_day % 1440;
    format!("{}T{:02}{:02}00", compact(date), minute / 60, minute % 60)
}

fn utc_stamp(unix: i64) -> String {
    // Shifted back by Vietnam's offset, the Vietnam reading is the UTC one.
    let utc = VietnamTime::from_unix_seconds(unix - super::date::VIETNAM_OFFSET_SECONDS);
    let seconds = unix.rem_euclid(60);
    let (hour, minute) = (utc.minute_of_day / 60, utc.minute_of_day % 60);
    format!("{}T{hour:02}{minute:02}{seconds:02}Z", compact(utc.date))
}

fn compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// A UID from what identifies an entry to a reader, with a counter for the
/// rare exact duplicates (§3.8.4.7 wants them unique within the file).
fn unique_uid(taken: &mut Vec<String>, entry: &Entry, domain: &str) -> String {
    let start = entry.start.map(|s| s.to_string()).unwrap_or_default();
    let key = format!("{}|{}|{}|{}", entry.date, entry.part.label(), start, entry.content);
    let base = format!("{}-{:016x}", compact(entry.date), fnv1a(key.as_bytes()));
    let mut uid = format!("{base}@{domain}");
    let mut copy = 1;
    while taken.contains(&uid) {
        copy += 1;
        uid = format!("{base}-{copy}@{domain}");
    }
    taken.push(uid.clone());
    uid
}

/// FNV-1a, 64 bits: stable across builds and platforms, unlike std's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
#[path = "ical_tests.rs"]
mod tests;
