// Each test file uses part of it.
#![allow(dead_code)]

//! What the prerender's integration tests share: a site folder as a build
//! leaves it, and running the command.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const BASE_URL: &str = "https://portal.example.vn/";
/// A stand-in for trunk's index.html: the prerender needs only the shell.
pub const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n  <title>Cổng</title>\n  \
    <meta name=\"description\" content=\"chung\">\n</head>\n<body>\n  <div id=\"tai-trang\"><p>Đang tải</p></div>\n</body>\n</html>\n";

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A site folder as a build leaves it: shell, config and the sample's data.
pub fn sample_site(name: &str) -> PathBuf {
    let site = std::env::temp_dir().join(format!("prerender-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&repo().join("data"), &site.join("data"));
    std::fs::copy(repo().join("config.json"), site.join("config.json")).unwrap();
    std::fs::write(site.join("index.html"), SHELL).unwrap();
    site
}

/// Runs the prerender; (succeeded, what it printed).
pub fn prerender(site: &Path) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .args(["--site", site.to_str().unwrap(), "--base-url", BASE_URL])
        .output()
        .expect("running the prerender");
    let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), printed)
}
