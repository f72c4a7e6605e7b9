//! The main navigation in Chromium at phone, tablet and desktop widths: every
//! destination on screen or one interaction away, by mouse and by keyboard;
//! the phone panel's open, close, Escape, Back and focus; the text size and
//! its memory; reflow at 320 px; and axe-core finding no violation. The
//! phone panel and the text size run in Firefox and WebKit too.
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod support;

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::Locator;
use serde_json::{json, Value};
use support::{with_browser, with_browser_in, Browser, Build, Engine, Viewport};

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const FIRST_SECTION: &str = ".site-nav button[aria-controls='muc-tin-tuc-su-kien']";
const PANEL_TOGGLE: &str = ".site-nav-toggle";
/// The elements that reach past the right edge, for a failure's message.
const WIDER_THAN_SCREEN: &str = "return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
    .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));";

/// Makes the page `width` CSS pixels wide (and 900 tall).
async fn set_width(browser: &Browser, width: u32) {
    browser.set_viewport(width, 900).await;
}

/// Opens `path` and waits for the app's navigation with its sections.
async fn open_with_nav(browser: &Browser, path: &str) {
    browser.open(path).await;
    browser.wait_for_app_with("document.querySelector('.site-nav-section button')").await;
}

/// The visible navigation controls that lie (partly) outside the viewport.
async fn controls_off_screen(browser: &Browser) -> Value {
    browser
        .eval(
            "return [...document.querySelectorAll('.site-nav a, .site-nav button')]
                 .filter(e => e.getClientRects().length)
                 .filter(e => { const r = e.getBoundingClientRect();
                                return r.left < 0 || r.right > innerWidth + 0.5; })
                 .map(e => e.textContent.trim());",
            vec![],
        )
        .await
}

/// The navigation's entries that stand below its first row (none when it
/// fits on one).
async fn entries_below_the_first_row(browser: &Browser) -> Value {
    browser
        .eval(
            "const entries = [...document.querySelectorAll('.site-nav-list > li')];
             const first = entries[0].getBoundingClientRect();
             return entries.filter(e => e.getBoundingClientRect().top >= first.bottom)
                 .map(e => e.textContent.trim());",
            vec![],
        )
        .await
}

/// Moves the mouse onto the middle of `css`, as a visitor's pointer, with
/// WebDriver's actions.
async fn hover(browser: &Browser, css: &str) {
    let element = browser.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("finding `{css}`: {e}"));
    let away = MouseActions::new("mouse".into()).then(PointerAction::MoveTo { duration: None, x: 1.0, y: 1.0 });
    let onto = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element,
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    browser.client.perform_actions(away).await.expect("moving the mouse away");
    browser.client.perform_actions(onto).await.unwrap_or_else(|e| panic!("hovering `{css}`: {e}"));
}

async fn is_visible(browser: &Browser, css: &str) -> bool {
    browser
        .holds(
            "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0;",
            vec![css.into()],
        )
        .await
}

/// Whether section list `menu` is closed (`hidden`), whatever hover shows.
async fn is_closed(browser: &Browser, menu: &str) -> bool {
    browser.holds("return document.getElementById(arguments[0]).hidden;", vec![menu.into()]).await
}

async fn active_element(browser: &Browser) -> Value {
    browser.eval("return document.activeElement?.textContent.trim();", vec![]).await
}

