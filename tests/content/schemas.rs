//! The JSON Schemas under `schemas/`, compiled once, with format checks on
//! (so `date-time` is checked, not just annotated).

use crate::schema_check::compile;
pub use crate::schema_check::violations;
use jsonschema::Validator;

/// One validator per document kind.
pub struct Schemas {
    pub news_feed: Validator,
    pub categories: Validator,
    pub config: Validator,
}

impl Schemas {
    /// Loads and compiles every schema; panics with the reason if one is broken.
    pub fn load() -> Schemas {
        Schemas { news_feed: compile("news-feed"), categories: compile("categories"), config: compile("config") }
    }
}
