//! JSON text (RFC 8259) to a tree of values, and strings back to JSON.
//!
//! Why not serde_json in the browser: the portal only ever walks a parsed
//! tree (`json::Node`), and serde_json's generic deserializer, its map type
//! and its float formatting cost about 25 KB of wasm before compression; this
//! reader is a tenth of that. serde_json stays for the native tools.

use std::fmt::Write;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written; it is read as an integer only when asked.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in document order; for a repeated key the last one counts.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(name, _)| name == key).map(|(_, value)| value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// A number written as a non-negative integer that fits in 64 bits.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(flag) => Some(*flag),
            _ => None,
        }
    }
}

/// Deeper nesting than this is refused rather than risking the stack.
const MAX_DEPTH: u32 = 128;

/// Parses a whole JSON text. The error says what was wrong and where
/// ("expected `,` or `]` at line 3, column 14").
pub fn parse(text: &str) -> Result<Value, String> {
    let mut reader = Reader { text, at: 0, depth: 0 };
    let value = reader.value().map_err(|message| reader.located(message))?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.located("trailing characters after the value"));
    }
    Ok(value)
}

/// `text` as a JSON string literal, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Reader<'t> {
    text: &'t str,
    /// Byte offset of the next unread byte.
    at: usize,
    depth: u32,
}

type Step<T> = Result<T, &'static str>;

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `byte` if it comes next (after white space).
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn value(&mut self) -> Step<Value> {
        self.skip_space();
        match self.peek() {
            None => Err("end of document while expecting a value"),
            Some(b'{') => self.nested(Reader::object),
            Some(b'[') => self.nested(Reader::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err("expected a value"),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Step<Value>) -> Step<Value> {
        if self.depth >= MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.depth += 1;
        self.at += 1; // the opening bracket
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Step<Value> {
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err("expected a member name in quotes");
            }
            let name = self.string()?;
            if !self.eat(b':') {
                return Err(self.or_ended("expected `:`"));
            }
            members.push((name, self.value()?));
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.or_ended("expected `,` or `}`"));
            }
        }
    }

    fn array(&mut self) -> Step<Value> {
        let mut elements = Vec::new();
        if self.eat(b']') {
            return Ok(Value::Array(elements));
        }
        loop {
            elements.push(self.value()?);
            if self.eat(b']') {
                return Ok(Value::Array(elements));
            }
            if !self.eat(b',') {
                return Err(self.or_ended("expected `,` or `]`"));
            }
        }
    }

    /// A truncated document says so rather than what it expected next.
    fn or_ended(&self, expected: &'static str) -> &'static str {
        if self.peek().is_none() {
            "end of document before the value was complete"
        } else {
            expected
        }
    }

    fn word(&mut self, word: &'static str, value: Value) -> Step<Value> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err("expected a value")
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    fn number(&mut self) -> Step<Value> {
        let start = self.at;
        self.eat_if(b'-');
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err("invalid number"),
        }
        if self.eat_if(b'.') {
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if !self.eat_if(b'+') {
                self.eat_if(b'-');
            }
            self.required_digits()?;
        }
        Ok(Value::Number(self.text[start..self.at].to_string()))
    }

    fn eat_if(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Step<()> {
        let start = self.at;
        self.digits();
        if self.at == start {
            Err("invalid number")
        } else {
            Ok(())
        }
    }

    /// A string literal, the reader at its opening quote.
    fn string(&mut self) -> Step<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control
            // character in one piece; those are ASCII, so the cut is on a
            // character boundary.
            let rest = &self.text.as_bytes()[self.at..];
            let run = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.peek() {
                None => return Err("end of document inside a string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err("control character inside a string"),
            }
        }
    }

    /// The character an escape stands for, the reader after its backslash.
    fn escape(&mut self) -> Step<char> {
        let Some(kind) = self.peek() else { return Err("end of document inside a string") };
        if !kind.is_ascii() {
            return Err("invalid escape");
        }
        self.at += 1;
        Ok(match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err("invalid escape"),
        })
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, the reader after the `u`.
    fn unicode_escape(&mut self) -> Step<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.at..].starts_with("\\u") {
                    return Err("lone surrogate in a string");
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err("lone surrogate in a string");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err("lone surrogate in a string"),
            code => code,
        };
        char::from_u32(code).ok_or("invalid escape")
    }

    fn hex4(&mut self) -> Step<u32> {
        let digits = self.text.get(self.at..self.at + 4).ok_or("invalid escape")?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("invalid escape");
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| "invalid escape")
    }

    /// `message` with the line and column the reader stopped at.
    fn located(&self, message: &str) -> String {
        let mut at = self.at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
        format!("{message} at line {line}, column {column}")
    }
}

