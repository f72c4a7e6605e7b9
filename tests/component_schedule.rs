//! The schedule's components mounted in headless Chromium: the week table
//! with its marks, the calendar download link, and the week picker.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::components::schedule_download::ScheduleDownload;
use portal::components::schedule_picker::WeekPicker;
use portal::components::schedule_table::ScheduleTable;
use portal::context::provide_portal;
use portal::core::agenda::agenda;
use portal::core::date::parse_rfc3339;
use portal::core::schedule::{parse_week, WeekSchedule};
use portal::core::week::IsoWeek;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod dom;

use dom::{container, sample_portal};

wasm_bindgen_test_configure!(run_in_browser);

fn sample() -> WeekSchedule {
    let text = r#"{"week":"2023-W42","entries":[
        {"date":"2023-10-19","part":"chiều","start":"14:00","end":"16:00","content":"Tiếp công dân","location":"Phòng Tiếp công dân"},
        {"date":"2023-10-19","part":"sáng","start":"07:30","end":"11:00","content":"Đoàn Kiểm tra làm việc tại Vĩnh Linh","chair":"Giám đốc Sở"},
        {"date":"2023-10-18","part":"chiều","content":"Làm việc tại cơ quan","x_unknown":1}
    ]}"#;
    parse_week("lịch thử", "http://127.0.0.1/data/lich-cong-tac/2023-W42.json", text).unwrap()
}

fn texts(host: &web_sys::HtmlElement, css: &str) -> Vec<String> {
    let found = host.query_selector_all(css).unwrap();
    (0..found.length()).map(|i| found.item(i).unwrap().text_content().unwrap_or_default().trim().to_string()).collect()
}

#[wasm_bindgen_test]
fn the_table_groups_the_week_and_marks_today_and_now() {
    let host = container();
    // Thursday 19/10/2023, 09:00 in Vietnam (02:00 UTC).
    let days = agenda(&sample(), parse_rfc3339("2023-10-19T02:00:00Z").unwrap());
    let _mounted = leptos::mount::mount_to(host.clone(), move || view! { <ScheduleTable days /> });

    let headings = texts(&host, ".schedule-day-heading th");
    assert_eq!(headings.len(), 7);
    assert_eq!(headings[0], "Thứ Hai, 16/10/2023");
    assert_eq!(headings[6], "Chủ Nhật, 22/10/2023");
    assert_eq!(texts(&host, ".schedule-free").len(), 5, "Mon, Tue, Fri, Sat and Sun say so");
    assert!(texts(&host, ".schedule-free").iter().all(|t| t == "Không có lịch"));

    let today = texts(&host, "tbody[aria-current=date] .schedule-day-heading");
    assert_eq!(today, ["Thứ Năm, 19/10/2023Hôm nay"], "exactly one day is today");
    let thursday_parts = texts(&host, "tbody[aria-current=date] .schedule-part");
    assert_eq!(thursday_parts, ["Sáng", "Chiều"], "parts of the day in order");

    let now = texts(&host, "tr.schedule-entry.is-now");
    assert_eq!(now.len(), 1);
    assert!(now[0].contains("Đoàn Kiểm tra") && now[0].contains("Đang diễn ra"), "{now:?}");

    // The entry without time or place still shows, with empty cells.
    let untimed = texts(&host, "tr.schedule-entry .schedule-time");
    assert_eq!(untimed, ["", "07:30 – 11:00Đang diễn ra", "14:00 – 16:00"]);
    let labels = host.query_selector_all("tr.schedule-entry td[data-label]").unwrap().length();
    assert_eq!(labels, 3 * 6, "every cell carries its label for the phone layout");
}

#[wasm_bindgen_test]
fn the_download_link_is_a_calendar_blob() {
    let host = container();
    let _mounted = leptos::mount::mount_to(host.clone(), || {
        provide_portal(sample_portal());
        view! { <ScheduleDownload schedule=sample() /> }
    });
    let link = host.query_selector("a.schedule-download").unwrap().expect("a download link");
    assert_eq!(link.text_content().unwrap(), "Tải lịch (.ics)");
    assert_eq!(link.get_attribute("download").as_deref(), Some("lich-cong-tac-2023-W42.ics"));
    assert!(link.get_attribute("href").unwrap_or_default().starts_with("blob:"));
}

#[wasm_bindgen_test]
async fn the_picker_refuses_a_week_the_year_does_not_have() {
    let host = container();
    let week = RwSignal::new(IsoWeek::new(2023, 42).unwrap());
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <leptos_router::components::Router>
                <WeekPicker week=week />
            </leptos_router::components::Router>
        }
    });
    leptos::task::tick().await;
    let input = |name: &str| {
        host.query_selector(&format!("input[name={name}]"))
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlInputElement>()
    };
    assert_eq!((input("tuan").value(), input("nam").value()), ("42".to_string(), "2023".to_string()));
    // The form follows the week shown.
    week.set(IsoWeek::new(2024, 1).unwrap());
    leptos::task::tick().await;
    assert_eq!(input("tuan").value(), "1");
    let next = host.query_selector("a[rel=next]").unwrap().unwrap().get_attribute("href").unwrap();
    assert_eq!(next, "/lich-cong-tac/2024/2");

    input("tuan").set_value("53");
    input("tuan").dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    host.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    let problem = host.query_selector(".schedule-form-problem").unwrap().unwrap().text_content().unwrap();
    assert_eq!(problem, "Năm “2024” không có tuần “53”.");
}
