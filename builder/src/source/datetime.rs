//! The date-times a source may hold (content-sources.md, "Date-times"): RFC
//! 3339 with an offset, or a Vietnam wall-clock time without one. The
//! documents always carry RFC 3339 in `+07:00`, whatever the source wrote.

use portal_core::date::{parse_rfc3339, rfc3339_vietnam};

/// A date-time read from a source: its instant and its canonical text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTime {
    pub unix_seconds: i64,
    /// "2023-10-19T08:00:00+07:00".
    pub text: String,
}

/// What the contract accepts, for messages.
pub const DATE_TIME_FORMS: &str =
    "expected a date and time such as 2023-10-19T08:00:00+07:00 or 2023-10-19 08:00 (Vietnam time)";

/// Reads one of the accepted forms; `None` for anything else (a date
/// without a time, `19/10/2023`, an impossible day).
pub fn parse_date_time(text: &str) -> Option<DateTime> {
    let text = text.trim();
    let unix_seconds = parse_rfc3339(text).or_else(|| parse_rfc3339(&vietnam_local(text)?))?;
    Some(DateTime { unix_seconds, text: rfc3339_vietnam(unix_seconds) })
}

/// "2023-10-19 08:00" or "2023-10-19T08:00[:ss]" → "2023-10-19T08:00:ss+07:00".
fn vietnam_local(text: &str) -> Option<String> {
    let (date, clock) = text.split_once([' ', 'T'])?;
    let has_zone = clock.ends_with(['Z', 'z']) || clock.contains(['+', '-']);
    let shape_ok = |clock: &str| clock.len() == 5 || (clock.len() == 8 && &clock[5..6] == ":");
    if date.len() != 10 || has_zone || !shape_ok(clock) {
        return None;
    }
    let seconds = if clock.len() == 5 { ":00" } else { "" };
    Some(format!("{date}T{clock}{seconds}+07:00"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_accepted_form_gives_vietnam_time_and_others_are_refused() {
        let canonical = "2023-10-19T08:00:00+07:00";
        for form in [
            canonical,
            "2023-10-19T01:00:00Z",
            "2023-10-19T01:00:00.000+00:00",
            "2023-10-19 08:00",
            "2023-10-19T08:00",
            "2023-10-19 08:00:00",
        ] {
            assert_eq!(parse_date_time(form).map(|d| d.text).as_deref(), Some(canonical), "{form}");
        }
        for bad in ["19/10/2023", "2023-10-19", "2023-02-30 08:00", "2023-10-19 8:00", "2023-10-19 08:00+07", ""] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
    }
}