#[tokio::test]
async fn on_desktops_every_section_opens_by_mouse_and_keyboard_and_nothing_lies_off_screen() {
    with_browser("nav-desktop", Build::Root, Viewport::Desktop, |browser, _server| async move {
        for width in [1024, 1280, 1920] {
            set_width(&browser, width).await;
            open_with_nav(&browser, "/").await;
            assert!(!is_visible(&browser, PANEL_TOGGLE).await, "{width}: the phone button shows");
            assert_eq!(controls_off_screen(&browser).await, json!([]), "{width}: controls past the edge");
            if width >= 1280 {
                assert_eq!(entries_below_the_first_row(&browser).await, json!([]), "{width}: the navigation wraps");
            }
            let sections: Vec<String> = serde_json::from_value(
                browser
                    .eval("return [...document.querySelectorAll('.site-nav-trigger')].map(b => b.getAttribute('aria-controls'));", vec![])
                    .await,
            )
            .unwrap();
            assert_eq!(sections.len(), 3, "{width}: the sample's three sections");
            for menu in &sections {
                let button = format!(".site-nav button[aria-controls='{menu}']");
                browser.click(&button).await;
                assert!(is_visible(&browser, &format!("#{menu} a")).await, "{width}: {menu} did not open on a click");
                assert_eq!(browser.eval("return document.querySelector(arguments[0]).getAttribute('aria-expanded');", vec![button.clone().into()]).await, json!("true"));
                assert_eq!(controls_off_screen(&browser).await, json!([]), "{width}: {menu}'s links past the edge");
                browser.click(&button).await;
                assert!(is_closed(&browser, menu).await, "{width}: {menu} did not close");
                // Where a pointer hovers (not in headless Chromium, whose media
                // say it cannot), hover shows a menu; one closed by a click is
                // marked so that it stays closed under the pointer until it leaves.
                let marked = "return !!document.querySelector(arguments[0]).closest('[data-dong]');";
                assert!(browser.holds(marked, vec![button.clone().into()]).await, "{width}: {menu} not marked closed");
                hover(&browser, "main").await;
                assert!(!browser.holds(marked, vec![button.clone().into()]).await, "{width}: {menu} still marked after the pointer left");
            }
        }
        // Keyboard alone: Enter opens, Tab reaches the links, Escape closes
        // and gives focus back to the button.
        browser.type_into(FIRST_SECTION, ENTER).await;
        assert!(is_visible(&browser, "#muc-tin-tuc-su-kien a").await, "Enter did not open the menu");
        browser.type_into("#muc-tin-tuc-su-kien a", ESCAPE).await;
        assert!(is_closed(&browser, "muc-tin-tuc-su-kien").await, "Escape did not close the menu");
        assert_eq!(active_element(&browser).await, json!("Tin tức - Sự kiện"), "focus is not back on the button");
        // A click elsewhere closes an open menu; a choice leads to the page.
        browser.click(FIRST_SECTION).await;
        browser.click("main#noi-dung h2").await;
        assert!(is_closed(&browser, "muc-tin-tuc-su-kien").await, "a click outside did not close the menu");
        browser.click(FIRST_SECTION).await;
        browser.click("#muc-tin-tuc-su-kien a[href='/chuyen-muc/tin-hoat-dong-so']").await;
        browser.wait_for_text("main#noi-dung h1", "Tin hoạt động Sở").await;
        assert!(is_closed(&browser, "muc-tin-tuc-su-kien").await, "the menu stays open on the new page");
        let marked = "return document.querySelector('.site-nav a[aria-current=page]')?.getAttribute('href');";
        assert_eq!(browser.eval(marked, vec![]).await, json!("/chuyen-muc/tin-hoat-dong-so"));
    })
    .await;
}

async fn phone_panel(engine: Engine) {
    with_browser_in(engine, "nav-phone", Build::Root, Viewport::Phone, |browser, _server| async move {
        for width in [390, 768] {
            set_width(&browser, width).await;
            open_with_nav(&browser, "/tin/1019").await;
            let start = browser.path().await;
            assert!(is_visible(&browser, PANEL_TOGGLE).await, "{width}: no Danh mục button");
            assert!(!is_visible(&browser, "#danh-muc").await, "{width}: the panel shows before it is opened");
            assert_eq!(controls_off_screen(&browser).await, json!([]), "{width}: controls past the edge");
            // Open: focus moves in, the page behind is still.
            browser.click(PANEL_TOGGLE).await;
            assert!(is_visible(&browser, "#danh-muc").await, "{width}: the panel did not open");
            // The bar at the top of the screen, the panel's end on it.
            let panel_fits = "const bar = document.querySelector('.site-nav').getBoundingClientRect();
                              const panel = document.getElementById('danh-muc').getBoundingClientRect();
                              return Math.abs(bar.top) < 1 && panel.bottom <= innerHeight + 0.5;";
            assert!(browser.holds(panel_fits, vec![]).await, "{width}: the panel runs past the screen's bottom");
            assert_eq!(
                active_element(&browser).await,
                json!("Trang chủ"),
                "{width}: focus did not move into the panel"
            );
            assert!(
                browser.holds("return getComputedStyle(document.documentElement).overflow === 'hidden';", vec![]).await
            );
            assert_eq!(controls_off_screen(&browser).await, json!([]), "{width}: panel entries past the edge");
            // Escape closes it, focus back on the button.
            browser.type_into("#danh-muc a", ESCAPE).await;
            assert!(!is_visible(&browser, "#danh-muc").await, "{width}: Escape did not close the panel");
            assert_eq!(active_element(&browser).await, json!("Danh mục"));
            // Back closes it and stays on the page.
            browser.click(PANEL_TOGGLE).await;
            browser.back().await;
            browser
                .wait_until(
                    "Back to close the panel",
                    "document.querySelector('.site-nav-toggle').getAttribute('aria-expanded') === 'false'",
                )
                .await;
            assert_eq!(browser.path().await, start, "{width}: Back left the page instead of closing the panel");
            // A tap outside (the backdrop) closes it.
            browser.click(PANEL_TOGGLE).await;
            browser.eval("document.querySelector('.site-nav-backdrop').click();", vec![]).await;
            assert!(!is_visible(&browser, "#danh-muc").await, "{width}: a tap outside did not close the panel");
        }
        // A choice: a section opens inside the panel, its category is
        // followed, and one Back returns to the page the panel was opened on.
        let start = browser.path().await;
        browser.click(PANEL_TOGGLE).await;
        browser.click(FIRST_SECTION).await;
        browser.click("#muc-tin-tuc-su-kien a[href='/chuyen-muc/tin-hoat-dong-so']").await;
        browser.wait_for_text("main#noi-dung h1", "Tin hoạt động Sở").await;
        assert!(!is_visible(&browser, "#danh-muc").await, "the panel stays open on the new page");
        browser.back().await;
        browser.wait_until("one Back to the article", "location.pathname.startsWith('/tin/1019')").await;
        assert_eq!(browser.path().await, start);
    })
    .await;
}

