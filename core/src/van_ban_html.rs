//! The legal documents registry's repetitive markup as HTML strings, for
//! the app's `inner_html` and the prerender alike: the list's rows, the
//! filters' options and the document's own page. A view per row and per
//! table cell cost kilobytes of wasm (see the page list and the
//! navigation); these strings cost the code that writes them. Every text
//! from a document goes through `escape`.

use super::attachment::{human_size, Attachment};
use super::date::Date;
use super::facets::{Facet, FacetIndex, Filters};
use super::markup::escape;
use super::pager::{page_links, page_list_html};
use super::routes;
use super::van_ban::{Citation, LegalDoc, LegalDocDetail};

/// One `<li>` per document: its title linking to its page, its trích yếu,
/// issuer, date and status (as on `today`).
pub fn list_rows_html(items: &[LegalDoc], today: Date, href: impl Fn(&str) -> String) -> String {
    let mut html = String::new();
    for doc in items {
        let title = doc.title();
        let status = doc.status_on(today);
        html.push_str(&format!(
            "<li class=\"van-ban-item\"><h2 class=\"van-ban-item-title\"><a href=\"{}\">{}</a></h2>\
             <p class=\"van-ban-item-summary\">{}</p><p class=\"van-ban-item-meta\">{} · Ban hành {} · \
             <span class=\"van-ban-status van-ban-status-{}\">{}</span></p></li>",
            escape(&href(&routes::van_ban(&doc.id, &title))),
            escape(&title),
            escape(&doc.summary),
            escape(&doc.issuer),
            doc.issued.slashed(),
            status.slug(),
            status.label()
        ));
    }
    html
}

/// A filter's `<option>`s: "Tất cả" then each value with its count, the
/// chosen one selected.
pub fn filter_options_html(facet: &Facet, chosen: Option<&str>) -> String {
    let mut html = String::from("<option value=\"\">Tất cả</option>");
    for value in &facet.values {
        let selected = if chosen == Some(value.slug.as_str()) { " selected" } else { "" };
        html.push_str(&format!(
            "<option value=\"{}\"{selected}>{} ({})</option>",
            escape(&value.slug),
            escape(&value.name),
            value.count
        ));
    }
    html
}

/// What a registry's list shows (its legal documents or its tasks): the
/// filters' form (each select sends itself: the app navigates on `change`,
/// and without the app the "Lọc" button sends the form), the count, the
/// rows and the pages. `total` is `None` when a filtered list's end was not
/// read yet.
pub struct ListView<'a, Item> {
    pub filters: &'a Filters,
    pub page: u32,
    pub facets: &'a FacetIndex,
    pub items: &'a [Item],
    pub total: Option<u64>,
    pub total_pages: u32,
}

/// The breadcrumb, ending at the registry (`root`, named `name`) on an
/// entry's page. Shared by the registries.
pub(crate) fn breadcrumb(href: &impl Fn(&str) -> String, root: &str, name: &str, on_entry: bool) -> String {
    let home = format!("<a href=\"{}\">Trang chủ</a>", escape(&href(routes::HOME)));
    let registry = match on_entry {
        true => format!(" › <a href=\"{}\">{name}</a>", escape(&href(root))),
        false => format!(" › {name}"),
    };
    format!("<nav class=\"breadcrumb\" aria-label=\"Vị trí\">{home}{registry}</nav>")
}

/// The filters' form of a registry's list at `root` (each select sends
/// itself: the app navigates on `change`; without the app the "Lọc"
/// button sends the form), "Bỏ lọc" when some are chosen, then the count.
pub(crate) fn filters_form_html(
    root: &str,
    label: &str,
    facets: &FacetIndex,
    filters: &Filters,
    count: &str,
    href: &impl Fn(&str) -> String,
) -> String {
    let mut html = format!(
        "<form class=\"van-ban-filters\" action=\"{}\" method=\"get\" aria-label=\"{label}\">",
        escape(&href(root))
    );
    for facet in &facets.facets {
        html.push_str(&format!(
            "<label class=\"van-ban-filter\">{}<select name=\"{}\">{}</select></label>",
            escape(&facet.name),
            escape(&facet.key),
            filter_options_html(facet, filters.get(&facet.key))
        ));
    }
    html.push_str("<button type=\"submit\">Lọc</button>");
    if !filters.is_empty() {
        html.push_str(&format!("<a href=\"{}\">Bỏ lọc</a>", escape(&href(root))));
    }
    html.push_str(&format!("</form><p class=\"list-count\" role=\"status\">{count}</p>"));
    html
}