// Native only: proptest and serde_json are native dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn object(members: &[(&str, Value)]) -> Value {
        Value::Object(members.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value =
            parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "đ\"\\\/\n\u00e9\ud83d\ude00"}} "#).unwrap();
        let numbers = ["1", "-2.5e3"].map(|n| Value::Number(n.into()));
        let array = Value::Array([numbers.to_vec(), vec![Value::Bool(true), Value::Bool(false), Value::Null]].concat());
        let inner = object(&[("c", Value::String("đ\"\\/\né😀".into()))]);
        assert_eq!(value, object(&[("a", array), ("b", inner)]));
    }

    #[test]
    fn integers_are_read_only_when_they_are_integers() {
        let value = parse(r#"{"n": 3314815, "f": 1.0, "neg": -1, "big": 18446744073709551616}"#).unwrap();
        assert_eq!(value.get("n").and_then(Value::as_u64), Some(3_314_815));
        for key in ["f", "neg", "big"] {
            assert_eq!(value.get(key).and_then(Value::as_u64), None, "{key}");
        }
    }

    #[test]
    fn the_last_of_a_repeated_key_counts() {
        assert_eq!(parse(r#"{"a":1,"a":2}"#).unwrap().get("a").and_then(Value::as_u64), Some(2));
    }

    #[test]
    fn broken_texts_are_refused_with_where() {
        for (text, expected) in [
            (r#"{"items": [{"id": "1""#, "end of document"),
            ("{\"a\" 1}", "expected `:` at line 1, column 6"),
            ("[1,\n 2 3]", "expected `,` or `]` at line 2, column 4"),
            ("[01]", "expected `,` or `]`"),
            ("[1.]", "invalid number"),
            ("[-]", "invalid number"),
            ("\"a\u{1}b\"", "control character"),
            (r#""\x""#, "invalid escape"),
            ("\"\\𑦠", "invalid escape"),
            (r#""\ud800""#, "lone surrogate"),
            (r#""\ude00""#, "lone surrogate"),
            ("tru", "expected a value"),
            ("{} {}", "trailing characters"),
            ("{,}", "expected a member name"),
            ("", "end of document"),
            ("[1,]", "expected a value"),
        ] {
            let error = parse(text).unwrap_err();
            assert!(error.contains(expected), "{text:?}: {error}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("nested too deeply"));
        let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn quoted_strings_read_back_as_themselves() {
        let text = "/tin/\"><script>\\\n\t\u{1}đ😀";
        assert_eq!(parse(&quote(text)).unwrap(), Value::String(text.into()));
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_on_what_is_json(text in "[\\[\\]{}\",:0-9a-z. \\\\-]{0,40}") {
            let ours = parse(&text).is_ok();
            let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            prop_assert_eq!(ours, theirs, "{:?}", text);
        }

        #[test]
        fn reads_what_serde_json_writes(value in json_value()) {
            let text = value.to_string();
            let parsed = parse(&text).unwrap();
            prop_assert_eq!(to_serde(&parsed), value);
        }
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
            ]
        })
    }

    fn to_serde(value: &Value) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(flag) => serde_json::Value::Bool(*flag),
            Value::Number(text) => serde_json::from_str(text).unwrap(),
            Value::String(text) => serde_json::Value::String(text.clone()),
            Value::Array(elements) => serde_json::Value::Array(elements.iter().map(to_serde).collect()),
            Value::Object(members) => {
                serde_json::Value::Object(members.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect())
            }
        }
    }
}
