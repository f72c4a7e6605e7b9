//! The weekly work schedule in Chromium against the release build: this week,
//! moving between weeks with the links, Back and reload, the week of
//! 19-10-2023 opened directly, a week without a document, a broken document
//! and its retry, today's marks, and the .ics download.
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod support;

use fantoccini::Locator;
use portal::core::agenda::day_name;
use portal::core::date::VietnamTime;
use portal::core::schedule::parse_week;
use portal::core::week::IsoWeek;
use serde_json::json;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};
use support::{with_browser, with_browser_in, Browser, Build, Engine, Reply, Viewport};

const SEED_WEEK_FILE: &str = "/data/lich-cong-tac/2023-W42.json";
const SEED_HEADING: &str = "Tuần 42 (16/10/2023 – 22/10/2023)";
const SEED_ENTRY: &str = "Đoàn Kiểm tra của Sở làm việc tại huyện Vĩnh Linh";
const MISSING: &str = "Chưa có lịch công tác cho tuần này";

fn now_unix() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

fn this_week() -> IsoWeek {
    IsoWeek::current_in_vietnam(now_unix())
}

fn week_path(week: IsoWeek) -> String {
    format!("/lich-cong-tac/{}/{}", week.year(), week.week())
}

/// Waits until the schedule's heading names `heading` and the week has
/// loaded (its table, its "no schedule" message or its error).
async fn settled_week(browser: &Browser, heading: &str) {
    let condition = format!(
        "document.querySelector('main h1')?.textContent.trim() === {} \
         && !document.querySelector('main .schedule-skeleton') \
         && document.querySelector('main .schedule-table, main .schedule-missing, main [role=alert]')",
        json!(heading)
    );
    browser.wait_until(&format!("the week {heading:?} to load"), &condition).await;
}

async fn assert_path(browser: &Browser, expected: &str) {
    let path = browser.path().await;
    assert_eq!(path, expected, "the address should name the week shown");
}

#[tokio::test]
async fn this_week_then_forward_back_and_reload() {
    with_browser("schedule_navigation", Build::Root, Viewport::Desktop, |browser, _server| async move {
        let week = this_week();
        browser.open("/lich-cong-tac").await;
        settled_week(&browser, &week.heading()).await;
        assert!(browser.title().await.contains(&format!("Lịch công tác tuần {}", week.week())));

        browser.click("a.schedule-week-link[rel=next]").await;
        settled_week(&browser, &week.next().heading()).await;
        assert_path(&browser, &week_path(week.next())).await;

        browser.back().await;
        settled_week(&browser, &week.heading()).await;
        assert_path(&browser, "/lich-cong-tac").await;

        browser.click("a.schedule-week-link[rel=prev]").await;
        settled_week(&browser, &week.previous().heading()).await;
        browser.click("a.schedule-week-link[rel=prev]").await;
        let two_back = week.previous().previous();
        settled_week(&browser, &two_back.heading()).await;
        assert_path(&browser, &week_path(two_back)).await;

        browser.reload().await;
        settled_week(&browser, &two_back.heading()).await;
        browser.click("a.schedule-this-week").await;
        settled_week(&browser, &week.heading()).await;
        assert_path(&browser, "/lich-cong-tac").await;
    })
    .await;
}

