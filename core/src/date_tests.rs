use super::*;

#[test]
fn epoch_round_trips_over_four_centuries() {
    for days in (-200_000..200_000).step_by(97) {
        assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
    }
    assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
    assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
}

#[test]
fn weekdays_match_the_calendar() {
    assert_eq!(Date::new(2023, 10, 16).unwrap().weekday(), 1); // Monday
    assert_eq!(Date::new(2023, 10, 19).unwrap().weekday(), 4); // Thursday
    assert_eq!(Date::new(2024, 12, 29).unwrap().weekday(), 7); // Sunday
}

#[test]
fn impossible_dates_are_refused() {
    assert!(Date::new(2023, 2, 29).is_none());
    assert!(Date::new(2024, 2, 29).is_some());
    assert!(Date::new(1900, 2, 29).is_none());
    assert!(Date::new(2023, 13, 1).is_none());
    assert!(Date::parse_iso("2023-1-19").is_none());
}

#[test]
fn rfc3339_instants_show_in_vietnam_time() {
    assert_eq!(vietnam_date_dashed("2023-10-19T08:30:00+07:00").as_deref(), Some("19-10-2023"));
    // 18:00 UTC is already the next day in Vietnam.
    assert_eq!(vietnam_date_dashed("2023-10-18T18:00:00Z").as_deref(), Some("19-10-2023"));
    assert_eq!(vietnam_date_dashed("2023-10-19T16:59:59.999Z").as_deref(), Some("19-10-2023"));
    assert_eq!(vietnam_date_dashed("2023-10-19T12:00:00-05:00").as_deref(), Some("20-10-2023"));
}

#[test]
fn malformed_instants_are_none_not_panics() {
    for bad in [
        "",
        "2023-10-19",
        "2023-10-19T25:00:00Z",
        "2023-10-19T08:30:00",
        "2023-10-19T08:30:00+7",
        "2023-10-19T08:30:00.Z",
        "２０２３-10-19T08:30:00Z",
        "2023-10-19Tá8:30:00Z",
    ] {
        assert_eq!(parse_rfc3339(bad), None, "{bad}");
    }
}

#[test]
fn instants_are_written_in_vietnam_time() {
    assert_eq!(rfc3339_vietnam(1_697_677_500), "2023-10-19T08:05:00+07:00");
    assert_eq!(rfc3339_vietnam(1_697_677_200), "2023-10-19T08:00:00+07:00");
    assert_eq!(rfc3339_vietnam(0), "1970-01-01T07:00:00+07:00");
    // 2024-02-29 23:59:59 in Vietnam, a leap day.
    assert_eq!(rfc3339_vietnam(1_709_225_999), "2024-02-29T23:59:59+07:00");
    // Before 1970, the seconds still count forward within the minute.
    assert_eq!(rfc3339_vietnam(-1), "1970-01-01T06:59:59+07:00");
    for unix in [-86_401, 0, 1_697_677_512, 1_709_225_999] {
        assert_eq!(parse_rfc3339(&rfc3339_vietnam(unix)), Some(unix));
    }
}

#[test]
fn the_vietnamese_day_changes_at_midnight_in_vietnam_not_utc() {
    // 2023-10-19 16:59:59 UTC is 23:59:59 in Vietnam.
    let before_midnight = 1_697_734_799;
    assert_eq!(vietnam_day_number(before_midnight) + 1, vietnam_day_number(before_midnight + 1));
    // UTC midnight is 07:00 in Vietnam: the same Vietnamese day.
    let utc_midnight = 1_697_760_000;
    assert_eq!(vietnam_day_number(utc_midnight - 1), vietnam_day_number(utc_midnight));
    let day = vietnam_day_number(before_midnight);
    assert_eq!(Date::from_days_since_epoch(day), Date::new(2023, 10, 19).unwrap());
}

#[test]
fn clock_reads_minutes_in_vietnam_time() {
    let t = VietnamTime::from_unix_seconds(parse_rfc3339("2023-10-19T01:05:00Z").unwrap());
    assert_eq!(t.clock(), "08:05");
}
