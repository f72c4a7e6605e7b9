//! Reading offline: the service worker (`assets/sw.js`), its registration and
//! notices (`assets/offline.js`) and the web app manifest, in the release
//! build (docs/offline.md).
//!
//! - An article read once reads again offline, word for word, with its image
//!   and the offline notice; an address never read answers the Vietnamese
//!   offline page listing it; back online, the notice goes.
//! - A changed sw.js on the server brings the "new version" notice; "Tải lại"
//!   puts the new worker in charge and reloads (under /portal/, so that the
//!   worker's scope follows the sub-path).
//! - A document cut short is never kept (offline it would be shown broken).
//! - The unstamped sw.js (as `trunk serve` copies it) removes itself.
//! - Chromium's own installability check passes.
//! - The manifest and its icons, and the stamped worker, as files.
//!
//! - A page loaded, then reloaded offline, in Firefox and WebKit too.
//!
//! Offline is the test server closing every connection unanswered, and in
//! Chromium also its own offline mode (DevTools `Network.
//! emulateNetworkConditions`: `navigator.onLine` false, the page's requests
//! fail): the emulation, set through the page's DevTools session, does not
//! cover the worker's own requests (seen here: the worker still reached the
//! server). geckodriver and WebKitWebDriver have no offline mode, so there
//! the page learns it is offline from the worker alone, as it does on a
//! network that is up but leads nowhere.
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod support;

use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};
use support::{
    seed_paragraphs, with_browser, with_browser_in, Browser, Build, Engine, Reply, StaticServer, Viewport, SEED_TITLE,
};

/// The seed article's canonical address (`/tin/1019/<slug>`), from its page.
fn seed_address(build: Build) -> String {
    let folder = build.dist().join("tin/1019");
    let page = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e} (no prerendered seed article)", folder.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with(".html"))
        .expect("the seed article's page");
    format!("/tin/1019/{}", page.trim_end_matches(".html"))
}

/// Runs `script`, an async function body whose result is awaited, in the page.
async fn eval_async(browser: &Browser, script: &str) -> Value {
    let wrapped = format!(
        "const done = arguments[arguments.length - 1];
         (async () => {{ {script} }})().then(done, e => done('error: ' + e));"
    );
    browser.client.execute_async(&wrapped, vec![]).await.unwrap_or_else(|e| panic!("running {script:?}: {e}"))
}

/// Waits until the worker controls the page; a page opened before the
/// worker existed may need one reload (the worker claims it, normally).
async fn wait_for_worker(browser: &Browser) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if browser.holds("return !!navigator.serviceWorker.controller;", vec![]).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser.reload().await;
    browser.wait_until("the service worker to control the page", "navigator.serviceWorker.controller").await;
}

