//! The shipped nginx configuration (deploy/nginx/), run by Debian's real
//! nginx over the release builds, at the root (dist/) and under /portal/
//! (dist-portal/): every address of the shared table (support/hosting.rs)
//! gets its status, its file, its Cache-Control and the security headers;
//! the precompressed copies are sent to clients that accept them; then
//! visitor journeys in Chromium go through nginx instead of the test server.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/hosting.rs"]
mod hosting;
#[path = "support/nginx.rs"]
mod nginx;
mod support;

use hosting::{build_files, cache_of, cases, expected, header_policy, meta_policy, Kind, SECURITY_HEADERS};
use nginx::{Nginx, Response, TEST_HSTS};
use support::{Browser, Build, Session, Viewport, SEED_TITLE};

const NOT_FOUND_HEADING: &str = "Không tìm thấy trang";

/// The checks every answer must pass: the security headers, the CSP equal to
/// the pages' own `<meta>` plus frame-ancestors, HSTS only where the server
/// block turned it on.
fn assert_security_headers(build: Build, what: &str, response: &Response, policy: &str) {
    for (name, value) in SECURITY_HEADERS {
        let sent = response.header(name).unwrap_or_else(|| panic!("{what}: no {name} header"));
        assert!(sent.contains(value), "{what}: {name} is {sent:?}, wants {value:?}");
    }
    assert_eq!(response.header("content-security-policy"), Some(policy), "{what}: the CSP header");
    let hsts = response.header("strict-transport-security");
    match build {
        Build::Root => assert_eq!(hsts, None, "{what}: HSTS where the server block did not set it"),
        Build::SubPath => assert_eq!(hsts, Some(TEST_HSTS), "{what}: HSTS set by the server block"),
    }
}

fn table_is_answered(build: Build) {
    let dist = build.dist();
    let files = build_files(&dist);
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let policy = header_policy(&meta_policy(&index));
    let server = Nginx::start(build);
    for case in cases(&files) {
        let path = server.path(&case.path);
        let response = server.get(&path, None);
        let (status, file) = expected(&case, &files);
        assert_eq!(response.status, status, "{path}: status (nginx log: {})", server.error_log());
        let wanted = std::fs::read(dist.join(&file)).unwrap();
        assert!(response.body == wanted, "{path}: the answer is not {file}");
        assert_eq!(response.header("content-encoding"), None, "{path}: compressed for a client that asked for none");
        // Also on the uncompressed answer, or a cache in front would give it to every client.
        let vary = response.header("vary").unwrap_or_default();
        assert!(vary.contains("Accept-Encoding"), "{path}: Vary is {vary:?}");
        assert_security_headers(build, &path, &response, &policy);
        let cache = response.header("cache-control");
        if case.kind == Kind::Missing {
            assert_eq!(cache, Some("no-cache"), "{path}: a 404 must not be kept unasked");
        } else {
            assert_eq!(cache, Some(cache_of(&file).header()), "{path}: Cache-Control for {file}");
        }
        let content_type = response.header("content-type").unwrap_or_default();
        let wanted_type = match file.rsplit('.').next().unwrap() {
            "html" => "text/html; charset=utf-8",
            "wasm" => "application/wasm",
            "js" => "text/javascript; charset=utf-8",
            "css" => "text/css; charset=utf-8",
            "json" => "application/json; charset=utf-8",
            "svg" => "image/svg+xml; charset=utf-8",
            "xml" => "application/xml; charset=utf-8",
            "txt" => "text/plain; charset=utf-8",
            "ics" => "text/calendar; charset=utf-8",
            other => panic!("the table serves a .{other}: add its type here"),
        };
        assert_eq!(content_type, wanted_type, "{path}: Content-Type");
    }
    // The app reads ?trang= itself: the address's page (or shell) answers.
    let paged = server.get(&server.path("/chuyen-muc/tin-hoat-dong-so?trang=2"), None);
    assert_eq!(paged.status, 200, "a category page with ?trang=");
}

#[test]
fn every_address_gets_its_answer_at_the_root() {
    table_is_answered(Build::Root);
}

#[test]
fn every_address_gets_its_answer_under_the_sub_path() {
    table_is_answered(Build::SubPath);
}

