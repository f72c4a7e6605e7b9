//! Time as the counter needs it: milliseconds since the Unix epoch, the day
//! in Vietnam (UTC+7, no daylight saving) that "today" counts, and the
//! RFC 3339 text of `counted_at`.

use std::time::{SystemTime, UNIX_EPOCH};

/// Vietnam is UTC+7 all year.
pub const VIETNAM_OFFSET_MS: i64 = 7 * 3600 * 1000;
const DAY_MS: i64 = 86_400_000;

pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// Days since 1970-01-01 in Vietnam time: changes at 00:00 UTC+7.
pub fn vietnam_day(at_ms: i64) -> i64 {
    (at_ms + VIETNAM_OFFSET_MS).div_euclid(DAY_MS)
}

/// "2023-10-19T08:05:00+07:00": the instant in Vietnam time, to the second.
pub fn rfc3339_vietnam(at_ms: i64) -> String {
    let local = at_ms + VIETNAM_OFFSET_MS;
    let (year, month, day) = civil_from_days(local.div_euclid(DAY_MS));
    let seconds = local.rem_euclid(DAY_MS) / 1000;
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+07:00", seconds / 3600, seconds % 3600 / 60, seconds % 60)
}

/// The proleptic Gregorian date of a day number (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_at_is_vietnam_time() {
        assert_eq!(rfc3339_vietnam(1_697_677_500_000), "2023-10-19T08:05:00+07:00");
        assert_eq!(rfc3339_vietnam(0), "1970-01-01T07:00:00+07:00");
        // 2024-02-29 23:59:59 in Vietnam, a leap day.
        assert_eq!(rfc3339_vietnam(1_709_225_999_000), "2024-02-29T23:59:59+07:00");
    }

    #[test]
    fn the_day_changes_at_midnight_in_vietnam_not_utc() {
        // 2023-10-19 16:59:59.999 UTC is 23:59:59.999 in Vietnam.
        let before_midnight = 1_697_734_799_999;
        assert_eq!(vietnam_day(before_midnight) + 1, vietnam_day(before_midnight + 1));
        // UTC midnight is 07:00 in Vietnam: the same Vietnamese day.
        let utc_midnight = 1_697_760_000_000;
        assert_eq!(vietnam_day(utc_midnight - 1), vietnam_day(utc_midnight));
    }
}
