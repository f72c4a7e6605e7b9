//! Calendar dates, RFC 3339 instants and their Vietnamese renderings.
//!
//! The portal shows every date in Vietnam time (UTC+7, no daylight saving),
//! whatever the visitor's own time zone, so the arithmetic is done here on
//! plain numbers rather than through the browser's locale machinery.

use std::fmt;

/// Vietnam's offset from UTC in seconds (Asia/Ho_Chi_Minh, UTC+7 all year).
pub const VIETNAM_OFFSET_SECONDS: i64 = 7 * 3600;

const SECONDS_PER_DAY: i64 = 86_400;

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil, on a year that starts in March.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
        let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date { year: year as i32, month, day }
    }

    /// ISO weekday: 1 for Monday … 7 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.days_since_epoch() + 3).rem_euclid(7) + 1) as u32
    }

    /// The date `days` days later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// "19-10-2023", as the portal prints "Ngày đăng".
    pub fn dashed(self) -> String {
        format!("{:02}-{:02}-{:04}", self.day, self.month, self.year)
    }

    /// "16/10/2023", as Vietnamese text writes a date.
    pub fn slashed(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// Parses "2023-10-19".
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let year = parse_digits(parts.next()?, 4)? as i32;
        let month = parse_digits(parts.next()?, 2)?;
        let day = parse_digits(parts.next()?, 2)?;
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    /// ISO 8601: "2023-10-19".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// How many days `month` of `year` has (0 for a month that does not exist).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A moment in Vietnam time: the calendar date and the minutes since midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct VietnamTime {
    pub date: Date,
    pub minute_of_day: u32,
}

impl VietnamTime {
    /// The Vietnam-time reading of a Unix instant in seconds.
    pub fn from_unix_seconds(seconds: i64) -> VietnamTime {
        let local = seconds + VIETNAM_OFFSET_SECONDS;
        VietnamTime {
            date: Date::from_days_since_epoch(local.div_euclid(SECONDS_PER_DAY)),
            minute_of_day: (local.rem_euclid(SECONDS_PER_DAY) / 60) as u32,
        }
    }

    /// "08:05".
    pub fn clock(self) -> String {
        format!("{:02}:{:02}", self.minute_of_day / 60, self.minute_of_day % 60)
    }
}

/// The day number (days since 1970-01-01) of a Unix instant's date in
/// Vietnam: it changes at 00:00 UTC+7, not at midnight UTC.
pub fn vietnam_day_number(unix_seconds: i64) -> i64 {
    (unix_seconds + VIETNAM_OFFSET_SECONDS).div_euclid(SECONDS_PER_DAY)
}

/// "2023-10-19T08:05:00+07:00": a Unix instant in Vietnam time, to the
/// second, as the documents and the pages' heads write one.
pub fn rfc3339_vietnam(unix_seconds: i64) -> String {
    let local = VietnamTime::from_unix_seconds(unix_seconds);
    let Date { year, month, day } = local.date;
    let (hour, minute) = (local.minute_of_day / 60, local.minute_of_day % 60);
    let second = unix_seconds.rem_euclid(60);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}+07:00")
}

/// Parses an RFC 3339 date-time ("2023-10-19T08:30:00+07:00", "…Z", with or
/// without fractional seconds) into Unix seconds. `None` for anything else.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.len() < 20 || !text.is_char_boundary(10) {
        return None;
    }
    let (date_part, rest) = text.split_at(10);
    let date = Date::parse_iso(date_part)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    if rest.len() < 8 || !rest.is_char_boundary(8) {
        return None;
    }
    let (clock, mut zone) = rest.split_at(8);
    let hour = parse_digits(clock.get(0..2)?, 2)?;
    let minute = parse_digits(clock.get(3..5)?, 2)?;
    let second = parse_digits(clock.get(6..8)?, 2)?;
    if &clock[2..3] != ":" || &clock[5..6] != ":" || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    if let Some(fraction) = zone.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        zone = &fraction[digits..];
    }
    let offset = match zone {
        "Z" | "z" => 0,
        _ => parse_offset(zone)?,
    };
    let seconds_of_day = i64::from(hour * 3600 + minute * 60 + second);
    Some(date.days_since_epoch() * SECONDS_PER_DAY + seconds_of_day - offset)
}

/// "+07:00" → 25200 seconds; "-05:30" → -19800.
fn parse_offset(zone: &str) -> Option<i64> {
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    if zone.len() != 6 || &zone[3..4] != ":" {
        return None;
    }
    let hours = parse_digits(&zone[1..3], 2)?;
    let minutes = parse_digits(&zone[4..6], 2)?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * i64::from(hours * 3600 + minutes * 60))
}

/// Exactly `len` ASCII digits as a number.
fn parse_digits(text: &str, len: usize) -> Option<u32> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The Vietnam-time date of an RFC 3339 instant, as "19-10-2023".
pub fn vietnam_date_dashed(rfc3339: &str) -> Option<String> {
    parse_rfc3339(rfc3339).map(|s| VietnamTime::from_unix_seconds(s).date.dashed())
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;
