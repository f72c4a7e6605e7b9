//! Where written documents go: a folder on disk, or memory for the tests.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Receives each document under its path relative to the site root ("data/tin/1019.json").
pub trait Sink {
    /// Stores one file.
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()>;
}

/// Writes files under a root folder, creating folders as needed.
pub struct DirSink {
    root: PathBuf,
    /// Folders already created, so 100 000 articles do not cost 100 000 `create_dir_all` calls.
    created: HashSet<PathBuf>,
}

impl DirSink {
    /// A sink writing under `root`.
    pub fn new(root: impl AsRef<Path>) -> DirSink {
        DirSink { root: root.as_ref().to_path_buf(), created: HashSet::new() }
    }
}

impl Sink for DirSink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let full = self.root.join(path);
        if let Some(parent) = full.parent() {
            if !self.created.contains(parent) {
                fs::create_dir_all(parent)?;
                self.created.insert(parent.to_path_buf());
            }
        }
        fs::write(full, bytes)
    }
}

/// Keeps every file in memory, keyed by path.
#[derive(Default)]
pub struct MemorySink {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Sink for MemorySink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        if self.files.insert(path.to_string(), bytes.to_vec()).is_some() {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("{path} written twice")));
        }
        Ok(())
    }
}
