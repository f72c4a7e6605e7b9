//! The visitor widget in Chromium against the release build, with the
//! statistics polled every 2 s (config.json served by the test): the shipped
//! figures appear, a changed document shows within one interval without
//! moving anything, a failing server leaves the figures marked stale with one
//! console warning, recovery clears the mark; and the optional page-view beacon.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::{with_browser, Browser, Build, Reply, StaticServer, Viewport};

const STATS_PATH: &str = "/data/thong-ke.json";
const INTERVAL: Duration = Duration::from_secs(2);
const STALE_MARK: &str = "Số liệu chưa cập nhật, lần cuối lúc";

/// What the widget shows: each label with its figure, and the note.
async fn widget_figures(browser: &Browser) -> Value {
    browser
        .eval(
            "const w = document.querySelector('section.visitor-widget');
             if (!w) return null;
             const rows = [...w.querySelectorAll('dl > div')].map(r => [
                 r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent.trim()]);
             const note = w.querySelector('.visitor-widget-note');
             return { rows, note: note.textContent.trim(), stale: note.classList.contains('visitor-widget-stale') };",
            vec![],
        )
        .await
}

/// Where the widget and the things around it are, to show nothing moved.
async fn layout(browser: &Browser) -> Value {
    browser
        .eval(
            "const box = s => { const r = document.querySelector(s).getBoundingClientRect();
                                return [r.x, r.y, r.width, r.height]; };
             return [box('section.visitor-widget'), box('section.visitor-widget dl'),
                     box('.visitor-widget-note'), box('footer')];",
            vec![],
        )
        .await
}

async fn wait_for_total(browser: &Browser, total: &str) -> Duration {
    let started = Instant::now();
    let condition = format!(
        "[...document.querySelectorAll('section.visitor-widget dd')].some(d => d.textContent.trim() === {})",
        json!(total)
    );
    browser.wait_until(&format!("the widget to show the total {total}"), &condition).await;
    started.elapsed()
}

