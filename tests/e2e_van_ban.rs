//! The legal documents registry in Chromium against the release build: the
//! list with its filters in the address (reload and Back), a number typed
//! however a reader types it, a document's page and its file, the seed
//! article's link to the plan it cites, a broken document with "Thử lại",
//! the list and a document read without JavaScript, and the registries'
//! worker: not fetched for a page already drawn, kept pages, a worker that
//! cannot start, and a filter drawn by it in each engine.
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod support;

use serde_json::json;
use support::registry::{
    a_broken_document_then_thu_lai, assert_download_is_a_pdf, assert_no_request_failed, choose, item_count, json_ld,
    search, wait_for_filter, wait_for_list, wait_for_path,
};
use support::{with_browser, with_browser_in, with_browser_scripted, Browser, Build, Engine, Viewport};

const SEED_ARTICLE: &str =
    "/tin/1019/doan-kiem-tra-cong-tac-cai-cach-hanh-chinh-nam-2023-cua-tinh-lam-viec-tai-so-khoa-hoc-va-cong-nghe";
const PLAN: &str = "/van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd";
const PLAN_FILE: &str = "/data/van-ban/2023-65-kh-ubnd.json";
const PLAN_TITLE: &str = "Kế hoạch số 65/KH-UBND";

/// Waits for the list to be drawn by the app, and returns its rows' titles.
async fn rows(browser: &Browser) -> Vec<String> {
    wait_for_list(browser).await;
    let titles = browser
        .eval("return [...document.querySelectorAll('.van-ban-item-title')].map((e) => e.textContent.trim());", vec![])
        .await;
    serde_json::from_value(titles).unwrap()
}

#[tokio::test]
async fn filters_live_in_the_address_through_reload_and_back() {
    with_browser("van_ban_filters", Build::Root, Viewport::Desktop, |browser, _server| async move {
        browser.open("/van-ban").await;
        let all = rows(&browser).await;
        assert_eq!(all.len(), 20, "pages of 20");
        browser.wait_for_text(".list-count", "Có 64 văn bản").await;
        assert!(browser.title().await.starts_with("Văn bản - "));

        choose(&browser, "loai", "ke-hoach").await;
        wait_for_path(&browser, "/van-ban?loai=ke-hoach").await;
        wait_for_filter(&browser, "loai", "ke-hoach").await;
        let plans = rows(&browser).await;
        assert!(!plans.is_empty() && plans.iter().all(|t| t.starts_with("Kế hoạch")), "{plans:?}");
        assert!(browser.title().await.starts_with("Văn bản: Kế hoạch - "));

        // Two filters: the narrowest list is read and the other checked.
        choose(&browser, "nam", "2023").await;
        wait_for_path(&browser, "/van-ban?loai=ke-hoach&nam=2023").await;
        browser.wait_for_text(".list-count", "văn bản").await;
        let both = rows(&browser).await;
        assert!(both.contains(&PLAN_TITLE.to_string()), "{both:?}");
        assert!(both.len() < plans.len());

        browser.reload().await;
        assert_eq!(rows(&browser).await, both, "reload shows the same list");
        browser.back().await;
        wait_for_path(&browser, "/van-ban?loai=ke-hoach").await;
        wait_for_filter(&browser, "nam", "").await;
        assert_eq!(rows(&browser).await, plans, "Back shows the previous filters");

        // A draft's status, and the pages of the whole registry.
        browser.open("/van-ban?tinh-trang=du-thao").await;
        let drafts = rows(&browser).await;
        assert!(drafts.len() >= 2 && drafts.iter().all(|t| t.ends_with("(dự thảo)")), "{drafts:?}");
        browser.open("/van-ban/trang/2").await;
        assert_eq!(rows(&browser).await.len(), 20);
        assert!(browser.text_of(".page-list a[aria-current=page]").await.as_deref() == Some("2"));
    })
    .await;
}

