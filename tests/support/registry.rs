//! What the two registries' end-to-end tests (e2e_van_ban.rs,
//! e2e_nhiem_vu.rs) do alike: both views share their list, filters,
//! search form, detail table and download link (`van-ban-*` classes), so
//! they are driven and read the same way.

use super::{Browser, Reply, StaticServer};
use serde_json::{json, Value};

/// Waits until the app has drawn the list (no skeleton left).
pub async fn wait_for_list(browser: &Browser) {
    browser
        .wait_for_app_with("document.querySelector('main .van-ban-list') && !document.querySelector('main .skeleton')")
        .await;
}

/// Chooses `value` in the filter `name`, as a reader does (a `change`).
/// The list on screen is marked, so that `wait_for_filter` waits for the
/// one drawn for the new filters (the old one stays until it comes).
pub async fn choose(browser: &Browser, name: &str, value: &str) {
    browser
        .eval(
            "document.querySelector('.van-ban-content > *').dataset.cu = '1';
             const s = document.querySelector(`.van-ban-filters select[name=${arguments[0]}]`);
             s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(name), json!(value)],
        )
        .await;
}

/// Waits until the filter `name` shows `value` ("" for none), in a list
/// drawn since the last `choose`.
pub async fn wait_for_filter(browser: &Browser, name: &str, value: &str) {
    let condition = format!(
        "!document.querySelector('.van-ban-content [data-cu]') \
         && document.querySelector('.van-ban-filters select[name={name}]').value === {}",
        json!(value)
    );
    browser.wait_for_app_with(&condition).await;
}

pub async fn wait_for_path(browser: &Browser, path: &str) {
    let condition = format!("location.pathname + location.search === {}", json!(path));
    browser.wait_until(&format!("the address {path}"), &condition).await;
}

/// Sends `typed` from the registry's own search form (its box `#box`) and
/// waits for the hits; the search stays with the registry's kind.
pub async fn search(browser: &Browser, box_id: &str, typed: &str, kind: &str) {
    browser.wait_for_app().await;
    browser
        .eval(
            "document.querySelector(arguments[0]).value = arguments[1];
             document.querySelector('.van-ban-search').requestSubmit();",
            vec![json!(format!("#{box_id}")), json!(typed)],
        )
        .await;
    browser.wait_for_app_with("document.querySelector('.search-hits a')").await;
    let chosen = browser.eval("return document.querySelector('select[name=kieu]').value", vec![]).await;
    assert_eq!(chosen, json!(kind), "the search keeps to the registry ({typed})");
}

/// The page's download link ends with `file`, and the file is served as a PDF.
pub async fn assert_download_is_a_pdf(browser: &Browser, file: &str) {
    let href = browser.eval("return document.querySelector('.van-ban-download').getAttribute('href')", vec![]).await;
    let href = href.as_str().unwrap().to_string();
    assert!(href.ends_with(file), "{href}");
    let fetched = browser
        .eval(
            "return fetch(arguments[0]).then(async (r) => [r.status, r.headers.get('content-type'), (await r.text()).slice(0, 8)]);",
            vec![json!(href)],
        )
        .await;
    assert_eq!(fetched, json!([200, "application/pdf", "%PDF-1.4"]));
}

/// The page's first schema.org block.
pub async fn json_ld(browser: &Browser) -> Value {
    browser
        .eval("return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)", vec![])
        .await
}

/// How many rows the list shows.
pub async fn item_count(browser: &Browser) -> Value {
    browser.eval("return document.querySelectorAll('.van-ban-item').length", vec![]).await
}

/// No request the page made failed, but for the visitor statistics and a
/// week's schedule that has no document: the sidebar asks for this week's,
/// and the sample's weeks end (the app then says there is none; a test
/// run on a Monday after the last sample week failed here).
pub fn assert_no_request_failed(server: &StaticServer) {
    let failed: Vec<String> = server
        .served()
        .into_iter()
        .filter(|s| s.status >= 400 && !s.path.starts_with("/thong-ke"))
        .filter(|s| !(s.status == 404 && s.path.starts_with("/data/lich-cong-tac/")))
        .map(|s| format!("{} {}", s.status, s.path))
        .collect();
    assert!(failed.is_empty(), "requests failed: {failed:?}");
}

/// One entry's page whose document answers 500 says so, naming it
/// (`named`), with "Thử lại", which draws the page (`heading`) once the
/// document answers; then the list whose facet index (`facet_index`) is
/// cut short says so too (`facets_named`).
pub async fn a_broken_document_then_thu_lai(
    browser: &Browser,
    server: &StaticServer,
    (page, document, named, heading): (&str, &str, &str, &str),
    (list, facet_index, facets_named): (&str, &str, &str),
) {
    server.serve_app_shell_only();
    server.set_reply(document, Reply::status(500));
    browser.open(page).await;
    browser.wait_for_text("main [role=alert]", named).await;
    browser.wait_for_text("main [role=alert] button", "Thử lại").await;
    server.clear_reply(document);
    browser.click("main [role=alert] button").await;
    browser.wait_for_text("main h1", heading).await;
    assert!(browser.text_of("main [role=alert]").await.is_none());
    server.set_reply(facet_index, Reply::json("{\"facets\":"));
    browser.open(list).await;
    browser.wait_for_text("main [role=alert]", facets_named).await;
    browser.wait_for_text("main [role=alert] button", "Thử lại").await;
}
