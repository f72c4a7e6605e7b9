//! Typed reading of a YAML map's fields, by the contract's common rules:
//! unknown and repeated keys are errors, empty means absent, text is trimmed,
//! and every problem names the file, the line and the field.

use super::problem::Problem;
use super::yaml::{Node, Value};

pub struct Fields<'f> {
    file: &'f str,
    /// Put before each key in messages (`entries[2].`).
    prefix: String,
    /// The map's own line, for a required field that is missing.
    line: usize,
    /// Each key, the line it stands on, its value, and whether it was read.
    entries: Vec<(String, usize, Node, bool)>,
    pub problems: Vec<Problem>,
}

impl<'f> Fields<'f> {
    /// The fields of `node`, which must be a map; `what` names it in a problem.
    pub fn of(node: &Node, file: &'f str, prefix: &str, what: &str) -> Result<Fields<'f>, Problem> {
        let Value::Map(entries) = &node.value else {
            let field = prefix.trim_end_matches('.');
            return Err(Problem::new(file, node.line, field, format!("expected {what} (`key: value` lines)")));
        };
        let mut fields =
            Fields { file, prefix: prefix.to_string(), line: node.line, entries: Vec::new(), problems: Vec::new() };
        for (key, line, value) in entries {
            if fields.entries.iter().any(|(seen, ..)| seen == key) {
                fields.report(key, *line, "written twice");
            } else {
                fields.entries.push((key.clone(), *line, value.clone(), false));
            }
        }
        Ok(fields)
    }

    /// The file the fields are read from, as messages name it.
    pub fn file(&self) -> &'f str {
        self.file
    }

    pub fn report(&mut self, key: &str, line: usize, message: impl Into<String>) {
        let field = format!("{}{key}", self.prefix);
        self.problems.push(Problem::new(self.file, line, &field, message));
    }

    /// The line of `key`, or of the map when it is absent.
    pub fn line_of(&self, key: &str) -> usize {
        self.entries.iter().find(|(seen, ..)| seen == key).map_or(self.line, |(_, line, ..)| *line)
    }

    /// The value of `key`, unless absent (missing, null, blank text, empty list).
    pub fn take(&mut self, key: &str) -> Option<Node> {
        let (_, _, node, used) = self.entries.iter_mut().find(|(seen, ..)| seen == key)?;
        *used = true;
        match &node.value {
            Value::Null => None,
            Value::Text { text, .. } if text.trim().is_empty() => None,
            Value::List(items) if items.is_empty() => None,
            _ => Some(node.clone()),
        }
    }

    /// A text field (a number written plainly is its text).
    pub fn text(&mut self, key: &str) -> Option<String> {
        let node = self.take(key)?;
        match node.value {
            Value::Text { text, .. } => Some(text.trim().to_string()),
            _ => {
                self.report(key, self.line_of(key), "expected text");
                None
            }
        }
    }

    /// A text field that must be there.
    pub fn required_text(&mut self, key: &str) -> Option<String> {
        let text = self.text(key);
        if text.is_none() && !self.problems.iter().any(|p| p.field == format!("{}{key}", self.prefix)) {
            let line = self.line_of(key);
            self.report(key, line, "required, but absent or empty");
        }
        text
    }

    /// A `true`/`false` field, `false` when absent.
    pub fn flag(&mut self, key: &str) -> bool {
        match self.take(key) {
            None => false,
            Some(Node { value: Value::Bool(flag), .. }) => flag,
            Some(_) => {
                self.report(key, self.line_of(key), "expected true or false");
                false
            }
        }
    }

    /// A list of texts, each trimmed; blank ones dropped.
    pub fn text_list(&mut self, key: &str) -> Vec<String> {
        let Some(node) = self.take(key) else { return Vec::new() };
        let Value::List(items) = node.value else {
            self.report(key, self.line_of(key), "expected a list (`- item` lines)");
            return Vec::new();
        };
        let mut texts = Vec::new();
        for (index, item) in items.into_iter().enumerate() {
            match item.value {
                Value::Text { text, .. } if !text.trim().is_empty() => texts.push(text.trim().to_string()),
                Value::Null | Value::Text { .. } => {}
                _ => self.report(&format!("{key}[{index}]"), item.line, "expected text"),
            }
        }
        texts
    }

    /// A list of maps (or anything: the caller reads each item).
    pub fn list(&mut self, key: &str) -> Option<Vec<Node>> {
        let node = self.take(key)?;
        match node.value {
            Value::List(items) => Some(items),
            _ => {
                self.report(key, self.line_of(key), "expected a list (`- item` lines)");
                None
            }
        }
    }

    /// Every problem, with an unknown key (a misspelt `catgory:`) for each
    /// key nobody asked for.
    pub fn finish(mut self) -> Vec<Problem> {
        let unknown: Vec<(String, usize)> =
            self.entries.iter().filter(|(.., used)| !used).map(|(key, line, ..)| (key.clone(), *line)).collect();
        for (key, line) in unknown {
            self.report(&key, line, "unknown field (see docs/formats/content-sources.md)");
        }
        self.problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::yaml::parse;

    #[test]
    fn unknown_repeated_missing_and_mistyped_fields_are_named_with_their_lines() {
        let node = parse("title: T\ncatgory: x\ntitle: U\nfeatured: yes\ntags: a\n", "f.md", 2).unwrap();
        let mut fields = Fields::of(&node, "f.md", "", "front matter").unwrap();
        assert_eq!(fields.required_text("title").as_deref(), Some("T"));
        assert_eq!(fields.required_text("date"), None);
        assert!(!fields.flag("featured"));
        assert!(fields.text_list("tags").is_empty());
        let problems: Vec<String> = fields.finish().iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "f.md:4: title: written twice",
                "f.md:2: date: required, but absent or empty",
                "f.md:5: featured: expected true or false",
                "f.md:6: tags: expected a list (`- item` lines)",
                "f.md:3: catgory: unknown field (see docs/formats/content-sources.md)",
            ]
        );
    }

    #[test]
    fn empty_null_and_blank_count_as_absent_and_numbers_read_as_text() {
        let node = parse("a: ''\nb: ~\nc: []\nd: 1012\ne: '  x  '\n", "f.yml", 1).unwrap();
        let mut fields = Fields::of(&node, "f.yml", "", "a map").unwrap();
        assert_eq!((fields.text("a"), fields.text("b")), (None, None));
        assert!(fields.text_list("c").is_empty());
        assert_eq!((fields.text("d").as_deref(), fields.text("e").as_deref()), (Some("1012"), Some("x")));
        assert!(fields.finish().is_empty());
    }
}
