//! The schedule table's rows as a reader of the week would check them.

use super::*;
use crate::agenda::agenda;
use crate::date::parse_rfc3339;
use crate::schedule::parse_week;

fn days(entries: &str, now: &str) -> Vec<AgendaDay> {
    let text = format!(r#"{{"week":"2023-W42","entries":[{entries}]}}"#);
    let schedule = parse_week("d", "https://h.vn/data/lich-cong-tac/2023-W42.json", &text).unwrap();
    agenda(&schedule, parse_rfc3339(now).unwrap())
}

#[test]
fn a_week_is_seven_row_groups_with_today_and_the_entry_under_way_marked() {
    let entries = r#"{"date":"2023-10-19","part":"sáng","start":"07:30","end":"11:00","content":"Kiểm tra","chair":"Giám đốc Sở"},
        {"date":"2023-10-19","part":"chiều","start":"14:00","content":"Tiếp công dân"}"#;
    // Thursday 19/10/2023, 09:00 in Vietnam.
    let html = schedule_table_inner(&days(entries, "2023-10-19T02:00:00Z"));
    assert!(html.starts_with("<thead><tr><th scope=\"col\" class=\"schedule-col-time\">Thời gian</th>"));
    assert_eq!(html.matches("<tbody").count(), 7);
    assert_eq!(html.matches("</tbody>").count(), 7);
    assert_eq!(html.matches("aria-current=\"date\"").count(), 1, "one day is today");
    assert!(html.contains(
        "<tbody class=\"schedule-day is-today\" aria-current=\"date\"><tr class=\"schedule-day-heading\">\
         <th colspan=\"6\" scope=\"rowgroup\">Thứ Năm, 19/10/2023<span class=\"schedule-today-mark\">Hôm nay</span></th></tr>"
    ));
    assert_eq!(html.matches("Không có lịch").count(), 6, "the six other days are free");
    assert_eq!(html.matches("class=\"schedule-entry is-now\"").count(), 1, "the morning's entry is under way");
    assert!(html.contains(
        "<td data-label=\"Thời gian\" class=\"schedule-time\">07:30 – 11:00<span class=\"schedule-now-mark\">Đang diễn ra</span></td>"
    ));
    assert!(html.contains("<td data-label=\"Chủ trì\">Giám đốc Sở</td>"));
    // Sáng before Chiều, and every entry's six cells labelled for a phone.
    assert!(html.find(">Sáng<").unwrap() < html.find(">Chiều<").unwrap());
    assert_eq!(html.matches("class=\"schedule-time\"").count(), 2);
    assert_eq!(html.matches(" data-label=\"").count(), 2 * 6);
}

#[test]
fn the_department_s_text_stays_text_and_a_link_opens_apart() {
    let entries = r#"{"date":"2023-10-16","part":"sáng","content":"Họp <b>\"KH&CN\"</b>",
        "notes":"<script>x</script>","link":"https://h.vn/giay-moi.pdf?a=1&b=\"2\""}"#;
    let html = schedule_table_inner(&days(entries, "2023-10-10T02:00:00Z"));
    assert!(html.contains("Họp &lt;b&gt;&quot;KH&amp;CN&quot;&lt;/b&gt;"), "{html}");
    assert!(html.contains("<td data-label=\"Ghi chú\">&lt;script&gt;x&lt;/script&gt;</td>"));
    assert!(!html.contains("<script>") && !html.contains("<b>"));
    assert!(html.contains(
        " <a class=\"schedule-link\" href=\"https://h.vn/giay-moi.pdf?a=1&amp;b=&quot;2&quot;\" \
         target=\"_blank\" rel=\"noopener noreferrer\">(Tài liệu)</a></td>"
    ));
    assert!(!html.contains("aria-current"), "no day of another week is today");
}
