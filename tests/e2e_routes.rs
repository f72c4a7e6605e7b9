//! Every route of the portal renders in Chromium from the release build: on a
//! direct load (a deep link), after a reload, and under a sub-path too.
//!
//! These tests check the shell and the routing, not what each view shows in
//! detail: the views' own tests own that.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{with_browser, Browser, Build, Viewport};

/// The seed article of the sample content.
const SEED_ARTICLE: &str = "1019";
const NOT_FOUND_HEADING: &str = "Không tìm thấy trang";

/// A view as the visitor sees it once it has settled.
#[derive(Clone, Debug, PartialEq)]
struct Rendered {
    heading: String,
    title: String,
}

/// Waits until the app has replaced the static shell and the view has
/// finished loading, then reads it.
async fn settled_view(browser: &Browser) -> Rendered {
    let heading = browser.settled_heading().await;
    let title = browser.title().await;
    Rendered { heading, title }
}

/// The checks every view must pass, whatever it shows.
async fn assert_view_is_whole(browser: &Browser, path: &str, view: &Rendered) {
    assert!(!view.heading.is_empty(), "{path}: empty <h1>");
    assert!(!view.title.trim().is_empty(), "{path}: empty document title");
    for (part, css) in [("header", "header"), ("navigation", "nav"), ("footer", "footer")] {
        let visible = "const e = document.querySelector(arguments[0]); return !!e && e.offsetHeight > 0;";
        assert!(browser.holds(visible, vec![css.into()]).await, "{path}: no visible {part} (`{css}`)");
    }
    let error = browser.text_of("main#noi-dung [role=alert]").await;
    assert!(error.is_none(), "{path}: the view shows an error with the sample content: {error:?}");
}

/// Opens `path` directly, checks the view, reloads, and checks that the same
/// view comes back.
async fn direct_load_and_reload(browser: &Browser, path: &str) -> Rendered {
    browser.open(path).await;
    let first = settled_view(browser).await;
    assert_view_is_whole(browser, path, &first).await;
    browser.reload().await;
    let again = settled_view(browser).await;
    assert_eq!(first, again, "{path}: a reload shows something else than the direct load");
    first
}

async fn route_renders(name: &str, build: Build, path: &'static str) {
    with_browser(name, build, Viewport::Desktop, move |browser, server| async move {
        let view = direct_load_and_reload(&browser, path).await;
        assert_ne!(view.heading, NOT_FOUND_HEADING, "{path} is a route of the portal, not a missing page");
        // Every request of a sub-path build must stay under its sub-path; the
        // browser's own guess at /favicon.ico is not the app's doing.
        let outside: Vec<_> = server
            .served()
            .into_iter()
            .filter(|s| !s.path.starts_with(build.prefix()) && s.path != "/favicon.ico")
            .collect();
        assert!(outside.is_empty(), "{path}: requests outside {}: {outside:?}", build.prefix());
    })
    .await;
}

async fn unknown_path_shows_not_found(name: &str, build: Build) {
    with_browser(name, build, Viewport::Phone, |browser, _server| async move {
        for path in ["/khong-co-trang-nay", "/tin", "/chuyen-muc/a/b/c"] {
            let view = direct_load_and_reload(&browser, path).await;
            assert_eq!(view.heading, NOT_FOUND_HEADING, "{path}");
            let has_link = browser.holds("return !!document.querySelector('main#noi-dung a[href]');", vec![]).await;
            assert!(has_link, "{path}: the not-found view offers no way home");
        }
    })
    .await;
}

/// Distinct views must tell the visitor (and the tab bar) where they are.
async fn views_have_their_own_heading_and_title(name: &str, build: Build) {
    with_browser(name, build, Viewport::Desktop, |browser, _server| async move {
        let paths = [
            "/".to_string(),
            format!("/tin/{SEED_ARTICLE}"),
            format!("/tin/{SEED_ARTICLE}/lien-quan"),
            "/chuyen-muc/tin-hoat-dong-so".to_string(),
            "/lich-cong-tac".to_string(),
            "/khong-co-trang-nay".to_string(),
        ];
        let mut seen: Vec<(String, Rendered)> = Vec::new();
        for path in paths {
            browser.open(&path).await;
            let view = settled_view(&browser).await;
            for (other_path, other) in &seen {
                assert_ne!(view.title, other.title, "{path} and {other_path} share a document title");
            }
            seen.push((path, view));
        }
        let headings: Vec<_> = seen.iter().map(|(_, v)| v.heading.clone()).collect();
        let mut distinct = headings.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), headings.len(), "views share an <h1>: {headings:?}");
    })
    .await;
}

