//! A drawn page put into trunk's `index.html` (kept as `app.html`, the shell
//! every address without a page of its own falls back to), and written only
//! when it changed.

use crate::head::{head_tags, script_safe, PageMeta};
use crate::render::Drawn;
use crate::sanitize::escape;
use crate::store::Store;
use std::path::Path;

/// Where the static shell's markup starts; the app removes this element and
/// draws the same page in its place when it takes over.
const SHELL_START: &str = "<div id=\"tai-trang\">";
/// The app shell, for addresses that have no page of their own.
pub const APP_SHELL_FILE: &str = "app.html";

/// Trunk's page: `app.html` once a prerender has kept it, else the fresh
/// `index.html` of the build, which is then kept as `app.html`.
pub fn app_shell(site_dir: &Path) -> Result<String, String> {
    let kept = site_dir.join(APP_SHELL_FILE);
    if let Ok(shell) = std::fs::read_to_string(&kept) {
        return Ok(shell);
    }
    let index = site_dir.join("index.html");
    let shell = std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    if !shell.contains(SHELL_START) || shell.contains("data-tai-lieu") {
        return Err(format!("{} is not the app shell of a trunk build; build again first", index.display()));
    }
    std::fs::write(&kept, &shell).map_err(|e| format!("writing {}: {e}", kept.display()))?;
    Ok(shell)
}

/// The whole HTML page: the shell with this page's head, body and documents.
/// `may_be_older` tells which embedded documents may be older than their
/// file when the page is next served (see `manifest::signs_navigation_only`).
pub fn compose(
    shell: &str,
    meta: &PageMeta,
    site_name: &str,
    drawn: &Drawn,
    store: &Store,
    may_be_older: impl Fn(&str) -> bool,
) -> String {
    let mut head = String::new();
    for line in shell.lines() {
        let trimmed = line.trim_start();
        // The shell's generic description gives way to the page's own.
        if trimmed.starts_with("<meta name=\"description\"") {
            continue;
        }
        if trimmed.starts_with("<title>") {
            head.push_str(&format!("  <title>{}</title>\n", escape(&meta.title, false)));
            head.push_str(&head_tags(meta, site_name));
            continue;
        }
        head.push_str(line);
        head.push('\n');
    }
    if meta.lang == "en" {
        // The English page (`/en/`): its language for browsers, readers and axe.
        head = head.replacen("<html lang=\"vi\">", "<html lang=\"en\">", 1);
    }
    let start = head.find(SHELL_START).unwrap_or(head.len());
    let end = head.rfind("</body>").unwrap_or(head.len()).max(start);
    let mut page = String::with_capacity(head.len() + drawn.body.len() + 4096);
    page.push_str(&head[..start]);
    page.push_str(SHELL_START);
    page.push_str(&drawn.body);
    page.push_str("</div>\n");
    // The documents the page was drawn from: the app reads them instead of
    // fetching them again, and so draws the same page at once. Not those
    // that only a worker reads (`net::not_to_embed`).
    for (url, text) in drawn.documents.iter().filter(|(url, _)| !drawn.not_embedded.contains(url)) {
        page.push_str(&format!(
            "<script type=\"application/json\" data-tai-lieu=\"{}\"{}>{}</script>\n",
            escape(store.site_relative(url), true),
            if may_be_older(url) { " data-co-the-cu" } else { "" },
            script_safe(text)
        ));
    }
    // And those it asked for that were not found: the app then shows the
    // same "not published" view at once, not a placeholder while it asks.
    for url in &drawn.absent {
        page.push_str(&format!(
            "<script type=\"application/json\" data-tai-lieu=\"{}\" data-khong-co></script>\n",
            escape(store.site_relative(url), true)
        ));
    }
    page.push_str(&head[end..]);
    page
}

