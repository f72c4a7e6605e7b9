//! The parts of the app's wasm (src/parts.rs, scripts/split-wasm.sh,
//! docs/wasm-parts.md), in the release build:
//!
//! - the home page fetches no part; the schedule, reached in the app,
//!   fetches its own and no other;
//! - a part that fails to load shows a Vietnamese message with a retry, and
//!   the retry draws the view once the part can be had;
//! - a prerendered page whose part fails to load is left as the prerender
//!   wrote it, its text and links in place, rather than taken over.
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod support;

use support::{with_browser, Build, Reply, Viewport};

const SCHEDULE_PAGE: &str = "/lich-cong-tac/2023/42";

/// The site path of the part named `name` in the root build's dist/
/// ("/part-lich-<hash>_bg.wasm"), or a failure naming what is there.
fn part_path(name: &str) -> String {
    format!("/{}", Build::Root.file_named(&format!("part-{name}-"), "_bg.wasm"))
}

/// The parts the server has answered for so far, by name ("lich").
fn parts_served(server: &support::StaticServer) -> Vec<String> {
    let mut parts: Vec<String> = server
        .served()
        .iter()
        .filter_map(|served| served.path.rsplit('/').next()?.strip_prefix("part-").map(str::to_string))
        .filter_map(|file| file.rsplit_once('-').map(|(name, _)| name.to_string()))
        .collect();
    parts.sort_unstable();
    parts.dedup();
    parts
}

#[tokio::test]
async fn the_home_page_fetches_no_part_and_the_schedule_only_its_own() {
    with_browser("parts-lazy", Build::Root, Viewport::Desktop, |browser, server| async move {
        let part = part_path("lich");
        browser.open("/").await;
        browser.wait_for_app().await;
        assert_eq!(parts_served(&server), Vec::<String>::new(), "the home page fetched a part");
        browser.click_nav_link("/lich-cong-tac").await;
        browser.wait_for("main#noi-dung .schedule-heading").await;
        let served = parts_served(&server);
        assert!(served.contains(&"lich".to_string()), "the schedule's part {part} not fetched: {served:?}");
        for other in ["tim_kiem", "so_tay", "gioi_thieu", "khac"] {
            assert!(!served.contains(&other.to_string()), "part {other} fetched for the schedule: {served:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_part_that_fails_says_so_in_vietnamese_and_its_retry_draws_the_view() {
    with_browser("parts-retry", Build::Root, Viewport::Phone, |browser, server| async move {
        let part = part_path("lich");
        browser.open("/").await;
        browser.wait_for_app().await;
        server.set_reply(&part, Reply::status(503));
        browser.click_nav_link("/lich-cong-tac").await;
        browser.wait_for_text("main#noi-dung .error-box", "Không kết nối được để tải trang này").await;
        assert!(browser.holds("return !document.querySelector('main#noi-dung .schedule-heading');", vec![]).await);
        server.clear_reply(&part);
        browser.click("main#noi-dung .error-box-retry").await;
        browser.wait_for("main#noi-dung .schedule-heading").await;
        assert!(browser.holds("return !document.querySelector('main#noi-dung .error-box');", vec![]).await);
    })
    .await;
}

#[tokio::test]
async fn a_prerendered_page_whose_part_fails_is_left_as_it_was_written() {
    with_browser("parts-left-alone", Build::Root, Viewport::Phone, |browser, server| async move {
        let part = part_path("lich");
        server.set_reply(&part, Reply::status(503));
        browser.open(SCHEDULE_PAGE).await;
        // The app has started; a reader's moves for a second and a half:
        // the sign it loads the part and takes the page over at.
        browser.wait_until("the app to start", "window.wasmBindings").await;
        browser.eval("setTimeout(() => window.__waited = true, 1500);", vec![]).await;
        browser.wait_until("a reader's moves for a while", "window.__waited").await;
        assert!(server.served().iter().any(|served| served.path == part), "the part {part} was never asked for");
        assert!(
            browser.holds("return !!document.getElementById('tai-trang');", vec![]).await,
            "the prerendered page was replaced"
        );
        let heading = browser.text_of("main#noi-dung .schedule-heading").await.unwrap_or_default();
        assert!(heading.contains("Tuần 42"), "the schedule's heading is gone: {heading:?}");
        assert!(browser.holds("return !document.querySelector('.error-box');", vec![]).await);
    })
    .await;
}

#[tokio::test]
async fn a_view_read_online_opens_offline_with_its_part() {
    with_browser("parts-offline", Build::Root, Viewport::Phone, |browser, server| async move {
        browser.open("/").await;
        browser.wait_for_app().await;
        // The service worker in charge of the page (docs/offline.md).
        browser
            .wait_until("the service worker to control the page", "navigator.serviceWorker.controller !== null")
            .await;
        // A week with a schedule, loaded through the worker: the app takes
        // it over once its part is in.
        browser.open(SCHEDULE_PAGE).await;
        browser.wait_for_app_with("document.querySelector('main#noi-dung .schedule-heading')").await;
        // Kept: the page of the address, and the part (in this release's cache).
        let kept = "return (async () => !!(await caches.match(arguments[0])))()";
        let part_url = server.url(&part_path("lich"));
        for _ in 0..100 {
            if browser.eval(kept, vec![part_url.clone().into()]).await == serde_json::json!(true) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(
            browser.eval(kept, vec![part_url.clone().into()]).await,
            serde_json::json!(true),
            "{part_url} not kept"
        );
        server.set_down(true);
        browser.open(SCHEDULE_PAGE).await;
        browser.wait_for_app_with("document.querySelector('main#noi-dung .schedule-heading')").await;
        assert!(browser.holds("return !document.querySelector('main#noi-dung .error-box');", vec![]).await);
        server.set_down(false);
    })
    .await;
}
