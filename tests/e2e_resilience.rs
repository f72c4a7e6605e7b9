//! The app survives hostile article HTML, and says so when it cannot go on.
//!
//! - An article whose body clobbers DOM properties (`<form><input
//!   name=namespaceURI>`) once trapped the wasm: the body vanished and every
//!   later click fell through to a full page load. It must render, drop the
//!   form alone, and leave the app alive for client-side navigation.
//! - If the wasm ever traps anyway, `assets/crash-notice.js` (outside the wasm)
//!   tells the visitor and offers a reload. A real trap is forced here by
//!   calling one of the wasm's own exports with a pointer past its memory,
//!   in Chromium, Firefox and WebKit.
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod support;

use serde_json::{json, Value};
use support::{with_browser, with_browser_in, Browser, Build, Engine, Reply, Viewport};

const SEED_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tin/1019.json");
const SEED_PATH: &str = "/data/tin/1019.json";

/// The seed article with `markup` put between two paragraphs of its own at
/// the top of its body.
fn seed_with(markup: &str) -> Vec<u8> {
    let mut feed: Value = serde_json::from_str(&std::fs::read_to_string(SEED_FILE).unwrap()).unwrap();
    let body = feed["items"][0]["content_html"].as_str().unwrap().to_string();
    feed["items"][0]["content_html"] =
        json!(format!("<p>Đoạn trước phần lạ.</p>{markup}<p>Đoạn sau phần lạ.</p>{body}"));
    serde_json::to_vec(&feed).unwrap()
}

/// Marks the page, so that a full page load (which forgets the mark) shows.
async fn mark_page(browser: &Browser) {
    browser.eval("window.__sameDocument = true;", vec![]).await;
}

async fn still_same_page(browser: &Browser) -> bool {
    browser.holds("return window.__sameDocument === true;", vec![]).await
}

fn wasm_errors(console: &[String]) -> Vec<&String> {
    console.iter().filter(|line| line.contains("RuntimeError") || line.contains("unreachable")).collect()
}

#[tokio::test]
async fn a_clobbering_article_renders_and_the_app_stays_alive() {
    with_browser("resilience-clobbering", Build::Root, Viewport::Desktop, |browser, server| async move {
        let markup = "<form><input name=namespaceURI><input name=nodeName><img name=attributes>\
                      <form><input name=childNodes></form></form><a id=body>liên kết</a>";
        // The article as the app fetches it (the prerendered page holds the good one).
        server.serve_app_shell_only();
        server.set_reply(SEED_PATH, Reply::json(seed_with(markup)));
        browser.open("/tin/1019").await;
        browser.wait_for_text("main#noi-dung .article-body", "Đoạn sau phần lạ.").await;
        let body = browser.text_of("main#noi-dung .article-body").await.unwrap_or_default();
        assert!(body.contains("Đoạn trước phần lạ."), "the paragraph before the form: {body}");
        assert!(body.contains("Tư pháp") || body.len() > 500, "the rest of the article follows: {body}");
        let form_left = browser
            .holds(
                "return !!document.querySelector('.article-body form, .article-body input, [name=namespaceURI]');",
                vec![],
            )
            .await;
        assert!(!form_left, "the form reached the page");

        // The app is alive: a link changes the view without a page load.
        mark_page(&browser).await;
        browser.click(".site-nav a[href='/lich-cong-tac']").await;
        browser
            .wait_until(
                "the schedule view",
                "location.pathname === '/lich-cong-tac' && document.querySelector('main#noi-dung .schedule-heading')",
            )
            .await;
        assert!(still_same_page(&browser).await, "the link fell through to a full page load");
        browser.back().await;
        browser.wait_for_text("main#noi-dung .article-body", "Đoạn sau phần lạ.").await;
        assert!(still_same_page(&browser).await, "Back fell through to a full page load");
        let console = browser.console().await;
        assert!(wasm_errors(&console).is_empty(), "the wasm trapped: {:?}", wasm_errors(&console));
        assert!(!browser.holds("return !!document.querySelector('.crash-notice');", vec![]).await);
    })
    .await;
}

async fn trap_and_notice(engine: Engine) {
    with_browser_in(engine, "resilience-trap", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.open("/").await;
        browser.wait_for_app().await;
        browser.wait_for("main#noi-dung h2").await;
        assert!(!browser.holds("return !!document.querySelector('.crash-notice');", vec![]).await);
        mark_page(&browser).await;
        // What reached the window, seen by the page itself: only chromedriver
        // hands out the console. By name: Firefox runs this script in a realm
        // of its own, with a WebAssembly.RuntimeError of its own.
        browser
            .eval(
                "window.__wasmTraps = [];
                 addEventListener('error', e => {
                     if (e.error && e.error.name === 'RuntimeError') window.__wasmTraps.push(String(e.error));
                 });",
                vec![],
            )
            .await;
        // trunk's loader keeps the bindings on window; calling their init
        // again hands back the running instance's exports. Reallocating a
        // block at an address past the linear memory traps ("memory access
        // out of bounds"), from a timer, as an uncaught error would. The
        // timer calls the export itself (bound, not wrapped in a function of
        // this script): Firefox reports an error to the global of the
        // function the timer called, which must be the page's.
        let bindings = browser
            .eval(
                "if (window.wasmBindings) {
                     window.wasmBindings.default().then(exports =>
                         setTimeout(exports.__wbindgen_realloc.bind(null, 0xFFFFFFF0, 16, 32, 1)));
                 }
                 return typeof window.wasmBindings;",
                vec![],
            )
            .await;
        assert_eq!(bindings, json!("object"), "trunk's loader no longer keeps window.wasmBindings");
        browser.wait_for(".crash-notice[role=alert]").await;
        let notice = browser.text_of(".crash-notice").await.unwrap_or_default();
        assert!(notice.contains("tải lại trang"), "the notice: {notice}");
        let traps = browser.eval("return window.__wasmTraps;", vec![]).await;
        assert!(traps.as_array().is_some_and(|t| !t.is_empty()), "no trap was forced: {traps}");
        let shot = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("target/e2e-screenshots/crash-notice-{}.png", engine.name()));
        browser.screenshot(&shot).await;
        browser.click(".crash-notice-reload").await;
        browser.wait_until("the reload", "window.__sameDocument !== true").await;
        browser.wait_for_app().await;
        browser.wait_for("main#noi-dung h2").await;
        assert!(!browser.holds("return !!document.querySelector('.crash-notice');", vec![]).await);
    })
    .await;
}

in_every_engine!(a_trap_in_the_wasm_brings_a_notice_with_a_reload, trap_and_notice);