/// A wrong slug still shows the article (the app moves to the canonical URL).
async fn article_with_any_slug_is_the_article(name: &str, build: Build) {
    with_browser(name, build, Viewport::Phone, |browser, _server| async move {
        let by_id = direct_load_and_reload(&browser, &format!("/tin/{SEED_ARTICLE}")).await;
        let by_slug = direct_load_and_reload(&browser, &format!("/tin/{SEED_ARTICLE}/mot-duong-dan-sai")).await;
        assert_eq!(by_id, by_slug);
        let path = browser.path().await;
        assert!(path.starts_with(&format!("{}tin/{SEED_ARTICLE}", build.prefix())), "ended at {path}");
    })
    .await;
}

macro_rules! route_tests {
    ($($name:ident: $path:expr;)*) => {
        mod at_root {
            use super::*;
            $(#[tokio::test] async fn $name() { route_renders(concat!("root-", stringify!($name)), Build::Root, $path).await; })*
        }
        mod under_sub_path {
            use super::*;
            $(#[tokio::test] async fn $name() { route_renders(concat!("portal-", stringify!($name)), Build::SubPath, $path).await; })*
        }
    };
}

route_tests! {
    home: "/";
    article: "/tin/1019";
    article_with_slug: "/tin/1019/doan-kiem-tra-cong-tac-cai-cach-hanh-chinh-nam-2023";
    related: "/tin/1019/lien-quan";
    category: "/chuyen-muc/tin-hoat-dong-so";
    schedule_this_week: "/lich-cong-tac";
    schedule_week: "/lich-cong-tac/2023/42";
}

#[tokio::test]
async fn unknown_paths_show_not_found_at_root() {
    unknown_path_shows_not_found("root-not-found", Build::Root).await;
}

#[tokio::test]
async fn unknown_paths_show_not_found_under_sub_path() {
    unknown_path_shows_not_found("portal-not-found", Build::SubPath).await;
}

#[tokio::test]
async fn titles_and_headings_differ_per_view_at_root() {
    views_have_their_own_heading_and_title("root-titles", Build::Root).await;
}

#[tokio::test]
async fn titles_and_headings_differ_per_view_under_sub_path() {
    views_have_their_own_heading_and_title("portal-titles", Build::SubPath).await;
}

#[tokio::test]
async fn wrong_slug_still_shows_the_article_at_root() {
    article_with_any_slug_is_the_article("root-slug", Build::Root).await;
}

#[tokio::test]
async fn wrong_slug_still_shows_the_article_under_sub_path() {
    article_with_any_slug_is_the_article("portal-slug", Build::SubPath).await;
}

/// The navigation marks the link of the section shown (`aria-current="page"`)
/// and only that one, following client-side navigation.
async fn navigation_marks_the_current_section(name: &str, build: Build) {
    with_browser(name, build, Viewport::Desktop, |browser, _server| async move {
        let marked =
            "return [...document.querySelectorAll('.site-nav a[aria-current=page]')].map(a => a.getAttribute('href'));";
        let prefix = build.prefix().trim_end_matches('/').to_string();
        browser.open("/lich-cong-tac/2023/42").await;
        settled_view(&browser).await;
        browser.wait_for(".site-nav a[href*='/chuyen-muc/']").await;
        assert_eq!(browser.eval(marked, vec![]).await, serde_json::json!([format!("{prefix}/lich-cong-tac")]));
        let category = format!("{prefix}/chuyen-muc/tin-hoat-dong-so");
        browser.click(".site-nav button[aria-controls='muc-tin-tuc-su-kien']").await;
        browser.click(&format!(".site-nav a[href='{category}']")).await;
        browser.wait_until("the category view", "document.querySelector('main#noi-dung .news-card-title')").await;
        // The home link is exact: it does not cover the category below it.
        assert_eq!(browser.eval(marked, vec![]).await, serde_json::json!([category]));
        browser.click(&format!(".site-nav a[href='{prefix}/']")).await;
        browser.wait_until("the home view", "document.querySelector('main#noi-dung .featured-title')").await;
        assert_eq!(browser.eval(marked, vec![]).await, serde_json::json!([format!("{prefix}/")]));
    })
    .await;
}

#[tokio::test]
async fn navigation_marks_the_current_section_at_root() {
    navigation_marks_the_current_section("root-nav-current", Build::Root).await;
}

#[tokio::test]
async fn navigation_marks_the_current_section_under_sub_path() {
    navigation_marks_the_current_section("portal-nav-current", Build::SubPath).await;
}