/// The page at another address of the same page (an article without its
/// slug): the same head, so a link preview of the short address is as
/// good, and a body that leads to the canonical address, with and without
/// script. A twentieth of the full page's size, for every article.
pub fn leading_page(meta: &PageMeta, site_name: &str, router_base: &str, route: &str) -> String {
    let target = escape(&format!("{router_base}{route}"), true);
    let title = escape(&meta.title, false);
    let mut page = String::from("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n  <meta charset=\"utf-8\">\n");
    page.push_str("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!("  <title>{title}</title>\n"));
    // As in the app shell: no request for a /favicon.ico that is not there.
    page.push_str("  <link rel=\"icon\" href=\"data:,\">\n");
    page.push_str(&head_tags(meta, site_name));
    page.push_str(&format!("  <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n"));
    page.push_str(&format!("  <p><a href=\"{target}\">{title}</a></p>\n</body>\n</html>\n"));
    page
}

/// What a run wrote.
#[derive(Default)]
pub struct Written {
    pub changed: usize,
    pub unchanged: usize,
    pub bytes: u64,
}

/// Writes `bytes` to `file` unless it already holds exactly them.
pub fn write_if_changed(file: &Path, bytes: &[u8], written: &mut Written) -> Result<(), String> {
    written.bytes += bytes.len() as u64;
    if std::fs::read(file).is_ok_and(|old| old == bytes) {
        written.unchanged += 1;
        return Ok(());
    }
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    // Written beside, then renamed: a host never serves half a page.
    let partial = file.with_extension("html.partial");
    std::fs::write(&partial, bytes).map_err(|e| format!("writing {}: {e}", partial.display()))?;
    std::fs::rename(&partial, file).map_err(|e| format!("renaming to {}: {e}", file.display()))?;
    written.changed += 1;
    Ok(())
}

/// The list of pages the last run wrote, in the site folder (not served as a
/// page: it has no .html). A line is `FILE`, `FILE\tDOCUMENT` (the page's own
/// document, if it has one: an article's) or `FILE\tDOCUMENT\tkept` (a page
/// no document lists any more, kept and reported once, watched until its
/// document is gone).
const PAGE_LIST_FILE: &str = ".prerender-pages";

/// What is known of a page's own document.
pub enum Presence {
    Absent,
    There,
    /// Could not be told (an error other than "not found"): as good as there.
    Unknown(String),
}

/// A page file of the last run that this run no longer writes.
pub enum Gone {
    /// Its own document is gone too: the file and its `.br`/`.gz` copies deleted.
    Removed { file: String, document: String },
    /// Still served, and why (reported once; see [`PAGE_LIST_FILE`]).
    Kept { file: String, why: String },
}

/// Records this run's page files and deals with those of the last run that
/// this one no longer writes. Such a page is deleted only when its own
/// document is known to be absent and every list was read (`listed_all`):
/// a page whose document is still there, fails to read or parse, or might
/// be listed by a list that failed, is kept, so a broken document never
/// takes its page down. A page without a document of its own is kept.
pub fn remember_pages(
    site_dir: &Path,
    pages: &[crate::pages::Page],
    own_document: impl Fn(&crate::pages::Page) -> Option<String>,
    listed_all: bool,
    presence: impl Fn(&str) -> Presence,
) -> Result<Vec<Gone>, String> {
    // Fx: 305 000 file names of our own, no chosen collisions to guard against.
    use rustc_hash::FxHashSet as HashSet;
    let list = site_dir.join(PAGE_LIST_FILE);
    let before = std::fs::read_to_string(&list).unwrap_or_default();
    // The list is written as the pages come (305 000 files at 100 000
    // articles: a sorted map of them was half a second).
    let mut text = String::with_capacity(before.len() + 4096);
    for page in pages {
        let document = own_document(page);
        for file in page.files() {
            text.push_str(&file);
            if let Some(document) = &document {
                text.push('\t');
                text.push_str(document);
            }
            text.push('\n');
        }
    }
    // The files written now, as slices of the list (not 305 000 strings).
    let now: HashSet<&str> = text.lines().map(|line| line.split('\t').next().unwrap_or_default()).collect();
    let mut kept_lines = String::new();
    let mut kept: HashSet<&str> = HashSet::default();
    let mut gone = Vec::new();
    for line in before.lines() {
        let mut fields = line.split('\t');
        let (file, document) = (fields.next().unwrap_or_default(), fields.next().unwrap_or_default());
        let reported = fields.next() == Some("kept");
        if !is_page_file(file) || now.contains(file) || !site_dir.join(file).is_file() {
            continue;
        }
        let why = match (document, listed_all) {
            ("", _) => "delete it if it should go".to_string(),
            (_, false) => format!("a list could not be read, so {document} may still be listed"),
            (_, true) => match presence(document) {
                Presence::Absent => {
                    remove_page(site_dir, file)?;
                    gone.push(Gone::Removed { file: file.to_string(), document: document.to_string() });
                    continue;
                }
                Presence::There => format!("its document {document} is still there"),
                Presence::Unknown(problem) => format!("its document {document} could not be checked ({problem})"),
            },
        };
        if !document.is_empty() && kept.insert(file) {
            // Watched on later runs, so that it goes when its document does.
            kept_lines.push_str(&format!("{file}\t{document}\tkept\n"));
        }
        if !reported {
            gone.push(Gone::Kept { file: file.to_string(), why });
        }
    }
    drop(now);
    text.push_str(&kept_lines);
    if text == before {
        return Ok(gone);
    }
    std::fs::write(&list, text).map_err(|e| format!("writing {}: {e}", list.display()))?;
    Ok(gone)
}

/// A page file as the list names it: relative, inside the site, HTML.
fn is_page_file(file: &str) -> bool {
    file.ends_with(".html") && !file.starts_with('/') && !file.split('/').any(|part| part.is_empty() || part == "..")
}

/// Deletes a page, its precompressed copies, and the folders it leaves empty.
fn remove_page(site_dir: &Path, file: &str) -> Result<(), String> {
    let path = site_dir.join(file);
    for copy in [format!("{file}.br"), format!("{file}.gz")] {
        match std::fs::remove_file(site_dir.join(&copy)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(format!("deleting {copy}: {e}")),
            _ => {}
        }
    }
    std::fs::remove_file(&path).map_err(|e| format!("deleting {}: {e}", path.display()))?;
    let mut folder = path.parent();
    while let Some(dir) = folder.filter(|dir| *dir != site_dir && dir.starts_with(site_dir)) {
        if std::fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
    Ok(())
}
