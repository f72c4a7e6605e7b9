//! The prerendered site (the prerender crate, run by scripts/release-build.sh):
//! read without JavaScript, read by a plain HTTP client as a link preview
//! would, and taken over by the app without a shift, a blank frame or a
//! second request for what the page already holds.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;
use support::browser::APP_TOOK_OVER;
use support::{
    repo, seed_paragraphs, with_browser, with_browser_scripted, Browser, Build, Reply, Viewport, SEED_TITLE,
};

const SEED_ADDRESS: &str =
    "/tin/1019/doan-kiem-tra-cong-tac-cai-cach-hanh-chinh-nam-2023-cua-tinh-lam-viec-tai-so-khoa-hoc-va-cong-nghe";
const SEED_WEEK_ENTRY: &str = "Đoàn Kiểm tra của Sở làm việc tại huyện Vĩnh Linh";

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of each block of the article (paragraphs, captions), in order.
async fn article_blocks(browser: &Browser) -> Vec<String> {
    let blocks = browser
        .eval(
            "return [...document.querySelectorAll('main#noi-dung .article-lead, main#noi-dung .article-body p, \
             main#noi-dung .article-body figcaption, main#noi-dung .article-source')].map(e => e.textContent);",
            vec![],
        )
        .await;
    blocks.as_array().cloned().unwrap_or_default().iter().filter_map(|b| b.as_str().map(fold)).collect()
}

#[tokio::test]
async fn without_javascript_the_seed_article_reads_paragraph_by_paragraph() {
    with_browser_scripted(
        "prerender-no-js-article",
        Build::Root,
        Viewport::Phone,
        false,
        |browser, _server| async move {
            browser.open(SEED_ADDRESS).await;
            assert!(
                !browser.holds("return typeof window.wasmBindings !== 'undefined';", vec![]).await,
                "the app ran: this browser was to run no script"
            );
            assert_eq!(browser.title().await, format!("{SEED_TITLE} - Sở Khoa học và Công nghệ Quảng Trị"));
            let heading = browser.text_of("main#noi-dung h1").await.unwrap_or_default();
            assert_eq!(heading, SEED_TITLE);
            let blocks = article_blocks(&browser).await;
            let mut next = 0;
            for paragraph in seed_paragraphs() {
                let found = blocks[next..].iter().position(|block| block.contains(&paragraph));
                let found =
                    found.unwrap_or_else(|| panic!("not in the page, or out of order: {paragraph}\npage: {blocks:?}"));
                next += found;
            }
            let main = browser.text_of("main#noi-dung").await.unwrap_or_default();
            assert!(main.contains("Ngày đăng: 19-10-2023") && main.contains("Tin khác"), "{main}");
            // The figures of the statistics document, with when they were counted.
            let widget = browser.text_of(".visitor-widget").await.unwrap_or_default();
            assert!(widget.contains("3.314.815") && widget.contains("Cập nhật lúc"), "{widget}");
            browser.screenshot(&repo("target/e2e-screenshots/prerender-no-js-article.png")).await;
        },
    )
    .await;
}

