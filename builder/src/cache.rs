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

use crate::cores::map_on_two_threads;
use crate::fingerprint;
use crate::model::{ArticleDef, CategoryDef};
use crate::source::{Inventory, AGENCY_FILE, CATEGORIES_FILE, SITE_FILE};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Bumped whenever what the builder writes changes, so an old cache is not trusted.
const CACHE_VERSION: u32 = 7;

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
    /// By source path from `content/` ("tin/2023/x.md"). Kept in
    /// [`ARTICLE_BUCKETS`] files of their own beside the rest, by a hash of
    /// the path, so that publishing one article rewrites one or two small
    /// files, not 70 MB (at 100 000 articles, a fifth of such a run).
    #[serde(skip)]
    pub articles: HashMap<String, CachedArticle>,
    /// Each article bucket's fingerprint as it was read, to write only the
    /// buckets that changed.
    #[serde(skip)]
    pub bucket_prints: Vec<Option<u64>>,
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

/// How many files the articles' part of the cache is split into.
pub const ARTICLE_BUCKETS: u64 = 64;

fn bucket_of(source_path: &str) -> usize {
    (fingerprint::of_bytes(source_path.as_bytes()) % ARTICLE_BUCKETS) as usize
}

fn bucket_path(path: &Path, bucket: usize) -> PathBuf {
    path.with_extension(format!("articles-{bucket:02}.postcard"))
}

/// The cache, or an empty one when it is missing, unreadable, from another
/// version, or when the data folder it describes is gone.
pub fn load(path: &Path, out: &Path) -> Cache {
    let empty = || Cache { version: CACHE_VERSION, ..Cache::default() };
    let bytes = fs::read(path).unwrap_or_default();
    // The version comes first and is read alone: postcard does not describe
    // itself, so another version's layout could otherwise be misread.
    let same_version = postcard::take_from_bytes::<u32>(&bytes).is_ok_and(|(version, _)| version == CACHE_VERSION);
    let Some(mut cache) = same_version.then(|| postcard::from_bytes::<Cache>(&bytes).ok()).flatten() else {
        return empty();
    };
    if !out.is_dir() {
        return empty();
    }
    // Read as the lists of pairs they are written as (postcard writes a map
    // the same way), so that each article is hashed into one map, not two.
    // Half the buckets on another thread: the builder waits for its cache
    // (70 MB at 100 000 articles), and the other core is mostly free then.
    let read_bucket = |bucket: usize| {
        let bytes = fs::read(bucket_path(path, bucket)).unwrap_or_default();
        let articles = postcard::from_bytes::<Vec<(String, CachedArticle)>>(&bytes).ok()?;
        Some((fingerprint::of_bytes(&bytes), articles))
    };
    let numbers: Vec<usize> = (0..ARTICLE_BUCKETS as usize).collect();
    let buckets: Vec<Option<Bucket>> = map_on_two_threads(&numbers, |bucket| read_bucket(*bucket));
    if buckets.iter().any(Option::is_none) {
        return empty();
    }
    cache.articles.reserve(buckets.iter().flatten().map(|(_, articles)| articles.len()).sum());
    for (print, articles) in buckets.into_iter().flatten() {
        cache.bucket_prints.push(Some(print));
        cache.articles.extend(articles);
    }
    cache
}

/// One bucket file's fingerprint and articles.
type Bucket = (u64, Vec<(String, CachedArticle)>);

/// Removes the cache (and the last clean run's print) of a data folder
/// that is about to change: until `save`, no cache describes it, and a run
/// cut short leaves none behind to be trusted. (The article buckets need
/// not go: without the file that names the version, none is read.)
pub fn forget(path: &Path) -> std::io::Result<()> {
    for file in [path.to_path_buf(), path.with_extension("sources")] {
        match fs::remove_file(file) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
            _ => {}
        }
    }
    Ok(())
}

/// Writes the article buckets that changed since `load`, then the rest.
pub fn save(path: &Path, cache: &Cache) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut buckets: Vec<Vec<(&String, &CachedArticle)>> = vec![Vec::new(); ARTICLE_BUCKETS as usize];
    for (source, article) in &cache.articles {
        buckets[bucket_of(source)].push((source, article));
    }
    // Sorted and encoded on both cores (70 MB at 100 000 articles).
    let encoded = map_on_two_threads(&buckets, |articles| {
        // In path order, so that an unchanged bucket has unchanged bytes
        // (postcard writes a list of pairs as it writes a map).
        let mut articles = articles.clone();
        articles.sort_unstable_by_key(|(source, _)| *source);
        postcard::to_stdvec(&articles).map_err(|error| std::io::Error::other(error.to_string()))
    });
    for (bucket, bytes) in encoded.into_iter().enumerate() {
        let bytes = bytes?;
        if cache.bucket_prints.get(bucket).copied().flatten() != Some(fingerprint::of_bytes(&bytes)) {
            write_aside(&bucket_path(path, bucket), &bytes)?;
        }
    }
    let bytes = postcard::to_stdvec(cache).map_err(|error| std::io::Error::other(error.to_string()))?;
    write_aside(path, &bytes)
}