/// Waits until the worker has kept the current page for offline reading.
async fn wait_until_kept(browser: &Browser) {
    let deadline = Instant::now() + support::browser::WAIT;
    loop {
        if eval_async(browser, "return !!(await caches.match(location.href));").await == json!(true) {
            return;
        }
        assert!(Instant::now() < deadline, "the worker never kept {}", browser.path().await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The server down or up, and Chromium's offline mode with it.
async fn set_offline(browser: &Browser, server: &StaticServer, offline: bool) {
    server.set_down(offline);
    if browser.engine != Engine::Chromium {
        return;
    }
    for (cmd, params) in [
        ("Network.enable", json!({})),
        (
            "Network.emulateNetworkConditions",
            json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        ),
    ] {
        browser.devtools(cmd, params).await;
    }
}

/// Screenshots of what the page shows now, on a phone (390 px) and a desktop
/// (1280 px), into target/e2e-screenshots/NAME-390.png and NAME-1280.png.
async fn screenshots(browser: &Browser, name: &str) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    for (width, height) in [(390, 844), (1280, 800)] {
        browser.client.set_window_size(width, height).await.expect("resizing the window");
        tokio::time::sleep(Duration::from_millis(300)).await;
        browser.screenshot(&folder.join(format!("{name}-{width}.png"))).await;
    }
}

async fn notice_shown(browser: &Browser, css: &str) -> bool {
    browser.holds(&format!("return !!document.querySelector({});", json!(css)), vec![]).await
}

async fn assert_seed_article_word_for_word(browser: &Browser) {
    browser.wait_until("the article", "document.querySelector('main#noi-dung .article-body p')").await;
    let text = browser.text_of("main#noi-dung").await.unwrap_or_default();
    assert!(text.contains(SEED_TITLE), "no title in: {text}");
    for paragraph in seed_paragraphs() {
        assert!(text.contains(&paragraph), "missing offline: {paragraph}");
    }
}

const IMAGES_SHOWN: &str = "[...document.querySelectorAll('.article-body img')].length > 0 && \
     [...document.querySelectorAll('.article-body img')].every(i => i.complete && i.naturalWidth > 0)";

/// Offline, the seed article (the current page) reloads word for word with
/// its images and the offline notice, and the server hears nothing.
async fn reload_offline_and_read(browser: &Browser, server: &StaticServer, seed: &str) {
    set_offline(browser, server, true).await;
    let served_before = server.served().len();
    browser.reload().await;
    assert_eq!(browser.path().await, seed);
    assert_seed_article_word_for_word(browser).await;
    browser.wait_for_text(".offline-notice", "Bạn đang ngoại tuyến. Các bài đã mở trước đây vẫn đọc được.").await;
    browser.wait_until("the article's images, from the worker's copy", IMAGES_SHOWN).await;
    // The app is running (its wasm from the copy) and still shows it all.
    browser.wait_for_app().await;
    assert_seed_article_word_for_word(browser).await;
    let answered = server.served()[served_before..].to_vec();
    assert!(answered.is_empty(), "the server answered while offline: {answered:?}");
    let config = eval_async(browser, "return !!(await caches.match(new URL('config.json', document.baseURI).href));");
    assert_eq!(config.await, json!(true), "config.json was not kept: offline the app would fall back to its defaults");
}

#[tokio::test]
async fn an_article_opened_by_a_link_reads_again_offline() {
    let seed = seed_address(Build::Root);
    with_browser("offline-reading", Build::Root, Viewport::Phone, |browser, server| async move {
        browser.open("/").await;
        wait_for_worker(&browser).await;
        assert!(!notice_shown(&browser, ".offline-notice").await, "offline notice while online");
        // The page loaded before the worker existed is kept too.
        wait_until_kept(&browser).await;

        // A link inside the app: a new address, but no page load.
        let link = "main#noi-dung a[href^='/tin/1019/']";
        browser.wait_for(link).await;
        browser.click(link).await;
        assert_seed_article_word_for_word(&browser).await;
        assert_eq!(browser.path().await, seed);
        browser.wait_until("the article's images", IMAGES_SHOWN).await;
        wait_until_kept(&browser).await;

        reload_offline_and_read(&browser, &server, &seed).await;
        // The documents the home page came with serve the app's other views:
        // the categories in the navigation.
        browser.wait_for_text(".site-nav", "Tin hoạt động Sở").await;
        let stats = eval_async(
            &browser,
            "return !!(await caches.match(new URL('data/thong-ke.json', document.baseURI).href));",
        )
        .await;
        assert_eq!(stats, json!(false), "the statistics were kept, to be shown as if live");

        // An address never read: the offline page, listing what was read.
        browser.open("/chuyen-muc/tin-hoat-dong-so").await;
        browser.wait_for_text("main h1", "Bạn đang ngoại tuyến").await;
        let url = browser.client.current_url().await.expect("the URL").to_string();
        assert!(url.starts_with("http://") && url.ends_with("/chuyen-muc/tin-hoat-dong-so"), "at {url}");
        let listed = browser.text_of(".offline-list").await.unwrap_or_default();
        assert!(listed.contains(SEED_TITLE) && listed.contains("Trang chủ"), "not listed: {listed}");
        let links = browser
            .eval("return [...document.querySelectorAll('.offline-list a')].map(a => a.getAttribute('href'));", vec![])
            .await;
        assert!(links.to_string().contains(&seed), "no link to {seed}: {links}");
        screenshots(&browser, "offline-page").await;

        // The home page, read first, offline.
        let latest = std::fs::read_to_string(Build::Root.dist().join("data/tin-moi/1.json")).expect("latest news");
        let latest: Value = serde_json::from_str(&latest).expect("latest news JSON");
        let newest = latest["items"][0]["title"].as_str().expect("a newest title").to_string();
        browser.open("/").await;
        browser.wait_for_text("main#noi-dung", &newest).await;
        browser.wait_for(".offline-notice").await;

        // Back to the article, still offline: the notice; online again: gone.
        browser.open(&seed).await;
        assert_seed_article_word_for_word(&browser).await;
        browser.wait_for(".offline-notice").await;
        screenshots(&browser, "offline-notice").await;
        let served_before = server.served().len();
        set_offline(&browser, &server, false).await;
        browser.wait_until("the offline notice to go", "!document.querySelector('.offline-notice')").await;
        browser.reload().await;
        assert_seed_article_word_for_word(&browser).await;
        assert!(!notice_shown(&browser, ".offline-notice").await, "offline notice after coming back online");
        assert!(
            server.served()[served_before..].iter().any(|s| s.status == 200 && s.path == seed),
            "the article did not come from the network once online"
        );

        // News published meanwhile: the home page's documents come from the
        // network, not from the copies kept for offline.
        let mut feed = latest.clone();
        let mut fresh = feed["items"][0].clone();
        fresh["id"] = json!("9999");
        fresh["title"] = json!("Bài đăng sau khi có mạng trở lại");
        fresh["url"] = json!("../../tin/9999/bai-dang-sau-khi-co-mang-tro-lai");
        fresh["date_published"] = json!("2026-11-30T08:00:00+07:00");
        feed["items"].as_array_mut().expect("items").insert(0, fresh);
        server.serve_app_shell_only();
        server.set_reply("/data/tin-moi/1.json", Reply::json(feed.to_string()));
        browser.open("/").await;
        browser.wait_for_text("main#noi-dung", "Bài đăng sau khi có mạng trở lại").await;
    })
    .await;
}

async fn page_load_then_offline(engine: Engine) {
    let seed = seed_address(Build::Root);
    with_browser_in(engine, "offline-page-load", Build::Root, Viewport::Desktop, |browser, server| async move {
        browser.open("/").await;
        wait_for_worker(&browser).await;
        browser.open(&seed).await;
        assert_seed_article_word_for_word(&browser).await;
        browser.wait_until("the article's images", IMAGES_SHOWN).await;
        wait_until_kept(&browser).await;
        reload_offline_and_read(&browser, &server, &seed).await;
    })
    .await;
}

in_every_engine!(an_article_loaded_as_a_page_reads_again_offline, page_load_then_offline);

#[tokio::test]
async fn chromium_finds_the_portal_installable() {
    with_browser("offline-installable", Build::SubPath, Viewport::Phone, |browser, _server| async move {
        browser.open("/").await;
        wait_for_worker(&browser).await;
        let answer = browser.devtools("Page.getInstallabilityErrors", json!({})).await;
        assert_eq!(answer["installabilityErrors"], json!([]), "Chromium's reasons not to install: {answer}");
        let manifest = browser.devtools("Page.getAppManifest", json!({})).await;
        assert_eq!(manifest["errors"], json!([]), "Chromium's manifest errors: {manifest}");
        assert!(manifest["url"].as_str().is_some_and(|u| u.ends_with("/portal/manifest.webmanifest")), "{manifest}");
    })
    .await;
}

#[tokio::test]
async fn a_broken_document_is_never_kept() {
    with_browser("offline-broken-document", Build::Root, Viewport::Phone, |browser, server| async move {
        browser.open("/").await;
        wait_for_worker(&browser).await;
        let document = "/data/tin/1019.json";
        let kept = format!("return !!(await caches.match(new URL('{}', document.baseURI).href));", &document[1..]);
        // The seed article's document cut short: the app says so, the worker keeps nothing.
        server.set_reply(document, Reply::truncated(&Build::Root.dist().join(&document[1..]), 300));
        let link = "main#noi-dung a[href^='/tin/1019/']";
        browser.wait_for(link).await;
        browser.click(link).await;
        browser.wait_for_text("main#noi-dung [role=alert]", "bị hỏng").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(eval_async(&browser, &kept).await, json!(false), "the broken document was kept");
        // The whole document, on "Thử lại": kept.
        server.clear_reply(document);
        browser.click("main#noi-dung [role=alert] button").await;
        assert_seed_article_word_for_word(&browser).await;
        let deadline = Instant::now() + support::browser::WAIT;
        while eval_async(&browser, &kept).await != json!(true) {
            assert!(Instant::now() < deadline, "the whole document was never kept");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_new_release_is_offered_and_taken_on_reload() {
    with_browser("offline-update", Build::SubPath, Viewport::Desktop, |browser, server| async move {
        browser.open("/").await;
        wait_for_worker(&browser).await;
        let scope = eval_async(&browser, "return (await navigator.serviceWorker.getRegistration()).scope;").await;
        assert_eq!(scope, json!(server.url("/")), "the worker's scope is the site's base");
        let script = std::fs::read_to_string(Build::SubPath.dist().join("sw.js")).expect("sw.js in the build");
        let old = script.lines().find(|l| l.starts_with("var VERSION = ")).expect("a VERSION line").to_string();
        let version = old.trim_start_matches("var VERSION = \"").trim_end_matches("\";").to_string();
        assert!(eval_async(&browser, "return (await caches.keys()).join('|');").await.to_string().contains(&version));
        assert!(!notice_shown(&browser, ".update-notice").await, "an update offered before there is one");

        // The next release: the same worker with another version.
        let next = script.replace(&old, "var VERSION = \"ban-moi\";");
        server.set_reply("/sw.js", Reply::json(next).with_content_type("text/javascript; charset=utf-8"));
        eval_async(&browser, "await (await navigator.serviceWorker.getRegistration()).update(); return true;").await;
        browser.wait_for_text(".update-notice", "Đã có phiên bản mới của cổng thông tin.").await;
        screenshots(&browser, "update-notice").await;
        browser.eval("window.__beforeUpdate = true;", vec![]).await;
        browser.click(".update-notice-reload").await;
        browser
            .wait_until("the page to reload", "window.__beforeUpdate !== true && document.readyState === 'complete'")
            .await;
        browser.wait_until("the new worker in charge", "navigator.serviceWorker.controller").await;
        let caches = eval_async(&browser, "return (await caches.keys()).join('|');").await.to_string();
        assert!(caches.contains("vo ban-moi"), "the new release's cache is missing: {caches}");
        assert!(!caches.contains(&format!("vo {version}")), "the old release's cache was kept: {caches}");
        let waiting = eval_async(&browser, "return !!(await navigator.serviceWorker.getRegistration()).waiting;").await;
        assert_eq!(waiting, json!(false), "a worker still waits");
        assert!(!notice_shown(&browser, ".update-notice").await, "the notice after the update");
    })
    .await;
}

#[tokio::test]
async fn an_unstamped_worker_removes_itself() {
    with_browser("offline-unstamped", Build::Root, Viewport::Phone, |browser, server| async move {
        // sw.js as `trunk serve` copies it (on a port other than its own,
        // where offline.js would not register it at all).
        let unstamped = std::fs::read(support::repo("assets/sw.js")).expect("assets/sw.js");
        server.set_reply("/sw.js", Reply::json(unstamped).with_content_type("text/javascript; charset=utf-8"));
        browser.open("/").await;
        browser.wait_for_app().await;
        let deadline = Instant::now() + support::browser::WAIT;
        while !server.served().iter().any(|s| s.path == "/sw.js") {
            assert!(Instant::now() < deadline, "sw.js was never asked for");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let state = eval_async(
                &browser,
                "const r = await navigator.serviceWorker.getRegistration();
                 return [!!r, !!navigator.serviceWorker.controller, (await caches.keys()).length];",
            )
            .await;
            if state == json!([false, false, 0]) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the unstamped worker stayed (registered, controlling, caches): {state}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await;
}

/// A PNG's width and height, from its IHDR chunk.
fn png_size(file: &Path) -> (u32, u32) {
    let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    assert!(bytes.len() > 24 && bytes.starts_with(b"\x89PNG\r\n\x1a\n") && &bytes[12..16] == b"IHDR", "{file:?}");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn the_manifest_names_the_portal_and_its_icons_exist_at_their_sizes() {
    for build in [Build::Root, Build::SubPath] {
        let dist = build.dist();
        let text =
            std::fs::read_to_string(dist.join("manifest.webmanifest")).expect("manifest.webmanifest in the build");
        let manifest: Value = serde_json::from_str(&text).expect("the manifest is JSON");
        assert_eq!(manifest["name"], "Cổng thông tin điện tử Khoa học và Công nghệ Quảng Trị");
        let short = manifest["short_name"].as_str().expect("short_name");
        assert!(!short.is_empty() && short.chars().count() <= 12, "short_name {short:?}");
        assert_eq!(manifest["lang"], "vi");
        assert_eq!(manifest["display"], "standalone");
        for key in ["start_url", "scope"] {
            let value = manifest[key].as_str().unwrap_or_else(|| panic!("no {key}"));
            assert!(!value.starts_with('/') && !value.contains(':'), "{key} {value:?} must be relative (sub-paths)");
        }
        let page = std::fs::read_to_string(dist.join("app.html")).expect("app.html");
        let theme = "<meta name=\"theme-color\" content=\"";
        let theme = &page[page.find(theme).expect("theme-color") + theme.len()..];
        assert_eq!(manifest["theme_color"].as_str(), theme.split('"').next());
        assert!(manifest["background_color"].as_str().is_some_and(|c| c.starts_with('#')));

        let mut sizes = Vec::new();
        for icon in manifest["icons"].as_array().expect("icons") {
            let src = icon["src"].as_str().expect("icon src");
            let file = dist.join(src);
            let purpose = icon["purpose"].as_str().unwrap_or("any");
            match icon["type"].as_str() {
                Some("image/png") => {
                    let (w, h) = png_size(&file);
                    assert_eq!(icon["sizes"], format!("{w}x{h}"), "{src} is {w}x{h}");
                    sizes.push(format!("{w} {purpose}"));
                }
                Some("image/svg+xml") => {
                    let svg = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{src}: {e}"));
                    assert!(svg.contains("<svg") && svg.contains("viewBox"), "{src}");
                    sizes.push(format!("svg {purpose}"));
                }
                other => panic!("{src}: type {other:?}"),
            }
        }
        for wanted in ["192 any", "512 any", "512 maskable", "svg any"] {
            assert!(sizes.iter().any(|s| s == wanted), "no {wanted} icon in {sizes:?}");
        }

        // Every page links them, the prerendered ones too (with the worker's script).
        let seed = std::fs::read_to_string(dist.join(format!("{}.html", seed_address(build).trim_start_matches('/'))))
            .expect("the seed article's page");
        for html in [&page, &seed] {
            assert!(html.contains("<link rel=\"manifest\" href=\"manifest.webmanifest\">"), "no manifest link");
            assert!(html.contains("<link rel=\"icon\" href=\"icons/icon.svg\""), "no icon link");
            assert!(!html.contains("href=\"data:,\""), "still the empty icon");
            assert!(html.contains("<link rel=\"apple-touch-icon\" href=\"icons/apple-touch-icon.png\">"));
            assert!(html.contains("/offline-") && html.contains("integrity="), "offline.js not loaded with SRI");
        }
        assert_eq!(png_size(&dist.join("icons/apple-touch-icon.png")), (180, 180));
    }
}

#[test]
fn the_built_worker_is_stamped_small_and_precaches_files_that_exist() {
    for build in [Build::Root, Build::SubPath] {
        let dist = build.dist();
        let script = std::fs::read_to_string(dist.join("sw.js")).expect("sw.js in the build");
        let line = |start: &str| script.lines().find(|l| l.starts_with(start)).map(str::to_string);
        let version = line("var VERSION = ").expect("VERSION");
        assert!(!version.contains("\"dev\""), "sw.js was not stamped: {version}");
        let list = line("var PRECACHE = ").expect("PRECACHE");
        let list: Vec<String> = serde_json::from_str(list.trim_start_matches("var PRECACHE = ").trim_end_matches(';'))
            .expect("a JSON list");
        for wanted in ["app.html", "config.json", "manifest.webmanifest", "icons/icon.svg"] {
            assert!(list.iter().any(|f| f == wanted), "{wanted} not precached: {list:?}");
        }
        for kind in ["_bg.wasm", ".css"] {
            assert!(list.iter().any(|f| f.starts_with("portal-") && f.ends_with(kind)), "no {kind}: {list:?}");
        }
        for script in ["portal-", "crash-notice-", "offline-"] {
            assert!(list.iter().any(|f| f.starts_with(script) && f.ends_with(".js")), "no {script}*.js: {list:?}");
        }
        for file in &list {
            assert!(dist.join(file).is_file(), "precached {file} is not in {}", dist.display());
        }
        let compressed = std::process::Command::new("brotli")
            .args(["-c", "-q", "11"])
            .arg(dist.join("sw.js"))
            .output()
            .expect("brotli (scripts/setup.sh installs it)");
        assert!(compressed.status.success());
        assert!(compressed.stdout.len() <= 5 * 1024, "sw.js is {} bytes brotli, over 5 KB", compressed.stdout.len());
    }
}