#[tokio::test]
async fn without_javascript_links_lead_through_categories_articles_and_weeks() {
    with_browser_scripted(
        "prerender-no-js-links",
        Build::SubPath,
        Viewport::Desktop,
        false,
        |browser, _server| async move {
            browser.open("/").await;
            // A section is a link to its page, which lists its categories.
            browser.click(".site-nav a[href='/portal/danh-muc/tin-tuc-su-kien']").await;
            browser.wait_for_text("main#noi-dung h1", "Tin tức - Sự kiện").await;
            browser.click("main#noi-dung a[href='/portal/chuyen-muc/tin-hoat-dong-so']").await;
            browser.wait_for_text("main#noi-dung h1", "Tin hoạt động Sở").await;
            assert_eq!(browser.path().await, "/portal/chuyen-muc/tin-hoat-dong-so");
            // The category's archive, page by page, by the page list's links.
            let first_titles = browser.text_of("main#noi-dung .news-list").await.unwrap_or_default();
            browser.click("main#noi-dung .page-list a[href='/portal/chuyen-muc/tin-hoat-dong-so/trang/2']").await;
            browser.wait_for_text("main#noi-dung h1", "Tin hoạt động Sở – Trang 2").await;
            assert_eq!(browser.path().await, "/portal/chuyen-muc/tin-hoat-dong-so/trang/2");
            let second_titles = browser.text_of("main#noi-dung .news-list").await.unwrap_or_default();
            assert!(!second_titles.is_empty() && second_titles != first_titles, "page 2 lists other news");
            let current = browser.text_of("main#noi-dung .page-list [aria-current='page']").await;
            assert_eq!(current.as_deref(), Some("2"));
            browser.click("main#noi-dung .page-list li:first-child a").await; // "← Trang trước"
            browser.wait_until("page 1 again", "location.pathname === '/portal/chuyen-muc/tin-hoat-dong-so'").await;
            browser.wait_for("main#noi-dung .news-list li a").await;
            // An article from the category's list, by its plain link.
            browser.click("main#noi-dung .news-list li a").await;
            browser.wait_for("main#noi-dung .article-body p").await;
            assert!(browser.path().await.starts_with("/portal/tin/"));
            // The schedule, then a week from the index by its address.
            browser.click(".site-nav a[href='/portal/lich-cong-tac']").await;
            browser.wait_for("main#noi-dung .schedule-heading").await;
            browser.open("/lich-cong-tac/2023/42").await;
            browser.wait_for_text("main#noi-dung .schedule-table", SEED_WEEK_ENTRY).await;
            // The week's calendar is a file beside the page.
            let calendar = browser
                .eval("return document.querySelector('.schedule-download')?.getAttribute('href');", vec![])
                .await;
            assert_eq!(calendar, json!("/portal/lich-cong-tac/2023/42.ics"));
            browser.open("/").await;
            browser.screenshot(&repo("target/e2e-screenshots/prerender-no-js-home.png")).await;
        },
    )
    .await;
}

/// GET `path` from `origin` ("http://127.0.0.1:port") with nothing but a
/// socket, as a link-preview robot that runs no script.
fn plain_get(origin: &str, path: &str) -> (u16, String) {
    let host = origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("connecting to the test server");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: facebookexternalhit/1.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("reading the answer");
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, body)| body.to_string()).unwrap_or_default();
    (status, body)
}

/// The `content` of `<meta property|name="key" content="…">` in `html`.
fn meta_content(html: &str, key: &str) -> Option<String> {
    let marker = format!("=\"{key}\" content=\"");
    let start = html.find(&marker)? + marker.len();
    let end = start + html[start..].find('"')?;
    Some(html[start..end].replace("&quot;", "\"").replace("&amp;", "&"))
}

#[tokio::test]
async fn a_plain_http_client_gets_the_preview_and_the_news_article() {
    let server = support::StaticServer::start(&Build::Root.dist(), Build::Root.prefix());
    let (status, html) = plain_get(&server.origin(), SEED_ADDRESS);
    assert_eq!(status, 200);
    assert_eq!(meta_content(&html, "og:title").as_deref(), Some(SEED_TITLE));
    assert_eq!(meta_content(&html, "og:type").as_deref(), Some("article"));
    let description = meta_content(&html, "og:description").expect("og:description");
    assert!(description.starts_with("Ngày 17/10/2023, Đoàn kiểm tra công tác cải cách hành chính"), "{description}");
    let image = meta_content(&html, "og:image").expect("og:image");
    assert!(image.starts_with("https://") && image.ends_with("/data/anh/1019-1.svg"), "{image}");
    assert!(meta_content(&html, "og:url").is_some_and(|url| url.ends_with(SEED_ADDRESS)));
    assert_eq!(meta_content(&html, "twitter:card").as_deref(), Some("summary_large_image"));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://"), "no canonical link");

    let start = html.find("<script type=\"application/ld+json\">").expect("JSON-LD") + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let ld: Value = serde_json::from_str(&html[start..end].replace("<\\/", "</")).expect("JSON-LD parses");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], SEED_TITLE);
    assert_eq!(ld["datePublished"], "2023-10-19T08:00:00+07:00");
    assert!(ld["dateModified"].is_string() && ld["author"][0]["name"].is_string(), "{ld}");
    assert_eq!(ld["image"][0], json!(image));
    assert!(ld["publisher"]["name"].as_str().is_some_and(|name| name.contains("Quảng Trị")));

    // The address without slug is a page too; robots.txt and the sitemap are files.
    let (status, short) = plain_get(&server.origin(), "/tin/1019");
    assert_eq!(status, 200);
    assert_eq!(meta_content(&short, "og:title").as_deref(), Some(SEED_TITLE));
    let (status, robots) = plain_get(&server.origin(), "/robots.txt");
    assert!(status == 200 && robots.contains("Sitemap: https://"), "{status} {robots}");
    let (status, sitemap) = plain_get(&server.origin(), "/sitemap.xml");
    assert!(status == 200 && sitemap.contains(&format!("{SEED_ADDRESS}</loc><lastmod>2023-10-19")), "{sitemap}");
}

