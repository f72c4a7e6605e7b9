//! The messages between the app and the registries' worker
//! (`registry-worker/`, docs/formats/registry-worker.md): what a registry
//! page's address asks, and the page drawn or the error. One set of
//! functions for both sides, written and read with the core's small JSON
//! reader, so that the two cannot drift apart.

use crate::config::Sources;
use crate::date::Date;
use crate::error::{DocError, Problem};
use crate::facets::Filters;
use crate::json_text::{parse, quote, Value};
use crate::registry_walk::{Asked, Drawn, Registry};

/// What the page asks the worker for.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The page keeps only the answer to its latest request.
    pub id: u32,
    pub registry: Registry,
    pub asked: Asked,
    /// Today in Vietnam, by the page's clock (documents past their end date
    /// are marked as such).
    pub today: Date,
    /// The site root as an absolute URL (`Portal::site_root`): the sources
    /// are resolved against it.
    pub site_root: String,
    /// The router's base path ("" at the root, "/portal" under a sub-path).
    pub router_base: String,
    /// The six registry sources of `config.json`; the rest left default.
    pub sources: Sources,
    /// `config.json`'s `request_timeout_seconds`: each document not read by
    /// then is a time-out.
    pub timeout_seconds: u32,
}

/// The worker's answer to request `id`.
pub type Reply = (u32, Result<Drawn, DocError>);

/// The registry's name in messages.
fn registry_name(registry: Registry) -> &'static str {
    match registry {
        Registry::VanBan => "van-ban",
        Registry::NhiemVu => "nhiem-vu",
    }
}