/// The pages of a registry's list at `root`: the whole list's pages are
/// addresses of their own (prerendered); a filtered list's carry the filters.
pub(crate) fn pages_nav_html(
    root: &str,
    label: &str,
    filters: &Filters,
    page: u32,
    total_pages: u32,
    href: &impl Fn(&str) -> String,
) -> String {
    let page_href = |page: u32| match filters.is_empty() {
        true => href(&routes::registry_archive(root, page)),
        false => href(&routes::registry_filtered(root, filters, page)),
    };
    let links = page_links(page.max(1), total_pages, false);
    format!("<nav class=\"page-list\" aria-label=\"{label}\"><ul>{}</ul></nav>", page_list_html(&links, page_href))
}

/// The list's page as one string (`href` turns a route into a link): the
/// breadcrumb, the heading, the number search (a GET form to the search
/// page, kept to the registry), the filters, the rows and the pages.
pub fn list_body_html(view: &ListView<'_, LegalDoc>, today: Date, href: impl Fn(&str) -> String) -> String {
    let filters = view.filters;
    let mut html = breadcrumb(&href, routes::VAN_BAN, "Văn bản", false);
    html.push_str(&format!(
        "<h1 class=\"page-heading\">Văn bản</h1>\
         <form class=\"van-ban-search\" role=\"search\" action=\"{}\" method=\"get\">\
         <label for=\"van-ban-q\">Tìm theo số ký hiệu hoặc trích yếu</label>\
         <input id=\"van-ban-q\" type=\"search\" name=\"q\" placeholder=\"Ví dụ: 65/KH-UBND\" autocomplete=\"off\">\
         <input type=\"hidden\" name=\"kieu\" value=\"van-ban\"><button type=\"submit\">Tìm</button></form>",
        escape(&href(routes::SEARCH))
    ));
    let count = match view.total {
        Some(0) => "Không có văn bản nào phù hợp.".to_string(),
        Some(total) => format!("Có {} văn bản.", super::number::group_thousands(total)),
        None => format!("Trang {}: còn văn bản ở các trang sau.", view.page),
    };
    html.push_str(&filters_form_html(routes::VAN_BAN, "Lọc văn bản", view.facets, filters, &count, &href));
    html.push_str(&format!("<ol class=\"van-ban-list\">{}</ol>", list_rows_html(view.items, today, &href)));
    let label = "Các trang của danh sách văn bản";
    html.push_str(&pages_nav_html(routes::VAN_BAN, label, filters, view.page, view.total_pages, &href));
    html
}

/// The filters of a registry whose facets are `keys` after the reader
/// chose `value` (empty: all) for `key`.
pub fn with_filter(keys: &[&str], filters: &Filters, key: &str, value: &str) -> Filters {
    let mut chosen: Vec<(String, String)> = filters.0.iter().filter(|(known, _)| known != key).cloned().collect();
    if !value.is_empty() {
        chosen.push((key.to_string(), value.to_string()));
    }
    Filters::read(keys, |wanted| chosen.iter().find(|(known, _)| known == wanted).map(|(_, value)| value.clone()))
}

/// A document's page: the breadcrumb, its title, then [`detail_html`].
pub fn document_page_html(detail: &LegalDocDetail, today: Date, href: impl Fn(&str) -> String) -> String {
    format!(
        "{}<article class=\"van-ban\"><h1 class=\"page-heading\">{}</h1><div class=\"van-ban-detail\">{}</div></article>",
        breadcrumb(&href, routes::VAN_BAN, "Văn bản", true),
        escape(&detail.doc.title()),
        detail_html(detail, today, &href)
    )
}

