//! Reading JSON documents field by field, with the path of every field at hand
//! so that an error can say exactly which one is missing or wrongly typed.
//!
//! Unknown fields are never looked at, so they are ignored; `null` counts as absent.

use super::date::parse_rfc3339;
use super::error::{DocError, Problem};
use super::json_text::parse;
pub use super::json_text::Value;

/// Parses `text` as JSON after checking its size, so that an oversized
/// document is refused before any work is spent on it.
pub fn parse_document(document: &str, text: &str, limit_bytes: usize) -> Result<Value, DocError> {
    if text.len() > limit_bytes {
        let problem = Problem::TooLarge { limit_bytes, actual_bytes: text.len() };
        return Err(DocError::new(document, problem));
    }
    if text.trim_start().starts_with('<') {
        // A static host's SPA fallback answers a missing JSON file with index.html.
        let detail = "got HTML where JSON was expected (missing file behind an SPA fallback?)".to_string();
        return Err(DocError::new(document, Problem::Malformed { detail }));
    }
    parse(text).map_err(|detail| DocError::new(document, Problem::Malformed { detail }))
}

/// One value inside a document, with its path (`items[3].title`).
#[derive(Clone, Copy)]
pub struct Node<'a> {
    document: &'a str,
    path: Path<'a>,
    value: &'a Value,
}

/// Paths are built only when an error needs them: a node keeps its parent's
/// path and its own step.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => match parent.render() {
                prefix if prefix.is_empty() => (*key).to_string(),
                prefix => format!("{prefix}.{key}"),
            },
            Path::Index(parent, index) => format!("{}[{index}]", parent.render()),
        }
    }
}

