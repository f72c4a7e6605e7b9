//! What the builder remembers between runs, so that a run reads only the
//! sources that changed and writes only the documents that did:
//! - each article file's size and modification time, with what the lists
//!   need of it (`ArticleDef`) and the fingerprint of its document's inputs;
//! - the last good categories (a broken `chuyen-muc.yml` keeps them);
//! - each output file's fingerprint (`DirSink`);
//! - each media file's stamp.
//!
//! It lives outside the site (`.builder-cache/` beside the data folder), so
//! it is never uploaded, and a missing or unreadable cache only means a
//! full run. It is postcard (a compact binary serde format), not JSON: at
//! 100 000 articles the JSON cache was 88 MB, and reading and writing it
//! was a third of a run that publishes one article.

use crate::fingerprint;
use crate::model::{ArticleDef, CategoryDef};
use crate::source::{Inventory, CATEGORIES_FILE, SITE_FILE};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Bumped whenever what the builder writes changes, so an old cache is not trusted.
const CACHE_VERSION: u32 = 5;

/// A file's size and modification time: unchanged stamp, unchanged file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified_ns: u128,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        let modified_ns = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
        Some(Stamp { size: meta.len(), modified_ns })
    }
}

/// One article file as the last good run read it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CachedArticle {
    pub stamp: Stamp,
    pub def: ArticleDef,
    /// Media files it names (paths from `content/`).
    pub media: Vec<String>,
    /// Lines of `id`, `category` and `related`, for messages about them.
    pub lines: [usize; 3],
    /// The fingerprint of its document's inputs when it was last written.
    pub inputs: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    pub version: u32,
    /// By source path from `content/` ("tin/2023/x.md").
    pub articles: HashMap<String, CachedArticle>,
    pub categories: Option<Vec<CategoryDef>>,
    /// Output files (from the site root) and their fingerprints.
    pub outputs: HashMap<String, u64>,
    /// Media files (from `content/`) and their stamps when last copied.
    pub media: HashMap<String, Stamp>,
}

/// Where the cache of the data folder `out` lives.
pub fn cache_path(out: &Path) -> PathBuf {
    let name = out.file_name().map_or("data".into(), |name| name.to_string_lossy().into_owned());
    out.parent().unwrap_or(Path::new(".")).join(".builder-cache").join(format!("{name}.postcard"))
}

/// The cache, or an empty one when it is missing, unreadable, from another
/// version, or when the data folder it describes is gone.
pub fn load(path: &Path, out: &Path) -> Cache {
    let bytes = fs::read(path).unwrap_or_default();
    // The version comes first and is read alone: postcard does not describe
    // itself, so another version's layout could otherwise be misread.
    let same_version = postcard::take_from_bytes::<u32>(&bytes).is_ok_and(|(version, _)| version == CACHE_VERSION);
    let cache: Option<Cache> = same_version.then(|| postcard::from_bytes(&bytes).ok()).flatten();
    match cache {
        Some(cache) if out.is_dir() => cache,
        _ => Cache { version: CACHE_VERSION, ..Cache::default() },
    }
}

/// Removes the cache (and the last clean run's print) of a data folder
/// that is about to change: until `save`, no cache describes it, and a run
/// cut short leaves none behind to be trusted.
pub fn forget(path: &Path) -> std::io::Result<()> {
    for file in [path.to_path_buf(), path.with_extension("sources")] {
        match fs::remove_file(file) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
            _ => {}
        }
    }
    Ok(())
}

pub fn save(path: &Path, cache: &Cache) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    // Written aside and renamed, so an interrupted run leaves the old cache whole.
    let partial = path.with_extension("partial");
    let bytes = postcard::to_stdvec(cache).map_err(|error| std::io::Error::other(error.to_string()))?;
    fs::write(&partial, bytes)?;
    fs::rename(partial, path)
}

/// The fingerprint of every source's path and stamp, and of `options`.
pub fn sources_print(content: &Path, files: &Inventory, options: &impl std::hash::Hash) -> u64 {
    let mut stamps: Vec<(&str, Option<Stamp>)> = Vec::with_capacity(files.articles.len() + 16);
    let all = files.articles.iter().chain(&files.weeks).chain(&files.media).map(String::as_str);
    for path in all.chain([CATEGORIES_FILE, SITE_FILE]) {
        stamps.push((path, Stamp::of(&content.join(path))));
    }
    fingerprint::of(&(
        CACHE_VERSION,
        stamps.len(),
        options,
        stamps.iter().map(|(p, s)| (p, s.map(|s| (s.size, s.modified_ns)))).collect::<Vec<_>>(),
    ))
}

/// How many files the last run produced, when it was clean, its sources
/// were these, and the data folder is still there.
pub fn unchanged_since_clean_run(cache_file: &Path, sources: u64, out: &Path) -> Option<usize> {
    let text = fs::read_to_string(cache_file.with_extension("sources")).ok()?;
    let (print, produced) = text.trim().split_once(' ')?;
    (print.parse::<u64>().ok()? == sources && out.is_dir()).then(|| produced.parse().ok()).flatten()
}

/// Remembers a clean run's sources (or forgets, after a run with problems).
pub fn save_sources_print(cache_file: &Path, clean: Option<(u64, usize)>) -> std::io::Result<()> {
    let path = cache_file.with_extension("sources");
    match clean {
        Some((print, produced)) => fs::write(path, format!("{print} {produced}\n")),
        None => match fs::remove_file(path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        },
    }
}
