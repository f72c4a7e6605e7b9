//! Shared by the end-to-end test files (`mod support;`): the release builds,
//! a static server for them, and a browser (Chromium, or Firefox or WebKit where
//! a test runs in every engine) driven through its WebDriver server.
//!
//! The builds come from `bash scripts/test.sh`, which runs trunk once for
//! `dist/` and once with `--public-url /portal/` for `dist-portal/`; the tests
//! only read them, so that one test run never builds the app twice. After
//! one full run, a single file reruns alone: `cargo test --test e2e_routes`.
//!
//! A test gets a fresh Chromium and its own server (`with_browser`); it may
//! change what the server answers while the page is open, e.g.
//! `server.set_reply("/data/thong-ke.json", Reply::status(500))`, and a
//! failing test leaves a screenshot, the failed requests and the console.
#![allow(dead_code, unused_imports, unused_macros)] // each test file uses its own part of the helpers

pub mod browser;
pub mod engine;
pub mod registry;
pub mod server;

pub use browser::{Browser, Engine, Session, Viewport};
pub use server::{Reply, StaticServer};

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The seed article's title, as the page it is modelled on has it.
pub const SEED_TITLE: &str =
    "Đoàn Kiểm tra Công tác cải cách hành chính năm 2023 của Tỉnh làm việc tại Sở Khoa học và Công nghệ";

/// A file of the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The seed page's article paragraphs (the lines between the title and "Tin
/// khác"), white space folded as a reader sees it.
pub fn seed_paragraphs() -> Vec<String> {
    let page = std::fs::read_to_string(repo("content/seed-page.txt")).expect("content/seed-page.txt");
    let lines: Vec<&str> = page.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    let start = lines.iter().position(|line| *line == SEED_TITLE).expect("seed title") + 1;
    let end = lines.iter().position(|line| *line == "Tin khác").expect("Tin khác");
    lines[start..end].iter().map(|line| line.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// Which release build to serve, and where.
#[derive(Clone, Copy, Debug)]
pub enum Build {
    /// `dist/`, served at the origin's root.
    Root,
    /// `dist-portal/`, built with `--public-url /portal/`, served under /portal/.
    SubPath,
}

impl Build {
    pub fn folder(self) -> &'static str {
        match self {
            Build::Root => "dist",
            Build::SubPath => "dist-portal",
        }
    }

    pub fn prefix(self) -> &'static str {
        match self {
            Build::Root => "/",
            Build::SubPath => "/portal/",
        }
    }

    /// The name of the build's one top-level file named `prefix…suffix`
    /// (a hashed name, "part-lich-<hash>_bg.wasm"), or a failure naming
    /// what is there.
    pub fn file_named(self, prefix: &str, suffix: &str) -> String {
        let files: Vec<String> = std::fs::read_dir(self.dist())
            .expect("dist/")
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .collect();
        let found = files.iter().find(|file| file.starts_with(prefix) && file.ends_with(suffix));
        found.cloned().unwrap_or_else(|| panic!("no {prefix}…{suffix} in dist/: {files:?}"))
    }

    /// The build's folder, checked to hold a trunk build made for this prefix.
    pub fn dist(self) -> PathBuf {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        // PORTAL_E2E_BUILDS=DIR serves DIR/dist and DIR/dist-portal instead:
        // one's own builds, while others test the repository's.
        let builds = std::env::var_os("PORTAL_E2E_BUILDS").map(PathBuf::from).unwrap_or_else(|| root.to_path_buf());
        let dist = builds.join(self.folder());
        let index = dist.join("index.html");
        let html = std::fs::read_to_string(&index).unwrap_or_else(|_| {
            panic!(
                "no release build at {}: run `bash scripts/test.sh`, which builds dist/ and dist-portal/ \
                 with trunk before the end-to-end tests",
                index.display()
            )
        });
        let base = format!("<base href=\"{}\"", self.prefix());
        assert!(
            html.contains(&base),
            "{} was not built for {} (no `{base}`): run `bash scripts/test.sh`",
            index.display(),
            self.prefix()
        );
        warn_if_stale(&index, &root.join("src"));
        dist
    }
}

