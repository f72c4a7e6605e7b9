//! The page-view beacon's body (docs/formats/statistics.md) and who is not
//! counted (docs/formats/visitor-counting.md).

use serde::Deserialize;

/// Bodies over this are refused before they are read.
pub const BODY_LIMIT_BYTES: usize = 1024;
/// The one beacon format this counter reads.
pub const BEACON_VERSION: u64 = 1;

/// What one beacon says: which browser, and whether the page view is the
/// first of a browser session. The path is checked but not kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Beacon {
    pub visitor: String,
    pub first: bool,
}

#[derive(Deserialize)]
struct Body {
    version: Option<serde_json::Value>,
    path: Option<serde_json::Value>,
    visitor: Option<serde_json::Value>,
    first: Option<serde_json::Value>,
}

/// Reads a beacon body, or says in a line what is wrong with it.
pub fn parse_beacon(body: &[u8]) -> Result<Beacon, String> {
    let text = std::str::from_utf8(body).map_err(|_| "the body is not UTF-8".to_string())?;
    let body: Body = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value @ serde_json::Value::Object(_)) => {
            serde_json::from_value(value).map_err(|e| format!("the body is not a beacon: {e}"))?
        }
        Ok(_) => return Err("the body is not a JSON object".into()),
        Err(e) => return Err(format!("the body is not JSON: {e}")),
    };
    match body.version {
        None => {}
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(BEACON_VERSION) => {}
        Some(_) => return Err(format!("`version` must be {BEACON_VERSION}")),
    }
    match body.path {
        Some(serde_json::Value::String(path)) if path.starts_with('/') => {}
        _ => return Err("`path` must be a string starting with /".into()),
    }
    let visitor = match body.visitor {
        Some(serde_json::Value::String(id)) if valid_visitor_id(&id) => id,
        _ => return Err("`visitor` must be 8 to 64 letters, digits, - or _".into()),
    };
    let first = match body.first {
        None => false,
        Some(serde_json::Value::Bool(first)) => first,
        Some(_) => return Err("`first` must be true or false".into()),
    };
    Ok(Beacon { visitor, first })
}

/// A random id as the widget makes it: short, and nothing that could be a
/// name, an address or markup.
fn valid_visitor_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Words that crawlers, link previews and scripted clients put in their user
/// agent (lower case). Googlebot runs script and so sends beacons; people's
/// browsers, headless Chromium included, match none of these.
const CRAWLER_MARKS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "facebookexternalhit",
    "facebookcatalog",
    "bingpreview",
    "mediapartners-google",
    "google-inspectiontool",
    "chrome-lighthouse",
    "ia_archiver",
    "archive.org",
    "python-requests",
    "python-urllib",
    "go-http-client",
    "curl/",
    "wget/",
    "httpclient",
    "okhttp",
    "node-fetch",
    "axios/",
];

/// Whether a request with this user agent is left out of the figures. A
/// request without one is no browser's.
pub fn is_crawler(user_agent: Option<&str>) -> bool {
    let Some(agent) = user_agent.map(str::trim).filter(|a| !a.is_empty()) else { return true };
    let agent = agent.to_ascii_lowercase();
    CRAWLER_MARKS.iter().any(|mark| agent.contains(mark))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_widgets_beacon() {
        let body = br#"{"path":"/tin/1019/doan-kiem-tra","version":1,"visitor":"k3j4h5g6f7d8","first":true}"#;
        assert_eq!(parse_beacon(body), Ok(Beacon { visitor: "k3j4h5g6f7d8".into(), first: true }));
        let later = br#"{"path":"/","version":1,"visitor":"k3j4h5g6f7d8","extra":[1]}"#;
        assert_eq!(parse_beacon(later), Ok(Beacon { visitor: "k3j4h5g6f7d8".into(), first: false }));
    }

    #[test]
    fn refuses_what_is_not_a_beacon() {
        for body in [
            &b"{"[..],
            b"[]",
            b"\xff\xfe",
            br#"{"path":"/","version":2,"visitor":"abcdefgh"}"#,
            br#"{"path":"x","version":1,"visitor":"abcdefgh"}"#,
            br#"{"path":"/","version":1}"#,
            br#"{"path":"/","version":1,"visitor":"short"}"#,
            br#"{"path":"/","version":1,"visitor":"abc def gh"}"#,
            br#"{"path":"/","version":1,"visitor":"abcdefgh","first":"yes"}"#,
        ] {
            assert!(parse_beacon(body).is_err(), "{}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn crawlers_are_known_by_their_user_agent() {
        let chrome =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
        let headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36";
        let zalo =
            "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 Zalo android/12345";
        assert!(!is_crawler(Some(chrome)) && !is_crawler(Some(headless)) && !is_crawler(Some(zalo)));
        let googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        assert!(is_crawler(Some(googlebot)));
        assert!(is_crawler(Some("facebookexternalhit/1.1")));
        assert!(is_crawler(Some("curl/8.5.0")));
        assert!(is_crawler(None) && is_crawler(Some("  ")));
    }
}
