//! What is wrong with one JSON-LD block, by schema.org's vocabulary: each
//! node's `@type` is a type it knows; each property is one it knows, not
//! superseded, and meant for the node's type or a type above it
//! (`domainIncludes`); a nested node's type, or an enumeration member named
//! by its address (`https://schema.org/InForce`), is one the property
//! takes (`rangeIncludes`). Plain values (text, numbers, dates) are not
//! judged: schema.org accepts text almost everywhere.

use super::vocabulary::Vocabulary;
use serde_json::{Map, Value};

/// Each problem as "where: what", where is a path such as `$.funding.amount`.
pub fn problems(vocabulary: &Vocabulary, block: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let Some(object) = block.as_object() else {
        return vec!["$: not a JSON object".into()];
    };
    let context = object.get("@context").and_then(Value::as_str).unwrap_or("");
    if schema_term(context).is_none_or(|rest| !rest.is_empty()) {
        out.push(format!("$: @context is {context:?}, not schema.org"));
    }
    node(vocabulary, object, "$", &mut out);
    out
}

/// Checks one node and everything in it; its known types.
fn node<'a>(
    vocabulary: &Vocabulary,
    object: &'a Map<String, Value>,
    path: &str,
    out: &mut Vec<String>,
) -> Vec<&'a str> {
    let types: Vec<&str> = match object.get("@type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => {
            out.push(format!("{path}: no @type, so its properties cannot be judged"));
            return Vec::new();
        }
    };
    let mut known = Vec::new();
    for kind in types {
        if !vocabulary.is_type(kind) {
            out.push(format!("{path}: unknown type {kind:?}"));
        } else if let Some(newer) = vocabulary.superseded_by(kind) {
            out.push(format!("{path}: type {kind} is superseded by {newer}"));
        } else {
            known.push(kind);
        }
    }
    for (property, value) in object.iter().filter(|(key, _)| !key.starts_with('@')) {
        let here = format!("{path}.{property}");
        if !vocabulary.is_property(property) {
            out.push(format!("{here}: unknown property {property:?}"));
            continue;
        }
        if let Some(newer) = vocabulary.superseded_by(property) {
            out.push(format!("{here}: {property} is superseded by {newer}"));
        }
        if !known.is_empty() && !known.iter().any(|kind| vocabulary.allows(kind, property)) {
            let meant_for = vocabulary.domains(property).join(", ");
            out.push(format!("{here}: not a property of {} (it is one of: {meant_for})", known.join(", ")));
        }
        value_of(vocabulary, property, value, &here, out);
    }
    known
}

/// Checks a property's value: nested nodes, and members named by address.
fn value_of(vocabulary: &Vocabulary, property: &str, value: &Value, path: &str, out: &mut Vec<String>) {
    let (kinds, what): (Vec<&str>, String) = match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                value_of(vocabulary, property, item, &format!("{path}[{index}]"), out);
            }
            return;
        }
        Value::Object(object) => {
            let kinds = node(vocabulary, object, path, out);
            let what = kinds.join(", ");
            (kinds, what)
        }
        Value::String(text) => match schema_term(text) {
            Some(term) if !vocabulary.is_term(term) => {
                out.push(format!("{path}: {text} names no schema.org term"));
                return;
            }
            Some(term) if !vocabulary.is_type(term) && !vocabulary.is_property(term) => {
                (vocabulary.member_types(term).iter().map(String::as_str).collect(), term.to_string())
            }
            _ => return,
        },
        _ => return,
    };
    if !kinds.is_empty() && !kinds.iter().any(|kind| vocabulary.takes(property, kind)) {
        out.push(format!("{path}: {property} does not take {what}"));
    }
}

/// "InForce" from `https://schema.org/InForce` (or `http://`); "" for the
/// site itself.
fn schema_term(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("https://schema.org").or_else(|| text.strip_prefix("http://schema.org"))?;
    match rest {
        "" | "/" => Some(""),
        _ => rest.strip_prefix('/'),
    }
}