/// A build older than the sources tests yesterday's app; say so, but go on:
/// the developer may be testing the harness itself.
fn warn_if_stale(index: &Path, sources: &Path) {
    let built = modified(index);
    if newest_under(sources) > built {
        eprintln!("warning: {} is older than src/: rebuild with `bash scripts/test.sh`", index.display());
    }
}

fn modified(path: &Path) -> SystemTime {
    path.metadata().and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH)
}

fn newest_under(dir: &Path) -> SystemTime {
    let Ok(entries) = std::fs::read_dir(dir) else { return SystemTime::UNIX_EPOCH };
    entries
        .flatten()
        .map(|e| if e.path().is_dir() { newest_under(&e.path()) } else { modified(&e.path()) })
        .max()
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// Serves `build` and runs `test` against it in a fresh Chromium. The browser
/// is closed whatever happens; a failing test leaves a screenshot in
/// `target/e2e-screenshots/NAME.png` and then fails with its own message.
pub async fn with_browser<F, Fut>(name: &str, build: Build, viewport: Viewport, test: F)
where
    F: FnOnce(Browser, std::sync::Arc<StaticServer>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_browser_scripted(name, build, viewport, true, test).await;
}

/// As [`with_browser`], in a Chromium that runs script or, for readers
/// without JavaScript, not.
pub async fn with_browser_scripted<F, Fut>(name: &str, build: Build, viewport: Viewport, javascript: bool, test: F)
where
    F: FnOnce(Browser, std::sync::Arc<StaticServer>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    run_in(Engine::Chromium, name, build, viewport, javascript, test).await;
}

/// As [`with_browser`], in `engine`; a failing test's screenshot is
/// `NAME-ENGINE.png`.
pub async fn with_browser_in<F, Fut>(engine: Engine, name: &str, build: Build, viewport: Viewport, test: F)
where
    F: FnOnce(Browser, std::sync::Arc<StaticServer>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    run_in(engine, &format!("{name}-{}", engine.name()), build, viewport, true, test).await;
}

/// Runs one async test body, `$body(engine)`, in each engine: three tests,
/// `NAME::chromium`, `NAME::firefox` and `NAME::webkit` (so `cargo test
/// firefox` runs one engine's share).
macro_rules! in_every_engine {
    ($name:ident, $body:ident) => {
        mod $name {
            use super::support::Engine;
            #[tokio::test]
            async fn chromium() {
                super::$body(Engine::Chromium).await;
            }
            #[tokio::test]
            async fn firefox() {
                super::$body(Engine::Firefox).await;
            }
            #[tokio::test]
            async fn webkit() {
                super::$body(Engine::WebKit).await;
            }
        }
    };
}

async fn run_in<F, Fut>(engine: Engine, name: &str, build: Build, viewport: Viewport, javascript: bool, test: F)
where
    F: FnOnce(Browser, std::sync::Arc<StaticServer>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let server = std::sync::Arc::new(StaticServer::start(&build.dist(), build.prefix()));
    let session = Session::start_in(engine, viewport, javascript).await;
    let browser = Browser { javascript, engine, ..Browser::new(session.client.clone(), server.url("")) };
    let outcome = tokio::spawn(test(browser.clone(), server.clone())).await;
    if outcome.is_err() {
        // What the page could not load is often the whole story.
        for failed in server.served().iter().filter(|s| s.status >= 400) {
            eprintln!("the server answered {} to {}", failed.status, failed.path);
        }
        for line in browser.console().await {
            eprintln!("console {line}");
        }
        let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots").join(format!("{name}.png"));
        // Best effort: a crashed browser cannot take one, and the test's own
        // message matters more.
        if let Ok(png) = browser.client.screenshot().await {
            let _ = std::fs::create_dir_all(shot.parent().unwrap());
            if std::fs::write(&shot, png).is_ok() {
                eprintln!("screenshot of the failing page: {}", shot.display());
            }
        }
    }
    session.close().await;
    if let Err(failure) = outcome {
        match failure.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(other) => panic!("test {name} did not finish: {other}"),
        }
    }
}