async fn seed_week_and_picker(engine: Engine) {
    with_browser_in(engine, "schedule_seed_week", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.open("/lich-cong-tac/2023/42").await;
        settled_week(&browser, SEED_HEADING).await;
        browser.wait_for_text("main .schedule-table", SEED_ENTRY).await;
        let days = browser
            .eval(
                "return [...document.querySelectorAll('.schedule-day-heading th')].map(e => e.textContent.trim());",
                vec![],
            )
            .await;
        let expected: Vec<String> = IsoWeek::new(2023, 42).unwrap().days().into_iter().map(day_name).collect();
        assert_eq!(days, json!(expected), "seven days, Monday to Sunday");
        let free = browser.eval("return document.querySelectorAll('.schedule-free').length;", vec![]).await;
        assert_eq!(free, json!(2), "Saturday and Sunday say 'Không có lịch'");
        let parts = browser
            .eval(
                "return [...document.querySelectorAll('.schedule-day')][3].querySelectorAll('.schedule-part').length;",
                vec![],
            )
            .await;
        assert_eq!(parts, json!(3), "Thursday has sáng, chiều and tối");
        assert!(browser.title().await.starts_with("Lịch công tác tuần 42 (16/10/2023 – 22/10/2023)"));

        // The picker navigates too, and refuses a week the year does not have.
        set_picker(&browser, "53", "2023").await;
        browser.wait_for_text(".schedule-form-problem", "không có tuần").await;
        assert_path(&browser, "/lich-cong-tac/2023/42").await;
        set_picker(&browser, "1", "2024").await;
        settled_week(&browser, "Tuần 1 (01/01/2024 – 07/01/2024)").await;
        assert_path(&browser, "/lich-cong-tac/2024/1").await;
    })
    .await;
}

// The picker in Firefox and WebKit too.
in_every_engine!(the_week_of_19_october_2023_opens_directly_with_its_entries, seed_week_and_picker);

/// Types into the week and year fields and sends the app's form, as a
/// reader does: WebDriver's keys and click (the prerendered page's form,
/// sent before the app has taken over, is a page load:
/// `a_picker_sent_before_the_app_ran_is_carried_out`).
async fn set_picker(browser: &Browser, week: &str, year: &str) {
    browser.wait_for_app().await;
    for (name, value) in [("tuan", week), ("nam", year)] {
        let field = format!(".schedule-form input[name={name}]");
        let input = browser.client.find(Locator::Css(&field)).await.unwrap_or_else(|e| panic!("finding {field}: {e}"));
        input.clear().await.unwrap_or_else(|e| panic!("clearing {field}: {e}"));
        input.send_keys(value).await.unwrap_or_else(|e| panic!("typing into {field}: {e}"));
    }
    browser.click(".schedule-form button[type=submit]").await;
}

/// On a slow phone the reader may send the picker before the app has taken
/// the prerendered page over: the plain form reloads the same week with
/// `?tuan=&nam=`, which the app then carries out (seen once on a fresh
/// machine, where the form went before the wasm had arrived).
#[tokio::test]
async fn a_picker_sent_before_the_app_ran_is_carried_out() {
    with_browser("schedule_picker_before_app", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.open("/lich-cong-tac/2023/42?tuan=1&nam=2024").await;
        settled_week(&browser, "Tuần 1 (01/01/2024 – 07/01/2024)").await;
        assert_path(&browser, "/lich-cong-tac/2024/1").await;
        let query = browser.eval("return location.search;", vec![]).await;
        assert_eq!(query, json!(""), "the asked week's address, without the form's fields");

        browser.open("/lich-cong-tac/2023/42?tuan=53&nam=2023").await;
        browser.wait_for_app().await;
        browser.wait_for_text(".schedule-form-problem", "Năm “2023” không có tuần “53”.").await;
        settled_week(&browser, SEED_HEADING).await;
    })
    .await;
}

#[tokio::test]
async fn a_week_without_a_document_links_the_nearest_weeks() {
    with_browser("schedule_missing_week", Build::Root, Viewport::Desktop, |browser, _server| async move {
        browser.open("/lich-cong-tac/2023/44").await;
        settled_week(&browser, "Tuần 44 (30/10/2023 – 05/11/2023)").await;
        browser.wait_for_text("main .schedule-missing", MISSING).await;
        let links = browser
            .eval(
                "return [...document.querySelectorAll('.schedule-nearest a')].map(a => a.getAttribute('href'));",
                vec![],
            )
            .await;
        assert_eq!(links, json!(["/lich-cong-tac/2023/43", "/lich-cong-tac/2023/52"]));
        browser.click(".schedule-nearest a").await;
        settled_week(&browser, "Tuần 43 (23/10/2023 – 29/10/2023)").await;
        assert_path(&browser, "/lich-cong-tac/2023/43").await;

        browser.open("/lich-cong-tac/2023/53").await;
        browser.wait_for_text("main h1", "Không tìm thấy trang").await;
    })
    .await;
}