/// The body of a document's page below its heading: trích yếu, the
/// metadata table, the call for comments of a draft, the files (opened
/// by the browser's own PDF viewer: a plain link, no viewer in the page),
/// the related documents and the news that cite it.
pub fn detail_html(detail: &LegalDocDetail, today: Date, href: impl Fn(&str) -> String) -> String {
    let doc = &detail.doc;
    let status = doc.status_on(today);
    let mut html = format!("<p class=\"van-ban-summary\">{}</p>", escape(&doc.summary));
    if let Some(note) = &detail.note {
        html.push_str(&format!("<p class=\"van-ban-note\">{}</p>", escape(note)));
    }
    let date = |date: Option<Date>| date.map_or_else(|| "—".to_string(), Date::slashed);
    let rows = [
        ("Số ký hiệu", doc.number.as_deref().map_or_else(|| "(chưa có số)".into(), escape)),
        ("Loại văn bản", escape(&doc.kind)),
        ("Cơ quan ban hành", escape(&doc.issuer)),
        ("Ngày ban hành", doc.issued.slashed()),
        ("Ngày có hiệu lực", date(doc.effective)),
        ("Ngày hết hiệu lực", date(doc.expires)),
        (
            "Tình trạng hiệu lực",
            format!("<span class=\"van-ban-status van-ban-status-{}\">{}</span>", status.slug(), status.label()),
        ),
        ("Người ký", detail.signer.as_deref().map_or_else(|| "—".into(), escape)),
        ("Lĩnh vực", escape(&doc.sector)),
    ];
    html.push_str(&meta_table_html("Thông tin văn bản", &rows));
    if let Some(draft) = &detail.draft {
        let open = draft.deadline >= today;
        html.push_str("<section class=\"van-ban-draft\"><h2>Lấy ý kiến góp ý</h2>");
        html.push_str(&format!(
            "<p>Hạn góp ý: <strong>{}</strong>{}</p>",
            draft.deadline.slashed(),
            if open { "" } else { " (đã hết hạn)" }
        ));
        if let Some(email) = &draft.email {
            let email = escape(email);
            html.push_str(&format!("<p>Gửi góp ý qua thư điện tử: <a href=\"mailto:{email}\">{email}</a></p>"));
        }
        if let Some(address) = &draft.address {
            html.push_str(&format!("<p>Hoặc gửi văn bản về: {}</p>", escape(address)));
        }
        html.push_str("</section>");
    }
    html.push_str(&files_html(&detail.attachments));
    if !detail.related.is_empty() {
        html.push_str("<section class=\"van-ban-related\"><h2>Văn bản liên quan</h2><ul>");
        for related in &detail.related {
            html.push_str(&format!(
                "<li>{}: <a href=\"{}\">{}</a></li>",
                related.relation.label(),
                escape(&href(&routes::van_ban(&related.id, &related.title))),
                escape(&related.title)
            ));
        }
        html.push_str("</ul></section>");
    }
    html.push_str(&articles_html("van-ban-cited", "Tin bài nhắc đến văn bản này", &detail.cited_by, &href));
    html
}

/// An entry's metadata as a table of (label, HTML value) rows.
pub(crate) fn meta_table_html(caption: &str, rows: &[(&str, String)]) -> String {
    let mut html =
        format!("<table class=\"van-ban-meta\"><caption class=\"visually-hidden\">{caption}</caption><tbody>");
    for (label, value) in rows {
        html.push_str(&format!("<tr><th scope=\"row\">{label}</th><td>{value}</td></tr>"));
    }
    html.push_str("</tbody></table>");
    html
}

/// The files of an entry (opened by the browser's own PDF viewer: a
/// plain link, no viewer in the page); nothing without files.
pub(crate) fn files_html(files: &[Attachment]) -> String {
    if files.is_empty() {
        return String::new();
    }
    let mut html = String::from("<section class=\"van-ban-files\"><h2>Tệp đính kèm</h2><ul>");
    for file in files {
        let url = escape(&file.url);
        let view = if file.is_pdf() {
            format!(" <a class=\"van-ban-view\" href=\"{url}\" target=\"_blank\" rel=\"noopener\">Xem toàn văn</a>")
        } else {
            String::new()
        };
        html.push_str(&format!(
            "<li><a class=\"van-ban-download\" href=\"{url}\" download>{}</a> ({}, {}){view}</li>",
            escape(&file.name),
            file.type_label(),
            human_size(file.size)
        ));
    }
    html.push_str("</ul></section>");
    html
}

