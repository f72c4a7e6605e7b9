//! Every address a prerendered page links to is a page or a file of the
//! build: a crawler, or a reader without JavaScript, never follows a link of
//! the site to the app's shell or to a 404. Each page of `dist/` and
//! `dist-portal/` is read with a real HTML parser (html5ever, through
//! scraper), and every same-site `href`, `src` and `srcset` is resolved the
//! way the shipped hosting rules resolve it (`deploy/nginx/portal-rules.conf`:
//! `try_files $uri $uri.html`, a folder's `index.html`; the app shell
//! `app.html` answers anything else and counts as no page here).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use support::Build;
use url::Url;

/// The origin the pages are read as served from; any host would do.
const ORIGIN: &str = "https://cong.example.vn";

#[test]
fn every_link_of_the_root_build_leads_to_a_page_or_a_file() {
    assert_no_dead_links(Build::Root);
}

#[test]
fn every_link_of_the_sub_path_build_leads_to_a_page_or_a_file() {
    assert_no_dead_links(Build::SubPath);
}

fn assert_no_dead_links(build: Build) {
    let dist = build.dist();
    let files = files_of(&dist);
    let pages: Vec<&String> = files.iter().filter(|file| file.ends_with(".html") && *file != "app.html").collect();
    // What a crawler meets: the related news and the empty weeks among them.
    assert!(pages.len() > 100, "only {} pages in {}", pages.len(), dist.display());
    let mut dead: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut followed = 0;
    for page in &pages {
        let html = std::fs::read_to_string(dist.join(page)).unwrap();
        let address = Url::parse(&format!("{ORIGIN}{}{}", build.prefix(), served_path(page))).unwrap();
        let (base, links) = links_of(&html);
        // Relative addresses resolve against `<base href>` where the page has one.
        let address = base.and_then(|base| address.join(&base).ok()).unwrap_or(address);
        for link in links {
            let Ok(target) = address.join(&link) else {
                dead.entry(link).or_default().insert(page.to_string());
                continue;
            };
            if target.origin() != address.origin() || !matches!(target.scheme(), "http" | "https") {
                continue;
            }
            followed += 1;
            if answering_file(&files, build.prefix(), target.path()).is_none() {
                dead.entry(target.path().to_string()).or_default().insert(page.to_string());
            }
        }
    }
    let report: Vec<String> = dead
        .iter()
        .map(|(link, from)| format!("{link} (from {} page(s), e.g. {})", from.len(), from.iter().next().unwrap()))
        .collect();
    assert!(
        report.is_empty(),
        "{} of {followed} same-site links lead to no file:\n{}",
        report.len(),
        report.join("\n")
    );
}

/// The address a page file is served at, relative to the site's root:
/// "tin/1019/x.html" → "tin/1019/x", "index.html" → "".
fn served_path(file: &str) -> String {
    let path = file.strip_suffix("index.html").unwrap_or(file);
    path.strip_suffix(".html").unwrap_or(path).to_string()
}

/// The page's `<base href>`, and every link of the page: `href` and `src`
/// of any element but the base, and each address of a `srcset`.
fn links_of(html: &str) -> (Option<String>, Vec<String>) {
    let document = Html::parse_document(html);
    let base = document.select(&Selector::parse("base[href]").unwrap()).next();
    let base = base.and_then(|base| base.value().attr("href")).map(str::to_string);
    let mut links = Vec::new();
    for element in document.select(&Selector::parse(":not(base)[href], [src], [srcset]").unwrap()) {
        let element = element.value();
        links.extend(element.attr("href").into_iter().map(str::to_string));
        links.extend(element.attr("src").into_iter().map(str::to_string));
        if let Some(set) = element.attr("srcset") {
            links.extend(set.split(',').filter_map(|entry| entry.split_whitespace().next()).map(str::to_string));
        }
    }
    links.retain(|link| !link.starts_with('#'));
    (base, links)
}

/// The file a host answers `path` with, if any but the app shell:
/// the file itself, `path.html`, or a folder's `index.html`.
fn answering_file(files: &BTreeSet<String>, prefix: &str, path: &str) -> Option<String> {
    let relative = support::server::decode_path(
        path.strip_prefix(prefix).or_else(|| (path == prefix.trim_end_matches('/')).then_some(""))?,
    );
    let relative = relative.trim_end_matches('/');
    let candidates = [relative.to_string(), format!("{relative}.html"), format!("{relative}/index.html")];
    candidates.into_iter().map(|file| file.trim_start_matches('/').to_string()).find(|file| files.contains(file))
}

/// Every file of the build, as paths relative to it with '/'.
fn files_of(dist: &Path) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    let mut folders: Vec<PathBuf> = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(relative) = path.strip_prefix(dist) {
                files.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    files
}

#[test]
fn addresses_resolve_as_the_hosting_rules_do() {
    let files: BTreeSet<String> =
        ["index.html", "tin/1019/x.html", "chuyen-muc/a.html", "data/tin/1.json", "app.html"].map(String::from).into();
    assert_eq!(answering_file(&files, "/", "/").as_deref(), Some("index.html"));
    assert_eq!(answering_file(&files, "/", "/tin/1019/x").as_deref(), Some("tin/1019/x.html"));
    assert_eq!(answering_file(&files, "/", "/data/tin/1.json").as_deref(), Some("data/tin/1.json"));
    assert_eq!(answering_file(&files, "/portal/", "/portal").as_deref(), Some("index.html"));
    assert_eq!(answering_file(&files, "/portal/", "/portal/chuyen-muc/a").as_deref(), Some("chuyen-muc/a.html"));
    // The app shell answers these on a host, but it is not their page.
    assert_eq!(answering_file(&files, "/", "/tin/1019/lien-quan"), None);
    assert_eq!(answering_file(&files, "/portal/", "/tin/1019/x"), None);
    assert_eq!(support::server::decode_path("/a%20b%C4%91"), "/a bđ");
}