#[tokio::test]
async fn a_broken_week_shows_an_error_and_retry_recovers() {
    with_browser("schedule_retry", Build::Root, Viewport::Desktop, |browser, server| async move {
        // The documents as the app fetches them, not as a prerendered page holds them.
        server.serve_app_shell_only();
        let file = Build::Root.dist().join(SEED_WEEK_FILE.trim_start_matches('/'));
        server.set_reply(SEED_WEEK_FILE, Reply::truncated(&file, 300));
        browser.open("/lich-cong-tac/2023/42").await;
        settled_week(&browser, SEED_HEADING).await;
        browser.wait_for_text("main [role=alert]", "lịch công tác tuần 42/2023").await;
        assert!(browser.text_of("main .schedule-table").await.is_none());
        // A document that parses but has a wrong field names the field.
        server.set_reply(
            SEED_WEEK_FILE,
            Reply::json(r#"{"week":"2023-W42","entries":[{"date":"2023-10-19","part":"sáng"}]}"#),
        );
        browser.click("main [role=alert] button").await;
        browser.wait_for_text("main [role=alert]", "entries[0].content").await;

        server.clear_reply(SEED_WEEK_FILE);
        browser.click("main [role=alert] button").await;
        browser.wait_for_text("main .schedule-table", SEED_ENTRY).await;
        assert!(browser.text_of("main [role=alert]").await.is_none());
    })
    .await;
}

/// A document for this week with one entry running all of today, served in
/// place of the sample, so the marks can be checked whatever the date.
fn todays_document(week: IsoWeek, today: &str) -> String {
    json!({"week": week.to_string(), "entries": [
        {"date": today, "part": "sáng", "start": "00:00", "end": "23:59", "content": "Trực ban cả ngày (kiểm thử)"},
    ]})
    .to_string()
}

#[tokio::test]
async fn today_and_the_entry_under_way_are_marked_here_and_in_the_sidebar() {
    with_browser("schedule_today", Build::Root, Viewport::Desktop, |browser, server| async move {
        // The documents as the app fetches them, not as a prerendered page holds them.
        server.serve_app_shell_only();
        let now = VietnamTime::from_unix_seconds(now_unix());
        let week = this_week();
        let path = format!("/data/lich-cong-tac/{week}.json");
        server.set_reply(&path, Reply::json(todays_document(week, &now.date.to_string())));
        browser.open("/lich-cong-tac").await;
        settled_week(&browser, &week.heading()).await;
        let today = browser.wait_for("tbody.schedule-day[aria-current=date] .schedule-day-heading").await;
        assert!(today.starts_with(&day_name(now.date)) && today.contains("Hôm nay"), "today's heading: {today}");
        let marked = browser.eval("return document.querySelectorAll('[aria-current=date]').length;", vec![]).await;
        assert_eq!(marked, json!(1), "one day is today");
        let now_row = browser.wait_for("tr.schedule-entry.is-now").await;
        assert!(now_row.contains("Đang diễn ra") && now_row.contains("Trực ban cả ngày"), "{now_row}");
        let sidebar = browser.wait_for(".sidebar .schedule-today-item").await;
        assert!(sidebar.contains("00:00 – 23:59") && sidebar.contains("Trực ban cả ngày"), "{sidebar}");

        // A week with no document: the sidebar says there is nothing today.
        server.set_reply(&path, Reply::status(404));
        browser.open("/").await;
        browser.wait_for_text(".sidebar .schedule-today", "Hôm nay không có lịch công tác.").await;
    })
    .await;
}

#[tokio::test]
async fn on_paper_the_week_is_a_table_under_its_heading_without_controls() {
    // A phone-sized window: on screen that is cards, on paper still a table.
    with_browser("schedule_print", Build::Root, Viewport::Phone, |browser, _server| async move {
        browser.open("/lich-cong-tac/2023/42").await;
        settled_week(&browser, SEED_HEADING).await;
        let display = "return getComputedStyle(document.querySelector(arguments[0])).display;";
        assert_eq!(browser.eval(display, vec![json!(".schedule-table")]).await, json!("block"), "cards on a phone");
        // Renders the page as for printing.
        browser.devtools("Emulation.setEmulatedMedia", json!({ "media": "print" })).await;
        assert_eq!(browser.eval(display, vec![json!(".schedule-table")]).await, json!("table"));
        assert_eq!(browser.eval(display, vec![json!(".schedule-table thead")]).await, json!("table-header-group"));
        for hidden in [".schedule-picker", ".schedule-tools", ".sidebar", ".site-nav"] {
            assert_eq!(browser.eval(display, vec![json!(hidden)]).await, json!("none"), "{hidden} is printed");
        }
        assert_eq!(browser.text_of("main h1").await.as_deref(), Some(SEED_HEADING), "the week heads the page");
    })
    .await;
}

/// Waits for `file` to be fully written by the browser.
async fn downloaded(file: &Path) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        if let Ok(text) = std::fs::read_to_string(file) {
            if text.ends_with("END:VCALENDAR\r\n") {
                return text;
            }
        }
        assert!(std::time::Instant::now() < deadline, "no download at {}", file.display());
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_week_downloads_as_an_icalendar_file() {
    with_browser("schedule_ics", Build::Root, Viewport::Desktop, |browser, _server| async move {
        let folder = std::env::temp_dir().join(format!("portal-ics-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        // Saves downloads into a folder the test reads, as a visitor's browser into Downloads.
        let allow = json!({ "behavior": "allow", "downloadPath": folder.display().to_string() });
        browser.devtools("Browser.setDownloadBehavior", allow).await;

        browser.open("/lich-cong-tac/2023/42").await;
        settled_week(&browser, SEED_HEADING).await;
        // The app's link (a blob), not the prerendered page's (the .ics file
        // beside it, for readers without JavaScript).
        browser.wait_for_app().await;
        let link = "main a.schedule-download";
        browser.wait_for(link).await;
        let described = browser
            .eval(
                "const a = document.querySelector(arguments[0]); return [a.download, a.type, a.protocol];",
                vec![json!(link)],
            )
            .await;
        assert_eq!(described, json!(["lich-cong-tac-2023-W42.ics", "text/calendar", "blob:"]));
        browser.click(link).await;
        let ics = downloaded(&folder.join("lich-cong-tac-2023-W42.ics")).await;
        let _ = std::fs::remove_dir_all(&folder);

        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{}", &ics[..ics.len().min(80)]);
        assert!(!ics.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
        assert!(ics.split("\r\n").all(|line| line.len() <= 75), "lines are folded at 75 octets");
        let sample =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lich-cong-tac/2023-W42.json"))
                .unwrap();
        let entries = parse_week("2023-W42", "https://h.vn/x.json", &sample).unwrap().entries.len();
        assert_eq!(ics.matches("\r\nBEGIN:VEVENT\r\n").count(), entries, "one event per entry");
        assert!(ics.contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20231019T073000\r\n"));
        assert!(ics.replace("\r\n ", "").contains("SUMMARY:Đoàn Kiểm tra của Sở làm việc tại huyện Vĩnh Linh về"));
    })
    .await;
}

#[tokio::test]
async fn this_week_is_marked_at_its_own_address_too() {
    with_browser("schedule-this-week-mark", Build::Root, Viewport::Desktop, |browser, _server| async move {
        let week = this_week();
        browser.open(&week_path(week)).await;
        settled_week(&browser, &week.heading()).await;
        browser.wait_for(".schedule-this-week.is-current").await;
        browser.open(&week_path(week.previous())).await;
        settled_week(&browser, &week.previous().heading()).await;
        let marked = browser.holds("return !!document.querySelector('.schedule-this-week.is-current');", vec![]).await;
        assert!(!marked, "last week's page marks \"Tuần này\" as current");
    })
    .await;
}