#[tokio::test]
async fn a_number_however_typed_finds_the_plan_and_its_page_has_the_file() {
    with_browser("van_ban_number", Build::Root, Viewport::Phone, |browser, server| async move {
        for typed in ["65 kh ubnd", "65/kh", "65/KH-UBND"] {
            browser.open("/van-ban").await;
            search(&browser, "van-ban-q", typed, "van-ban").await;
            let first = browser.text_of(".search-hits .search-hit-title a").await.unwrap_or_default();
            assert_eq!(first, PLAN_TITLE, "{typed}");
        }
        browser.click(".search-hits .search-hit-title a").await;
        wait_for_path(&browser, PLAN).await;
        assert_eq!(browser.settled_heading().await, PLAN_TITLE);
        let table = browser.wait_for(".van-ban-meta").await;
        for fact in ["65/KH-UBND", "UBND tỉnh Quảng Trị", "28/03/2023", "Hết hiệu lực"] {
            assert!(table.contains(fact), "{fact} in {table}");
        }
        assert!(browser.title().await.starts_with(PLAN_TITLE));
        // The file: a plain link the browser's own viewer opens, served as a PDF.
        assert_download_is_a_pdf(&browser, "/data/tep/van-ban/2023-65-kh-ubnd.pdf").await;
        // The news that cites it, and the way back to it from that article.
        browser.click(".van-ban-cited a").await;
        wait_for_path(&browser, SEED_ARTICLE).await;
        browser.click(&format!("main a[href$='{PLAN}']")).await;
        wait_for_path(&browser, PLAN).await;
        assert_eq!(browser.settled_heading().await, PLAN_TITLE);
        assert_no_request_failed(&server);
    })
    .await;
}

#[tokio::test]
async fn a_broken_document_says_so_and_thu_lai_loads_it() {
    with_browser("van_ban_error", Build::Root, Viewport::Desktop, |browser, server| async move {
        let plan = (PLAN, PLAN_FILE, "văn bản “2023-65-kh-ubnd”", PLAN_TITLE);
        // The list's documents too: its facet index, cut short.
        let list = ("/van-ban", "/data/van-ban/bo-loc.json", "bộ lọc văn bản");
        a_broken_document_then_thu_lai(&browser, &server, plan, list).await;
    })
    .await;
}

#[tokio::test]
async fn without_javascript_the_list_and_a_document_read_whole() {
    with_browser_scripted("van_ban_no_js", Build::Root, Viewport::Phone, false, |browser, _server| async move {
        browser.open("/van-ban").await;
        let count = item_count(&browser).await;
        assert_eq!(count, json!(20));
        assert!(browser.text_of(".list-count").await.unwrap_or_default().contains("Có 64 văn bản"));
        browser.click(".page-list a[href$='/van-ban/trang/2']").await;
        wait_for_path(&browser, "/van-ban/trang/2").await;
        assert_eq!(item_count(&browser).await, json!(20));
        browser.open(PLAN).await;
        assert_eq!(browser.text_of("main h1").await.as_deref(), Some(PLAN_TITLE));
        let table = browser.text_of(".van-ban-meta").await.unwrap_or_default();
        assert!(table.contains("65/KH-UBND") && table.contains("Cải cách hành chính"), "{table}");
        assert!(browser.text_of(".van-ban-files").await.unwrap_or_default().contains("PDF"));
        let json_ld = json_ld(&browser).await;
        assert_eq!(json_ld["@type"], "Legislation");
        assert_eq!(json_ld["legislationIdentifier"], "65/KH-UBND");
    })
    .await;
}

/// Draws the list and the plan at phone and desktop widths into
/// `target/e2e-screenshots/van-ban/`, to look at.
#[tokio::test]
#[ignore]
async fn screenshots() {
    for (viewport, name) in [(Viewport::Phone, "phone"), (Viewport::Desktop, "desktop")] {
        with_browser("van_ban_screenshots", Build::Root, viewport, move |browser, _server| async move {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots/van-ban");
            browser.open("/van-ban?loai=ke-hoach").await;
            rows(&browser).await;
            browser.screenshot(&dir.join(format!("list-{name}.png"))).await;
            browser.open(PLAN).await;
            browser.settled_heading().await;
            browser.screenshot(&dir.join(format!("plan-{name}.png"))).await;
            browser.open("/van-ban/du-thao-quy-che-sang-kien-2027/quyet-dinh-du-thao").await;
            browser.settled_heading().await;
            browser.screenshot(&dir.join(format!("draft-{name}.png"))).await;
        })
        .await;
    }
}