in_every_engine!(on_phones_the_panel_opens_closes_and_gives_focus_back, phone_panel);

/// "listed" when the text-size script is inline (no request for a file of
/// its own) and its SHA-256 is in the Content-Security-Policy; else what is wrong.
const TEXT_SIZE_SCRIPT_HASH_LISTED: &str = "
    if (performance.getEntriesByType('resource').some(r => r.name.includes('co-chu')))
        return 'the text-size script was fetched as a file';
    const script = [...document.scripts].find(s => !s.src && s.textContent.includes('data-co-chu-doi'));
    if (!script) return 'no inline text-size script';
    const policy = document.querySelector('meta[http-equiv=Content-Security-Policy]').content;
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.textContent)).then(digest => {
        const hash = 'sha256-' + btoa(String.fromCharCode(...new Uint8Array(digest)));
        return policy.includes(`'${hash}'`) ? 'listed' : `${hash} is not in the policy`;
    });";

async fn text_size(engine: Engine) {
    with_browser_in(engine, "nav-text-size", Build::Root, Viewport::Phone, |browser, _server| async move {
        let root_size = "return getComputedStyle(document.documentElement).fontSize;";
        open_with_nav(&browser, "/tin/1019").await;
        assert_eq!(browser.eval(root_size, vec![]).await, json!("16px"));
        // Issue 28: the script is inline in the head, so no request blocks the
        // first paint, and the page's policy names its SHA-256.
        assert_eq!(browser.eval(TEXT_SIZE_SCRIPT_HASH_LISTED, vec![]).await, json!("listed"));
        browser.click("[data-co-chu-doi='1']").await;
        browser.click("[data-co-chu-doi='1']").await;
        assert_eq!(browser.eval(root_size, vec![]).await, json!("20px"), "A+ twice is 125 %");
        browser.reload().await;
        assert_eq!(browser.eval(root_size, vec![]).await, json!("20px"), "the size was not remembered");
        let no_sideways = "return document.documentElement.scrollWidth <= innerWidth;";
        // 640 px is a 1280 px screen at 200 % zoom (WCAG reflow).
        for width in [320, 390, 640] {
            set_width(&browser, width).await;
            for path in ["/", "/tin/1019", "/lich-cong-tac/2023/42"] {
                open_with_nav(&browser, path).await;
                let wide = browser.eval(WIDER_THAN_SCREEN, vec![]).await;
                assert!(
                    browser.holds(no_sideways, vec![]).await,
                    "{path} scrolls sideways at {width} px and 125 %: {wide}"
                );
            }
        }
        for _ in 0..4 {
            browser.click("[data-co-chu-doi='1']").await;
        }
        assert_eq!(browser.eval(root_size, vec![]).await, json!("24px"), "A+ stops at 150 %");
        assert!(browser.holds(no_sideways, vec![]).await, "sideways scrolling at 150 %");
        browser.click("[data-co-chu-doi='0']").await;
        assert_eq!(browser.eval(root_size, vec![]).await, json!("16px"), "A did not reset");
        browser.reload().await;
        assert_eq!(browser.eval(root_size, vec![]).await, json!("16px"));
    })
    .await;
}

in_every_engine!(the_text_size_is_applied_remembered_and_reset_and_the_page_reflows_at_320_px, text_size);

