//! Time as the counter needs it: milliseconds since the Unix epoch (the
//! store's unit, fine enough for the online window and the rate limit), the
//! day in Vietnam that "today" counts, and the RFC 3339 text of
//! `counted_at`. The calendar is the portal's one (`portal_core::date`);
//! this only converts milliseconds to its seconds.

use portal_core::date::{rfc3339_vietnam as rfc3339_vietnam_seconds, vietnam_day_number};
use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// Days since 1970-01-01 in Vietnam time: changes at 00:00 UTC+7.
pub fn vietnam_day(at_ms: i64) -> i64 {
    vietnam_day_number(at_ms.div_euclid(1000))
}

/// "2023-10-19T08:05:00+07:00": the instant in Vietnam time, to the second.
pub fn rfc3339_vietnam(at_ms: i64) -> String {
    rfc3339_vietnam_seconds(at_ms.div_euclid(1000))
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
        // Milliseconds are dropped, never rounded up into the next second.
        assert_eq!(rfc3339_vietnam(1_697_677_500_999), "2023-10-19T08:05:00+07:00");
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
