//! A small content folder in a temporary directory, built by the real
//! builder, for the builder's rule-by-rule tests.
#![allow(dead_code)]

use portal_builder::{build, BuildOptions, Outcome};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Site {
    pub root: PathBuf,
}

pub const CATEGORIES: &str = "sections:\n  - name: Tin tức - Sự kiện\ncategories:\n  - slug: tin-hoat-dong-so\n    name: Tin hoạt động Sở\n    section: Tin tức - Sự kiện\n    on_home: true\n  - slug: khac\n    name: Khác\n";
pub const SETTINGS: &str =
    "name: Cổng\nowner: Sở\nresponsible: 'Chịu trách nhiệm: A'\naddress: 'Địa chỉ: B'\nphone: 'ĐT: C'\n";

/// A 1×1 PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x04, 0xb0, 0, 0,
    0x03, 0x20, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
];

/// An article file's text.
pub fn article(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\ncategory: tin-hoat-dong-so\n{extra}---\n{body}")
}

impl Site {
    /// A content folder with categories, settings, two articles and a photo.
    pub fn new() -> Site {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let root = std::env::temp_dir().join(format!("portal-builder-it-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let site = Site { root };
        site.write("content/chuyen-muc.yml", CATEGORIES);
        site.write("content/thong-tin-chung.yml", SETTINGS);
        site.write("content/anh/hoi-thao.png", PNG);
        site.write("content/tin/2026/mot.md", article("Bài một", "2026-01-05 08:00", "id: '1'\n", "Đoạn một.\n"));
        site.write("content/tin/2026/hai.md", article("Bài hai", "2026-01-06T09:00:00+07:00", "", "Đoạn hai.\n"));
        site
    }

    pub fn write(&self, path: &str, text: impl AsRef<[u8]>) {
        let full = self.root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }

    pub fn remove(&self, path: &str) {
        std::fs::remove_file(self.root.join(path)).unwrap();
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.root.join(path).exists()
    }

    pub fn json(&self, path: &str) -> serde_json::Value {
        serde_json::from_str(&self.read(path)).unwrap()
    }

    pub fn content(&self) -> PathBuf {
        self.root.join("content")
    }

    pub fn build(&self) -> Outcome {
        let options = BuildOptions {
            content_dir: self.content(),
            out_dir: self.root.join("site/data"),
            pretty: false,
            page_size: 20,
        };
        build(&options).unwrap()
    }

    /// The problems of a run, as the builder prints them, with the temporary folder left out.
    pub fn problems(&self, outcome: &Outcome) -> Vec<String> {
        let root = format!("{}/", self.root.display());
        outcome.report.problems.iter().map(|p| p.to_string().replace(&root, "")).collect()
    }

    pub fn path(&self) -> &Path {
        &self.root
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}
