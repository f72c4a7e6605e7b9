//! The visitor widget in headless Chromium: the figures as they render in
//! every state, the whole widget reading a statistics URL, figures passed on
//! by another tab, and unmounting.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::components::visitor_widget::{channel_name, StatsFigures, VisitorWidget};
use portal::context::{provide_portal, Portal};
use portal::core::config::Config;
use portal::core::poll::Shown;
use portal::core::stats::VisitorStats;
use portal::core::stats_display::stats_display;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::js_sys;

mod dom;

use dom::{container, sleep};

wasm_bindgen_test_configure!(run_in_browser);

/// 2023-10-19 08:05 in Vietnam.
const COUNTED: i64 = 1_697_677_500;
const SEED: VisitorStats = VisitorStats { online: 1, today: 2490, total: 3_314_815, counted_at: COUNTED };
const SEED_DOCUMENT: &str =
    r#"{"version":1,"online":1,"today":2490,"total":3314815,"counted_at":"2023-10-19T08:05:00+07:00"}"#;

/// Waits up to 5 s for `condition` on `host`, then fails with its HTML.
async fn wait_for(host: &web_sys::HtmlElement, what: &str, condition: impl Fn(&web_sys::HtmlElement) -> bool) {
    for _ in 0..100 {
        if condition(host) {
            return;
        }
        sleep(50).await;
    }
    panic!("waited 5 s for {what}; the widget is: {}", host.inner_html());
}

/// Each label with its figure, as a reader gets them.
fn rows(host: &web_sys::HtmlElement) -> Vec<(String, String)> {
    let found = host.query_selector_all("dl > div").unwrap();
    (0..found.length())
        .map(|i| {
            let row = found.item(i).unwrap().unchecked_into::<web_sys::Element>();
            let text = |css| row.query_selector(css).unwrap().unwrap().text_content().unwrap().trim().to_string();
            (text("dt"), text("dd"))
        })
        .collect()
}

fn total(host: &web_sys::HtmlElement) -> String {
    rows(host).get(2).map(|(_, figure)| figure.clone()).unwrap_or_default()
}

fn note(host: &web_sys::HtmlElement) -> web_sys::Element {
    host.query_selector(".visitor-widget-note").unwrap().expect("a note under the figures")
}

/// A `data:` URL serving `json`, so that the widget really fetches.
fn data_url(json: &str) -> String {
    format!("data:application/json,{}", String::from(js_sys::encode_uri_component(json)))
}

fn portal_with_stats(url: &str) -> Portal {
    let mut config = Config::default();
    config.sources.stats = url.to_string();
    Portal { config, site_root: "http://127.0.0.1/".into(), config_error: None }
}

#[wasm_bindgen_test]
async fn figures_are_labelled_grouped_and_marked_stale_in_place() {
    let host = container();
    let display = RwSignal::new(stats_display(Shown::Current(SEED), COUNTED + 60));
    let _mounted = leptos::mount::mount_to(host.clone(), move || view! { <StatsFigures display /> });
    let labelled = |online: &str, today: &str, total: &str| {
        vec![
            ("Số người online".to_string(), online.to_string()),
            ("Hôm nay".to_string(), today.to_string()),
            ("Tổng lượt truy cập".to_string(), total.to_string()),
        ]
    };
    assert_eq!(rows(&host), labelled("1", "2.490", "3.314.815"));
    assert_eq!(note(&host).text_content().unwrap(), "Cập nhật lúc 08:05");
    assert_eq!(note(&host).get_attribute("title").unwrap(), "Số liệu đếm lúc 08:05 ngày 19-10-2023");
    assert!(host.query_selector("[aria-live]").unwrap().is_none(), "updates must not be announced");
    assert!(host.query_selector(".visitor-widget-changed").unwrap().is_none(), "the first figures are no change");

    let last_success_ms = (COUNTED as u64 + 120) * 1000;
    display.set(stats_display(Shown::Stale { stats: SEED, last_success_ms }, COUNTED + 900));
    sleep(20).await; // effects run after the current task
    assert_eq!(rows(&host), labelled("1", "2.490", "3.314.815"), "stale figures stay");
    assert_eq!(note(&host).text_content().unwrap(), "Số liệu chưa cập nhật, lần cuối lúc 08:07");
    assert!(note(&host).class_list().contains("visitor-widget-stale"));

    let newer = VisitorStats { total: 3_314_816, ..SEED };
    display.set(stats_display(Shown::Current(newer), COUNTED + 960));
    sleep(20).await;
    assert_eq!(total(&host), "3.314.816");
    assert!(!note(&host).class_list().contains("visitor-widget-stale"));
    let changed = host.query_selector_all(".visitor-widget-changed").unwrap();
    assert_eq!(changed.length(), 1, "only the figure that changed is highlighted");
    assert_eq!(changed.item(0).unwrap().text_content().unwrap(), "3.314.816");
}

#[wasm_bindgen_test]
fn no_figures_are_dashes_with_words_for_screen_readers() {
    let host = container();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <StatsFigures display=Signal::stored(stats_display(Shown::Unavailable, COUNTED)) /> }
    });
    for (label, figure) in rows(&host) {
        assert_eq!(figure, "—chưa có số liệu", "{label}");
    }
    assert!(!host.text_content().unwrap().contains('0'), "never zeros it did not read");
    assert_eq!(note(&host).text_content().unwrap(), "Chưa tải được số liệu");
}

#[wasm_bindgen_test]
async fn widget_fetches_the_configured_statistics() {
    let host = container();
    let portal = portal_with_stats(&data_url(SEED_DOCUMENT));
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        provide_portal(portal);
        view! { <VisitorWidget /> }
    });
    assert_eq!(host.query_selector("h2").unwrap().unwrap().text_content().unwrap(), "Thống kê truy cập");
    wait_for(&host, "the shipped figures", |host| total(host) == "3.314.815").await;
    assert_eq!(rows(&host)[1].1, "2.490");
    assert!(note(&host).text_content().unwrap().starts_with("Cập nhật lúc 08:05"));
    // Unmounting ends the timer, listener and channel without a panic.
    drop(mounted);
    sleep(100).await;
    assert!(host.query_selector("dl").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn figures_from_another_tab_are_shown() {
    let host = container();
    // The widget's own source fails, so only the other tab can bring figures.
    let url = data_url(r#"{"online": "#);
    let portal = portal_with_stats(&url);
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        provide_portal(portal);
        view! { <VisitorWidget /> }
    });
    let failed = |host: &web_sys::HtmlElement| note(host).text_content().unwrap() == "Chưa tải được số liệu";
    wait_for(&host, "the failure to show", failed).await;
    assert_eq!(total(&host), "—chưa có số liệu");

    let other_tab = web_sys::BroadcastChannel::new(&channel_name(&url)).unwrap();
    other_tab.post_message(&"not a statistics document".into()).unwrap();
    sleep(200).await;
    assert_eq!(total(&host), "—chưa có số liệu", "a broken message is ignored");
    other_tab.post_message(&SEED_DOCUMENT.into()).unwrap();
    wait_for(&host, "the other tab's figures", |host| total(host) == "3.314.815").await;
    assert!(!note(&host).class_list().contains("visitor-widget-stale"));
    other_tab.close();
}