/// Opens the home page with the statistics polled every 2 s, and waits for
/// the app's own widget to show the shipped document's total.
async fn open_home_polling_every_2_s(browser: &Browser, server: &StaticServer) {
    server.set_reply("/config.json", Reply::json(r#"{"version":1,"stats_poll_seconds":2}"#));
    browser.open("/").await;
    // The prerendered page shows the figures too: wait for the app's own.
    // (Seen on a loaded machine: just after taking over, the app's box
    // shows "—" until its first fetch answers.)
    browser.wait_for_app_with("window.wasmBindings").await;
    wait_for_total(browser, "3.314.815").await;
}

fn stats_warnings(console: &[String]) -> usize {
    console.iter().filter(|line| line.contains("thống kê truy cập: HTTP status 500")).count()
}

#[tokio::test]
async fn widget_follows_the_statistics_document_and_marks_failures() {
    with_browser("visitor_widget_polls", Build::Root, Viewport::Desktop, |browser, server| async move {
        open_home_polling_every_2_s(&browser, &server).await;
        let shown = widget_figures(&browser).await;
        assert_eq!(
            shown["rows"],
            json!([["Số người online", "1"], ["Hôm nay", "2.490"], ["Tổng lượt truy cập", "3.314.815"]])
        );
        assert_eq!(shown["note"], "Cập nhật lúc 08:05 ngày 19-10-2023");
        assert_eq!(shown["stale"], false);
        let live =
            "return !!document.querySelector('section.visitor-widget [aria-live], section.visitor-widget[aria-live]');";
        assert!(!browser.holds(live, vec![]).await, "the widget must not announce every update");
        let before = layout(&browser).await;

        // A new count: shown within one interval (plus a moment for the request).
        let newer = r#"{"version":1,"online":7,"today":2512,"total":3314837,"counted_at":"2023-10-19T09:10:00+07:00"}"#;
        server.set_reply(STATS_PATH, Reply::json(newer));
        let took = wait_for_total(&browser, "3.314.837").await;
        assert!(took <= INTERVAL + Duration::from_millis(1500), "new figures took {took:?} to show");
        let shown = widget_figures(&browser).await;
        assert_eq!(shown["rows"][0][1], "7");
        assert_eq!(shown["rows"][1][1], "2.512");
        assert_eq!(shown["note"], "Cập nhật lúc 09:10 ngày 19-10-2023");
        assert_eq!(layout(&browser).await, before, "new figures moved something on the page");

        // The server fails: the figures stay, marked stale, and the console
        // gets one warning however many retries fail.
        server.set_reply(STATS_PATH, Reply::status(500));
        let stale = format!(
            "document.querySelector('.visitor-widget-note.visitor-widget-stale')?.textContent.includes({})",
            json!(STALE_MARK)
        );
        browser.wait_until("the stale mark", &stale).await;
        let shown = widget_figures(&browser).await;
        assert_eq!(shown["rows"][2][1], "3.314.837", "the last good figures must stay");
        assert_eq!(layout(&browser).await, before, "the stale mark moved something on the page");
        let failed = || server.served().iter().filter(|s| s.path == STATS_PATH && s.status == 500).count();
        let deadline = Instant::now() + Duration::from_secs(10);
        while failed() < 3 {
            assert!(Instant::now() < deadline, "the widget stopped retrying after {} failures", failed());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(stats_warnings(&browser.console().await), 1, "one warning per failure streak");

        // Recovery: the shipped file again, the mark goes away.
        server.clear_reply(STATS_PATH);
        wait_for_total(&browser, "3.314.815").await;
        browser.wait_until("the stale mark to go", "!document.querySelector('.visitor-widget-stale')").await;
        assert_eq!(widget_figures(&browser).await["note"], "Cập nhật lúc 08:05 ngày 19-10-2023");
    })
    .await;
}

#[tokio::test]
async fn widget_survives_navigation_without_a_second_timer() {
    with_browser("visitor_widget_navigation", Build::Root, Viewport::Phone, |browser, server| async move {
        open_home_polling_every_2_s(&browser, &server).await;
        for _ in 0..3 {
            browser.click_nav_link("/lich-cong-tac").await;
            browser.wait_until("the schedule", "location.pathname === '/lich-cong-tac'").await;
            browser.back().await;
            browser.wait_until("home again", "location.pathname === '/'").await;
        }
        let widgets = "return document.querySelectorAll('section.visitor-widget').length;";
        assert_eq!(browser.eval(widgets, vec![]).await, json!(1));
        // One timer polls about once per 2 s; a duplicated one would double that.
        let polls = || server.served().iter().filter(|s| s.path == STATS_PATH).count();
        let start = polls();
        tokio::time::sleep(Duration::from_secs(7)).await;
        let made = polls() - start;
        assert!((2..=5).contains(&made), "{made} polls in 7 s at a 2 s interval");
        assert_eq!(widget_figures(&browser).await["rows"][2][1], "3.314.815");
    })
    .await;
}

#[tokio::test]
async fn page_views_are_reported_when_configured() {
    with_browser("visitor_widget_beacon", Build::Root, Viewport::Desktop, |browser, server| async move {
        let beacons = || server.served().iter().filter(|s| s.path == "/dem/luot-xem").count();
        server.set_reply("/dem/luot-xem", Reply::status(204));
        server.set_reply("/config.json", Reply::json(r#"{"version":1,"pageview_url":"dem/luot-xem"}"#));
        browser.open("/").await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while beacons() < 1 {
            assert!(Instant::now() < deadline, "no beacon for the first page view");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        browser.click("a[href='/lich-cong-tac']").await;
        while beacons() < 2 {
            assert!(Instant::now() < deadline, "no beacon after a route change");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
}

#[tokio::test]
async fn no_beacon_by_default() {
    with_browser("visitor_widget_no_beacon", Build::Root, Viewport::Phone, |browser, server| async move {
        browser.open("/").await;
        wait_for_total(&browser, "3.314.815").await;
        let posts = server.served().iter().filter(|s| s.path.contains("luot-xem")).count();
        assert_eq!(posts, 0);
        let sent = "return performance.getEntriesByType('resource').some(e => e.initiatorType === 'beacon');";
        assert!(!browser.holds(sent, vec![]).await, "a beacon went out without pageview_url");
    })
    .await;
}

/// Makes the page believe its tab was hidden or shown, as switching tabs does.
async fn set_tab_hidden(browser: &Browser, hidden: bool) {
    let script = "Object.defineProperty(document, 'hidden', { configurable: true, get: () => arguments[0] });
                  document.dispatchEvent(new Event('visibilitychange'));";
    browser.eval(script, vec![json!(hidden)]).await;
}

#[tokio::test]
async fn polling_pauses_while_hidden_and_refreshes_when_shown() {
    with_browser("visitor_widget_hidden", Build::Root, Viewport::Desktop, |browser, server| async move {
        open_home_polling_every_2_s(&browser, &server).await;
        let polls = || server.served().iter().filter(|s| s.path == STATS_PATH).count();
        set_tab_hidden(&browser, true).await;
        let hidden_at = polls();
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert_eq!(polls(), hidden_at, "a hidden tab must not poll");

        // Shown again after more than an interval: a refresh at once, not at the next tick.
        server.set_reply(
            STATS_PATH,
            Reply::json(r#"{"online":2,"today":2600,"total":3315000,"counted_at":"2023-10-19T10:00:00+07:00"}"#),
        );
        set_tab_hidden(&browser, false).await;
        let took = wait_for_total(&browser, "3.315.000").await;
        assert!(took < Duration::from_millis(1500), "the refresh on showing the tab took {took:?}");
    })
    .await;
}

#[tokio::test]
async fn taking_over_a_prerendered_page_keeps_its_figures_until_the_first_poll() {
    with_browser("visitor_widget_takeover", Build::Root, Viewport::Desktop, |browser, server| async move {
        // The app's own first fetch of the statistics answers late.
        let figures = std::fs::read(Build::Root.dist().join("data/thong-ke.json")).unwrap();
        server.set_reply("/data/thong-ke.json", Reply::json(figures).with_delay(Duration::from_secs(4)));
        browser.open("/").await;
        browser.wait_for_app_with("window.wasmBindings").await;
        // Drawn by the app, before its fetch has answered: the page's own figures, not "—".
        let shown = widget_figures(&browser).await;
        assert_eq!(
            shown["rows"],
            json!([["Số người online", "1"], ["Hôm nay", "2.490"], ["Tổng lượt truy cập", "3.314.815"]]),
            "the box after the app took over"
        );
    })
    .await;
}
