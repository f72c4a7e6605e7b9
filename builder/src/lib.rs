//! The portal's builder (`portal-builder`): writes news archives in the
//! portal's document formats, the shipped sample (built from the text sources
//! under `content/`, `src/bin/build_sample.rs`) and synthetic archives of any
//! size for scale tests (`src/bin/generate_archive.rs`).
//!
//! A native crate of its own: it writes files, and nothing of it belongs in
//! the app or its wasm bundle. The documents it writes are exactly those
//! `portal_core::feed` and `portal_core::config` read; the app's
//! `tests/content.rs` holds it to that.

pub mod blocks;
pub mod documents;
pub mod model;
pub mod paths;
pub mod sample;
pub mod sink;
pub mod svg;
pub mod synthetic;
pub mod writer;

pub use model::{Archive, ArticleDef, CategoryDef, Labels};
pub use sink::{DirSink, MemorySink, Sink};
pub use writer::{write_archive, write_config, WriteOptions, Written};

use documents::{ConfigDocument, ConfigSources};
use portal_core::config::{Config, Sources};
use std::path::Path;

/// Items per list page in generated archives.
pub const PAGE_SIZE: usize = 20;

/// Items per list page in the shipped sample: smaller than a real feed's, so
/// that the sample's categories, not only the latest news, have several pages
/// for the views (and their tests) to walk.
pub const SAMPLE_PAGE_SIZE: usize = 6;

/// The folders and files under `data/` that the sample writer owns and
/// rebuilds; the schedule and statistics beside them are not its business.
pub const SAMPLE_OUTPUTS: [&str; 5] =
    ["data/tin", "data/tin-moi", "data/chuyen-muc", "data/anh", "data/chuyen-muc.json"];

/// Writes the shipped sample from the sources in `content_dir`: the news
/// documents under `data/` and the production `config.json`.
pub fn write_sample(content_dir: &Path, sink: &mut dyn Sink) -> Result<Written, String> {
    let archive = sample::load_sample(content_dir)?;
    let options = WriteOptions { data_dir: "data".into(), page_size: SAMPLE_PAGE_SIZE, pretty: true };
    let news = write_archive(&archive, &options, sink).map_err(|e| e.to_string())?;
    let config = write_config(sink, &production_config(&Config::default())).map_err(|e| e.to_string())?;
    Ok(Written { files: news.files + config.files, bytes: news.bytes + config.bytes })
}

/// `config.json` spelling out every default, so the web team sees what they can change.
pub fn production_config(defaults: &Config) -> ConfigDocument<'_> {
    let Sources {
        latest_feed,
        article,
        category_feed,
        category_page,
        categories,
        schedule_index,
        schedule_week,
        stats,
    } = defaults.sources.clone();
    ConfigDocument {
        version: portal_core::config::CONFIG_VERSION,
        sources: ConfigSources {
            latest_feed,
            article,
            category_feed,
            category_page,
            categories,
            schedule_index: Some(schedule_index),
            schedule_week: Some(schedule_week),
            stats: Some(stats),
        },
        stats_poll_seconds: Some(defaults.stats_poll_seconds),
        request_timeout_seconds: Some(defaults.request_timeout_seconds),
        site: Some((&defaults.site).into()),
    }
}
