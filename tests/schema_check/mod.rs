//! Shared by the native tests that check shipped documents against the JSON
//! Schemas under `schemas/` (`mod schema_check;`).
#![allow(dead_code)] // each test file uses its own part of the helpers

use jsonschema::Validator;
use serde_json::Value;
use std::path::Path;

/// Loads `schemas/<name>.schema.json`, checks that it is a valid draft 2020-12
/// schema whose `$id` carries the format version, and compiles it with format
/// checks on (so `date-time` is checked, not just annotated).
pub fn compile(name: &str) -> Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas").join(format!("{name}.schema.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(jsonschema::meta::is_valid(&schema), "{name}.schema.json is not a valid JSON Schema");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{name}: not 2020-12");
    let id = schema["$id"].as_str().unwrap_or_default();
    assert!(id.contains("/1/"), "{name}.schema.json: $id must carry the format version: {id}");
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name}.schema.json does not compile: {e}"))
}

/// The schema violations of `document` (empty when valid), one line each.
pub fn violations(validator: &Validator, document: &Value) -> Vec<String> {
    validator.iter_errors(document).map(|error| format!("{}: {error}", error.instance_path())).collect()
}