/// Whether any of the worker's files was asked for.
fn worker_fetched(server: &support::StaticServer) -> bool {
    server.served().iter().any(|served| served.path.starts_with("/tra-cuu-worker"))
}

#[tokio::test]
async fn a_prerendered_list_is_taken_over_as_drawn_and_the_worker_comes_with_the_first_filter() {
    with_browser("van_ban_takeover", Build::Root, Viewport::Desktop, |browser, server| async move {
        browser.open("/van-ban").await;
        let titles = "return [...document.querySelectorAll('.van-ban-item-title')].map((e) => e.textContent.trim());";
        let prerendered = browser.eval(titles, vec![]).await;
        assert_eq!(prerendered.as_array().map(Vec::len), Some(20), "{prerendered}");
        // Taken over (the harness moves the mouse): the same list at once,
        // from the page's own markup, with no worker asked for.
        let taken_over = rows(&browser).await;
        assert_eq!(json!(taken_over), prerendered);
        assert!(!worker_fetched(&server), "the worker was fetched for a page already drawn");
        // Each request to the worker counted.
        browser
            .eval(
                "const post = Worker.prototype.postMessage; window.__asked = 0;
                 Worker.prototype.postMessage = function (m) { window.__asked++; return post.call(this, m); };",
                vec![],
            )
            .await;
        choose(&browser, "loai", "ke-hoach").await;
        wait_for_filter(&browser, "loai", "ke-hoach").await;
        let plans = rows(&browser).await;
        assert!(!plans.is_empty() && plans.iter().all(|t| t.starts_with("Kế hoạch")), "{plans:?}");
        assert!(worker_fetched(&server));
        choose(&browser, "nam", "2023").await;
        wait_for_filter(&browser, "nam", "2023").await;
        let asked = "return window.__asked";
        assert_eq!(browser.eval(asked, vec![]).await, json!(2));
        // Back to a list drawn before in this visit: drawn again at once,
        // without asking the worker.
        browser.back().await;
        wait_for_path(&browser, "/van-ban?loai=ke-hoach").await;
        wait_for_filter(&browser, "nam", "").await;
        assert_eq!(rows(&browser).await, plans);
        assert_eq!(browser.eval(asked, vec![]).await, json!(2), "the worker was asked again for a page it drew");
        assert_no_request_failed(&server);
    })
    .await;
}

#[tokio::test]
async fn a_worker_that_cannot_start_says_so_and_thu_lai_starts_another() {
    with_browser("van_ban_worker_down", Build::Root, Viewport::Phone, |browser, server| async move {
        server.serve_app_shell_only();
        server.set_reply("/tra-cuu-worker_bg.wasm", support::Reply::status(503));
        browser.open("/van-ban").await;
        browser.wait_for_text("main [role=alert]", "Không kết nối được để tải bộ tra cứu văn bản").await;
        browser.wait_for_text("main [role=alert] button", "Thử lại").await;
        server.clear_reply("/tra-cuu-worker_bg.wasm");
        browser.click("main [role=alert] button").await;
        assert_eq!(rows(&browser).await.len(), 20);
        assert!(browser.text_of("main [role=alert]").await.is_none());
    })
    .await;
}

/// A filter chosen on a prerendered list, drawn by the registries' worker,
/// in each engine a visitor comes with.
async fn a_filter_drawn_by_the_worker(engine: Engine) {
    with_browser_in(engine, "van_ban_worker_engine", Build::Root, Viewport::Desktop, |browser, server| async move {
        browser.open("/van-ban").await;
        assert_eq!(rows(&browser).await.len(), 20);
        choose(&browser, "loai", "ke-hoach").await;
        wait_for_filter(&browser, "loai", "ke-hoach").await;
        let plans = rows(&browser).await;
        assert!(!plans.is_empty() && plans.iter().all(|t| t.starts_with("Kế hoạch")), "{plans:?}");
        assert!(browser.title().await.starts_with("Văn bản: Kế hoạch - "));
        assert!(worker_fetched(&server));
    })
    .await;
}

in_every_engine!(a_filter_is_drawn_by_the_worker_in_every_engine, a_filter_drawn_by_the_worker);
