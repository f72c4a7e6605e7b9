//! ISO 8601 weeks: Monday to Sunday, week 1 holds the year's first Thursday.
//!
//! The work schedule is published one document per ISO week, named
//! `YYYY-Www` ("2023-W42"), and its routes are `/lich-cong-tac/:year/:week`.

use super::date::{Date, VietnamTime};
use std::fmt;

/// One ISO week of one ISO week-numbering year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    /// Before and after every week a schedule names.
    pub const MIN: IsoWeek = IsoWeek { year: i32::MIN, week: 1 };
    pub const MAX: IsoWeek = IsoWeek { year: i32::MAX, week: 1 };

    /// The week, if `year` has a week numbered `week` (1 to 52 or 53).
    pub fn new(year: i32, week: u32) -> Option<IsoWeek> {
        (week >= 1 && week <= weeks_in_year(year)).then_some(IsoWeek { year, week })
    }

    /// The ISO week that holds `date`.
    pub fn containing(date: Date) -> IsoWeek {
        // The week belongs to the year of its Thursday.
        let thursday = date.add_days(4 - i64::from(date.weekday()));
        let first_of_year = Date { year: thursday.year, month: 1, day: 1 };
        let day_of_year = thursday.days_since_epoch() - first_of_year.days_since_epoch();
        IsoWeek { year: thursday.year, week: (day_of_year / 7 + 1) as u32 }
    }

    /// The week that holds the instant `unix_seconds` in Vietnam time.
    pub fn current_in_vietnam(unix_seconds: i64) -> IsoWeek {
        IsoWeek::containing(VietnamTime::from_unix_seconds(unix_seconds).date)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn week(self) -> u32 {
        self.week
    }

    /// The Monday that starts the week.
    pub fn monday(self) -> Date {
        let january_4 = Date { year: self.year, month: 1, day: 4 };
        let week_1_monday = january_4.add_days(1 - i64::from(january_4.weekday()));
        week_1_monday.add_days(7 * (i64::from(self.week) - 1))
    }

    /// The Sunday that ends the week.
    pub fn sunday(self) -> Date {
        self.monday().add_days(6)
    }

    /// Monday to Sunday, in order.
    pub fn days(self) -> [Date; 7] {
        let monday = self.monday();
        std::array::from_fn(|offset| monday.add_days(offset as i64))
    }

    pub fn next(self) -> IsoWeek {
        IsoWeek::containing(self.monday().add_days(7))
    }

    pub fn previous(self) -> IsoWeek {
        IsoWeek::containing(self.monday().add_days(-7))
    }

    /// Parses "2023-W42" (the schedule documents' names).
    pub fn parse(text: &str) -> Option<IsoWeek> {
        let (year, week) = text.split_once("-W")?;
        if year.len() != 4 || week.len() != 2 {
            return None;
        }
        IsoWeek::new(year.parse().ok()?, week.parse().ok()?)
    }

    /// "Tuần 42 (16/10/2023 – 22/10/2023)", as the schedule's heading reads.
    pub fn heading(self) -> String {
        format!("Tuần {} ({} – {})", self.week, self.monday().slashed(), self.sunday().slashed())
    }
}

impl fmt::Display for IsoWeek {
    /// "2023-W42".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52.
pub fn weeks_in_year(year: i32) -> u32 {
    let december_28 = Date { year, month: 12, day: 28 };
    IsoWeek::containing(december_28).week
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_rfc3339;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn week_one_can_start_in_december() {
        assert_eq!(IsoWeek::new(2024, 1).unwrap().monday(), date(2024, 1, 1));
        assert_eq!(IsoWeek::new(2026, 1).unwrap().monday(), date(2025, 12, 29));
        assert_eq!(IsoWeek::containing(date(2025, 12, 31)), IsoWeek::new(2026, 1).unwrap());
        assert_eq!(IsoWeek::containing(date(2021, 1, 3)), IsoWeek::new(2020, 53).unwrap());
    }

    #[test]
    fn years_with_53_weeks() {
        for year in [2015, 2020, 2026, 2032] {
            assert_eq!(weeks_in_year(year), 53, "{year}");
        }
        for year in [2021, 2023, 2024, 2025] {
            assert_eq!(weeks_in_year(year), 52, "{year}");
        }
        assert!(IsoWeek::new(2023, 53).is_none());
        assert!(IsoWeek::new(2023, 0).is_none());
    }

    #[test]
    fn seed_week_spans_monday_to_sunday() {
        let week = IsoWeek::containing(date(2023, 10, 19));
        assert_eq!(week.to_string(), "2023-W42");
        assert_eq!(week.heading(), "Tuần 42 (16/10/2023 – 22/10/2023)");
        assert_eq!(week.days()[6], date(2023, 10, 22));
    }

    #[test]
    fn next_and_previous_cross_year_boundaries() {
        let last_of_2020 = IsoWeek::new(2020, 53).unwrap();
        assert_eq!(last_of_2020.next(), IsoWeek::new(2021, 1).unwrap());
        assert_eq!(IsoWeek::new(2021, 1).unwrap().previous(), last_of_2020);
        assert_eq!(IsoWeek::new(2023, 52).unwrap().next().to_string(), "2024-W01");
    }

    #[test]
    fn sunday_night_utc_is_already_monday_in_vietnam() {
        // Sunday 2023-10-22 18:30 UTC is Monday 01:30 in Vietnam: week 43.
        let instant = parse_rfc3339("2023-10-22T18:30:00Z").unwrap();
        assert_eq!(IsoWeek::current_in_vietnam(instant).to_string(), "2023-W43");
        let earlier = parse_rfc3339("2023-10-22T16:59:00Z").unwrap();
        assert_eq!(IsoWeek::current_in_vietnam(earlier).to_string(), "2023-W42");
    }

    #[test]
    fn parses_document_names() {
        assert_eq!(IsoWeek::parse("2026-W53"), IsoWeek::new(2026, 53));
        for bad in ["2023-W53", "2023-W4", "23-W42", "2023W42", "", "2023-W-1"] {
            assert_eq!(IsoWeek::parse(bad), None, "{bad}");
        }
    }
}
