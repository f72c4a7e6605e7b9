//! The news pieces in headless Chromium: the sanitiser against script vectors,
//! the article body, and a news card.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::components::article_body::ArticleBody;
use portal::components::news_card::NewsCard;
use portal::core::feed::NewsItem;
use portal::sanitize::sanitize;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod dom;

use dom::{container, sleep};

wasm_bindgen_test_configure!(run_in_browser);

const ORIGIN: &str = "https://portal.example.vn";
const DOCUMENT_URL: &str = "https://portal.example.vn/data/tin/1.json";

/// Sanitises `html` into a fresh element and returns it.
fn clean(html: &str) -> web_sys::HtmlElement {
    let host = container();
    host.append_child(&sanitize(html, DOCUMENT_URL, &document(), ORIGIN)).unwrap();
    host
}

#[wasm_bindgen_test]
fn script_vectors_leave_nothing_that_can_run() {
    let vectors = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
        "<a href='javascript:alert(1)'>x</a>",
        "<a href=' JAVASCRIPT:alert(1)'>x</a>",
        "<a href='java&#x0A;script:alert(1)'>x</a>",
        "<img src='data:image/svg+xml,<svg onload=alert(1)>'>",
        "<object data='x.swf'></object><embed src='x.swf'>",
        "<div style='background:url(https://evil.example/x)'>kiểu</div>",
        "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
        "<form><button formaction='javascript:alert(1)'>x</button></form>",
        "<template><img src=x onerror=alert(1)></template>",
        "<p onclick='alert(1)' class='x' id='y'>đoạn</p>",
        "<base href='https://evil.example/'><link rel=stylesheet href='https://evil.example/x.css'>",
        "<meta http-equiv='refresh' content='0;url=javascript:alert(1)'>",
    ];
    let host = clean(&vectors.concat());
    let html = host.inner_html().to_ascii_lowercase();
    for banned in [
        "<script",
        "<iframe",
        "<svg",
        "<math",
        "<object",
        "<embed",
        "<form",
        "<button",
        "<template",
        "<base",
        "<link",
        "<meta",
        "<style",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "data:",
        "style=",
        "class=",
        "id=",
    ] {
        assert!(!html.contains(banned), "`{banned}` survived in: {html}");
    }
    // The text of harmless wrappers stays readable.
    assert!(host.text_content().unwrap().contains("đoạn"));
    assert!(host.text_content().unwrap().contains("kiểu"));
}

#[wasm_bindgen_test]
fn real_article_markup_is_kept_and_urls_resolve_against_the_document() {
    let host = clean(
        "<h2>Tiêu đề</h2><p>Đoạn <em>nghiêng</em> và <strong>đậm</strong>.</p>\
         <figure><img src='../anh/a.svg' width='640' height='427' alt='ảnh'><figcaption>Chú thích</figcaption></figure>\
         <ul><li>một</li></ul><table><tbody><tr><td colspan='2'>ô</td></tr></tbody></table>\
         <a href='https://example.org/'>ngoài</a><a href='/tin/2'>trong</a>",
    );
    let img = host.query_selector("figure img").unwrap().expect("figure image");
    assert_eq!(img.get_attribute("src").as_deref(), Some("https://portal.example.vn/data/anh/a.svg"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("640"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(host.query_selector("figcaption").unwrap().unwrap().text_content().as_deref(), Some("Chú thích"));
    assert!(host.query_selector("h2").unwrap().is_some());
    assert!(host.query_selector("td[colspan='2']").unwrap().is_some());
    let links = host.query_selector_all("a").unwrap();
    let external = links.item(0).unwrap().unchecked_into::<web_sys::Element>();
    assert_eq!(external.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(external.get_attribute("target").as_deref(), Some("_blank"));
    let internal = links.item(1).unwrap().unchecked_into::<web_sys::Element>();
    assert_eq!(internal.get_attribute("rel"), None);
}

#[wasm_bindgen_test]
async fn article_body_component_shows_the_sanitised_html() {
    let host = container();
    let _mounted = leptos::mount::mount_to(host.clone(), || {
        let html = "<p>Nội dung <b>bài</b><script>window.__ran = 1</script></p>".to_string();
        view! { <ArticleBody html document_url=DOCUMENT_URL.to_string() /> }
    });
    sleep(0).await;
    let body = host.query_selector(".article-body").unwrap().expect("the body element");
    assert_eq!(body.text_content().as_deref(), Some("Nội dung bài"));
    assert!(body.query_selector("p b").unwrap().is_some(), "markup kept: {}", body.inner_html());
    assert!(body.query_selector("script").unwrap().is_none());
}

#[wasm_bindgen_test]
fn news_card_links_to_the_canonical_address_with_the_vietnam_date() {
    let item = NewsItem {
        id: "1019".into(),
        title: "Đoàn Kiểm tra".into(),
        content_text: Some("Tóm tắt".into()),
        // 2023-10-18T18:00:00Z is already 19 October in Vietnam.
        published: 1_697_652_000,
        ..NewsItem::default()
    };
    let host = container();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <leptos_router::components::Router>
                <ul><NewsCard item=item.clone() with_summary=true /></ul>
            </leptos_router::components::Router>
        }
    });
    let link = host.query_selector("a").unwrap().expect("a link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/tin/1019/doan-kiem-tra"));
    assert!(host.text_content().unwrap().contains("19-10-2023"));
    assert!(host.text_content().unwrap().contains("Tóm tắt"));
}