/// Watches every frame from the document's first: whether `main h1` is on
/// screen, and every layout shift: its score, whether the app had started,
/// and what moved (each source's element, class and rectangles).
const WATCH_FRAMES: &str = "
    window.__frames = [];
    window.__shifts = [];
    const watch = () => {
        const heading = document.querySelector('main#noi-dung h1');
        if (document.body) window.__frames.push(heading ? heading.textContent.trim() : '');
        if (window.__frames.length < 5000) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) window.__shifts.push({
            value: entry.value,
            appStarted: !!window.wasmBindings,
            moved: entry.sources.map(source => [
                source.node ? `${source.node.nodeName}.${source.node.className || ''}` : '(removed)',
                JSON.stringify(source.previousRect), JSON.stringify(source.currentRect),
            ].join(' ')),
        });
    }).observe({ type: 'layout-shift', buffered: true });
";

#[tokio::test]
async fn the_app_takes_over_without_a_blank_frame_a_shift_or_a_second_request() {
    with_browser("prerender-takeover", Build::Root, Viewport::Phone, |browser, server| async move {
        browser.on_every_new_document(WATCH_FRAMES).await;
        browser.open(SEED_ADDRESS).await;
        browser.wait_for_app_with("window.wasmBindings").await;
        // A few frames after the takeover.
        browser.eval("return new Promise(r => setTimeout(r, 500));", vec![]).await;
        let frames = browser.eval("return window.__frames;", vec![]).await;
        let frames: Vec<&str> = frames.as_array().unwrap().iter().filter_map(Value::as_str).collect();
        assert!(frames.len() > 5, "too few frames watched: {frames:?}");
        // Frames painted while the HTML was still being read may come before
        // the heading; from its first frame on, it never leaves.
        let first = frames.iter().position(|heading| *heading == SEED_TITLE).expect("the article on screen");
        assert!(
            frames[first..].iter().all(|heading| *heading == SEED_TITLE),
            "a frame without the article after it was shown: {frames:?}"
        );
        // No shift a reader could see. Once in many runs (CI, 2026-12-06, not
        // seen again in 11 runs alone and under load) one of 0.00014 came:
        // a move of a pixel or two of one small element. A total under
        // 0.001 is let through; anything larger, such as a line of text or
        // the article's image moving, fails, and names what moved.
        let shifts = browser.eval("return window.__shifts;", vec![]).await;
        let total: f64 = shifts.as_array().unwrap().iter().filter_map(|shift| shift["value"].as_f64()).sum();
        assert!(total < 0.001, "layout shifts, {total} in all: {shifts:#}");
        // The article's documents were in the page: none is fetched again.
        let served = server.served();
        let documents: Vec<&str> = served.iter().map(|s| s.path.as_str()).filter(|p| p.ends_with(".json")).collect();
        for held in ["/data/tin/1019.json", "/data/tin-moi/1.json", "/data/chuyen-muc.json"] {
            assert!(!documents.contains(&held), "{held} fetched again: {documents:?}");
        }
        let mut unique = documents.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), documents.len(), "a document fetched twice: {documents:?}");
        // From here on it is the app: a link changes the view without a page load.
        browser.eval("window.__sameDocument = true;", vec![]).await;
        browser.click_nav_link("/lich-cong-tac").await;
        browser.wait_for("main#noi-dung .schedule-heading").await;
        assert!(browser.holds("return window.__sameDocument === true;", vec![]).await, "a full page load");
    })
    .await;
}

