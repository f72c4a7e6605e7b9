//! The reader's path in each engine a visitor comes with: Chromium, Firefox
//! ESR (geckodriver) and WebKitGTK (WebKitWebDriver), against the release
//! build. Home, an article opened by a link (the app's navigation, no page
//! load), Back, a search typed without accents, a schedule week, and the
//! visitor box following its document: one document throughout. And the
//! search form at 390 px, where the engines once drew its filter differently.
//!
//! The other tests that run in every engine stay beside their Chromium
//! fellows (`in_every_engine!`): the phone menu and the text size
//! (e2e_navigation.rs), the week picker (e2e_schedule.rs), an offline reload
//! (e2e_offline.rs) and the crash notice (e2e_resilience.rs).
//!
//! `cargo test --test e2e_engines -- --ignored` also draws the screenshots
//! that are compared by eye across engines (target/e2e-screenshots/engines/).
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod support;

use serde_json::json;
use std::path::Path;
use support::{with_browser_in, Browser, Build, Engine, Reply, Viewport, SEED_TITLE};

/// A mark on the page's window: a page load forgets it.
async fn mark_document(browser: &Browser) {
    browser.eval("window.__sameDocument = true;", vec![]).await;
}

async fn assert_same_document(browser: &Browser, after: &str) {
    assert!(browser.holds("return window.__sameDocument === true;", vec![]).await, "{after} was a page load");
}

/// Waits for the view in `<main>` to show `css` and no placeholder.
async fn wait_for_view(browser: &Browser, what: &str, css: &str) {
    let condition = format!(
        "document.querySelector({}) && !document.querySelector('main .skeleton, main .schedule-skeleton')",
        json!(css)
    );
    browser.wait_until(what, &condition).await;
}

async fn readers_path(engine: Engine) {
    with_browser_in(engine, "readers-path", Build::Root, Viewport::Desktop, |browser, server| async move {
        // The statistics polled every 2 s, so that the box is seen to follow them.
        server.set_reply("/config.json", Reply::json(r#"{"version":1,"stats_poll_seconds":2}"#));
        browser.open("/").await;
        browser.wait_for_app().await;
        mark_document(&browser).await;

        let link = "main#noi-dung a[href^='/tin/1019/']";
        browser.wait_for(link).await;
        browser.click(link).await;
        wait_for_view(&browser, "the seed article", "main#noi-dung .article-body p").await;
        assert_eq!(browser.text_of("h1.article-title").await.as_deref(), Some(SEED_TITLE));
        assert_eq!(browser.title().await, format!("{SEED_TITLE} - Sở Khoa học và Công nghệ Quảng Trị"));
        assert_same_document(&browser, "the article's link").await;

        browser.back().await;
        browser.wait_until("Back to the home page", "location.pathname === '/'").await;
        wait_for_view(&browser, "the home page's news", link).await;
        assert_same_document(&browser, "Back").await;

        // "cai cach", typed without accents, finds the seed article's
        // "cải cách hành chính".
        browser.type_into(".site-nav-search input", "cai cach\u{E007}").await;
        browser.wait_for_text(".search-status", "“cai cach”").await;
        browser.wait_for_text(".search-hits", SEED_TITLE).await;
        assert_eq!(browser.path().await, "/tim-kiem");
        let marked = browser.text_of(".search-hits mark").await.unwrap_or_default().to_lowercase();
        assert!(marked.starts_with("cải") || marked.starts_with("cách"), "highlight: {marked:?}");
        assert_same_document(&browser, "the search").await;

        browser.click(".site-nav a[href='/lich-cong-tac']").await;
        wait_for_view(&browser, "this week's schedule", "main .schedule-heading").await;
        browser.click("a.schedule-week-link[rel=prev]").await;
        browser.wait_until("the week before", "/^\\/lich-cong-tac\\/\\d{4}\\/\\d+$/.test(location.pathname)").await;
        wait_for_view(&browser, "the week before", "main .schedule-table, main .schedule-missing").await;
        assert_same_document(&browser, "the schedule's links").await;

        let total = "[...document.querySelectorAll('section.visitor-widget dd')].some(d => d.textContent.trim() === ";
        browser.wait_until("the visitor box's figures", &format!("{total}'3.314.815')")).await;
        let newer = r#"{"version":1,"online":7,"today":2512,"total":3314837,"counted_at":"2023-10-19T09:10:00+07:00"}"#;
        server.set_reply("/data/thong-ke.json", Reply::json(newer));
        browser.wait_until("the visitor box's next figures", &format!("{total}'3.314.837')")).await;
        assert_same_document(&browser, "the whole path").await;
    })
    .await;
}

in_every_engine!(the_readers_path_is_one_document_from_home_to_the_visitor_box, readers_path);

async fn search_form_on_a_phone(engine: Engine) {
    with_browser_in(engine, "search-form-390", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.set_viewport(390, 844).await;
        browser.open("/tim-kiem?q=cai+cach").await;
        browser.wait_for_app_with("document.querySelector('.search-filters select option:nth-child(2)')").await;
        // Each engine sizes a select by its longest option its own way.
        let past_the_edge = browser
            .eval(
                "const edge = document.querySelector('.search-form').getBoundingClientRect().right;
                 return [...document.querySelectorAll('.search-form *')]
                     .filter(e => e.getBoundingClientRect().right > edge + 0.5)
                     .map(e => e.tagName + ' ' + Math.round(e.getBoundingClientRect().right - edge) + ' px');",
                vec![],
            )
            .await;
        assert_eq!(past_the_edge, json!([]), "past the search form's right edge");
    })
    .await;
}

in_every_engine!(the_search_form_fits_a_phone, search_form_on_a_phone);

/// Home, the seed article, the schedule and a search at 390 and 1280 px, in
/// one engine, into target/e2e-screenshots/engines/ENGINE-PAGE-WIDTH.png.
async fn draw_screenshots(engine: Engine) {
    with_browser_in(engine, "screenshots", Build::Root, Viewport::Desktop, |browser, _server| async move {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots/engines");
        let pages = [
            ("home", "/", "main#noi-dung a[href^='/tin/']"),
            ("article", "/tin/1019", "main#noi-dung .article-body p"),
            ("schedule", "/lich-cong-tac/2023/42", "main .schedule-table"),
            ("empty-week", "/lich-cong-tac/2023/44", "main .schedule-nearest a"),
            ("search", "/tim-kiem?q=cai+cach", ".search-hits mark"),
        ];
        for width in [390, 1280] {
            browser.set_viewport(width, if width == 390 { 844 } else { 800 }).await;
            for (name, path, shown) in pages {
                browser.open(path).await;
                browser.wait_for_app().await;
                wait_for_view(&browser, name, shown).await;
                // Firefox shows an image's alt text until it has loaded.
                let images_on_screen_loaded =
                    "[...document.images].filter(i => i.getBoundingClientRect().top < innerHeight)
                     .every(i => i.complete && i.naturalWidth > 0)";
                browser.wait_until("the images on screen", images_on_screen_loaded).await;
                let file = folder.join(format!("{}-{name}-{width}.png", engine.name()));
                browser.screenshot(&file).await;
            }
        }
    })
    .await;
}

#[tokio::test]
#[ignore = "draws screenshots to look at: cargo test --test e2e_engines -- --ignored"]
async fn screenshots_in_every_engine() {
    for engine in [Engine::Chromium, Engine::Firefox, Engine::WebKit] {
        draw_screenshots(engine).await;
    }
}