/// axe-core's violations on the page, by rule id and the first target.
async fn axe_violations(browser: &Browser) -> Value {
    let axe = std::fs::read_to_string(support::repo(".tools/node_modules/axe-core/axe.min.js"))
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
async fn axe_core_finds_no_violation_with_the_menus_closed_and_open() {
    with_browser("nav-axe", Build::Root, Viewport::Desktop, |browser, _server| async move {
        // The search page has two search landmarks, the navigation's and its own.
        let paths = [
            "/",
            "/tin/1019",
            "/chuyen-muc/tin-hoat-dong-so",
            "/lich-cong-tac/2023/42",
            "/danh-muc",
            "/tim-kiem?q=cai+cach",
        ];
        for path in paths {
            set_width(&browser, 1280).await;
            open_with_nav(&browser, path).await;
            browser.wait_until("the view to load", "!document.querySelector('.skeleton')").await;
            assert_eq!(axe_violations(&browser).await, json!([]), "{path}, menus closed");
            browser.click(FIRST_SECTION).await;
            assert_eq!(axe_violations(&browser).await, json!([]), "{path}, a section open");
            set_width(&browser, 390).await;
            browser.reload().await;
            open_with_nav(&browser, path).await;
            browser.click(PANEL_TOGGLE).await;
            assert_eq!(axe_violations(&browser).await, json!([]), "{path}, phone panel open");
        }
    })
    .await;
}

/// A categories document no sample has: 40 categories in one section, a
/// category name of 120 characters, and categories with no section at all.
fn unusual_categories() -> String {
    let long_name = "Ứng dụng tiến bộ khoa học và công nghệ vào sản xuất nông nghiệp hữu cơ ở các huyện miền núi phía tây tỉnh Quảng Trị 2030";
    assert_eq!(long_name.chars().count(), 120);
    let mut items: Vec<Value> = (1..=40)
        .map(|n| json!({ "id": format!("muc-{n}"), "title": format!("Chuyên mục thử số {n}"), "_portal": { "section": "Bốn mươi chuyên mục" } }))
        .collect();
    items.push(json!({ "id": "ten-dai", "title": long_name, "_portal": { "section": "Tên dài" } }));
    items.push(json!({ "id": "khong-muc-1", "title": "Không có mục 1", "_portal": {} }));
    items.push(json!({ "id": "khong-muc-2", "title": "Không có mục 2", "_portal": { "section": "" } }));
    json!({ "version": "https://jsonfeed.org/version/1.1", "title": "Chuyên mục", "items": items }).to_string()
}

#[tokio::test]
async fn forty_categories_a_long_name_and_no_section_still_fit_and_work() {
    with_browser("nav-unusual", Build::Root, Viewport::Desktop, |browser, server| async move {
        server.serve_app_shell_only();
        server.set_reply("/data/chuyen-muc.json", support::Reply::json(unusual_categories()));
        for width in [1280, 1024] {
            set_width(&browser, width).await;
            open_with_nav(&browser, "/lich-cong-tac").await;
            let menus: Vec<String> = serde_json::from_value(
                browser
                    .eval("return [...document.querySelectorAll('.site-nav-trigger')].map(b => b.getAttribute('aria-controls'));", vec![])
                    .await,
            )
            .unwrap();
            assert_eq!(menus, ["muc-bon-muoi-chuyen-muc", "muc-ten-dai", "muc-chuyen-muc"], "{width}");
            assert_eq!(controls_off_screen(&browser).await, json!([]), "{width}: past the edge");
            for menu in &menus {
                browser.click(&format!(".site-nav button[aria-controls='{menu}']")).await;
                assert_eq!(controls_off_screen(&browser).await, json!([]), "{width}: {menu} past the edge");
                // The last of 40 is reachable: the list scrolls within the screen.
                let last = format!("#{menu} li:last-child a");
                browser.eval("document.querySelector(arguments[0]).scrollIntoView();", vec![last.clone().into()]).await;
                let on_screen = "const r = document.querySelector(arguments[0]).getBoundingClientRect();
                                 return r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;";
                assert!(browser.holds(on_screen, vec![last.into()]).await, "{width}: {menu}'s last entry cannot be reached");
            }
        }
        set_width(&browser, 390).await;
        open_with_nav(&browser, "/lich-cong-tac").await;
        browser.click(PANEL_TOGGLE).await;
        browser.click(".site-nav button[aria-controls='muc-ten-dai']").await;
        assert_eq!(controls_off_screen(&browser).await, json!([]), "390: the long name past the edge");
        let no_sideways = "return document.documentElement.scrollWidth <= innerWidth;";
        assert!(browser.holds(no_sideways, vec![]).await, "390: the long name widens the page");
        browser.click("#muc-ten-dai a").await;
        browser.wait_until("the long-named category's page", "location.pathname === '/chuyen-muc/ten-dai'").await;
    })
    .await;
}