impl<'a> Node<'a> {
    /// The whole document.
    pub fn root(document: &'a str, value: &'a Value) -> Node<'a> {
        Node { document, path: Path::Root, value }
    }

    /// The field's path as an error names it ("" for the root).
    pub fn path(&self) -> String {
        self.path.render()
    }

    /// The document's name, as errors give it.
    pub fn document(&self) -> &'a str {
        self.document
    }

    /// A wrong-type error for this node, for checks of value beyond JSON type.
    pub fn invalid(&self, expected: &str) -> DocError {
        self.wrong_type(expected)
    }

    fn error(&self, problem: Problem) -> DocError {
        DocError::new(self.document, problem)
    }

    fn wrong_type(&self, expected: &str) -> DocError {
        self.error(Problem::WrongType { path: self.path(), expected: expected.to_string() })
    }

    fn missing(&self, key: &str) -> DocError {
        let path = match self.path() {
            prefix if prefix.is_empty() => key.to_string(),
            prefix => format!("{prefix}.{key}"),
        };
        self.error(Problem::MissingField { path })
    }

    /// Calls `read` with the field `key` when it is present and not null.
    pub fn with_field<T>(
        &self,
        key: &str,
        read: impl FnOnce(Node<'_>) -> Result<T, DocError>,
    ) -> Result<Option<T>, DocError> {
        if !matches!(self.value, Value::Object(_)) {
            return Err(self.wrong_type("object"));
        }
        match self.value.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => {
                let path = Path::Key(&self.path, key);
                read(Node { document: self.document, path, value }).map(Some)
            }
        }
    }

    /// Calls `read` with the field `key`, which must be present.
    pub fn with_required<T>(
        &self,
        key: &str,
        read: impl FnOnce(Node<'_>) -> Result<T, DocError>,
    ) -> Result<T, DocError> {
        self.with_field(key, read)?.ok_or_else(|| self.missing(key))
    }

    /// Reads every element of an array with `read`.
    pub fn each<T>(&self, mut read: impl FnMut(Node<'_>) -> Result<T, DocError>) -> Result<Vec<T>, DocError> {
        let Value::Array(elements) = self.value else {
            return Err(self.wrong_type("array"));
        };
        let mut out = Vec::with_capacity(elements.len());
        for (index, value) in elements.iter().enumerate() {
            let path = Path::Index(&self.path, index);
            out.push(read(Node { document: self.document, path, value })?);
        }
        Ok(out)
    }

    pub fn string(&self) -> Result<String, DocError> {
        self.value.as_str().map(str::to_string).ok_or_else(|| self.wrong_type("string"))
    }

    pub fn unsigned(&self) -> Result<u64, DocError> {
        self.value.as_u64().ok_or_else(|| self.wrong_type("non-negative integer"))
    }

    pub fn boolean(&self) -> Result<bool, DocError> {
        self.value.as_bool().ok_or_else(|| self.wrong_type("boolean"))
    }

    /// An RFC 3339 date-time string, as Unix seconds.
    pub fn instant(&self) -> Result<i64, DocError> {
        let text = self.value.as_str().ok_or_else(|| self.wrong_type("RFC 3339 date-time"))?;
        parse_rfc3339(text).ok_or_else(|| self.wrong_type("RFC 3339 date-time"))
    }

    /// A list of strings.
    pub fn strings(&self) -> Result<Vec<String>, DocError> {
        self.each(|element| element.string())
    }

    // Shorthands for the common cases.

    pub fn required_string(&self, key: &str) -> Result<String, DocError> {
        self.with_required(key, |node| node.string())
    }

    pub fn optional_string(&self, key: &str) -> Result<Option<String>, DocError> {
        self.with_field(key, |node| node.string())
    }

    pub fn required_unsigned(&self, key: &str) -> Result<u64, DocError> {
        self.with_required(key, |node| node.unsigned())
    }

    pub fn optional_unsigned(&self, key: &str) -> Result<Option<u64>, DocError> {
        self.with_field(key, |node| node.unsigned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Value {
        parse_document("tài liệu thử", text, 1 << 20).unwrap()
    }

    #[test]
    fn missing_nested_field_names_its_full_path() {
        let value = parse(r#"{"items":[{"title":"a"},{"id":"2"}]}"#);
        let root = Node::root("tài liệu thử", &value);
        let error = root.with_required("items", |items| items.each(|item| item.required_string("title"))).unwrap_err();
        assert_eq!(error.problem, Problem::MissingField { path: "items[1].title".into() });
    }

    #[test]
    fn wrong_type_names_the_field_and_the_type() {
        let value = parse(r#"{"online": "1"}"#);
        let error = Node::root("d", &value).required_unsigned("online").unwrap_err();
        assert_eq!(
            error.problem,
            Problem::WrongType { path: "online".into(), expected: "non-negative integer".into() }
        );
    }

    #[test]
    fn null_is_absent_and_unknown_fields_are_ignored() {
        let value = parse(r#"{"summary": null, "x_unknown": [1,2]}"#);
        assert_eq!(Node::root("d", &value).optional_string("summary").unwrap(), None);
    }

    #[test]
    fn oversized_html_and_truncated_documents_are_refused() {
        let too_large = parse_document("d", &"x".repeat(11), 10).unwrap_err();
        assert!(matches!(too_large.problem, Problem::TooLarge { actual_bytes: 11, .. }));
        let html = parse_document("d", "<!DOCTYPE html><html>", 100).unwrap_err();
        assert!(matches!(html.problem, Problem::Malformed { .. }));
        let truncated = parse_document("d", r#"{"items": [{"id": "1""#, 100).unwrap_err();
        assert!(matches!(truncated.problem, Problem::Malformed { .. }));
    }

    #[test]
    fn instants_must_be_rfc3339() {
        let value = parse(r#"{"a":"2023-10-19T08:00:00+07:00","b":"19/10/2023"}"#);
        let root = Node::root("d", &value);
        assert!(root.with_required("a", |n| n.instant()).is_ok());
        assert!(root.with_required("b", |n| n.instant()).is_err());
    }
}
