//! The news views in Chromium against the release build: the seed article word
//! for word, category pages, related news, and every kind of bad document.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::{repo, seed_paragraphs, with_browser, Browser, Build, Reply, Viewport, SEED_TITLE};

const SEED_ID: &str = "1019";
/// The seed article's document, in the repository and on the server.
const SEED_FILE: &str = "data/tin/1019.json";
const SEED_PATH: &str = "/data/tin/1019.json";

/// The text of `<main>` with white space folded, as a reader sees it.
async fn main_text(browser: &Browser) -> String {
    browser.text_of("main#noi-dung").await.unwrap_or_default()
}

async fn wait_for_article(browser: &Browser) {
    browser.wait_until("the article to load", "document.querySelector('main#noi-dung .article-body p')").await;
}

#[tokio::test]
async fn seed_article_from_home_word_for_word_and_after_reload() {
    with_browser("news-seed", Build::Root, Viewport::Desktop, |browser, _server| async move {
        browser.open("/").await;
        let link = format!("main#noi-dung a[href^='/tin/{SEED_ID}/']");
        browser.wait_for(&link).await;
        browser.click(&link).await;
        wait_for_article(&browser).await;
        for _ in 0..2 {
            let text = main_text(&browser).await;
            for paragraph in seed_paragraphs() {
                let folded = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(text.contains(&folded), "missing from the article view: {folded}");
            }
            assert!(text.contains("Ngày đăng: 19-10-2023"), "no posting date");
            assert!(text.contains("Tin tức - Sự kiện: Tin hoạt động Sở"), "no breadcrumb");
            assert_eq!(browser.title().await, format!("{SEED_TITLE} - Sở Khoa học và Công nghệ Quảng Trị"));
            let captions = browser
                .eval("return document.querySelectorAll('.article-body figure figcaption').length;", vec![])
                .await;
            assert_eq!(captions, json!(2), "both photo captions as figures");
            browser.reload().await;
            wait_for_article(&browser).await;
        }
        // "Tin khác" is the list the article's document gives, in its order.
        let shown = browser
            .eval(
                "return [...document.querySelectorAll('.other-news .news-list li a')]
                    .map(a => a.getAttribute('href').split('/')[2]);",
                vec![],
            )
            .await;
        let seed: Value = serde_json::from_slice(&std::fs::read(repo(&format!("data/tin/{SEED_ID}.json"))).unwrap())
            .expect("the seed article's document");
        let listed: Vec<Value> = seed["items"][0]["_portal"]["other_news"]
            .as_array()
            .expect("the sample lists other_news")
            .iter()
            .take(8)
            .map(|item| item["id"].clone())
            .collect();
        assert!(listed.len() >= 3, "the sample's seed lists other news");
        assert_eq!(shown, json!(listed), "Tin khác differs from the document's other_news");
    })
    .await;
}

#[tokio::test]
async fn missing_or_wrong_slug_is_replaced_by_the_canonical_url_without_a_history_entry() {
    with_browser("news-slug", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.open("/").await;
        browser.wait_for("main#noi-dung h2").await;
        browser.open(&format!("/tin/{SEED_ID}/sai-duong-dan")).await;
        wait_for_article(&browser).await;
        let canonical = "/tin/1019/doan-kiem-tra-cong-tac-cai-cach-hanh-chinh-nam-2023-cua-tinh-lam-viec-tai-so-khoa-hoc-va-cong-nghe";
        browser.wait_until("the canonical URL", &format!("location.pathname === {}", json!(canonical))).await;
        // The view that replaced the slug-less one still gets its side lists:
        // the request both asked for was handed over, not aborted.
        browser
            .wait_until("newer and older news of the category", "document.querySelectorAll('.article-steps a').length === 2")
            .await;
        browser.back().await;
        browser.wait_until("Back to leave the article", "location.pathname === '/'").await;
    })
    .await;
}