/// A section listing news articles (`class`, `heading`); nothing without any.
pub(crate) fn articles_html(
    class: &str,
    heading: &str,
    articles: &[Citation],
    href: &impl Fn(&str) -> String,
) -> String {
    if articles.is_empty() {
        return String::new();
    }
    let mut html = format!("<section class=\"{class}\"><h2>{heading}</h2><ul>");
    for article in articles {
        html.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>",
            escape(&href(&routes::article(&article.id, &article.title))),
            escape(&article.title)
        ));
    }
    html.push_str("</ul></section>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::van_ban::{parse_detail, parse_list_page, FACET_KEYS};

    fn today() -> Date {
        Date::new(2026, 12, 5).unwrap()
    }

    #[test]
    fn rows_link_each_document_and_say_its_status() {
        let page = parse_list_page(
            "d",
            r#"{"version":1,"list":"tat-ca","page":1,"total_pages":1,"total_items":1,"items":[{"id":"2023-65","type":"Kế hoạch",
            "number":"65/KH-UBND","issuer":"UBND tỉnh <Quảng Trị>","issued":"2023-03-28","expires":"2024-03-31",
            "status":"con-hieu-luc","summary":"Cải cách & kiểm tra","sector":"Cải cách hành chính"}]}"#,
        )
        .unwrap();
        let html = list_rows_html(&page.items, today(), |route| format!("/portal{route}"));
        assert!(
            html.contains("<a href=\"/portal/van-ban/2023-65/ke-hoach-so-65-kh-ubnd\">Kế hoạch số 65/KH-UBND</a>"),
            "{html}"
        );
        assert!(html.contains("UBND tỉnh &lt;Quảng Trị&gt; · Ban hành 28/03/2023"), "{html}");
        assert!(html.contains("Cải cách &amp; kiểm tra"));
        // Expired since the builder ran: the list says so.
        assert!(html.contains("van-ban-status-het-hieu-luc\">Hết hiệu lực"), "{html}");
    }

    #[test]
    fn choosing_a_filter_keeps_the_others_in_their_order() {
        let filters = Filters(vec![("loai".into(), "ke-hoach".into())]);
        assert_eq!(with_filter(&FACET_KEYS, &filters, "nam", "2023").query(1), "loai=ke-hoach&nam=2023");
        assert_eq!(with_filter(&FACET_KEYS, &filters, "loai", "").query(1), "");
        let index = crate::facets::parse_facets(
            "d",
            r#"{"total_items":3,"facets":[{"key":"loai","name":"Loại văn bản","values":[{"slug":"ke-hoach","name":"Kế hoạch","count":3}]}]}"#,
            1000,
        )
        .unwrap();
        let view = ListView { filters: &filters, page: 1, facets: &index, items: &[], total: Some(3), total_pages: 1 };
        let html = list_body_html(&view, today(), |route| route.to_string());
        assert!(html.contains("<select name=\"loai\"><option value=\"\">Tất cả</option><option value=\"ke-hoach\" selected>Kế hoạch (3)</option>"), "{html}");
        assert!(html.contains("<a href=\"/van-ban\">Bỏ lọc</a>") && html.contains("Có 3 văn bản."), "{html}");
    }

    #[test]
    fn the_page_has_its_table_files_draft_relations_and_citations() {
        let text = r#"{"version":1,"id":"d1","type":"Quyết định","issuer":"Sở KH&CN","issued":"2026-11-20",
            "status":"du-thao","summary":"Dự thảo","sector":"KH&CN",
            "attachments":[{"name":"Toàn văn","url":"../tep/van-ban/d1.pdf","size":1105,"type":"application/pdf"}],
            "related":[{"relation":"replaces","id":"a","title":"Quyết định số 1/QĐ"}],
            "draft":{"deadline":"2026-12-01","email":"gopy@example.vn"},
            "cited_by":[{"id":"1019","title":"Đoàn Kiểm tra"}]}"#;
        let detail = parse_detail("d", "https://a.vn/data/van-ban/d1.json", text).unwrap();
        let html = detail_html(&detail, today(), |route| route.to_string());
        assert!(html.contains("<th scope=\"row\">Số ký hiệu</th><td>(chưa có số)</td>"), "{html}");
        assert!(html.contains("Hạn góp ý: <strong>01/12/2026</strong> (đã hết hạn)"), "{html}");
        assert!(html.contains("<a href=\"mailto:gopy@example.vn\">gopy@example.vn</a>"));
        assert!(
            html.contains("href=\"https://a.vn/data/tep/van-ban/d1.pdf\" download>Toàn văn</a> (PDF, 1 KB)"),
            "{html}"
        );
        assert!(html.contains("Thay thế văn bản: <a href=\"/van-ban/a/quyet-dinh-so-1-qd\">"), "{html}");
        assert!(html.contains("<a href=\"/tin/1019/doan-kiem-tra\">Đoàn Kiểm tra</a>"));
    }
}