/// A build without prerender (`release-build.sh --no-prerender`) has no
/// app.html and no pages: its index.html is trunk's app shell, and the
/// routes fall back to it.
#[test]
fn a_build_without_prerender_is_served_too() {
    let shell = std::fs::read(Build::Root.dist().join("app.html")).unwrap();
    let dist = std::env::temp_dir().join(format!("portal-no-prerender-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), &shell).unwrap();
    let server = Nginx::serve(&dist, Build::Root);
    for path in ["/", "/tin/1019", "/tin/1019/lien-quan", "/lich-cong-tac/2023/42"] {
        let response = server.get(path, None);
        assert_eq!(response.status, 200, "{path}");
        assert!(response.body == shell, "{path}: not the app shell");
    }
    for path in ["/khong-co", "/data/tin/1019.json"] {
        assert_eq!(server.get(path, None).status, 404, "{path}");
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dist);
}

/// The server block a webmaster copies is valid as shipped (the tests above
/// use their own server block around the same includes).
#[test]
fn the_shipped_server_block_passes_nginx_t() {
    nginx::check_config("portal.conf").unwrap_or_else(|words| panic!("nginx -t on portal.conf:\n{words}"));
}

#[test]
fn the_sub_path_stays_apart_from_the_rest_of_its_server() {
    let server = Nginx::start(Build::SubPath);
    let bare = server.get("/portal", None);
    assert_eq!(bare.status, 301, "/portal");
    assert_eq!(bare.header("location"), Some("/portal/"), "/portal is the site's root, with its slash");
    // The portal's routes exist only under its prefix.
    for path in ["/tin/1019/lien-quan", "/portal/khac/tin/1019/lien-quan", "/portal/x/"] {
        assert_eq!(server.get(path, None).status, 404, "{path}");
    }
}

/// What a client that accepts `encoding` receives for `site_path`: the
/// precompressed copy of `file`, byte for byte, marked as such.
fn assert_sent_compressed(server: &Nginx, site_path: &str, file: &str, encoding: &str, wanted_status: u16) {
    let suffix = if encoding == "br" { "br" } else { "gz" };
    let copy = server.build.dist().join(format!("{file}.{suffix}"));
    let wanted = std::fs::read(&copy).unwrap_or_else(|_| {
        panic!("no {}: the release build ends with scripts/precompress.sh (`bash scripts/test.sh`)", copy.display())
    });
    let path = server.path(site_path);
    let response = server.get(&path, Some(encoding));
    assert_eq!(response.status, wanted_status, "{path} with Accept-Encoding: {encoding}");
    assert_eq!(response.header("content-encoding"), Some(encoding), "{path}: Content-Encoding");
    assert!(response.body == wanted, "{path}: not the bytes of {file}.{suffix}");
    let vary = response.header("vary").unwrap_or_default();
    assert!(vary.contains("Accept-Encoding"), "{path}: Vary is {vary:?}; a cache would mix encodings");
}

fn compressed_copies_are_sent(build: Build) {
    let files = build_files(&build.dist());
    let wasm = hosting::find_file(&files, "portal-", "_bg.wasm");
    let server = Nginx::start(build);
    for encoding in ["br", "gzip"] {
        assert_sent_compressed(&server, &format!("/{wasm}"), &wasm, encoding, 200);
        assert_sent_compressed(&server, "/", "index.html", encoding, 200);
        assert_sent_compressed(
            &server,
            hosting::SEED_ARTICLE,
            &format!("{}.html", &hosting::SEED_ARTICLE[1..]),
            encoding,
            200,
        );
        assert_sent_compressed(&server, "/tin/99999/lien-quan", "app.html", encoding, 200);
        assert_sent_compressed(&server, "/data/tin/1019.json", "data/tin/1019.json", encoding, 200);
        assert_sent_compressed(&server, "/khong-co", "404.html", encoding, 404);
    }
}

/// The workers' files (the search's, the registries') keep their names from
/// build to build (trunk does not hash a worker's): nginx sends them as any
/// other file, "no-cache", with their types, and their precompressed copies.
fn the_workers_are_served(build: Build) {
    let server = Nginx::start(build);
    for (file, content_type) in [
        ("tim-kiem-worker_loader.js", "text/javascript; charset=utf-8"),
        ("tim-kiem-worker.js", "text/javascript; charset=utf-8"),
        ("tim-kiem-worker_bg.wasm", "application/wasm"),
        ("tra-cuu-worker_loader.js", "text/javascript; charset=utf-8"),
        ("tra-cuu-worker.js", "text/javascript; charset=utf-8"),
        ("tra-cuu-worker_bg.wasm", "application/wasm"),
    ] {
        let path = server.path(&format!("/{file}"));
        let response = server.get(&path, None);
        assert_eq!(response.status, 200, "{path}: a build from before the worker? ({})", server.error_log());
        assert_eq!(response.header("cache-control"), Some("no-cache"), "{path}: Cache-Control");
        assert_eq!(response.header("content-type"), Some(content_type), "{path}: Content-Type");
        assert_sent_compressed(&server, &format!("/{file}"), file, "br", 200);
    }
}

#[test]
fn the_workers_are_served_at_the_root() {
    the_workers_are_served(Build::Root);
}

#[test]
fn the_workers_are_served_under_the_sub_path() {
    the_workers_are_served(Build::SubPath);
}

/// The search's result records (`tim-kiem/<segment>/d.dat`) are read by
/// range (docs/formats/search-index.md): nginx answers a single range with
/// 206 and those bytes, never compressed, even to a browser that accepts
/// brotli (a range of a compressed answer cannot be decoded).
fn result_records_are_sent_by_range(build: Build) {
    let files = build_files(&build.dist());
    let records =
        files.iter().find(|f| f.starts_with("tim-kiem/") && f.ends_with("/d.dat")).expect("no d.dat in the build");
    let whole = std::fs::read(build.dist().join(records)).expect("reading d.dat");
    assert!(whole.len() > 20, "{records} has {} bytes", whole.len());
    let server = Nginx::start(build);
    let path = server.path(&format!("/{records}"));
    let response = server.get_with(&path, &[("Range", "bytes=10-19"), ("Accept-Encoding", "br, gzip")]);
    assert_eq!(response.status, 206, "{path} with Range: {}", server.error_log());
    assert_eq!(response.header("content-encoding"), None, "{path}: a range must not be compressed");
    assert_eq!(response.header("content-range").map(|r| r.starts_with("bytes 10-19/")), Some(true));
    assert_eq!(response.body, whole[10..20], "{path}: not the bytes asked for");
}

#[test]
fn result_records_are_sent_by_range_at_the_root() {
    result_records_are_sent_by_range(Build::Root);
}

#[test]
fn result_records_are_sent_by_range_under_the_sub_path() {
    result_records_are_sent_by_range(Build::SubPath);
}

/// The editor's policy as a header: its own `<meta>` (editor/index.html,
/// copied into quan-tri/ of the build) plus framing by the site alone.
fn editor_header_policy(dist: &std::path::Path) -> String {
    let page = std::fs::read_to_string(dist.join("quan-tri/index.html")).expect("the editor in the build");
    format!("{}; frame-ancestors 'self'", meta_policy(&page))
}

/// The editor in quan-tri/ gets its own CSP, once, and never the visitors':
/// a browser enforces every policy it is sent, and theirs forbids the
/// inline styles and blob: URLs that Decap needs. The visitors' pages keep
/// theirs.
fn the_editor_has_its_own_policy(build: Build) {
    let dist = build.dist();
    let editor = editor_header_policy(&dist);
    let visitors = header_policy(&meta_policy(&std::fs::read_to_string(dist.join("index.html")).unwrap()));
    assert_ne!(editor, visitors);
    let server = Nginx::start(build);
    for (address, file) in [
        ("/quan-tri/", "quan-tri/index.html"),
        ("/quan-tri/index.html", "quan-tri/index.html"),
        ("/quan-tri/config.yml", "quan-tri/config.yml"),
        ("/quan-tri/decap-cms.js", "quan-tri/decap-cms.js"),
    ] {
        let path = server.path(address);
        let response = server.get(&path, None);
        assert_eq!(response.status, 200, "{path} (nginx log: {})", server.error_log());
        assert!(response.body == std::fs::read(dist.join(file)).unwrap(), "{path}: the answer is not {file}");
        // header() fails on a second CSP header as well.
        assert_eq!(response.header("content-security-policy"), Some(editor.as_str()), "{path}: the editor's CSP");
        for (name, value) in SECURITY_HEADERS.iter().filter(|(name, _)| *name != "content-security-policy") {
            assert_eq!(response.header(name), Some(*value), "{path}: {name}");
        }
        let hsts = response.header("strict-transport-security");
        assert_eq!(hsts, matches!(build, Build::SubPath).then_some(TEST_HSTS), "{path}: HSTS");
        assert_eq!(response.header("cache-control"), Some("no-cache"), "{path}: Cache-Control");
    }
    let sent = server.get(&server.path("/quan-tri/decap-cms.js"), Some("br"));
    assert_eq!(sent.header("content-encoding"), Some("br"), "the editor's script, precompressed");
    assert_eq!(sent.header("content-security-policy"), Some(editor.as_str()), "the editor's script, precompressed");
    // Nothing else there; and the visitors' pages keep their own policy.
    let missing = server.get(&server.path("/quan-tri/khong-co.js"), None);
    assert_eq!(missing.status, 404, "a file the editor lacks");
    for address in ["/", "/tin/1019", "/khong-co", "/quan-tri"] {
        let path = server.path(address);
        let response = server.get(&path, None);
        assert_eq!(response.header("content-security-policy"), Some(visitors.as_str()), "{path}: the visitors' CSP");
    }
}

#[test]
fn the_editor_has_its_own_policy_at_the_root() {
    the_editor_has_its_own_policy(Build::Root);
}

#[test]
fn the_editor_has_its_own_policy_under_the_sub_path() {
    the_editor_has_its_own_policy(Build::SubPath);
}

#[test]
fn precompressed_files_are_sent_at_the_root() {
    compressed_copies_are_sent(Build::Root);
}

#[test]
fn precompressed_files_are_sent_under_the_sub_path() {
    compressed_copies_are_sent(Build::SubPath);
}

/// A reader's visit through nginx: the home page, a click into the seed
/// article, a reload of that deep link, a client-only route opened and
/// reloaded (the fallback), and an unknown address (the real 404 page,
/// which the app takes over too).
async fn visit(browser: Browser, build: Build) {
    let prefix = build.prefix();
    browser.open("/").await;
    let link = format!("main#noi-dung a[href^='{prefix}tin/1019/']");
    // After the takeover: a link of the prerendered markup found before it
    // is gone by the time it is clicked.
    browser.wait_for_app_with(&format!("document.querySelector({link:?})")).await;
    browser.click(&link).await;
    assert_eq!(browser.settled_heading().await, SEED_TITLE, "the article after a click");
    assert!(browser.path().await.starts_with(&format!("{prefix}tin/1019/")), "the article's address");
    browser.reload().await;
    assert_eq!(browser.settled_heading().await, SEED_TITLE, "the article after a reload");

    browser.open("/tin/1019/lien-quan").await;
    browser.wait_for_text(".related-context", SEED_TITLE).await;
    browser.reload().await;
    browser.wait_for_text(".related-context", SEED_TITLE).await;
    assert!(browser.title().await.starts_with("Tin liên quan: Đoàn Kiểm tra"), "the related view's title");

    browser.open("/khong-co-trang-nay").await;
    assert_eq!(browser.settled_heading().await, NOT_FOUND_HEADING, "an unknown address");
}

/// Runs [`visit`] in Chromium against nginx; a failure shows the page's
/// console and nginx's error log before the test's own message.
async fn a_visit_through_nginx(build: Build) {
    let server = Nginx::start(build);
    let session = Session::start(Viewport::Desktop).await;
    let browser = Browser::new(session.client.clone(), server.url(""));
    let outcome = tokio::spawn(visit(browser.clone(), build)).await;
    if outcome.is_err() {
        for line in browser.console().await {
            eprintln!("console {line}");
        }
        eprintln!("nginx error log:\n{}", server.error_log());
    }
    session.close().await;
    if let Err(failure) = outcome {
        std::panic::resume_unwind(failure.into_panic());
    }
}

#[tokio::test]
async fn a_reader_visits_through_nginx_at_the_root() {
    a_visit_through_nginx(Build::Root).await;
}

#[tokio::test]
async fn a_reader_visits_through_nginx_under_the_sub_path() {
    a_visit_through_nginx(Build::SubPath).await;
}

/// GitHub Pages answers every address without a file with 404.html and
/// status 404 (deploy/github-pages/README.md): a deep link to a route that
/// no prerender draws still shows its view, since the app in 404.html
/// draws the address it finds in the location bar.
#[tokio::test]
async fn a_route_without_page_answered_by_404_html_still_shows_its_view() {
    use support::{with_browser, Reply};
    with_browser("github-pages-deep-link", Build::Root, Viewport::Phone, |browser, server| async move {
        let not_found = std::fs::read(Build::Root.dist().join("404.html")).unwrap();
        let reply = Reply::json(not_found).with_status(404).with_content_type("text/html; charset=utf-8");
        server.set_reply("/tin/1019/lien-quan", reply);
        browser.open("/tin/1019/lien-quan").await;
        browser.wait_for_text(".related-context", SEED_TITLE).await;
        assert!(browser.title().await.starts_with("Tin liên quan: Đoàn Kiểm tra"), "the related view's title");
        let answered = server.served().into_iter().find(|s| s.path == "/tin/1019/lien-quan").map(|s| s.status);
        assert_eq!(answered, Some(404), "the address was answered as GitHub Pages does");
    })
    .await;
}
