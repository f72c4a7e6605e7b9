//! A shipped registry's documents (data/van-ban/, data/nhiem-vu/, written
//! by the builder), as tests/van_ban_samples.rs and tests/nhiem_vu_samples.rs
//! read them: each under the app's size limit, checked against its JSON
//! Schema, parsed with the app's own parser.

use super::schema_check::{compile, violations};
use portal::core::error::DocError;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub struct Registry {
    /// Its folder under the repository ("data/van-ban").
    pub folder: &'static str,
    /// Its schemas' prefix: `{schemas}-document`, `-list` and `-facets`.
    pub schemas: &'static str,
    /// The app's size limit for its documents.
    pub limit: usize,
}

impl Registry {
    /// A file's text, under the size limit.
    pub fn read(&self, path: &Path) -> String {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{}: {e} (run scripts/build-content.sh)", path.display()));
        assert!(text.len() < self.limit, "{}: over the size limit", path.display());
        text
    }

    /// Every entry's own document, validated and parsed by `parse(url, text)`.
    pub fn documents<D>(&self, parse: impl Fn(&str, &str) -> Result<D, DocError>) -> Vec<D> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(self.folder))
            .unwrap_or_else(|e| panic!("{}: {e} (scripts/build-content.sh)", self.folder))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "json") && !path.ends_with("bo-loc.json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|path| {
                let text = self.read(path);
                valid(&format!("{}-document", self.schemas), path, &text);
                let url = format!("https://h.vn/{}/{}", self.folder, path.file_name().unwrap().to_str().unwrap());
                parse(&url, &text).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.english()))
            })
            .collect()
    }

    /// Every page of list `list`, validated and parsed.
    pub fn list<P>(&self, list: &str, parse: impl Fn(&str) -> Result<P, DocError>) -> Vec<P> {
        let mut pages = Vec::new();
        for page in 1.. {
            let path = root().join(self.folder).join("ds").join(list).join(format!("{page}.json"));
            if !path.exists() {
                break;
            }
            let text = self.read(&path);
            valid(&format!("{}-list", self.schemas), &path, &text);
            pages.push(parse(&text).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.english())));
        }
        assert!(!pages.is_empty(), "no list {list}");
        pages
    }

    /// The facet index's text, validated.
    pub fn facet_index(&self) -> String {
        let path = root().join(self.folder).join("bo-loc.json");
        let text = self.read(&path);
        valid(&format!("{}-facets", self.schemas), &path, &text);
        text
    }
}

fn valid(schema: &str, path: &Path, text: &str) {
    let value: Value = serde_json::from_str(text).unwrap();
    let problems = violations(&compile(schema), &value);
    assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
}
