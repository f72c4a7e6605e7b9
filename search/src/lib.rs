//! Search of the portal's whole archive from static files
//! (docs/formats/search-index.md).
//!
//! - [`text`]: Vietnamese text handling (NFC/NFD, case, folded and accented keys, syllables);
//! - [`terms`]: what an article is indexed under and what a query looks up;
//! - [`writer`]: the index files, in segments, from the whole archive;
//! - [`engine`]: the query engine, which names the files it needs.
//!
//! No dependency but the portal's leaf crate, and no I/O: the writer returns files as bytes, the query
//! engine is handed the files it asked for, so the same code runs natively
//! (the prerender writes the index) and in the browser (a Web Worker).

pub mod codec;
pub mod engine;
pub mod fast_hash;
pub mod manifest;
pub mod snippet;
pub mod terms;
/// The portal's one table of Vietnamese letters, shared with slugs, lives in
/// the leaf crate; `portal_search::text` stays the name search code uses.
pub use portal_core::text;
pub mod writer;

pub use engine::{
    search_with, search_with_ranges, split_range, Engine, Hit, Query, Results, SearchError, Step, PAGE_SIZE,
};
pub use terms::Doc;
pub use writer::{publish, publish_filling, Options, Publication, INDEX_DIR};
