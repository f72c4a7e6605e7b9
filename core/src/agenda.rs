//! A week's schedule as the view shows it: seven days, each split into sáng,
//! chiều and tối, entries in time order, with today and what is under way now
//! marked for a given instant in Vietnam time.

use super::date::{Date, VietnamTime};
use super::schedule::{Entry, PartOfDay, ScheduleIndex, WeekSchedule};
use super::small_sort::sort_small_by_key;
use super::week::IsoWeek;

/// How long an entry with a start and no end is taken to last, for the
/// "under way" mark and the calendar file.
pub const ASSUMED_DURATION_MINUTES: u32 = 60;

const WEEKDAY_NAMES: [&str; 7] = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"];

/// "Thứ Hai, 16/10/2023".
pub fn day_name(date: Date) -> String {
    format!("{}, {}", WEEKDAY_NAMES[date.weekday() as usize - 1], date.slashed())
}

/// One day of the week, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaDay {
    pub date: Date,
    pub name: String,
    pub is_today: bool,
    /// Only the parts of the day that have entries, in order; empty for a free day.
    pub parts: Vec<AgendaPart>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaPart {
    pub part: PartOfDay,
    pub entries: Vec<AgendaEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaEntry {
    pub entry: Entry,
    pub under_way: bool,
}

/// Monday to Sunday of `schedule`'s week, grouped and marked for the instant
/// `now_unix` (seconds).
pub fn agenda(schedule: &WeekSchedule, now_unix: i64) -> Vec<AgendaDay> {
    let now = VietnamTime::from_unix_seconds(now_unix);
    schedule
        .week
        .days()
        .into_iter()
        .map(|date| AgendaDay {
            date,
            name: day_name(date),
            is_today: date == now.date,
            parts: parts_of(sorted_entries_on(schedule, date), now),
        })
        .collect()
}

/// Today's entries (in Vietnam time), in the order the day runs.
pub fn today(schedule: &WeekSchedule, now_unix: i64) -> Vec<AgendaEntry> {
    let now = VietnamTime::from_unix_seconds(now_unix);
    sorted_entries_on(schedule, now.date)
        .into_iter()
        .map(|entry| AgendaEntry { under_way: is_under_way(&entry, now), entry })
        .collect()
}

/// Whether `entry` is going on at `now`: from its start to its end, or for
/// [`ASSUMED_DURATION_MINUTES`] when no end is given. Without a start nobody
/// can tell, so it is not marked.
pub fn is_under_way(entry: &Entry, now: VietnamTime) -> bool {
    let Some(start) = entry.start else { return false };
    let start = start.minute_of_day();
    let end = entry.end.map_or(start + ASSUMED_DURATION_MINUTES, |end| end.minute_of_day());
    entry.date == now.date && (start..end.max(start + 1)).contains(&now.minute_of_day)
}

/// The entries of `date`: by part of day, then by start time; entries whose
/// time is not known yet come last in their part, in the document's order.
fn sorted_entries_on(schedule: &WeekSchedule, date: Date) -> Vec<Entry> {
    let mut entries: Vec<Entry> = schedule.entries.iter().filter(|entry| entry.date == date).cloned().collect();
    sort_small_by_key(&mut entries, |entry| (entry.part, entry.start.is_none(), entry.start));
    entries
}

fn parts_of(entries: Vec<Entry>, now: VietnamTime) -> Vec<AgendaPart> {
    let mut parts: Vec<AgendaPart> = Vec::new();
    for entry in entries {
        let marked = AgendaEntry { under_way: is_under_way(&entry, now), entry };
        match parts.last_mut() {
            Some(last) if last.part == marked.entry.part => last.entries.push(marked),
            _ => parts.push(AgendaPart { part: marked.entry.part, entries: vec![marked] }),
        }
    }
    parts
}

/// The closest weeks before and after `week` that have a document, for the
/// "Chưa có lịch công tác cho tuần này" message.
pub fn nearest_weeks(index: &ScheduleIndex, week: IsoWeek) -> (Option<IsoWeek>, Option<IsoWeek>) {
    let earlier = index.weeks.iter().copied().filter(|w| *w < week).max();
    let later = index.weeks.iter().copied().filter(|w| *w > week).min();
    (earlier, later)
}

/// The weeks the schedule's pages reach, first and last: from the week
/// before the earliest published week (or before this week, if that is
/// earlier) to the week after the latest (or after this week). The
/// prerender draws a page for every week in it, published or not, and a
/// week's "Tuần trước" and "Tuần sau" links stay inside it, so every link
/// leads to a page. A published week and this week always have both links.
pub fn week_reach(index: &ScheduleIndex, this_week: IsoWeek) -> (IsoWeek, IsoWeek) {
    let earliest = index.weeks.iter().copied().min().map_or(this_week, |first| first.min(this_week));
    let latest = index.weeks.iter().copied().max().map_or(this_week, |last| last.max(this_week));
    (earliest.previous(), latest.next())
}

/// The week before and the week after `week` that its links lead to:
/// those inside `reach` (`week_reach`); without it, both.
pub fn week_steps(week: IsoWeek, reach: Option<(IsoWeek, IsoWeek)>) -> (Option<IsoWeek>, Option<IsoWeek>) {
    let (earliest, latest) = reach.unwrap_or((IsoWeek::MIN, IsoWeek::MAX));
    let previous = Some(week.previous()).filter(|previous| *previous >= earliest);
    let next = Some(week.next()).filter(|next| *next <= latest);
    (previous, next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_rfc3339;
    use crate::schedule::parse_week;

    fn sample() -> WeekSchedule {
        let text = r#"{"week":"2023-W42","entries":[
            {"date":"2023-10-19","part":"chiều","start":"14:00","content":"C"},
            {"date":"2023-10-19","part":"sáng","content":"B (chưa định giờ)"},
            {"date":"2023-10-19","part":"sáng","start":"08:00","end":"11:30","content":"A"},
            {"date":"2023-10-19","part":"tối","start":"19:30","content":"D"},
            {"date":"2023-10-16","part":"sáng","start":"07:30","content":"Chào cờ"}
        ]}"#;
        parse_week("d", "https://h.vn/x.json", text).unwrap()
    }

    fn at(rfc3339: &str) -> i64 {
        parse_rfc3339(rfc3339).unwrap()
    }

    #[test]
    fn day_names_run_monday_to_sunday() {
        let week = IsoWeek::new(2023, 42).unwrap();
        let names: Vec<String> = week.days().into_iter().map(day_name).collect();
        assert_eq!(names[0], "Thứ Hai, 16/10/2023");
        assert_eq!(names[3], "Thứ Năm, 19/10/2023");
        assert_eq!(names[6], "Chủ Nhật, 22/10/2023");
    }

    #[test]
    fn groups_by_day_then_part_then_time() {
        let days = agenda(&sample(), at("2023-10-19T03:00:00Z"));
        assert_eq!(days.len(), 7);
        let thursday = &days[3];
        let layout: Vec<(PartOfDay, Vec<&str>)> = thursday
            .parts
            .iter()
            .map(|part| (part.part, part.entries.iter().map(|e| e.entry.content.as_str()).collect()))
            .collect();
        assert_eq!(
            layout,
            [
                (PartOfDay::Morning, vec!["A", "B (chưa định giờ)"]),
                (PartOfDay::Afternoon, vec!["C"]),
                (PartOfDay::Evening, vec!["D"]),
            ]
        );
        assert!(days[1].parts.is_empty(), "Tuesday has nothing");
    }

    #[test]
    fn today_and_under_way_follow_vietnam_time() {
        // 03:00 UTC is 10:00 in Vietnam: A (08:00–11:30) is under way.
        let days = agenda(&sample(), at("2023-10-19T03:00:00Z"));
        assert!(days[3].is_today && days.iter().filter(|d| d.is_today).count() == 1);
        let morning = &days[3].parts[0].entries;
        assert!(morning[0].under_way && !morning[1].under_way, "an entry without a time is never 'now'");
        // Wednesday 18:30 UTC is already Thursday 01:30 in Vietnam.
        assert!(agenda(&sample(), at("2023-10-18T18:30:00Z"))[3].is_today);
        // 11:30 sharp: A has ended.
        assert!(!agenda(&sample(), at("2023-10-19T04:30:00Z"))[3].parts[0].entries[0].under_way);
    }

    #[test]
    fn an_entry_without_end_lasts_the_assumed_duration() {
        let evening = |utc: &str| today(&sample(), at(utc)).into_iter().find(|e| e.entry.content == "D").unwrap();
        assert!(evening("2023-10-19T12:45:00Z").under_way, "19:45");
        assert!(!evening("2023-10-19T13:30:00Z").under_way, "20:30, an hour after 19:30");
        assert!(!evening("2023-10-19T12:29:00Z").under_way, "19:29, not started");
    }

    #[test]
    fn today_lists_only_todays_entries_in_order() {
        let contents: Vec<String> =
            today(&sample(), at("2023-10-19T01:00:00Z")).into_iter().map(|e| e.entry.content).collect();
        assert_eq!(contents, ["A", "B (chưa định giờ)", "C", "D"]);
        assert!(today(&sample(), at("2023-10-21T01:00:00Z")).is_empty());
    }

    #[test]
    fn the_reach_runs_from_before_the_first_week_to_after_the_last() {
        let week = |text| IsoWeek::parse(text).unwrap();
        let index = ScheduleIndex { weeks: vec![week("2023-W42"), week("2023-W40"), week("2024-W01")] };
        assert_eq!(week_reach(&index, week("2026-W49")), (week("2023-W39"), week("2026-W50")));
        // This week earlier than every published week.
        assert_eq!(week_reach(&index, week("2023-W01")), (week("2022-W52"), week("2024-W02")));
        assert_eq!(week_reach(&ScheduleIndex::default(), week("2026-W01")), (week("2025-W52"), week("2026-W02")));
    }

    #[test]
    fn a_week_links_only_to_weeks_inside_the_reach() {
        let week = |text| IsoWeek::parse(text).unwrap();
        let reach = Some((week("2023-W39"), week("2026-W50")));
        assert_eq!(week_steps(week("2023-W42"), reach), (Some(week("2023-W41")), Some(week("2023-W43"))));
        assert_eq!(week_steps(week("2023-W39"), reach), (None, Some(week("2023-W40"))));
        assert_eq!(week_steps(week("2026-W50"), reach), (Some(week("2026-W49")), None));
        assert_eq!(week_steps(week("2020-W53"), None), (Some(week("2020-W52")), Some(week("2021-W01"))));
        // Every week of the reach links only inside it: no link leads out.
        let index = ScheduleIndex { weeks: vec![week("2023-W52"), week("2024-W02")] };
        let (first, last) = week_reach(&index, week("2024-W01"));
        let mut shown = first;
        while shown <= last {
            let (previous, next) = week_steps(shown, Some((first, last)));
            assert!(previous.into_iter().chain(next).all(|linked| first <= linked && linked <= last));
            // Published weeks and this week link both ways.
            if index.weeks.contains(&shown) || shown == week("2024-W01") {
                assert!(previous.is_some() && next.is_some(), "{shown:?}");
            }
            shown = shown.next();
        }
    }

    #[test]
    fn nearest_weeks_with_a_document() {
        let weeks = ["2023-W40", "2023-W42", "2024-W01", "2026-W48"];
        let index = ScheduleIndex { weeks: weeks.iter().map(|w| IsoWeek::parse(w).unwrap()).collect() };
        let asked = IsoWeek::parse("2023-W45").unwrap();
        assert_eq!(nearest_weeks(&index, asked), (IsoWeek::parse("2023-W42"), IsoWeek::parse("2024-W01")));
        assert_eq!(nearest_weeks(&index, IsoWeek::parse("2027-W01").unwrap()), (IsoWeek::parse("2026-W48"), None));
        assert_eq!(nearest_weeks(&ScheduleIndex::default(), asked), (None, None));
    }
}