/// Written aside and renamed, so that an interrupted write leaves the old file whole.
fn write_aside(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = path.with_extension("partial");
    fs::write(&partial, bytes)?;
    fs::rename(partial, path)
}

/// The fingerprint of every source's path and stamp, and of `options`;
/// and the articles' stamps, in `files.articles`' order, so that they are
/// not asked of the file system twice (100 000 `statx` calls each time).
pub fn sources_print(content: &Path, files: &Inventory, options: &impl std::hash::Hash) -> (u64, Vec<Option<Stamp>>) {
    let mut stamps: Vec<(&str, Option<Stamp>)> = Vec::with_capacity(files.articles.len() + 16);
    let all = files
        .articles
        .iter()
        .chain(&files.weeks)
        .chain(&files.van_ban)
        .chain(&files.nhiem_vu)
        .chain(&files.episodes)
        .chain(&files.media)
        .map(String::as_str);
    for path in all.chain([CATEGORIES_FILE, SITE_FILE, AGENCY_FILE]) {
        stamps.push((path, Stamp::of(&content.join(path))));
    }
    let print = fingerprint::of(&(
        CACHE_VERSION,
        stamps.len(),
        options,
        stamps.iter().map(|(p, s)| (p, s.map(|s| (s.size, s.modified_ns)))).collect::<Vec<_>>(),
    ));
    (print, stamps.iter().take(files.articles.len()).map(|(_, stamp)| *stamp).collect())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn article(n: usize) -> CachedArticle {
        let def = ArticleDef {
            id: n.to_string(),
            title: format!("Bài {n}"),
            route: format!("/tin/{n}/bai-{n}"),
            category: "khac".into(),
            published: "2023-10-19T08:00:00+07:00".into(),
            published_at: 1_697_677_200,
            excerpt: "Tóm tắt".into(),
            author: None,
            tags: vec![],
            image: None,
            featured: false,
            related: vec![],
            cites: vec![],
        };
        CachedArticle { stamp: Stamp::default(), def, media: vec![], lines: [1, 2, 3], inputs: n as u64 }
    }

    fn modified_times(path: &Path) -> Vec<std::time::SystemTime> {
        (0..ARTICLE_BUCKETS as usize)
            .map(|bucket| fs::metadata(bucket_path(path, bucket)).and_then(|m| m.modified()).unwrap())
            .collect()
    }

    #[test]
    fn the_cache_reads_back_and_rewrites_only_the_buckets_that_changed() {
        let folder = std::env::temp_dir().join(format!("builder-cache-test-{}", std::process::id()));
        let out = folder.join("data");
        fs::create_dir_all(&out).unwrap();
        let path = cache_path(&out);
        let mut cache = Cache { version: CACHE_VERSION, ..Cache::default() };
        cache.articles = (0..500).map(|n| (format!("tin/{n}.md"), article(n))).collect();
        cache.outputs.insert("data/tin/1.json".into(), 7);
        save(&path, &cache).unwrap();

        let mut read = load(&path, &out);
        assert_eq!(read.articles.len(), 500);
        assert_eq!(read.articles["tin/7.md"].def, cache.articles["tin/7.md"].def);
        assert_eq!(read.outputs["data/tin/1.json"], 7);

        let before = modified_times(&path);
        std::thread::sleep(std::time::Duration::from_millis(20));
        save(&path, &read).unwrap();
        assert_eq!(modified_times(&path), before, "nothing changed, no bucket written");

        read.articles.get_mut("tin/7.md").unwrap().inputs = 99;
        save(&path, &read).unwrap();
        let after = modified_times(&path);
        let rewritten: Vec<usize> = (0..before.len()).filter(|&bucket| after[bucket] != before[bucket]).collect();
        assert_eq!(rewritten, [bucket_of("tin/7.md")]);
        assert_eq!(load(&path, &out).articles["tin/7.md"].inputs, 99);

        // Without the file that names the version, the buckets are not trusted.
        forget(&path).unwrap();
        assert!(load(&path, &out).articles.is_empty());
        let _ = fs::remove_dir_all(&folder);
    }
}