/// While the browser is still reading a page's HTML, the page may be shorter
/// than the screen, with no scroll bar yet; the bar that comes with the rest
/// must not push the header's right-hand controls sideways (a shift seen in
/// CI on 2026-12-06: the text-size buttons and "English" moved 15 px before
/// the app started). The page is cut short here, as a half-read page is.
#[tokio::test]
async fn the_header_stays_put_when_the_page_grows_past_the_screen() {
    with_browser_scripted("prerender-scroll-bar", Build::Root, Viewport::Phone, false, |browser, _server| async move {
        browser.open(SEED_ADDRESS).await;
        browser.wait_for("a.site-header-lang").await;
        const MEASURE: &str = "
            const edge = element => element.getBoundingClientRect().right;
            return [edge(document.querySelector('a.site-header-lang')), edge(document.querySelector('.text-size')),
                    document.documentElement.scrollHeight > window.innerHeight];";
        let whole = browser.eval(MEASURE, vec![]).await;
        browser
            .eval(
                "for (const part of document.querySelectorAll('.layout, footer')) part.style.display = 'none';",
                vec![],
            )
            .await;
        let cut_short = browser.eval(MEASURE, vec![]).await;
        assert_eq!((whole[2].as_bool(), cut_short[2].as_bool()), (Some(true), Some(false)), "{whole} then {cut_short}");
        for control in 0..2 {
            let (before, after) = (whole[control].as_f64().unwrap(), cut_short[control].as_f64().unwrap());
            assert!(
                (before - after).abs() < 0.5,
                "a header control moved {} px: {whole} then {cut_short}",
                after - before
            );
        }
    })
    .await;
}

/// Notes every placeholder (`.skeleton`) put into the page, from its first
/// byte on: a prerendered page is taken over drawn, never waiting.
const WATCH_PLACEHOLDERS: &str = "
    window.__placeholders = [];
    new MutationObserver(records => {
        for (const record of records) for (const node of record.addedNodes) {
            if (node.nodeType !== 1) continue;
            const found = node.matches('.skeleton') ? node : node.querySelector('.skeleton');
            if (found) window.__placeholders.push(`${found.className} (app started: ${!!window.wasmBindings})`);
        }
    }).observe(document, { childList: true, subtree: true });
";

