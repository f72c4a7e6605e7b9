//! The tasks registry's markup as HTML strings, for the app's `inner_html`
//! and the prerender alike, built from the legal documents registry's
//! pieces (`van_ban_html`: breadcrumb, filters, pages, table, files, news):
//! the summary above the list (counts and money, with bars drawn in SVG
//! and every number written as text), the rows, and a task's own page.

use super::date::Date;
use super::facets::{Facet, FacetIndex, Filters};
use super::markup::escape;
use super::nhiem_vu::{Task, TaskDetail};
use super::number::{group_thousands, vnd};
use super::routes::{self, NHIEM_VU};
use super::van_ban_html::{
    articles_html, breadcrumb, files_html, filters_form_html, meta_table_html, pages_nav_html, ListView,
};

/// The registry's name, in its heading and breadcrumb.
pub const TASKS_NAME: &str = "Nhiệm vụ KH&CN";

/// One `<li>` per task: its name linking to its page, its code, type,
/// level and sector, then host, months, money and status.
pub fn task_rows_html(items: &[Task], href: impl Fn(&str) -> String) -> String {
    let mut html = String::new();
    for task in items {
        html.push_str(&format!(
            "<li class=\"van-ban-item\"><h2 class=\"van-ban-item-title\"><a href=\"{}\">{}</a></h2>\
             <p class=\"van-ban-item-summary\">Mã số {} · {} cấp {} · {}</p><p class=\"van-ban-item-meta\">{} · {}–{} · \
             {} · <span class=\"nhiem-vu-status nhiem-vu-status-{}\">{}</span></p></li>",
            escape(&href(&routes::nhiem_vu(&task.id, &task.name))),
            escape(&task.name),
            escape(&task.code),
            escape(&task.kind),
            escape(level_in_text(&task.level)),
            escape(&task.sector),
            escape(&task.host),
            task.start.slashed(),
            task.end.slashed(),
            vnd(task.funding),
            task.status.slug(),
            task.status.label()
        ));
    }
    html
}

/// A level as it reads inside a sentence ("Đề tài cấp tỉnh"). The three
/// levels by hand: `to_lowercase` would bring Unicode's case tables into
/// the wasm (slug.rs says the same).
fn level_in_text(level: &str) -> &str {
    match level {
        "Quốc gia" => "quốc gia",
        "Tỉnh" => "tỉnh",
        "Cơ sở" => "cơ sở",
        other => other,
    }
}

/// One facet's values as a table (its caption `caption`): name (a link to the list filtered by
/// it), count, money when known, and a bar as long as the count against
/// the largest. The bar is `aria-hidden`: the numbers are in the cells.
fn chart_html(facet: &Facet, caption: &str, href: &impl Fn(&str) -> String) -> String {
    let most = facet.values.iter().map(|value| value.count).max().unwrap_or(1).max(1);
    let money = facet.values.iter().any(|value| value.funding.is_some());
    let mut html = format!(
        "<table class=\"nhiem-vu-chart\"><caption>{caption}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">Số nhiệm vụ</th>{}<th scope=\"col\"><span class=\"visually-hidden\">Biểu đồ</span></th></tr></thead><tbody>",
        escape(&facet.name),
        if money { "<th scope=\"col\">Kinh phí</th>" } else { "" }
    );
    for value in &facet.values {
        let filters = Filters(vec![(facet.key.clone(), value.slug.clone())]);
        let cell = match (money, value.funding) {
            (false, _) => String::new(),
            (true, funding) => format!("<td>{}</td>", vnd(funding.unwrap_or(0))),
        };
        html.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td>{}</td>{cell}<td class=\"nhiem-vu-bar\">\
             <svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">\
             <rect width=\"{}\" height=\"10\"></rect></svg></td></tr>",
            escape(&href(&routes::registry_filtered(NHIEM_VU, &filters, 1))),
            escape(&value.name),
            group_thousands(value.count),
            (value.count * 100).div_ceil(most)
        ));
    }
    html.push_str("</tbody></table>");
    html
}

/// The summary above the list, of the whole registry: how many tasks, their
/// money (in all and from the province), and charts by status and sector.
pub fn summary_html(facets: &FacetIndex, href: &impl Fn(&str) -> String) -> String {
    let mut html = format!(
        "<section class=\"nhiem-vu-summary\" aria-labelledby=\"nhiem-vu-tong-quan\">\
         <h2 id=\"nhiem-vu-tong-quan\">Tổng quan</h2><p class=\"nhiem-vu-total\">{} nhiệm vụ",
        group_thousands(facets.total_items)
    );
    if let Some(total) = facets.total_funding {
        html.push_str(&format!(", tổng kinh phí <strong>{}</strong>", vnd(total)));
        if let Some(province) = facets.province_funding {
            html.push_str(&format!(", trong đó ngân sách tỉnh {}", vnd(province)));
        }
    }
    html.push_str(".</p><div class=\"nhiem-vu-charts\">");
    for (key, caption) in [("trang-thai", "Theo trạng thái"), ("linh-vuc", "Theo lĩnh vực")] {
        if let Some(facet) = facets.facets.iter().find(|facet| facet.key == key) {
            html.push_str(&chart_html(facet, caption, href));
        }
    }
    html.push_str("</div></section>");
    html
}