/// The sources a request carries: (name, field).
fn registry_sources(sources: &Sources) -> [(&'static str, &String); 6] {
    [
        ("van_ban_list", &sources.van_ban_list),
        ("van_ban", &sources.van_ban),
        ("van_ban_facets", &sources.van_ban_facets),
        ("nhiem_vu_list", &sources.nhiem_vu_list),
        ("nhiem_vu", &sources.nhiem_vu),
        ("nhiem_vu_facets", &sources.nhiem_vu_facets),
    ]
}

impl Request {
    /// The message the page posts.
    pub fn text(&self) -> String {
        let asked = match &self.asked {
            Asked::Entry(id) => format!("\"entry\":{}", quote(id)),
            Asked::List(filters, page) => {
                let pairs: Vec<String> =
                    filters.0.iter().map(|(key, slug)| format!("[{},{}]", quote(key), quote(slug))).collect();
                format!("\"filters\":[{}],\"page\":{page}", pairs.join(","))
            }
        };
        let sources: Vec<String> = registry_sources(&self.sources)
            .iter()
            .map(|(name, value)| format!("\"{name}\":{}", quote(value)))
            .collect();
        format!(
            "{{\"id\":{},\"registry\":\"{}\",{asked},\"today\":\"{}\",\"site_root\":{},\"router_base\":{},\"timeout_seconds\":{},\"sources\":{{{}}}}}",
            self.id,
            registry_name(self.registry),
            self.today,
            quote(&self.site_root),
            quote(&self.router_base),
            self.timeout_seconds,
            sources.join(",")
        )
    }

    /// Reads a request; `Err` carries its id when one could be read (0 if not).
    pub fn read(text: &str) -> Result<Request, u32> {
        let value = parse(text).map_err(|_| 0_u32)?;
        let id = value.get("id").and_then(Value::as_u64).and_then(|id| u32::try_from(id).ok()).ok_or(0_u32)?;
        let string = |value: &Value, key: &str| value.get(key).and_then(Value::as_str).map(str::to_string).ok_or(id);
        let registry = match value.get("registry").and_then(Value::as_str) {
            Some("van-ban") => Registry::VanBan,
            Some("nhiem-vu") => Registry::NhiemVu,
            _ => return Err(id),
        };
        let asked = match value.get("entry").and_then(Value::as_str) {
            Some(entry) => Asked::Entry(entry.to_string()),
            None => {
                let Some(Value::Array(pairs)) = value.get("filters") else { return Err(id) };
                let mut filters = Vec::new();
                for pair in pairs {
                    match pair {
                        Value::Array(pair) => {
                            match (pair.first().and_then(Value::as_str), pair.get(1).and_then(Value::as_str)) {
                                (Some(key), Some(slug)) => filters.push((key.to_string(), slug.to_string())),
                                _ => return Err(id),
                            }
                        }
                        _ => return Err(id),
                    }
                }
                let page =
                    value.get("page").and_then(Value::as_u64).and_then(|page| u32::try_from(page).ok()).ok_or(id)?;
                Asked::List(Filters(filters), page)
            }
        };
        let today = value.get("today").and_then(Value::as_str).and_then(Date::parse_iso).ok_or(id)?;
        let given = value.get("sources").ok_or(id)?;
        let mut sources = Sources::default();
        let fields = [
            &mut sources.van_ban_list,
            &mut sources.van_ban,
            &mut sources.van_ban_facets,
            &mut sources.nhiem_vu_list,
            &mut sources.nhiem_vu,
            &mut sources.nhiem_vu_facets,
        ];
        let names = registry_sources(&Sources::default()).map(|(name, _)| name);
        for (field, name) in fields.into_iter().zip(names) {
            *field = string(given, name)?;
        }
        Ok(Request {
            id,
            registry,
            asked,
            today,
            site_root: string(&value, "site_root")?,
            router_base: string(&value, "router_base")?,
            sources,
            timeout_seconds: value
                .get("timeout_seconds")
                .and_then(Value::as_u64)
                .and_then(|seconds| u32::try_from(seconds).ok())
                .ok_or(id)?,
        })
    }
}

/// The worker's answer to request `id`.
pub fn reply_text(id: u32, outcome: &Result<Drawn, DocError>) -> String {
    match outcome {
        Ok(drawn) => format!("{{\"id\":{id},\"html\":{},\"title\":{}}}", quote(&drawn.html), quote(&drawn.title)),
        Err(error) => format!("{{\"id\":{id},\"error\":{}}}", error_text(error)),
    }
}

/// Reads the worker's answer; `Err` says why it cannot be read (for the
/// console: the page shows `UNREADABLE_REPLY`).
pub fn read_reply(text: &str) -> Result<Reply, String> {
    let value = parse(text)?;
    let id = value.get("id").and_then(Value::as_u64).and_then(|id| u32::try_from(id).ok()).ok_or("no id")?;
    if let Some(error) = value.get("error") {
        return Ok((id, Err(read_error(error).ok_or("an unreadable error")?)));
    }
    let field = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
    match (field("html"), field("title")) {
        (Some(html), Some(title)) => Ok((id, Ok(Drawn { html, title }))),
        _ => Err("neither a page nor an error".into()),
    }
}

/// An error as JSON: the document's name, the problem's kind and its fields.
fn error_text(error: &DocError) -> String {
    let problem = match &error.problem {
        Problem::NotFound => "\"kind\":\"not-found\"".to_string(),
        Problem::Status(code) => format!("\"kind\":\"status\",\"code\":{code}"),
        Problem::Network(detail) => format!("\"kind\":\"network\",\"detail\":{}", quote(detail)),
        Problem::Timeout { seconds } => format!("\"kind\":\"timeout\",\"seconds\":{seconds}"),
        Problem::TooLarge { limit_bytes, actual_bytes } => {
            format!("\"kind\":\"too-large\",\"limit_bytes\":{limit_bytes},\"actual_bytes\":{actual_bytes}")
        }
        Problem::Malformed { detail } => format!("\"kind\":\"malformed\",\"detail\":{}", quote(detail)),
        Problem::MissingField { path } => format!("\"kind\":\"missing-field\",\"path\":{}", quote(path)),
        Problem::WrongType { path, expected } => {
            format!("\"kind\":\"wrong-type\",\"path\":{},\"expected\":{}", quote(path), quote(expected))
        }
    };
    format!("{{\"document\":{},{problem}}}", quote(&error.document))
}

fn read_error(value: &Value) -> Option<DocError> {
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
    let number = |key: &str| value.get(key).and_then(Value::as_u64);
    let problem = match value.get("kind")?.as_str()? {
        "not-found" => Problem::NotFound,
        "status" => Problem::Status(u16::try_from(number("code")?).ok()?),
        "network" => Problem::Network(text("detail")?),
        "timeout" => Problem::Timeout { seconds: u32::try_from(number("seconds")?).ok()? },
        "too-large" => Problem::TooLarge {
            limit_bytes: usize::try_from(number("limit_bytes")?).ok()?,
            actual_bytes: usize::try_from(number("actual_bytes")?).ok()?,
        },
        "malformed" => Problem::Malformed { detail: text("detail")? },
        "missing-field" => Problem::MissingField { path: text("path")? },
        "wrong-type" => Problem::WrongType { path: text("path")?, expected: text("expected")? },
        _ => return None,
    };
    Some(DocError::new(text("document")?, problem))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(asked: Asked) -> Request {
        let sources =
            Sources { van_ban: "https://dữ-liệu.example/vb/{id}.json?\"x\"".into(), ..Sources::default() };
        Request {
            id: 7,
            registry: Registry::NhiemVu,
            asked,
            today: Date::new(2026, 12, 6).unwrap(),
            site_root: "https://h.vn/portal/".into(),
            router_base: "/portal".into(),
            sources,
            timeout_seconds: 15,
        }
    }

    #[test]
    fn requests_read_back_as_written() {
        let filters = Filters(vec![("loai".into(), "ke-hoach".into()), ("nam".into(), "2023".into())]);
        for asked in [Asked::List(filters, 3), Asked::List(Filters::default(), 0), Asked::Entry("12/KH-UBND".into())] {
            let sent = request(asked);
            assert_eq!(Request::read(&sent.text()), Ok(sent));
        }
    }

    #[test]
    fn a_broken_request_is_refused_with_its_id_when_there_is_one() {
        assert_eq!(Request::read("không phải JSON"), Err(0));
        assert_eq!(Request::read("{\"id\":5,\"registry\":\"tin\"}"), Err(5));
        let text =
            request(Asked::Entry("a".into())).text().replace("\"today\":\"2026-12-06\"", "\"today\":\"hôm nay\"");
        assert_eq!(Request::read(&text), Err(7));
    }

    #[test]
    fn every_kind_of_error_reads_back_as_written() {
        let problems = [
            Problem::NotFound,
            Problem::Status(503),
            Problem::Network("TypeError: \"failed\"".into()),
            Problem::Timeout { seconds: 15 },
            Problem::TooLarge { limit_bytes: 1024, actual_bytes: 4096 },
            Problem::Malformed { detail: "expected `,` at line 1".into() },
            Problem::MissingField { path: "items[3].title".into() },
            Problem::WrongType { path: "total_pages".into(), expected: "an integer".into() },
        ];
        for problem in problems {
            let outcome = Err(DocError::new("danh sách văn bản, trang 2", problem));
            assert_eq!(read_reply(&reply_text(9, &outcome)), Ok((9, outcome)));
        }
    }

    #[test]
    fn a_page_reads_back_as_written_and_a_broken_reply_says_why() {
        let drawn = Drawn {
            html: "<h1 class=\"page-heading\">Văn bản</h1>\n".into(),
            title: "Văn bản: Kế hoạch".into(),
        };
        assert_eq!(read_reply(&reply_text(3, &Ok(drawn.clone()))), Ok((3, Ok(drawn))));
        assert!(read_reply("{\"id\":3}").is_err());
        assert!(read_reply("{\"id\":3,\"error\":{\"kind\":\"lạ\"}}").is_err());
        assert!(read_reply("<html>").is_err());
    }
}
