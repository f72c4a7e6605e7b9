//! YAML read into a small tree that remembers each value's line, so that an
//! error names the line of the field at fault (content-sources.md).
//!
//! yaml-rust2 parses (a maintained, pure-Rust YAML 1.2 parser); the typing of
//! plain scalars is ours, because the contract wants less than YAML's own:
//! dates stay the text they were written as, only `true`/`false` are
//! booleans, and `~`, `null` or nothing is absent.

use super::problem::Problem;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A value and the 1-based line it starts on (in the file, not the snippet).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A scalar's text; `plain` when it was written without quotes (so a
    /// plain `12` may be read as the number it looks like).
    Text {
        text: String,
        plain: bool,
    },
    List(Vec<Node>),
    /// Keys in the order written, each with the line it stands on.
    Map(Vec<(String, usize, Node)>),
}

/// Parses one YAML document. `first_line` is the file line the text starts
/// on (2 for front matter after its `---`).
pub fn parse(text: &str, file: &str, first_line: usize) -> Result<Node, Problem> {
    let mut builder = TreeBuilder { stack: Vec::new(), root: None, alias: None, offset: first_line - 1 };
    let mut parser = Parser::new_from_str(text);
    if let Err(error) = parser.load(&mut builder, false) {
        let line = error.marker().line() + builder.offset;
        return Err(Problem::new(file, line, "", format!("not valid YAML: {}", error.info())));
    }
    if let Some(line) = builder.alias {
        return Err(Problem::new(file, line, "", "YAML anchors and aliases (`*name`) are not used in content files"));
    }
    Ok(builder.root.unwrap_or(Node { value: Value::Null, line: first_line }))
}

/// A list or map being filled, with the key waiting for its value.
struct Open {
    node: Node,
    key: Option<(String, usize)>,
}

struct TreeBuilder {
    stack: Vec<Open>,
    root: Option<Node>,
    /// The line of the first alias seen: they are refused as a whole.
    alias: Option<usize>,
    offset: usize,
}

impl TreeBuilder {
    fn add(&mut self, node: Node) {
        let Some(open) = self.stack.last_mut() else {
            self.root.get_or_insert(node);
            return;
        };
        match &mut open.node.value {
            Value::List(items) => items.push(node),
            Value::Map(entries) => match open.key.take() {
                Some((key, line)) => entries.push((key, line, node)),
                // A key must be text; a list or map as a key reads as its line.
                None => open.key = Some((key_text(&node), node.line)),
            },
            _ => unreachable!("only lists and maps are opened"),
        }
    }

    /// Whether the next scalar is a map's key (keys are kept as text).
    fn expects_key(&self) -> bool {
        self.stack.last().is_some_and(|open| matches!(open.node.value, Value::Map(_)) && open.key.is_none())
    }
}

fn key_text(node: &Node) -> String {
    match &node.value {
        Value::Text { text, .. } => text.clone(),
        Value::Bool(flag) => flag.to_string(),
        _ => String::new(),
    }
}

impl MarkedEventReceiver for TreeBuilder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let line = mark.line() + self.offset;
        match event {
            Event::Scalar(text, style, _, _) => {
                let value = if self.expects_key() { Value::Text { text, plain: false } } else { scalar(text, style) };
                self.add(Node { value, line });
            }
            Event::SequenceStart(..) => {
                self.stack.push(Open { node: Node { value: Value::List(Vec::new()), line }, key: None })
            }
            Event::MappingStart(..) => {
                self.stack.push(Open { node: Node { value: Value::Map(Vec::new()), line }, key: None })
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = self.stack.pop() {
                    self.add(open.node);
                }
            }
            Event::Alias(_) => {
                self.alias.get_or_insert(line);
                self.add(Node { value: Value::Null, line });
            }
            _ => {}
        }
    }
}

/// A scalar as the contract reads it: quoted text is always text.
fn scalar(text: String, style: TScalarStyle) -> Value {
    if style != TScalarStyle::Plain {
        return Value::Text { text, plain: false };
    }
    match text.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => Value::Text { text, plain: true },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(text: &str) -> Vec<(String, usize, Node)> {
        match parse(text, "f.yml", 1).unwrap().value {
            Value::Map(entries) => entries,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn values_keep_their_lines_and_quoted_text_stays_text() {
        let entries = map("a: 1\nb: '2023-10-19'\nc:\n  - x\n  - true\nd: ~\ne:\n");
        assert_eq!(entries[0].2, Node { value: Value::Text { text: "1".into(), plain: true }, line: 1 });
        assert_eq!(entries[1].2.value, Value::Text { text: "2023-10-19".into(), plain: false });
        let Value::List(items) = &entries[2].2.value else { panic!() };
        assert_eq!((entries[2].1, items[0].line, &items[1].value), (3, 4, &Value::Bool(true)));
        assert_eq!((&entries[3].2.value, &entries[4].2.value), (&Value::Null, &Value::Null));
    }

    #[test]
    fn a_syntax_error_names_the_file_line() {
        let problem = parse("a: 1\nb: [x\n", "f.yml", 2).unwrap_err();
        assert!(problem.line >= 3, "{problem}");
        assert!(problem.to_string().starts_with("f.yml:"), "{problem}");
    }

    #[test]
    fn aliases_are_refused() {
        assert!(parse("a: &x 1\nb: *x\n", "f.yml", 1).unwrap_err().message.contains("aliases"));
    }
}