#[tokio::test]
async fn category_walks_its_pages_and_keeps_them_in_the_url() {
    with_browser("news-category", Build::Root, Viewport::Desktop, |browser, _server| async move {
        browser.open("/chuyen-muc/tin-hoat-dong-so").await;
        browser.wait_for_text("main#noi-dung h1", "Tin hoạt động Sở").await;
        browser.wait_for("main#noi-dung .news-list li").await;
        let count = "return document.querySelectorAll('main#noi-dung .news-list li').length;";
        let first = browser.eval(count, vec![]).await.as_u64().unwrap();
        // The sample's "Tin hoạt động Sở" spans two pages (6 items a page).
        let pages = browser.eval("return !!document.querySelector('.more-button');", vec![]).await;
        assert_eq!(pages, json!(true), "no \"Xem thêm\" on the first page of a two-page category");
        // Thumbnails below the fold are sized and wait until they are near.
        let thumbnails = browser
            .eval(
                "return [...document.querySelectorAll('main#noi-dung .news-card-image')]
                    .map(i => [i.getAttribute('loading'), i.getAttribute('width'), i.getAttribute('height')]);",
                vec![],
            )
            .await;
        let thumbnails = thumbnails.as_array().cloned().unwrap_or_default();
        assert!(!thumbnails.is_empty(), "the sample's category page has thumbnails");
        assert!(thumbnails.iter().all(|t| *t == json!(["lazy", "160", "100"])), "{thumbnails:?}");
        {
            browser.click(".more-button").await;
            browser.wait_until("the second page", "location.search === '?trang=2'").await;
            browser
                .wait_until(
                    "more items",
                    &format!("document.querySelectorAll('main#noi-dung .news-list li').length > {first}"),
                )
                .await;
            let second = browser.eval(count, vec![]).await;
            browser.reload().await;
            browser
                .wait_until(
                    "both pages after reload",
                    &format!("document.querySelectorAll('main#noi-dung .news-list li').length === {second}"),
                )
                .await;
            browser.back().await;
            browser
                .wait_until(
                    "page one after Back",
                    &format!("document.querySelectorAll('main#noi-dung .news-list li').length === {first}"),
                )
                .await;
        }
        assert!(browser.title().await.starts_with("Tin hoạt động Sở - "));
    })
    .await;
}

#[tokio::test]
async fn related_news_names_its_article_and_lists_items() {
    with_browser("news-related", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.open(&format!("/tin/{SEED_ID}/lien-quan")).await;
        browser.wait_for_text(".related-context", SEED_TITLE).await;
        browser.wait_for("main#noi-dung .news-list li").await;
        assert!(browser.title().await.starts_with("Tin liên quan: Đoàn Kiểm tra"));
    })
    .await;
}

#[tokio::test]
async fn unknown_article_and_category_show_the_not_found_view() {
    with_browser("news-unknown", Build::Root, Viewport::Phone, |browser, _server| async move {
        for path in ["/tin/999999", "/chuyen-muc/khong-co-chuyen-muc-nay", "/tin/999999/lien-quan"] {
            browser.open(path).await;
            browser.wait_for_text("main#noi-dung h1", "Không tìm thấy trang").await;
        }
    })
    .await;
}

/// Shows `reply` for the seed article, checks the region's Vietnamese message
/// and its "Thử lại", then lets the real document through and retries.
async fn bad_article_document(name: &str, reply: Reply, message: &'static str) {
    let name = name.to_string();
    with_browser(&name, Build::Root, Viewport::Phone, move |browser, server| async move {
        // The documents as the app fetches them, not as a prerendered page holds them.
        server.serve_app_shell_only();
        server.set_reply(SEED_PATH, reply);
        browser.open(&format!("/tin/{SEED_ID}")).await;
        browser.wait_for_text("main#noi-dung [role=alert]", message).await;
        // The rest of the page keeps working.
        browser.wait_for("footer").await;
        assert!(browser.holds("return !!document.querySelector('.site-nav a');", vec![]).await);
        server.clear_reply(SEED_PATH);
        browser.click("main#noi-dung [role=alert] button").await;
        wait_for_article(&browser).await;
    })
    .await;
}

#[tokio::test]
async fn server_error_shows_a_message_and_retry_recovers() {
    bad_article_document("news-500", Reply::status(500), "Máy chủ báo lỗi 500").await;
}

#[tokio::test]
async fn truncated_json_shows_a_message_and_retry_recovers() {
    bad_article_document("news-truncated", Reply::truncated(&repo(SEED_FILE), 300), "bị hỏng").await;
}

