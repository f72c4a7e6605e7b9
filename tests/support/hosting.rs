//! What a host must answer for the portal's addresses: one table shared by
//! the real-nginx test (`e2e_hosting.rs`) and the test of the Netlify and
//! Cloudflare Pages rules (`hosting_rules.rs`), so that every host is held
//! to the same answers. Included with `#[path]` by those two files.

use std::collections::BTreeSet;
use std::path::Path;

/// The seed article's canonical address, without the site's prefix.
pub const SEED_ARTICLE: &str =
    "/tin/1019/doan-kiem-tra-cong-tac-cai-cach-hanh-chinh-nam-2023-cua-tinh-lam-viec-tai-so-khoa-hoc-va-cong-nghe";

/// What kind of thing an address is, which decides what the host answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A file of the build, served as it is.
    File,
    /// A route of the app (core::route_table): its prerendered page when the build
    /// has one (`X.html`, `index.html` for the home), else the app shell.
    Route,
    /// Outside the app's routes, or a missing file: a 404 with `404.html`.
    Missing,
}

/// How long a browser or CDN may keep the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cache {
    /// trunk's hashed assets: a year, immutable.
    Immutable,
    /// Pages, app shell, config, documents: kept, but asked again each time.
    Revalidate,
}

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const REVALIDATE: &str = "no-cache";

impl Cache {
    pub fn header(self) -> &'static str {
        match self {
            Cache::Immutable => IMMUTABLE,
            Cache::Revalidate => REVALIDATE,
        }
    }
}

/// One address of the table, without the site's prefix.
#[derive(Clone, Debug)]
pub struct Case {
    pub path: String,
    pub kind: Kind,
}

/// The file a host answers `case` with, and the status, given the build's
/// files (paths relative to its root, e.g. "tin/1019.html").
pub fn expected(case: &Case, files: &BTreeSet<String>) -> (u16, String) {
    let relative = case.path.trim_start_matches('/').to_string();
    match case.kind {
        Kind::File => {
            assert!(files.contains(&relative), "the table names {relative}, which the build lacks");
            (200, relative)
        }
        Kind::Route => {
            // A folder's address (`/`, `/en/`) is answered by its index.html.
            let page = if relative.is_empty() || relative.ends_with('/') {
                format!("{relative}index.html")
            } else {
                format!("{relative}.html")
            };
            (200, if files.contains(&page) { page } else { "app.html".to_string() })
        }
        Kind::Missing => (404, "404.html".to_string()),
    }
}

/// The Cache-Control every 200 answer must carry: by the file served.
pub fn cache_of(file: &str) -> Cache {
    let name = file.rsplit('/').next().unwrap_or(file);
    if is_hashed_asset(name) {
        Cache::Immutable
    } else {
        Cache::Revalidate
    }
}

/// trunk's hashed output: `name-<hex>.js|css`, `name-<hex>_bg.wasm`. trunk
/// writes the 64-bit hash in hex without leading zeros (8–16 digits).
pub fn is_hashed_asset(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else { return false };
    if !matches!(extension, "js" | "css" | "wasm") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else { return false };
    (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Every file of a build, relative to its root, '/'-separated; the
/// precompressed copies are left out (no host serves them by their name).
pub fn build_files(root: &Path) -> BTreeSet<String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())).flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                if !relative.ends_with(".br") && !relative.ends_with(".gz") {
                    out.insert(relative);
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(root, root, &mut out);
    out
}

/// The build's file whose name starts with `prefix` and ends with `suffix`
/// (the hashed names change with every build).
pub fn find_file(files: &BTreeSet<String>, prefix: &str, suffix: &str) -> String {
    files
        .iter()
        .find(|f| f.starts_with(prefix) && f.ends_with(suffix) && !f.contains('/'))
        .unwrap_or_else(|| panic!("no {prefix}…{suffix} in the build"))
        .clone()
}

/// The table: each class of address the issue names, with the build's own
/// hashed file names filled in.
pub fn cases(files: &BTreeSet<String>) -> Vec<Case> {
    let wasm = find_file(files, "portal-", "_bg.wasm");
    let js = wasm.replace("_bg.wasm", ".js");
    let css = find_file(files, "portal-", ".css");
    let crash = find_file(files, "crash-notice-", ".js");
    let case = |path: &str, kind| Case { path: path.to_string(), kind };
    let routes = ROUTE_ADDRESSES.iter().map(|path| case(path, Kind::Route));
    let missing = MISSING_ADDRESSES.iter().map(|path| case(path, Kind::Missing));
    let files = vec![
        case(&format!("/{wasm}"), Kind::File),
        case(&format!("/{js}"), Kind::File),
        case(&format!("/{css}"), Kind::File),
        case(&format!("/{crash}"), Kind::File),
        case("/config.json", Kind::File),
        case("/data/tin/1019.json", Kind::File),
        case("/data/tin-moi/1.json", Kind::File),
        case("/data/anh/1019-1.svg", Kind::File),
        case("/robots.txt", Kind::File),
        case("/sitemap.xml", Kind::File),
        case("/kenh-tin/rss/tin-moi.xml", Kind::File),
        case("/kenh-tin/atom/tin-moi.xml", Kind::File),
        case("/data/van-ban/2023-65-kh-ubnd.json", Kind::File),
        case("/data/nhiem-vu/bo-loc.json", Kind::File),
        case("/lich-cong-tac/2023/42.ics", Kind::File),
    ];
    routes.chain(files).chain(missing).collect()
}

