//! The department's own pages (core::agency_pages) against the release
//! build: every page read without JavaScript as prerendered (headings, the
//! chart as a nested list, the English page's `lang`, `hreflang`, schema.org
//! data); the app's navigation between them (the header's English link, the
//! `lang` kept true); the error with "Thử lại"; axe-core; screenshots.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{repo, with_browser, with_browser_scripted, Browser, Build, Reply, Viewport};

const DOCUMENT: &str = "/data/gioi-thieu.json";

/// Each page, its heading, and a text it must show.
const PAGES: [(&str, &str, &str); 12] = [
    ("/gioi-thieu", "Giới thiệu", "Nguyễn Văn A (tên mẫu)"),
    ("/gioi-thieu/chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ", "tiêu chuẩn, đo lường, chất lượng"),
    ("/gioi-thieu/co-cau-to-chuc", "Cơ cấu tổ chức", "Các đơn vị trực thuộc"),
    ("/gioi-thieu/co-cau-to-chuc/van-phong", "Văn phòng Sở", "Chánh Văn phòng (tên mẫu)"),
    ("/gioi-thieu/lanh-dao-so", "Lãnh đạo Sở", "Trần Ngọc Lân"),
    ("/gioi-thieu/nguoi-phat-ngon", "Người phát ngôn", "phatngon.mau@example.com"),
    ("/lien-he", "Liên hệ", "204 Hùng Vương"),
    ("/lien-ket", "Liên kết website", "Bộ Khoa học và Công nghệ"),
    ("/thu-tuc-hanh-chinh", "Thủ tục hành chính", "Cấp tỉnh"),
    ("/tiep-can-thong-tin", "Tiếp cận thông tin", "Luật Tiếp"),
    ("/en/", "Quang Tri Department of Science and Technology", "Functions and tasks"),
    ("/so-do-cong", "Sơ đồ cổng", "Tin hoạt động Sở"),
];

async fn main_text(browser: &Browser) -> String {
    browser.text_of("main#noi-dung").await.unwrap_or_default()
}

async fn lang(browser: &Browser) -> Value {
    browser.eval("return document.documentElement.lang;", vec![]).await
}

#[tokio::test]
async fn without_javascript_every_page_reads_as_prerendered() {
    with_browser_scripted("agency-no-js", Build::SubPath, Viewport::Phone, false, |browser, _server| async move {
        for (path, heading, text) in PAGES {
            browser.open(path).await;
            assert_eq!(browser.text_of("main#noi-dung h1").await.as_deref(), Some(heading), "{path}");
            let main = main_text(&browser).await;
            assert!(main.contains(text), "{path}: {text:?} not in {main}");
            let expected = if path == "/en/" { "en" } else { "vi" };
            assert_eq!(lang(&browser).await, json!(expected), "{path}");
        }
        // The chart: the leadership, then each branch a list of linked units.
        browser.open("/gioi-thieu/co-cau-to-chuc").await;
        let units = browser.eval("return [...document.querySelectorAll('main .article-body > ul > li > ul > li > ul > li > a')].map(a => a.getAttribute('href'));", vec![]).await;
        assert_eq!(units.as_array().map(Vec::len), Some(8), "{units}");
        assert_eq!(units[0], json!("/portal/gioi-thieu/co-cau-to-chuc/van-phong"));
        // The English page names the Vietnamese one, and the other way round.
        for (path, other) in [("/en/", "/portal/gioi-thieu"), ("/gioi-thieu", "/portal/en/")] {
            browser.open(path).await;
            let alternates = browser.eval("return [...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => l.hreflang + ' ' + new URL(l.href).pathname);", vec![]).await;
            let listed: Vec<&str> = alternates.as_array().unwrap().iter().filter_map(Value::as_str).collect();
            assert!(listed.iter().any(|line| line.ends_with(other)), "{path}: {listed:?}");
        }
        // schema.org: the department, its units, its contact points.
        let data = browser.eval("return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent);", vec![]).await;
        assert_eq!(data["@type"], "GovernmentOrganization");
        assert_eq!(data["department"].as_array().map(Vec::len), Some(8));
        assert_eq!(data["contactPoint"][1]["name"], "Nguyễn Văn A (tên mẫu)");
        // The footer leads to the contact page, the header to the English page.
        assert!(browser.holds("return !!document.querySelector('footer a[href=\"/portal/lien-he\"]') && !!document.querySelector('header a[hreflang=en][href=\"/portal/en/\"]');", vec![]).await);
    })
    .await;
}