#[tokio::test]
async fn wrongly_typed_field_is_named() {
    let mut document: Value = serde_json::from_str(&std::fs::read_to_string(repo(SEED_FILE)).unwrap()).unwrap();
    document["items"][0]["date_published"] = json!(20231019);
    let reply = Reply::json(document.to_string());
    bad_article_document("news-wrong-type", reply, "items[0].date_published").await;
}

#[tokio::test]
async fn missing_required_field_is_named() {
    let mut document: Value = serde_json::from_str(&std::fs::read_to_string(repo(SEED_FILE)).unwrap()).unwrap();
    document["items"][0].as_object_mut().unwrap().remove("title");
    bad_article_document("news-missing", Reply::json(document.to_string()), "items[0].title").await;
}

#[tokio::test]
async fn html_instead_of_json_is_refused() {
    let reply = Reply::json("<!DOCTYPE html><html></html>").with_content_type("text/html");
    bad_article_document("news-html", reply, "bị hỏng").await;
}

#[tokio::test]
async fn slow_document_shows_the_skeleton_then_the_article() {
    with_browser("news-slow", Build::Root, Viewport::Phone, |browser, server| async move {
        // The documents as the app fetches them, not as a prerendered page holds them.
        server.serve_app_shell_only();
        let body = std::fs::read(repo(SEED_FILE)).unwrap();
        server.set_reply(SEED_PATH, Reply::json(body).with_delay(Duration::from_secs(2)));
        browser.open(&format!("/tin/{SEED_ID}")).await;
        browser.wait_for(".article-skeleton").await;
        wait_for_article(&browser).await;
    })
    .await;
}

