//! One error type for every document the portal fetches.
//!
//! It names the document and says what went wrong in words a visitor can read
//! (Vietnamese, on the page) and a developer can act on (English, in the console).

use std::fmt;

/// Why a document could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The server answered 404 or 410.
    NotFound,
    /// The server answered with another non-success status.
    Status(u16),
    /// The request never got an answer (offline, DNS, CORS, connection reset).
    Network(String),
    /// No answer within the time limit.
    Timeout { seconds: u32 },
    /// The body is larger than the portal accepts for this kind of document.
    TooLarge { limit_bytes: usize, actual_bytes: usize },
    /// Not JSON at all, or cut off: `detail` is the parser's own words.
    Malformed { detail: String },
    /// A required field is absent. `path` is like `items[3].title`.
    MissingField { path: String },
    /// A field has the wrong JSON type or an impossible value.
    WrongType { path: String, expected: String },
}

/// A document that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocError {
    /// What the visitor would call the document, e.g. "bản tin mới nhất".
    pub document: String,
    pub problem: Problem,
}

impl Problem {
    /// What an HTTP answer's status and announced length (`Content-Length`,
    /// when it parses) say before its body is read: nothing wrong (`None`),
    /// a thing that does not exist (404, 410), another failing status, or a
    /// body over `limit_bytes`. One rule for the app and its workers, since
    /// fetch itself does not fail on a 404 or a 500.
    pub fn of_answer(status: u16, announced_length: Option<&str>, limit_bytes: usize) -> Option<Problem> {
        match status {
            200..=299 => {}
            404 | 410 => return Some(Problem::NotFound),
            other => return Some(Problem::Status(other)),
        }
        let actual_bytes = announced_length.and_then(|length| length.trim().parse::<usize>().ok())?;
        (actual_bytes > limit_bytes).then_some(Problem::TooLarge { limit_bytes, actual_bytes })
    }
}

impl DocError {
    pub fn new(document: impl Into<String>, problem: Problem) -> DocError {
        DocError { document: document.into(), problem }
    }

    /// True when the thing asked for does not exist (an unknown article id),
    /// which the views show as "not found" rather than as a failure to retry.
    pub fn is_not_found(&self) -> bool {
        self.problem == Problem::NotFound
    }

    /// The sentence shown on the page.
    pub fn vietnamese(&self) -> String {
        let doc = &self.document;
        match &self.problem {
            Problem::NotFound => format!("Không tìm thấy {doc}."),
            Problem::Status(code) => format!("Máy chủ báo lỗi {code} khi tải {doc}."),
            Problem::Network(_) => format!("Không kết nối được để tải {doc}. Vui lòng kiểm tra mạng."),
            Problem::Timeout { seconds } => format!("Tải {doc} quá lâu (hơn {seconds} giây)."),
            Problem::TooLarge { limit_bytes, .. } => {
                format!("Dữ liệu {doc} quá lớn (giới hạn {} KB).", limit_bytes / 1024)
            }
            Problem::Malformed { .. } => format!("Dữ liệu {doc} bị hỏng hoặc không đầy đủ."),
            Problem::MissingField { path } => format!("Dữ liệu {doc} thiếu trường bắt buộc “{path}”."),
            Problem::WrongType { path, expected } => {
                format!("Dữ liệu {doc} có trường “{path}” sai kiểu (cần {}).", vietnamese_type(expected))
            }
        }
    }

    /// The sentence written to the console for the web team.
    pub fn english(&self) -> String {
        let doc = &self.document;
        match &self.problem {
            Problem::NotFound => format!("{doc}: not found (404)"),
            Problem::Status(code) => format!("{doc}: HTTP status {code}"),
            Problem::Network(detail) => format!("{doc}: network error: {detail}"),
            Problem::Timeout { seconds } => format!("{doc}: no answer within {seconds} s"),
            Problem::TooLarge { limit_bytes, actual_bytes } => {
                format!("{doc}: {actual_bytes} bytes is over the limit of {limit_bytes} bytes")
            }
            Problem::Malformed { detail } => format!("{doc}: malformed JSON: {detail}"),
            Problem::MissingField { path } => format!("{doc}: missing required field `{path}`"),
            Problem::WrongType { path, expected } => format!("{doc}: field `{path}` should be {expected}"),
        }
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

impl std::error::Error for DocError {}

/// The Vietnamese name of a JSON type as the parsers spell it in English.
fn vietnamese_type(expected: &str) -> &str {
    match expected {
        "string" => "chuỗi ký tự",
        "number" | "integer" | "non-negative integer" => "số",
        "boolean" => "đúng/sai",
        "array" => "danh sách",
        "object" => "đối tượng",
        "RFC 3339 date-time" => "ngày giờ RFC 3339",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_judged_by_its_status_then_its_announced_length() {
        assert_eq!(Problem::of_answer(200, None, 10), None);
        assert_eq!(Problem::of_answer(204, Some("10"), 10), None);
        assert_eq!(
            Problem::of_answer(200, Some("11"), 10),
            Some(Problem::TooLarge { limit_bytes: 10, actual_bytes: 11 })
        );
        assert_eq!(Problem::of_answer(200, Some("not a number"), 10), None);
        assert_eq!(Problem::of_answer(404, Some("11"), 10), Some(Problem::NotFound));
        assert_eq!(Problem::of_answer(410, None, 10), Some(Problem::NotFound));
        assert_eq!(Problem::of_answer(500, None, 10), Some(Problem::Status(500)));
        assert_eq!(Problem::of_answer(304, None, 10), Some(Problem::Status(304)));
    }

    #[test]
    fn messages_name_the_document_and_the_field() {
        let error = DocError::new("bài viết 1019", Problem::MissingField { path: "items[0].title".into() });
        assert_eq!(error.vietnamese(), "Dữ liệu bài viết 1019 thiếu trường bắt buộc “items[0].title”.");
        assert_eq!(error.english(), "bài viết 1019: missing required field `items[0].title`");
    }

    #[test]
    fn size_limit_reads_in_kilobytes() {
        let error =
            DocError::new("bản tin mới nhất", Problem::TooLarge { limit_bytes: 2 * 1024 * 1024, actual_bytes: 3 });
        assert_eq!(error.vietnamese(), "Dữ liệu bản tin mới nhất quá lớn (giới hạn 2048 KB).");
    }

    #[test]
    fn wrong_types_are_named_in_vietnamese() {
        let error = DocError::new(
            "thống kê truy cập",
            Problem::WrongType { path: "online".into(), expected: "non-negative integer".into() },
        );
        assert!(error.vietnamese().contains("cần số"));
        assert!(!error.is_not_found());
        assert!(DocError::new("x", Problem::NotFound).is_not_found());
    }
}