/// Addresses of the app's routes: every route of the table
/// (core::route_table) at least once, which `hosting_rules.rs` checks.
pub const ROUTE_ADDRESSES: [&str; 34] = [
    "/",
    SEED_ARTICLE,
    // The short address: a small leading page of its own.
    "/tin/1019",
    // Its related news: a page of its own.
    "/tin/1019/lien-quan",
    // The related news of an article newer than the last prerender: the app shell.
    "/tin/99999/lien-quan",
    // An article published after the last prerender.
    "/tin/99999/bai-moi-dang",
    "/chuyen-muc/tin-hoat-dong-so",
    "/chuyen-muc/tin-hoat-dong-so/trang/2",
    "/lich-cong-tac",
    "/lich-cong-tac/2023/42",
    "/lich-cong-tac/2023/30",
    "/danh-muc",
    "/danh-muc/tin-tuc-su-kien",
    "/tim-kiem",
    "/rss",
    // The legal documents registry: its list, a page of it, a document.
    "/van-ban",
    "/van-ban/trang/2",
    "/van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd",
    // The tasks registry: its list, a page of it, a task, and one added
    // after the last prerender (the app shell).
    "/nhiem-vu",
    "/nhiem-vu/trang/2",
    "/nhiem-vu/bao-ton-nguon-gen-cay-duoc-lieu/bao-ton-nguon-gen-mot-so-cay-duoc-lieu-quy-tren-dia-ban-tinh-quang-tri",
    "/nhiem-vu/nhiem-vu-moi/ten-moi",
    // The department's own pages (core::agency_pages).
    "/gioi-thieu",
    "/gioi-thieu/co-cau-to-chuc",
    "/gioi-thieu/co-cau-to-chuc/van-phong",
    "/lien-he",
    "/lien-ket",
    "/thu-tuc-hanh-chinh",
    "/tiep-can-thong-tin",
    "/en/",
    "/so-do-cong",
    // The programme (core::episodes): its list, an episode, and one
    // published after the last prerender (the app shell).
    "/chuyen-muc-khcn",
    "/chuyen-muc-khcn/2016-5/ung-dung-tien-bo-khoa-hoc-va-cong-nghe-trong-san-xuat-nong-nghiep-so-mau",
    "/chuyen-muc-khcn/2099-1",
];

/// Addresses that are neither a route nor a file of the build: 404.
pub const MISSING_ADDRESSES: [&str; 10] = [
    "/khong-co",
    "/tin",
    "/robots.txt.bak",
    "/data/tin/9999.json",
    "/portal-deadbeefdeadbeef.js",
    "/portal-deadbeefdeadbeef_bg.wasm",
    "/.prerender-manifest",
    "/.prerender-pages",
    "/.prerender-listing",
    "/.prerender-sitemap",
];

/// The security headers every answer carries (200, app shell, 404), with
/// the value each must have or contain.
pub const SECURITY_HEADERS: [(&str, &str); 4] = [
    ("content-security-policy", "frame-ancestors 'none'"),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
];

/// The Content-Security-Policy of the `<meta>` in a page of the build: the
/// header must say the same, plus `frame-ancestors 'none'`.
pub fn meta_policy(html: &str) -> String {
    let marker = "http-equiv=\"Content-Security-Policy\" content=\"";
    let start = html.find(marker).expect("a CSP <meta> in the page") + marker.len();
    let end = start + html[start..].find('"').expect("the end of the CSP <meta>");
    html[start..end].to_string()
}

/// The policy the header must carry for pages whose `<meta>` says `meta`:
/// the same directives but those that govern scripts, which stay with the
/// `<meta>` (it stands after trunk's inline loader, which a header would
/// block), plus `frame-ancestors 'none'`, which only a header can carry.
pub fn header_policy(meta: &str) -> String {
    let mut directives: Vec<&str> = meta
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty() && !d.starts_with("default-src") && !d.starts_with("script-src"))
        .collect();
    directives.push("frame-ancestors 'none'");
    directives.join("; ")
}