#[tokio::test]
async fn a_document_slower_than_the_time_limit_times_out_with_a_retry() {
    with_browser("news-timeout", Build::Root, Viewport::Phone, |browser, server| async move {
        // The documents as the app fetches them, not as a prerendered page holds them.
        server.serve_app_shell_only();
        server.set_reply("/config.json", Reply::json(r#"{"version":1,"request_timeout_seconds":1}"#));
        let body = std::fs::read(repo(SEED_FILE)).unwrap();
        server.set_reply(SEED_PATH, Reply::json(body).with_delay(Duration::from_secs(4)));
        browser.open(&format!("/tin/{SEED_ID}")).await;
        browser.wait_for_text("main#noi-dung [role=alert]", "quá lâu").await;
        server.clear_reply(SEED_PATH);
        browser.click("main#noi-dung [role=alert] button").await;
        wait_for_article(&browser).await;
    })
    .await;
}

#[tokio::test]
async fn broken_config_is_reported_and_the_defaults_serve() {
    with_browser("news-config", Build::Root, Viewport::Phone, |browser, server| async move {
        server.set_reply("/config.json", Reply::json(r#"{"sources": {"stats": 42}}"#));
        browser.open("/").await;
        browser.wait_for_text(".config-notice", "sources.stats").await;
        browser.wait_for("main#noi-dung .news-list li").await;
    })
    .await;
}

/// Article HTML built from known script-injection vectors: none may run or
/// survive, while the real markup around them stays.
#[tokio::test]
async fn script_in_article_html_never_runs() {
    // The safe markup comes first: some vectors (the <math> one) are built
    // to swallow what follows them, which the sanitiser then drops whole.
    let vectors = [
        "<a href=\"https://example.org/ngoai\" id=\"external\">trang ngoài</a>",
        "<p id=\"kept\">Đoạn văn <strong>an toàn</strong> vẫn còn.</p>",
        "<table><tr><td>ô bảng</td></tr></table><ul><li>mục</li></ul>",
        "<script>window.__xss = 1</script>",
        "<img src=x onerror=\"window.__xss = 2\">",
        "<svg onload=\"window.__xss = 3\"><script>window.__xss = 3</script></svg>",
        "<iframe src=\"javascript:window.parent.__xss = 4\"></iframe>",
        "<a href=\"javascript:window.__xss = 5\" id=\"js-link\">bấm</a>",
        "<a href=\"java&#x09;script:window.__xss = 6\">bấm</a>",
        "<object data=\"javascript:window.__xss = 7\"></object>",
        "<embed src=\"data:text/html,<script>parent.__xss = 8</script>\">",
        "<p style=\"background:url(javascript:window.__xss = 9)\">kiểu</p>",
        "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss = 10\"></style></mglyph></table></mtext></math>",
        "<form action=\"javascript:window.__xss = 11\"><button>gửi</button></form>",
        "<details open ontoggle=\"window.__xss = 12\">chi tiết</details>",
        "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=13>\"></noscript>",
        "<body onload=\"window.__xss = 14\">",
        "<input autofocus onfocus=\"window.__xss = 15\">",
    ];
    let mut document: Value = serde_json::from_str(&std::fs::read_to_string(repo(SEED_FILE)).unwrap()).unwrap();
    document["items"][0]["content_html"] = json!(vectors.concat());
    let reply = Reply::json(document.to_string());
    with_browser("news-xss", Build::Root, Viewport::Desktop, move |browser, server| async move {
        // The documents as the app fetches them, not as a prerendered page holds them.
        server.serve_app_shell_only();
        server.set_reply(SEED_PATH, reply);
        browser.open(&format!("/tin/{SEED_ID}")).await;
        browser.wait_for_text(".article-body", "vẫn còn").await;
        // Give late handlers (onerror of a broken image, autofocus) a moment.
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert_eq!(browser.eval("return window.__xss === undefined;", vec![]).await, json!(true), "a vector ran");
        let dangerous = browser
            .eval(
                "const body = document.querySelector('.article-body');
                 const bad = [...body.querySelectorAll('*')].filter(e =>
                     ['SCRIPT','IFRAME','OBJECT','EMBED','SVG','MATH','STYLE','FORM','INPUT','DETAILS'].includes(e.tagName.toUpperCase())
                     || [...e.attributes].some(a => a.name.startsWith('on') || a.name === 'style'
                         || /^\\s*(javascript|data|vbscript):/i.test(a.value)));
                 return bad.map(e => e.outerHTML);",
                vec![],
            )
            .await;
        assert_eq!(dangerous, json!([]), "dangerous markup survived");
        let kept = browser.text_of(".article-body strong").await;
        assert_eq!(kept.as_deref(), Some("an toàn"));
        assert!(browser.holds("return !!document.querySelector('.article-body table td') && !!document.querySelector('.article-body ul li');", vec![]).await);
        let external = browser
            .eval("const a = [...document.querySelectorAll('.article-body a')].find(a => a.href.startsWith('https://example.org')); return a ? a.rel + '|' + a.target : null;", vec![])
            .await;
        assert_eq!(external, json!("noopener noreferrer|_blank"));
    })
    .await;
}

#[tokio::test]
async fn back_returns_to_the_scroll_position_and_new_pages_start_at_the_top() {
    with_browser("news-scroll", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.open("/").await;
        // The app's page: a link of the prerendered one, clicked before the
        // app has taken over, is a page load, not the app's navigation.
        browser.wait_for_app_with("document.querySelector('.category-block .news-list li a')").await;
        // Scroll to the last category block and open its first article.
        let y = browser
            .eval(
                "const blocks = document.querySelectorAll('.category-block');
                 blocks[blocks.length - 1].scrollIntoView();
                 return window.scrollY;",
                vec![],
            )
            .await
            .as_f64()
            .unwrap();
        assert!(y > 500.0, "the home page is long enough to scroll: {y}");
        tokio::time::sleep(Duration::from_millis(300)).await;
        browser
            .eval("const blocks = document.querySelectorAll('.category-block'); blocks[blocks.length - 1].querySelector('.news-list li a').click();", vec![])
            .await;
        wait_for_article(&browser).await;
        browser.wait_until("the article to start at the top", "window.scrollY < 5").await;
        browser.wait_until("focus on the main region", "document.activeElement?.id === 'noi-dung'").await;
        browser.back().await;
        browser
            .wait_until("the scroll position to come back", &format!("Math.abs(window.scrollY - {y}) < 40"))
            .await;
    })
    .await;
}

#[tokio::test]
async fn each_document_is_fetched_once_per_visit() {
    with_browser("news-once", Build::Root, Viewport::Desktop, |browser, server| async move {
        // The documents as the app fetches them, not as a prerendered page holds them.
        server.serve_app_shell_only();
        browser.open("/").await;
        browser.wait_for(&format!("main#noi-dung a[href^='/tin/{SEED_ID}/']")).await;
        browser.click(&format!("main#noi-dung a[href^='/tin/{SEED_ID}/']")).await;
        wait_for_article(&browser).await;
        browser.click(".site-nav a[href='/']").await;
        browser.wait_for(".category-block .news-list li").await;
        browser.back().await;
        wait_for_article(&browser).await;
        let served = server.served();
        // The preloads in index.html (config and first news page) must be the
        // very requests the app uses, and navigating back must add nothing.
        for document in ["/config.json", "/data/tin-moi/1.json", "/data/chuyen-muc.json", SEED_PATH] {
            let count = served.iter().filter(|s| s.path == document).count();
            assert_eq!(count, 1, "{document} fetched {count} times");
        }
    })
    .await;
}

#[tokio::test]
async fn links_stay_under_the_sub_path() {
    with_browser("news-sub-path-links", Build::SubPath, Viewport::Desktop, |browser, server| async move {
        browser.open("/").await;
        browser.wait_for(".category-block .news-list li a").await;
        browser.wait_for(".visitor-widget").await;
        let outside = browser
            .eval(
                "return [...document.querySelectorAll('a[href]')]
                    .map(a => a.getAttribute('href'))
                    .filter(h => h.startsWith('/') && !h.startsWith('/portal/'));",
                vec![],
            )
            .await;
        assert_eq!(outside, json!([]), "links that leave /portal/");
        browser.click(&format!("main#noi-dung a[href^='/portal/tin/{SEED_ID}/']")).await;
        wait_for_article(&browser).await;
        browser.click(".breadcrumb a").await;
        browser.wait_for_text("main#noi-dung h1", "Tin hoạt động Sở").await;
        assert_eq!(browser.path().await, "/portal/chuyen-muc/tin-hoat-dong-so");
        browser.click(".site-nav a[href='/portal/lich-cong-tac']").await;
        browser.wait_until("the schedule", "location.pathname === '/portal/lich-cong-tac'").await;
        // Only client-side navigation: the app was loaded once.
        let loads =
            server.served().iter().filter(|s| s.path.contains("/portal-") && s.path.ends_with("_bg.wasm")).count();
        assert_eq!(loads, 1, "clicking a link reloaded the app");
    })
    .await;
}

#[tokio::test]
async fn an_address_without_slug_gets_the_full_article_view() {
    with_browser("news-no-slug", Build::Root, Viewport::Desktop, |browser, _server| async move {
        // /tin/1019 and /tin/1019/<slug> are two routes: the view is replaced
        // when the slug is added, and the new one must still get every list.
        browser.open(&format!("/tin/{SEED_ID}")).await;
        wait_for_article(&browser).await;
        browser.wait_until("the canonical URL", "location.pathname.startsWith('/tin/1019/doan-kiem-tra')").await;
        browser
            .wait_until(
                "newer and older news of the category",
                "document.querySelectorAll('.article-steps a').length === 2",
            )
            .await;
        browser.wait_until("Tin khác", "document.querySelectorAll('.other-news .news-list li').length >= 3").await;
    })
    .await;
}

#[tokio::test]
async fn related_articles_beside_the_article_are_fetched_together() {
    with_browser("news-related-together", Build::Root, Viewport::Desktop, |browser, server| async move {
        // The documents as the app fetches them, not as a prerendered page holds them.
        server.serve_app_shell_only();
        // An article document that leaves "Tin khác" to the portal (no
        // `other_news`): the portal chooses from the category's first page,
        // the latest news, and the related articles neither holds.
        let seed_file = repo(&format!("data/tin/{SEED_ID}.json"));
        let mut seed: serde_json::Value = serde_json::from_slice(&std::fs::read(seed_file).unwrap()).unwrap();
        seed["items"][0]["_portal"].as_object_mut().unwrap().remove("other_news");
        server.set_reply(&format!("/data/tin/{SEED_ID}.json"), Reply::json(seed.to_string()));
        // The seed's related articles that neither its category's first page
        // nor the latest news hold: each must be fetched on its own.
        let missing = ["1003", "1012"];
        for id in missing {
            let body = std::fs::read(repo(&format!("data/tin/{id}.json"))).expect("related article document");
            server.set_reply(&format!("/data/tin/{id}.json"), Reply::json(body).with_delay(Duration::from_millis(800)));
        }
        browser.open(&format!("/tin/{SEED_ID}")).await;
        wait_for_article(&browser).await;
        browser.wait_for(".other-news .news-list li a").await;
        // One after the other, each would start after the previous answered;
        // together, every one starts before the first answer arrives.
        let timings = browser
            .eval(
                "return performance.getEntriesByType('resource')
                    .filter(e => /\\/data\\/tin\\/(1003|1012)\\.json$/.test(e.name))
                    .map(e => [e.startTime, e.responseEnd]);",
                vec![],
            )
            .await;
        let timings: Vec<(f64, f64)> = serde_json::from_value(timings).expect("resource timings");
        assert_eq!(timings.len(), missing.len(), "each missing related article fetched once: {timings:?}");
        let last_start = timings.iter().map(|t| t.0).fold(f64::MIN, f64::max);
        let first_answer = timings.iter().map(|t| t.1).fold(f64::MAX, f64::min);
        assert!(last_start < first_answer, "related articles fetched one after another: {timings:?}");
    })
    .await;
}

/// Category first pages the server was asked for so far.
fn category_pages_served(server: &support::StaticServer) -> Vec<String> {
    let pages = server.served().into_iter().map(|served| served.path);
    pages.filter(|path| path.starts_with("/data/chuyen-muc/")).collect()
}

#[tokio::test]
async fn home_blocks_come_from_the_categories_document_alone() {
    with_browser("news-home-newest", Build::Root, Viewport::Desktop, |browser, server| async move {
        browser.open("/").await;
        browser.wait_for(".category-block .news-list li a").await;
        browser.wait_for(".sidebar .sidebar-episode").await;
        let blocks = browser.eval("return document.querySelectorAll('.category-block').length;", vec![]).await;
        let filled = browser
            .eval("return document.querySelectorAll('.category-block .news-list li a.news-card-title').length;", vec![])
            .await;
        let (blocks, filled) = (blocks.as_u64().unwrap_or(0), filled.as_u64().unwrap_or(0));
        assert!(blocks >= 4, "home blocks: {blocks}");
        assert!(filled >= blocks, "every block holds items: {filled} links in {blocks} blocks");
        assert_eq!(category_pages_served(&server), Vec::<String>::new(), "no category page needed");
        // The featured image is the likely largest paint: sized, and asked for first.
        let featured = browser
            .eval(
                "const i = document.querySelector('.featured-image');
                 return i && [i.getAttribute('fetchpriority'), i.getAttribute('loading'), i.width > 0 && i.height > 0];",
                vec![],
            )
            .await;
        assert_eq!(featured, serde_json::json!(["high", null, true]), "featured image attributes");
    })
    .await;
}

#[tokio::test]
async fn without_newest_the_home_blocks_fetch_their_categories() {
    with_browser("news-home-without-newest", Build::Root, Viewport::Desktop, |browser, server| async move {
        // The documents as the app fetches them, not as a prerendered page holds them.
        server.serve_app_shell_only();
        let mut categories: Value =
            serde_json::from_str(&std::fs::read_to_string(repo("data/chuyen-muc.json")).unwrap()).unwrap();
        for item in categories["items"].as_array_mut().unwrap() {
            item["_portal"].as_object_mut().unwrap().remove("newest");
        }
        server.set_reply("/data/chuyen-muc.json", Reply::json(categories.to_string()));
        browser.open("/").await;
        browser.wait_for(".category-block .news-list li a").await;
        // The sidebar's box is the programme's latest episode, from its own document.
        browser.wait_for_text(".sidebar .sidebar-episode", "Chuyên mục KH&CN số 5-2016").await;
        let fetched = category_pages_served(&server);
        assert!(fetched.contains(&"/data/chuyen-muc/tin-hoat-dong-so/1.json".to_string()), "{fetched:?}");
        let error = browser.text_of("[role=alert]").await;
        assert!(error.is_none(), "an error shows: {error:?}");
    })
    .await;
}

#[tokio::test]
async fn returning_to_a_fetched_view_never_shows_its_placeholder() {
    with_browser("news-no-placeholder-flash", Build::Root, Viewport::Desktop, |browser, _server| async move {
        browser.open("/").await;
        browser.wait_for(".category-block .news-list li a").await;
        browser.click(".site-nav button[aria-controls='muc-tin-tuc-su-kien']").await;
        browser.click(".site-nav a[href='/chuyen-muc/tin-hoat-dong-so']").await;
        browser.wait_for("main#noi-dung .news-card-title").await;
        browser.wait_until("every region to load", "!document.querySelector('.skeleton')").await;
        // Checks before every frame from now on whether a placeholder is in
        // the page, that is, whether the visitor would see one.
        browser
            .eval(
                "window.framesWithPlaceholder = 0;
                 const started = performance.now();
                 const look = () => {
                     if (document.querySelector('.skeleton')) window.framesWithPlaceholder += 1;
                     if (performance.now() - started < 3000) requestAnimationFrame(look);
                 };
                 requestAnimationFrame(look);",
                vec![],
            )
            .await;
        browser.click(".site-nav a[href='/']").await;
        browser.wait_for("main#noi-dung .featured-title").await;
        browser.wait_for(".category-block .news-list li a").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let frames = browser.eval("return window.framesWithPlaceholder;", vec![]).await;
        assert_eq!(frames, 0, "the home page's documents were fetched already, yet a placeholder was painted");
    })
    .await;
}

#[tokio::test]
async fn the_canonical_slug_does_not_draw_the_article_twice() {
    with_browser("news-slug-draws-once", Build::Root, Viewport::Desktop, |browser, _server| async move {
        browser.open("/").await;
        // The app's own page, not the prerendered one it replaces.
        browser.wait_for_app_with("document.querySelector('.category-block .news-list li a')").await;
        // Counts every article view put into the page from now on, then
        // follows an address without a slug, as an old or shared link has.
        browser
            .eval(
                "window.articlesDrawn = 0;
                 new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => {
                     if (n.nodeType === 1 && (n.matches('article.article') || n.querySelector('article.article'))) {
                         window.articlesDrawn += 1;
                     }
                 }))).observe(document.body, { childList: true, subtree: true });
                 const link = document.createElement('a');
                 link.href = '/tin/1019';
                 link.id = 'lien-ket-thu';
                 link.textContent = 'Bài thử';
                 document.querySelector('main').append(link);",
                vec![],
            )
            .await;
        browser.click("#lien-ket-thu").await;
        wait_for_article(&browser).await;
        browser.wait_until("the canonical address", "location.pathname.startsWith('/tin/1019/')").await;
        browser.wait_for(".other-news .news-list li a").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let drawn = browser.eval("return window.articlesDrawn;", vec![]).await;
        assert_eq!(drawn, 1, "the article was drawn again when its slug was added to the address");
    })
    .await;
}

#[tokio::test]
async fn an_article_beyond_its_categorys_first_page_still_links_its_neighbours() {
    with_browser("news-deep-neighbours", Build::Root, Viewport::Desktop, |browser, _server| async move {
        // The oldest "Tin hoạt động Sở" article, on the category's second
        // page: its newer neighbour comes from its own document.
        browser.open("/tin/801").await;
        wait_for_article(&browser).await;
        browser.wait_for(".article-steps a").await;
        let steps = browser
            .eval(
                "return [...document.querySelectorAll('.article-steps a')]
                    .map(a => [a.querySelector('.article-step-label').textContent, a.getAttribute('href')]);",
                vec![],
            )
            .await;
        let steps = steps.as_array().cloned().unwrap_or_default();
        assert_eq!(steps.len(), 1, "the oldest article has only a newer neighbour: {steps:?}");
        assert_eq!(steps[0][0], "← Tin mới hơn");
        assert!(steps[0][1].as_str().is_some_and(|href| href.starts_with("/tin/812/")), "{steps:?}");
    })
    .await;
}
