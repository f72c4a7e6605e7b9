//! The portal's builder (`portal-builder`): turns the department's sources
//! under `content/` (Markdown with YAML front matter, YAML;
//! `docs/formats/content-sources.md`) into every document the portal reads
//! (`docs/formats/`): news feeds, article documents, categories, schedule
//! weeks and their index, `config.json`'s site part, and the media. It also
//! makes synthetic archives of any size, as content files, for scale tests.
//!
//! A native crate of its own: it reads and writes files, and nothing of it
//! belongs in the app or its wasm bundle. The documents it writes are
//! exactly those `portal_core::feed`, `schedule` and `config` read; the
//! app's `tests/content.rs` holds it to that.

pub mod agency;
pub mod articles;
pub mod attachment;
pub mod blocks;
pub mod build;
pub mod cache;
pub mod cite_links;
pub mod cores;
pub mod documents;
pub mod episodes;
pub mod extras;
pub mod fingerprint;
pub mod lists;
pub mod model;
pub mod nhiem_vu;
pub mod paths;
pub mod pdf;
pub mod registry_facets;
pub mod registry_list;
pub mod sink;
pub mod source;
pub mod synthetic;
pub mod synthetic_nhiem_vu;
pub mod synthetic_van_ban;
pub mod van_ban;
pub mod writer;

pub use build::{build, BuildOptions, Outcome, PAGE_SIZE};
pub use model::{Archive, ArticleBody, ArticleDef, CategoryDef, Labels};
pub use sink::{DirSink, MemorySink, Sink};
pub use writer::{write_archive, WriteOptions};
