//! No label of the visitor box, the navigation or the schedule is cut short
//! ("Tổng lượt truy c…") at the widths readers use, from a small phone to a
//! wide desktop: every element with text of its own is as wide as its text
//! (`scrollWidth` against `clientWidth`), in Chromium.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{with_browser, Browser, Build, Viewport};

/// The elements whose text is wider than their box, in the regions a
/// reader reads labels in: those with text of their own, and those that
/// clip what they hold (a figure in its fixed-width box). Hidden elements
/// have no box and are left out, as are screen-reader-only texts (clipped
/// on purpose with `clip`, such as the schedule's column headings on a
/// phone, where each entry names its fields) and boxes that scroll (a wide table on a phone is scrolled,
/// not cut).
const CUT_LABELS: &str = "return [...document.querySelectorAll(
        '.visitor-widget *, .site-nav *, .schedule *')]
    .filter(e => e.clientWidth > 0 && e.textContent.trim())
    .filter(e => { for (let a = e; a; a = a.parentElement) {
                     const s = getComputedStyle(a);
                     if (s.clip !== 'auto' || s.clipPath !== 'none') return false; }
                   return true; })
    .filter(e => { const s = getComputedStyle(e);
                   const ownText = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                   const clips = s.overflowX === 'hidden' || s.overflowX === 'clip';
                   return ownText || clips; })
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => e.tagName.toLowerCase() + '.' + e.className + ' «' + e.textContent.trim().slice(0, 40) + '» '
              + e.scrollWidth + ' > ' + e.clientWidth);";

async fn set_width(browser: &Browser, width: u32) {
    let metrics = json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600 });
    browser.devtools("Emulation.setDeviceMetricsOverride", metrics).await;
}

#[tokio::test]
async fn no_label_is_cut_at_any_common_width() {
    with_browser("labels-whole", Build::Root, Viewport::Desktop, |browser, _server| async move {
        for width in [320, 390, 1280, 1920] {
            set_width(&browser, width).await;
            for path in ["/", "/lich-cong-tac/2023/42"] {
                browser.open(path).await;
                browser.wait_for_app().await;
                browser.wait_until("the figures", "document.querySelector('.visitor-widget-number')").await;
                browser.wait_until("the view to load", "!document.querySelector('.skeleton')").await;
                // Below 1024 px the navigation is in the "Danh mục" panel: open it to see its labels.
                if browser
                    .holds(
                        "return getComputedStyle(document.querySelector('.site-nav-toggle')).display !== 'none';",
                        vec![],
                    )
                    .await
                {
                    browser.click(".site-nav-toggle").await;
                }
                let cut: Value = browser.eval(CUT_LABELS, vec![]).await;
                assert_eq!(cut, json!([]), "{path} at {width} px");
            }
        }
    })
    .await;
}