#[tokio::test]
async fn the_app_keeps_each_page_and_its_language_as_it_navigates() {
    with_browser("agency-app", Build::Root, Viewport::Desktop, |browser, _server| async move {
        browser.open("/").await;
        browser.wait_for_app().await;
        browser.click("header a[hreflang=en]").await;
        browser.wait_for_text("main#noi-dung h1", "Quang Tri Department").await;
        assert_eq!(browser.path().await, "/en/");
        browser.wait_until("the page to be English", "document.documentElement.lang === 'en'").await;
        assert!(browser.title().await.starts_with("Quang Tri Department"));
        browser.click("main a[lang=vi]").await;
        browser.wait_for_text("main#noi-dung h1", "Giới thiệu").await;
        assert_eq!(lang(&browser).await, json!("vi"));
        assert_eq!(browser.title().await, "Giới thiệu - Sở Khoa học và Công nghệ Quảng Trị");
        // Within the same route: the chart, then a unit, by the app's links
        // (a mark on the window survives only if no page is loaded).
        browser.eval("window.__stayed = true;", vec![]).await;
        browser.click("main a[href$='/gioi-thieu/co-cau-to-chuc']").await;
        browser.wait_for_text("main#noi-dung h1", "Cơ cấu tổ chức").await;
        browser.click("main a[href$='/gioi-thieu/co-cau-to-chuc/thanh-tra']").await;
        browser.wait_for_text("main#noi-dung h1", "Thanh tra Sở").await;
        assert!(main_text(&browser).await.contains("tiếp công dân"));
        assert!(browser.holds("return window.__stayed === true;", vec![]).await, "a link loaded a page");
        browser.reload().await;
        assert_eq!(browser.settled_heading().await, "Thanh tra Sở");
        // The rich text went through the sanitiser: a list stays a list.
        browser.open("/gioi-thieu/chuc-nang-nhiem-vu").await;
        browser.settled_heading().await;
        assert!(
            browser.holds("return document.querySelectorAll('main .article-body ol li').length === 5;", vec![]).await
        );
        browser.open("/gioi-thieu/khong-co").await;
        browser.wait_for_text("main#noi-dung", "Không tìm thấy").await;
    })
    .await;
}

#[tokio::test]
async fn a_failing_document_shows_an_error_and_retry_recovers() {
    with_browser("agency-retry", Build::Root, Viewport::Desktop, |browser, server| async move {
        server.serve_app_shell_only();
        server.set_reply(DOCUMENT, Reply::status(500));
        browser.open("/lien-he").await;
        browser.wait_for_app().await;
        browser.wait_for_text("main [role=alert]", "thông tin giới thiệu Sở").await;
        assert!(browser.text_of("main [role=alert]").await.unwrap_or_default().contains("Thử lại"));
        // A document without the pages the builder draws names the field.
        server.set_reply(DOCUMENT, Reply::json(r#"{"version":1,"name":"Sở","name_en":"D"}"#));
        browser.click("main [role=alert] button").await;
        browser.wait_for_text("main [role=alert]", "pages").await;
        server.clear_reply(DOCUMENT);
        browser.click("main [role=alert] button").await;
        browser.wait_for_text("main#noi-dung", "204 Hùng Vương").await;
        assert!(browser.text_of("main [role=alert]").await.is_none());
    })
    .await;
}

/// axe-core's violations, by rule id and the first target.
async fn axe_violations(browser: &Browser) -> Value {
    let axe = std::fs::read_to_string(repo(".tools/node_modules/axe-core/axe.min.js"))
        .expect("axe-core in .tools/: scripts/setup.sh installs it");
    browser.eval(&axe, vec![]).await;
    browser
        .eval(
            "return axe.run(document, { resultTypes: ['violations'] })
                 .then(r => r.violations.map(v => v.id + ' ' + v.nodes[0].target.join(' ')));",
            vec![],
        )
        .await
}

#[tokio::test]
async fn axe_core_finds_no_violation_and_the_pages_are_drawn_at_two_widths() {
    with_browser("agency-axe", Build::Root, Viewport::Desktop, |browser, _server| async move {
        for (path, heading, _) in PAGES {
            browser.open(path).await;
            assert_eq!(browser.settled_heading().await, heading, "{path}");
            assert_eq!(axe_violations(&browser).await, json!([]), "{path}");
        }
        let folder = repo("target/e2e-screenshots/agency");
        for (width, name) in [(1280, "desktop"), (390, "phone")] {
            browser.set_viewport(width, 900).await;
            for (path, file) in [("/gioi-thieu/co-cau-to-chuc", "co-cau"), ("/lien-he", "lien-he"), ("/en/", "en")] {
                browser.open(path).await;
                browser.settled_heading().await;
                let sideways = "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;";
                assert!(browser.holds(sideways, vec![]).await, "{path} scrolls sideways at {width} px");
                browser.screenshot(&folder.join(format!("{file}-{name}.png"))).await;
            }
        }
    })
    .await;
}