/// The list's page as one string: breadcrumb, heading, search (kept to
/// tasks), summary, filters, rows and pages.
pub fn task_list_html(view: &ListView<'_, Task>, href: impl Fn(&str) -> String) -> String {
    let mut html = breadcrumb(&href, NHIEM_VU, &escape(TASKS_NAME), false);
    html.push_str(&format!(
        "<h1 class=\"page-heading\">{}</h1>\
         <form class=\"van-ban-search\" role=\"search\" action=\"{}\" method=\"get\">\
         <label for=\"nhiem-vu-q\">Tìm nhiệm vụ theo tên, mã số, tổ chức chủ trì</label>\
         <input id=\"nhiem-vu-q\" type=\"search\" name=\"q\" placeholder=\"Ví dụ: dược liệu\" autocomplete=\"off\">\
         <input type=\"hidden\" name=\"kieu\" value=\"nhiem-vu\"><button type=\"submit\">Tìm</button></form>",
        escape(TASKS_NAME),
        escape(&href(routes::SEARCH))
    ));
    html.push_str(&summary_html(view.facets, &href));
    let count = match view.total {
        Some(0) => "Không có nhiệm vụ nào phù hợp.".to_string(),
        Some(total) => format!("Có {} nhiệm vụ.", group_thousands(total)),
        None => format!("Trang {}: còn nhiệm vụ ở các trang sau.", view.page),
    };
    html.push_str(&filters_form_html(NHIEM_VU, "Lọc nhiệm vụ", view.facets, view.filters, &count, &href));
    html.push_str(&format!("<ol class=\"van-ban-list\">{}</ol>", task_rows_html(view.items, &href)));
    let label = "Các trang của danh sách nhiệm vụ";
    html.push_str(&pages_nav_html(NHIEM_VU, label, view.filters, view.page, view.total_pages, &href));
    html
}

/// A task's page: breadcrumb, its name, the metadata table, results, where
/// they are applied, files and related news.
pub fn task_page_html(detail: &TaskDetail, href: impl Fn(&str) -> String) -> String {
    let task = &detail.task;
    let or_dash = |text: Option<String>| text.unwrap_or_else(|| "—".into());
    let province = task.province_funding.map(vnd);
    let acceptance = detail
        .acceptance
        .as_ref()
        .map(|done| format!("Xếp loại {}, ngày {}", escape(&done.rating), done.date.slashed()));
    let rows = [
        ("Mã số", escape(&task.code)),
        ("Cấp", escape(&task.level)),
        ("Loại", escape(&task.kind)),
        ("Lĩnh vực", escape(&task.sector)),
        ("Tổ chức chủ trì", escape(&task.host)),
        ("Chủ nhiệm", escape(&task.leader)),
        ("Thời gian thực hiện", format!("Từ {} đến {}", task.start.slashed(), task.end.slashed())),
        ("Kinh phí", vnd(task.funding)),
        ("Trong đó ngân sách tỉnh", or_dash(province)),
        (
            "Trạng thái",
            format!(
                "<span class=\"nhiem-vu-status nhiem-vu-status-{}\">{}</span>",
                task.status.slug(),
                task.status.label()
            ),
        ),
        ("Kết quả nghiệm thu", or_dash(acceptance)),
        ("Ngày chuyển giao", or_dash(detail.transferred.map(Date::slashed))),
    ];
    let mut html = format!(
        "{}<article class=\"van-ban\"><h1 class=\"page-heading\">{}</h1><div class=\"van-ban-detail\">",
        breadcrumb(&href, NHIEM_VU, &escape(TASKS_NAME), true),
        escape(&task.name)
    );
    if let Some(note) = &detail.note {
        html.push_str(&format!("<p class=\"van-ban-note\">{}</p>", escape(note)));
    }
    html.push_str(&meta_table_html("Thông tin nhiệm vụ", &rows));
    for (heading, text) in [("Tóm tắt kết quả", &detail.results), ("Địa chỉ ứng dụng", &detail.applied_at)]
    {
        if let Some(text) = text {
            html.push_str(&format!("<section class=\"nhiem-vu-text\"><h2>{heading}</h2>"));
            for paragraph in text.split("\n\n").filter(|part| !part.trim().is_empty()) {
                html.push_str(&format!("<p>{}</p>", escape(paragraph.trim())));
            }
            html.push_str("</section>");
        }
    }
    html.push_str(&files_html(&detail.attachments));
    html.push_str(&articles_html("nhiem-vu-news", "Tin liên quan", &detail.news, &href));
    html.push_str("</div></article>");
    html
}

#[cfg(test)]
#[path = "nhiem_vu_html_tests.rs"]
mod tests;