/// The documents a prerendered file embeds (`data-tai-lieu`), with or
/// without their text (`data-khong-co`: not found when it was drawn).
fn embedded_documents(file: &str) -> Vec<String> {
    let html = std::fs::read_to_string(Build::Root.dist().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    html.split("data-tai-lieu=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|url| format!("/{url}"))
        .collect()
}

/// One page of each kind, each as a reader opens it first: the app draws the
/// same page in one go from what the page holds. An unpublished week was
/// once shown as a placeholder for a moment while the app asked again for
/// the week's missing document (CI, 2026-12-06).
#[tokio::test]
async fn every_kind_of_page_is_taken_over_without_a_placeholder_or_a_request_for_what_it_holds() {
    with_browser("prerender-every-kind", Build::Root, Viewport::Phone, |browser, server| async move {
        browser.on_every_new_document(WATCH_PLACEHOLDERS).await;
        // Their files in dist/; each is served at its name without `.html`.
        let seed_file = format!("{}.html", &SEED_ADDRESS[1..]);
        let files = [
            "index.html",
            &seed_file,
            "tin/1019/lien-quan.html",
            "chuyen-muc/tin-hoat-dong-so/trang/2.html",
            "danh-muc/hoat-dong-kh-cn.html",
            "lich-cong-tac.html",
            "lich-cong-tac/2023/42.html",
            "lich-cong-tac/2023/44.html",
            "van-ban.html",
            "van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd.html",
            "nhiem-vu.html",
            "nhiem-vu/ban-do-so-vung-trong-ca-phe/ung-dung-ban-do-so-quan-ly-vung-trong-ca-phe-khe-sanh.html",
            "chuyen-muc-khcn.html",
            "gioi-thieu/chuc-nang-nhiem-vu.html",
            "rss.html",
            "tim-kiem.html",
        ];
        for file in files {
            let address = format!("/{}", file.trim_end_matches(".html").trim_end_matches("index"));
            let held = embedded_documents(file);
            assert!(!held.is_empty(), "{file} holds no document: not a prerendered page?");
            let before = server.served().len();
            browser.open(&address).await;
            browser.wait_for_app_with("window.wasmBindings").await;
            browser.eval("return new Promise(r => setTimeout(r, 300));", vec![]).await;
            let placeholders = browser.eval("return window.__placeholders;", vec![]).await;
            assert_eq!(placeholders, json!([]), "{address}: placeholders shown during the takeover");
            let asked: Vec<String> = server.served()[before..].iter().map(|s| s.path.clone()).collect();
            // Except the visitor statistics: the copy drawn into the page is as
            // old as the page, so the app asks for today's figures at once.
            let again: Vec<&String> =
                asked.iter().filter(|path| held.contains(path) && *path != "/data/thong-ke.json").collect();
            assert!(again.is_empty(), "{address}: asked again for what the page holds: {again:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_reader_who_scrolled_before_the_wasm_arrived_stays_where_they_were() {
    with_browser("prerender-scroll", Build::Root, Viewport::Phone, |browser, server| async move {
        let dist = Build::Root.dist();
        let wasm = std::fs::read_dir(&dist)
            .unwrap()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            // The app's own, not the search worker's (tim-kiem-worker_bg.wasm).
            .find(|name| name.starts_with("portal-") && name.ends_with("_bg.wasm"))
            .expect("the wasm in dist/");
        let body = std::fs::read(dist.join(&wasm)).unwrap();
        let slow = Reply::json(body).with_content_type("application/wasm").with_delay(Duration::from_secs(3));
        server.set_reply(&format!("/{wasm}"), slow);
        browser.open(SEED_ADDRESS).await;
        assert!(browser.holds("return !!document.getElementById('tai-trang');", vec![]).await, "the app came early");
        browser.eval("window.scrollTo(0, 900);", vec![]).await;
        let before = browser.eval("return window.scrollY;", vec![]).await.as_f64().unwrap();
        assert!(before > 800.0, "the page did not scroll: {before}");
        browser.wait_for_app_with("window.wasmBindings").await;
        browser.eval("return new Promise(r => setTimeout(r, 300));", vec![]).await;
        let after = browser.eval("return window.scrollY;", vec![]).await.as_f64().unwrap();
        assert!((after - before).abs() < 2.0, "scrolled from {before} to {after} by the takeover");
    })
    .await;
}

#[tokio::test]
async fn the_prerendered_text_is_the_text_the_app_draws() {
    with_browser("prerender-same-text", Build::Root, Viewport::Desktop, |browser, _server| async move {
        // (address, the file a host serves for it): an unknown address gets
        // the prerendered 404.html from a host, the app's not-found view here.
        let pages = [
            ("/", "/"),
            (SEED_ADDRESS, SEED_ADDRESS),
            ("/chuyen-muc/tin-hoat-dong-so", "/chuyen-muc/tin-hoat-dong-so"),
            ("/chuyen-muc/tin-hoat-dong-so/trang/2", "/chuyen-muc/tin-hoat-dong-so/trang/2"),
            ("/lich-cong-tac/2023/42", "/lich-cong-tac/2023/42"),
            ("/lich-cong-tac", "/lich-cong-tac"),
            ("/khong-co-trang-nay", "/404.html"),
        ];
        for (page, file) in pages {
            browser.open(page).await;
            browser.wait_for_app_with("window.wasmBindings").await;
            browser.eval("return new Promise(r => setTimeout(r, 200));", vec![]).await;
            // The same address as the file a host serves, read as HTML, next
            // to what the app drew in the page.
            let texts = browser
                .eval(
                    // White space aside: Leptos writes an empty text node as
                    // one space natively, which collapses to nothing on screen.
                    // The app's section menus are closed lists the prerender
                    // does not draw (there a section is a link to its page).
                    "const text = root => ['main#noi-dung', '.site-nav', '.breadcrumb'].map(css => {
                         const part = root.querySelector(css)?.cloneNode(true);
                         part?.querySelectorAll('.site-nav-menu').forEach(menu => menu.remove());
                         return part?.textContent.replace(/\\s+/g, '') ?? '';
                     });
                     const drawn = text(document);
                     return fetch(arguments[0]).then(r => r.text()).then(html => {
                         const served = new DOMParser().parseFromString(html, 'text/html');
                         return [text(served), drawn, served.title, document.title];
                     });",
                    vec![json!(file)],
                )
                .await;
            assert_eq!(texts[0], texts[1], "{page}: the prerendered text (first) differs from the app's (second)");
            assert_eq!(texts[2], texts[3], "{page}: the prerendered title (first) differs from the app's (second)");
            assert!(texts[0][0].as_str().is_some_and(|main| main.len() > 20), "{page}: nothing drawn: {texts}");
        }
    })
    .await;
}

/// The wasm, its glue and the parts' loader are all asked for after the
/// page is painted (prerender/src/loader.rs): before it, they would share a
/// phone's bandwidth with the page's own stylesheet and pictures.
#[tokio::test]
async fn over_a_prerendered_page_the_app_is_fetched_after_the_first_paint() {
    with_browser("prerender-wasm-after-paint", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.open(SEED_ADDRESS).await;
        browser.wait_for_app_with("window.wasmBindings").await;
        let times = browser
            .eval(
                "const asked = test => performance.getEntriesByType('resource')
                     .find(e => test(new URL(e.name).pathname))?.startTime;
                 return [performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
                         asked(path => /^\\/portal-[0-9a-f]{16}_bg\\.wasm$/.test(path)),
                         asked(path => /^\\/portal-[0-9a-f]{16}\\.js$/.test(path)),
                         asked(path => /^\\/parts-[0-9a-f]{16}\\.js$/.test(path))];",
                vec![],
            )
            .await;
        let painted = times[0].as_f64().unwrap_or_else(|| panic!("no first paint: {times}"));
        for (index, file) in [(1, "the wasm"), (2, "the glue"), (3, "the parts' loader")] {
            let asked = times[index].as_f64().unwrap_or_else(|| panic!("{file} never asked for: {times}"));
            assert!(asked > painted, "{file} was asked for before the content was painted: {times}");
        }
    })
    .await;
}

/// The glue's Subresource Integrity hash, which its preload carried, holds
/// its `import()` after the paint through the page's import map: a glue
/// altered on the way (a cache, a proxy) is refused and the page stays as
/// the prerender wrote it.
#[tokio::test]
async fn a_glue_altered_on_the_way_is_refused() {
    with_browser("prerender-glue-integrity", Build::Root, Viewport::Phone, |browser, server| async move {
        let glue = Build::Root.file_named("portal-", ".js");
        let mut altered = std::fs::read(Build::Root.dist().join(&glue)).expect("the glue");
        altered.extend_from_slice(b"\n// altered\n");
        let glue = format!("/{glue}");
        server.set_reply(&glue, Reply::json(altered).with_content_type("text/javascript; charset=utf-8"));
        browser.open(SEED_ADDRESS).await;
        server.wait_until_served(&glue, support::browser::WAIT).await;
        browser.eval("return new Promise(r => setTimeout(r, 1500));", vec![]).await;
        assert!(browser.holds("return window.wasmBindings === undefined;", vec![]).await, "the altered glue ran");
        assert!(browser.holds("return !!document.getElementById('tai-trang');", vec![]).await, "the page is gone");
    })
    .await;
}

/// Waits, without touching the page, until the app has started and asked
/// for config.json; a second later, it has still not taken the page over:
/// from then on it only waits for the reader.
async fn wait_for_the_app_to_start(browser: &Browser, server: &support::StaticServer) {
    browser.wait_untouched("the wasm to start", "window.wasmBindings").await;
    server.wait_until_served("/config.json", support::browser::WAIT).await;
    browser.eval("return new Promise(r => setTimeout(r, 1000));", vec![]).await;
    assert!(!browser.holds(&format!("return {APP_TOOK_OVER};"), vec![]).await, "taken over with no reader's sign");
}

/// Issue 28: a reader who only reads is never blocked by the app drawing the
/// page again; the first sign that they reach for the page (here the focus
/// entering it, as a keyboard's or a screen reader's) has it taken over,
/// with the focus kept on the same link.
#[tokio::test]
async fn a_page_left_alone_is_taken_over_when_the_reader_reaches_for_it() {
    with_browser("prerender-reached", Build::Root, Viewport::Desktop, |browser, server| async move {
        browser.open(SEED_ADDRESS).await;
        wait_for_the_app_to_start(&browser, &server).await;
        let link = browser
            .eval(
                "const link = document.querySelector('#tai-trang main a[href]');
                 link.focus();
                 return link.getAttribute('href');",
                vec![],
            )
            .await;
        let link = link.as_str().expect("a link in the article").to_string();
        browser.wait_untouched("the takeover", APP_TOOK_OVER).await;
        let focus_kept = format!("document.activeElement.getAttribute('href') === {}", json!(link));
        browser.wait_untouched(&format!("the focus back on {link}"), &focus_kept).await;
        // From here on it is the app: a link changes the view without a page load.
        browser.eval("window.__sameDocument = true;", vec![]).await;
        browser.click_nav_link("/lich-cong-tac").await;
        browser.wait_for("main#noi-dung .schedule-heading").await;
        assert!(browser.holds("return window.__sameDocument === true;", vec![]).await, "a full page load");
    })
    .await;
}

/// A click that comes before any pointer movement (a page opened under a
/// still mouse) on one of the app's buttons is not lost: the app takes
/// over and the click reaches its drawing of the same button.
#[tokio::test]
async fn a_click_before_the_takeover_reaches_the_apps_button() {
    with_browser("prerender-early-click", Build::Root, Viewport::Desktop, |browser, server| async move {
        browser.open("/").await;
        wait_for_the_app_to_start(&browser, &server).await;
        browser
            .eval(
                "[...document.querySelectorAll('#tai-trang button')].find(b => b.textContent.includes('A+')).click();",
                vec![],
            )
            .await;
        browser.wait_untouched("the takeover", APP_TOOK_OVER).await;
        browser.wait_untouched("the larger text", "document.documentElement.getAttribute('data-co-chu') === '2'").await;
    })
    .await;
}

/// Addresses whose page the prerender could not draw as the reader asked
/// for it are taken over at once, untouched: a search's words, and an
/// address with no page of its own (the app shell).
#[tokio::test]
async fn a_search_and_the_app_shell_are_drawn_at_once() {
    with_browser("prerender-at-once", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.open("/tim-kiem?q=ki%E1%BB%83m%20tra").await;
        browser
            .wait_untouched(
                "the search's results",
                "document.querySelector('.search-status')?.textContent.includes('Tìm thấy')",
            )
            .await;
        browser.open("/khong-co-trang-nay").await;
        browser
            .wait_untouched(
                "the app's not-found page",
                &format!("{APP_TOOK_OVER} && document.querySelector('main#noi-dung h1')"),
            )
            .await;
    })
    .await;
}

/// On a phone the first sign is the finger itself: its touch on the page
/// has the app take over before the tap's click is dispatched, so that
/// first tap opens the phone's menu panel (the app's button).
#[tokio::test]
async fn a_fingers_first_tap_reaches_the_apps_button() {
    use fantoccini::actions::{InputSource, PointerAction, TouchActions, MOUSE_BUTTON_LEFT};
    use fantoccini::Locator;
    with_browser("prerender-first-tap", Build::Root, Viewport::Phone, |browser, server| async move {
        browser.open("/").await;
        wait_for_the_app_to_start(&browser, &server).await;
        let toggle = browser.client.find(Locator::Css(".site-nav-toggle")).await.expect("the Danh mục button");
        let tap = TouchActions::new("finger".into())
            .then(PointerAction::MoveToElement { element: toggle, duration: None, x: 0.0, y: 0.0 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        browser.client.perform_actions(tap).await.expect("tapping the Danh mục button");
        browser.wait_untouched("the takeover", APP_TOOK_OVER).await;
        browser
            .wait_untouched(
                "the panel open",
                "document.querySelector('.site-nav-toggle').getAttribute('aria-expanded') === 'true'",
            )
            .await;
    })
    .await;
}

/// A keyboard's reader: the Tab that is their first sign has the app take
/// over before it moves the focus, so the focus lands on the app's first
/// control, as it would have on the prerendered one.
#[tokio::test]
async fn a_first_tab_moves_the_focus_into_the_apps_page() {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    const TAB: char = '\u{E004}';
    with_browser("prerender-first-tab", Build::Root, Viewport::Desktop, |browser, server| async move {
        browser.open(SEED_ADDRESS).await;
        wait_for_the_app_to_start(&browser, &server).await;
        // Named by its tag, class and address: the app writes the same
        // attributes, not always in the same order.
        let name = "e => e && [e.tagName, e.className, e.getAttribute('href')].join(' ')";
        let first_control = format!(
            "return ({name})([...document.querySelectorAll('#tai-trang a[href], #tai-trang button')].find(e => e.offsetParent));"
        );
        let first_control = browser.eval(&first_control, vec![]).await;
        let tab =
            KeyActions::new("keyboard".into()).then(KeyAction::Down { value: TAB }).then(KeyAction::Up { value: TAB });
        browser.client.perform_actions(tab).await.expect("pressing Tab");
        browser.wait_untouched("the takeover", APP_TOOK_OVER).await;
        let focused_in_app =
            format!("document.activeElement.isConnected && ({name})(document.activeElement) === {first_control}");
        browser.wait_untouched(&format!("the focus on {first_control}"), &focused_in_app).await;
    })
    .await;
}
