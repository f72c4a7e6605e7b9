//! Where written documents go: a folder on disk that is only touched where a
//! document changed, or memory for the tests.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Receives each document under its path relative to the site root ("data/tin/1019.json").
pub trait Sink {
    /// Stores one file.
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()>;

    /// Stores the file at `path` whose bytes follow wholly from inputs with
    /// the fingerprint `inputs`; `make` makes them, and a sink that knows the
    /// file was made from the same inputs last run need not call it.
    fn put_made(&mut self, path: &str, _inputs: u64, make: &mut dyn FnMut() -> io::Result<Vec<u8>>) -> io::Result<()> {
        let bytes = make()?;
        self.put(path, &bytes)
    }

    /// Leaves the file at `path` as the last run wrote it (its inputs did
    /// not change, or its source is broken and keeps its previous version).
    fn keep(&mut self, _path: &str) {}
}

/// Writes files under a root folder, skipping any whose bytes are what the
/// last run wrote there (by fingerprint), and afterwards removes what the
/// last run wrote and this one did not.
pub struct DirSink {
    root: PathBuf,
    /// Each file's fingerprint as the last run left it.
    previous: HashMap<String, u64>,
    /// Each file's fingerprint as this run leaves it.
    pub current: HashMap<String, u64>,
    /// The thread that writes the files, started with the first one.
    writer: Option<Writer>,
    pub written: Vec<String>,
    pub bytes_written: u64,
}

/// Files go to disk on a thread of their own while the next documents are
/// drawn: at 100 000 articles a publication rewrites 5 600 list pages, and
/// the system calls were a third of the run.
struct Writer {
    files: std::sync::mpsc::SyncSender<(PathBuf, Vec<u8>)>,
    done: std::thread::JoinHandle<io::Result<()>>,
}

impl Writer {
    fn start() -> Writer {
        let (files, received) = std::sync::mpsc::sync_channel::<(PathBuf, Vec<u8>)>(256);
        let done = std::thread::spawn(move || {
            // Folders already created, so 100 000 articles do not cost 100 000 `create_dir_all` calls.
            let mut created: HashSet<PathBuf> = HashSet::new();
            for (full, bytes) in received {
                if let Some(parent) = full.parent() {
                    if !created.contains(parent) {
                        fs::create_dir_all(parent)?;
                        created.insert(parent.to_path_buf());
                    }
                }
                // Written in place: writing aside and renaming cost a third
                // more system time. A run cut short may leave a half document;
                // the builder forgets its cache before writing
                // (`cache::forget`), so the next run checks every document
                // rather than trust a fingerprint.
                fs::write(&full, bytes)?;
            }
            Ok(())
        });
        Writer { files, done }
    }
}

impl DirSink {
    /// A sink writing under `root`, which the last run left as `previous` says.
    pub fn new(root: impl AsRef<Path>, previous: HashMap<String, u64>) -> DirSink {
        DirSink {
            root: root.as_ref().to_path_buf(),
            previous,
            current: HashMap::new(),
            writer: None,
            written: Vec::new(),
            bytes_written: 0,
        }
    }

    /// Hands one file to the writing thread.
    fn write(&mut self, path: &str, bytes: Vec<u8>) -> io::Result<()> {
        let size = bytes.len() as u64;
        let writer = self.writer.get_or_insert_with(Writer::start);
        if writer.files.send((self.root.join(path), bytes)).is_err() {
            // The thread stopped on an error: `finish` tells which.
            self.finish()?;
            return Err(io::Error::other("the builder's writing thread stopped"));
        }
        self.written.push(path.to_string());
        self.bytes_written += size;
        Ok(())
    }

    /// Waits until every file handed over is on disk; the first error.
    pub fn finish(&mut self) -> io::Result<()> {
        let Some(Writer { files, done }) = self.writer.take() else { return Ok(()) };
        drop(files);
        done.join().map_err(|_| io::Error::other("the builder's writing thread panicked"))?
    }

    /// Removes the files the last run wrote that this run neither wrote nor
    /// kept (an article deleted, a list grown shorter); returns their paths.
    pub fn remove_stale(&mut self) -> io::Result<Vec<String>> {
        self.finish()?;
        let mut stale: Vec<String> =
            self.previous.keys().filter(|path| !self.current.contains_key(*path)).cloned().collect();
        stale.sort();
        for path in &stale {
            match fs::remove_file(self.root.join(path)) {
                Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
        Ok(stale)
    }
}

impl Sink for DirSink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let print = crate::fingerprint::of_bytes(bytes);
        self.current.insert(path.to_string(), print);
        if self.previous.get(path) == Some(&print) {
            return Ok(());
        }
        self.write(path, bytes.to_vec())
    }

    /// Remembers the file by its inputs' fingerprint rather than its bytes':
    /// at 100 000 articles, the list pages of the categories that did not
    /// change are then neither serialised nor hashed.
    fn put_made(&mut self, path: &str, inputs: u64, make: &mut dyn FnMut() -> io::Result<Vec<u8>>) -> io::Result<()> {
        if self.previous.get(path) == Some(&inputs) {
            self.current.insert(path.to_string(), inputs);
            return Ok(());
        }
        let bytes = make()?;
        self.write(path, bytes)?;
        self.current.insert(path.to_string(), inputs);
        Ok(())
    }

    fn keep(&mut self, path: &str) {
        if let Some(print) = self.previous.get(path) {
            self.current.insert(path.to_string(), *print);
        }
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
