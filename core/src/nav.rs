//! The main navigation's list as one HTML string (drawn with `inner_html`:
//! a view per link and section cost about 8 KB of wasm brotli, this string
//! and the few DOM calls behind it a fraction of that).
//!
//! The app draws each section as a disclosure button (`aria-expanded`,
//! `aria-controls`) with its categories in a hidden list; the prerender
//! draws it as a link to the section's page, which works without the app.

use super::markup::escape;
use super::routes::{self, is_current_page};
use super::sections::Section;

/// How sections are drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SectionsAs {
    /// Buttons opening a list of their categories (the app).
    Menus,
    /// Links to `/danh-muc/{slug}` (the prerendered page, before the app).
    Links,
}

/// The id of the list of section `slug`'s categories.
pub fn menu_id(slug: &str) -> String {
    format!("muc-{slug}")
}

/// The `<li>` rows of the navigation: the home page, every section, the
/// schedule. `href` turns a route into the link's address (the site's
/// sub-path); the link to the page at `current_path` carries
/// `aria-current="page"`.
pub fn nav_list_html(
    sections: &[Section],
    as_: SectionsAs,
    current_path: &str,
    href: impl Fn(&str) -> String,
) -> String {
    let link = |route: &str, label: &str, exact: bool| {
        let href = href(route);
        let current = if is_current_page(&href, current_path, exact) { " aria-current=\"page\"" } else { "" };
        format!("<a href=\"{}\"{current}>{}</a>", escape(&href), escape(label))
    };
    let mut html = format!("<li>{}</li>", link(routes::HOME, "Trang chủ", true));
    for section in sections {
        html.push_str("<li class=\"site-nav-section\">");
        let name = escape(&section.name);
        match as_ {
            SectionsAs::Links => {
                let href = escape(&href(&routes::section(&section.slug)));
                html.push_str(&format!("<a class=\"site-nav-trigger\" href=\"{href}\">{name}</a>"));
            }
            SectionsAs::Menus => {
                let id = menu_id(&section.slug);
                html.push_str(&format!(
                    "<button type=\"button\" class=\"site-nav-trigger\" aria-expanded=\"false\" \
                     aria-controls=\"{id}\">{name}</button><ul id=\"{id}\" class=\"site-nav-menu\" hidden>"
                ));
                for category in &section.categories {
                    html.push_str(&format!(
                        "<li>{}</li>",
                        link(&routes::category(&category.slug, 1), &category.name, false)
                    ));
                }
                html.push_str("</ul>");
            }
        }
        html.push_str("</li>");
    }
    // The department's own pages (core::agency_pages), one link: the
    // overview lists its sub-pages. After the sections, so that their menus
    // open where they did (the desktop tests click beside them).
    html.push_str(&format!("<li>{}</li>", link(routes::ABOUT, "Giới thiệu", false)));
    html.push_str(&format!("<li>{}</li>", link(routes::VAN_BAN, "Văn bản", false)));
    html.push_str(&format!("<li>{}</li>", link(routes::NHIEM_VU, "Nhiệm vụ KH&CN", false)));
    html.push_str(&format!("<li>{}</li>", link(routes::SCHEDULE, "Lịch công tác", false)));
    html.push_str(&search_box_html(&href(routes::SEARCH)));
    html
}

/// The search box at the end of the navigation (in the phone panel, the
/// first thing under "Danh mục"): a plain GET form to the search page, so it
/// works before the app runs; the app follows it without reloading, through
/// the hidden link (site_nav's behaviour). That link has the search page's
/// address until a query is sent: a link without one is not crawlable
/// (Lighthouse's SEO audit counts it against every page).
pub fn search_box_html(action: &str) -> String {
    let action = escape(action);
    format!(
        "<li class=\"site-nav-search\"><form role=\"search\" aria-label=\"Tìm kiếm trong cổng\" action=\"{action}\" method=\"get\">\
         <input type=\"search\" name=\"q\" aria-label=\"Tìm kiếm\" placeholder=\"Tìm kiếm\" autocomplete=\"off\">\
         <button type=\"submit\">Tìm</button><a hidden href=\"{action}\"></a></form></li>"
    )
}

/// The text-size buttons (assets/co-chu.js answers them); the step is in
/// `data-co-chu-doi` (0 resets). The visible label is the start of each
/// button's name, as WCAG's "label in name" asks.
pub const TEXT_SIZE_BUTTONS: &str =
    "<button type=\"button\" data-co-chu-doi=\"-1\">A−<span class=\"visually-hidden\"> (nhỏ hơn)</span></button>\
<button type=\"button\" data-co-chu-doi=\"0\">A<span class=\"visually-hidden\"> (mặc định)</span></button>\
<button type=\"button\" data-co-chu-doi=\"1\">A+<span class=\"visually-hidden\"> (lớn hơn)</span></button>";

/// The body of `/danh-muc` (every section, `only` None) or of one section's
/// page: the heading, each section's categories with their descriptions
/// (`description_of` a slug), and on `/danh-muc` the schedule.
pub fn sections_page_html(
    sections: &[Section],
    only: Option<&Section>,
    description_of: impl Fn(&str) -> Option<String>,
    href: impl Fn(&str) -> String,
) -> String {
    let list = |section: &Section| {
        let mut html = String::from("<ul class=\"section-list\">");
        for category in &section.categories {
            let link = escape(&href(&routes::category(&category.slug, 1)));
            html.push_str(&format!("<li><a href=\"{link}\">{}</a>", escape(&category.name)));
            if let Some(text) = description_of(&category.slug) {
                html.push_str(&format!("<p>{}</p>", escape(&text)));
            }
            html.push_str("</li>");
        }
        html + "</ul>"
    };
    let heading = |route: &str, name: &str| {
        format!("<h2 class=\"section-heading\"><a href=\"{}\">{}</a></h2>", escape(&href(route)), escape(name))
    };
    match only {
        Some(section) => format!("<h1 class=\"page-heading\">{}</h1>{}", escape(&section.name), list(section)),
        None => {
            let mut html = String::from("<h1 class=\"page-heading\">Danh mục</h1>");
            for section in sections {
                html.push_str(&heading(&routes::section(&section.slug), &section.name));
                html.push_str(&list(section));
            }
            html + &heading(routes::VAN_BAN, "Văn bản")
                + &heading(routes::NHIEM_VU, "Nhiệm vụ KH&CN")
                + &heading(routes::SCHEDULE, "Lịch công tác")
        }
    }
}

/// The feeds page (`/rss`): what a feed is for, then the latest news's
/// feeds and every category's, each in RSS and in Atom.
pub fn feeds_page_html(categories: &[(String, String)], href: impl Fn(&str) -> String) -> String {
    let links = |category: Option<&str>| {
        let formats = routes::FeedFormat::BOTH.map(|format| {
            let link = escape(&href(&routes::feed_file(format, category)));
            format!("<a href=\"{link}\" type=\"{}\">{}</a>", format.media_type(), format.name())
        });
        formats.join(" · ")
    };
    let mut html = String::from(
        "<h1 class=\"page-heading\">Tin RSS</h1>\
         <p>Chép địa chỉ một kênh dưới đây vào chương trình đọc tin (RSS hoặc Atom) \
         để nhận tin mới của Sở mà không cần vào cổng. Mỗi kênh có 20 tin mới nhất.</p>\
         <ul class=\"feed-list\">",
    );
    html.push_str(&format!("<li><span>Tin mới nhất</span> <span>{}</span></li>", links(None)));
    for (slug, name) in categories {
        html.push_str(&format!("<li><span>{}</span> <span>{}</span></li>", escape(name), links(Some(slug))));
    }
    html + "</ul>"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Category;

    fn section(name: &str, slug: &str, categories: &[(&str, &str)]) -> Section {
        Section {
            name: name.into(),
            slug: slug.into(),
            categories: categories
                .iter()
                .map(|(slug, name)| Category { slug: (*slug).into(), name: (*name).into(), section: name.to_string() })
                .collect(),
        }
    }

    fn under_portal(route: &str) -> String {
        format!("/portal{route}")
    }

    #[test]
    fn the_app_draws_each_section_as_a_disclosure_of_its_categories() {
        let sections = [section("Hoạt động KH&CN", "hoat-dong-kh-cn", &[("nhiem-vu-khcn", "Nhiệm vụ")])];
        let html = nav_list_html(&sections, SectionsAs::Menus, "/portal/chuyen-muc/nhiem-vu-khcn", under_portal);
        assert_eq!(
            html,
            "<li><a href=\"/portal/\">Trang chủ</a></li>\
             <li class=\"site-nav-section\"><button type=\"button\" class=\"site-nav-trigger\" aria-expanded=\"false\" \
             aria-controls=\"muc-hoat-dong-kh-cn\">Hoạt động KH&amp;CN</button>\
             <ul id=\"muc-hoat-dong-kh-cn\" class=\"site-nav-menu\" hidden>\
             <li><a href=\"/portal/chuyen-muc/nhiem-vu-khcn\" aria-current=\"page\">Nhiệm vụ</a></li></ul></li>\
             <li><a href=\"/portal/gioi-thieu\">Giới thiệu</a></li><li><a href=\"/portal/van-ban\">Văn bản</a></li>\
             <li><a href=\"/portal/nhiem-vu\">Nhiệm vụ KH&amp;CN</a></li>\
             <li><a href=\"/portal/lich-cong-tac\">Lịch công tác</a></li>\
             <li class=\"site-nav-search\"><form role=\"search\" aria-label=\"Tìm kiếm trong cổng\" action=\"/portal/tim-kiem\" method=\"get\">\
             <input type=\"search\" name=\"q\" aria-label=\"Tìm kiếm\" placeholder=\"Tìm kiếm\" autocomplete=\"off\">\
             <button type=\"submit\">Tìm</button><a hidden href=\"/portal/tim-kiem\"></a></form></li>"
        );
    }

    #[test]
    fn before_the_app_a_section_is_a_link_to_its_page() {
        let sections = [section("Tin tức - Sự kiện", "tin-tuc-su-kien", &[("a", "A")])];
        let html = nav_list_html(&sections, SectionsAs::Links, "/lich-cong-tac/2023/42", |route| route.to_string());
        assert!(html.contains("<a class=\"site-nav-trigger\" href=\"/danh-muc/tin-tuc-su-kien\">Tin tức - Sự kiện</a>"));
        assert!(!html.contains("aria-expanded") && !html.contains("/chuyen-muc/a"), "{html}");
        assert!(html.contains("<a href=\"/lich-cong-tac\" aria-current=\"page\">"), "{html}");
        assert!(html.contains("<a href=\"/\">Trang chủ</a>"), "home is marked on the home page only: {html}");
    }

    /// A crawler follows only links with an address; Lighthouse's SEO audit
    /// ("crawlable-anchors") counts one without it against the page, even a
    /// hidden one. The shell in index.html is checked too: it is the page a
    /// visitor sees before the app, where nothing is prerendered.
    #[test]
    fn every_link_in_the_navigation_has_an_address() {
        let sections = [section("Tin tức - Sự kiện", "tin-tuc-su-kien", &[("a", "A")])];
        let drawn = [SectionsAs::Links, SectionsAs::Menus].map(|as_| nav_list_html(&sections, as_, "/", under_portal));
        for html in drawn.iter().map(String::as_str).chain([include_str!("../../index.html")]) {
            let links =
                html.match_indices("<a").map(|(at, _)| &html[at..]).filter(|tag| tag[2..].starts_with([' ', '>']));
            for link in links {
                let tag = &link[..link.find('>').map_or(link.len(), |end| end + 1)];
                assert!(tag.contains(" href=\""), "a link without an address: {tag}");
            }
        }
    }

    #[test]
    fn names_are_text_never_markup() {
        let sections = [section("<img src=x onerror=alert(1)>", "x", &[("y", "\"><script>")])];
        let html = nav_list_html(&sections, SectionsAs::Menus, "/", |route| route.to_string());
        assert!(!html.contains("<img") && !html.contains("<script"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;") && html.contains("&quot;&gt;&lt;script&gt;"));
    }

    #[test]
    fn the_sections_page_lists_each_section_with_its_categories() {
        let sections = [
            section("Tin tức - Sự kiện", "tin-tuc-su-kien", &[("a", "A & B")]),
            section("Thông tin KH&CN", "thong-tin-kh-cn", &[("c", "C")]),
        ];
        let description = |slug: &str| (slug == "a").then(|| "Mô tả <i>".to_string());
        let all = sections_page_html(&sections, None, description, under_portal);
        assert_eq!(
            all,
            "<h1 class=\"page-heading\">Danh mục</h1>\
             <h2 class=\"section-heading\"><a href=\"/portal/danh-muc/tin-tuc-su-kien\">Tin tức - Sự kiện</a></h2>\
             <ul class=\"section-list\"><li><a href=\"/portal/chuyen-muc/a\">A &amp; B</a><p>Mô tả &lt;i&gt;</p></li></ul>\
             <h2 class=\"section-heading\"><a href=\"/portal/danh-muc/thong-tin-kh-cn\">Thông tin KH&amp;CN</a></h2>\
             <ul class=\"section-list\"><li><a href=\"/portal/chuyen-muc/c\">C</a></li></ul>\
             <h2 class=\"section-heading\"><a href=\"/portal/van-ban\">Văn bản</a></h2>\
             <h2 class=\"section-heading\"><a href=\"/portal/nhiem-vu\">Nhiệm vụ KH&amp;CN</a></h2>\
             <h2 class=\"section-heading\"><a href=\"/portal/lich-cong-tac\">Lịch công tác</a></h2>"
        );
        let one = sections_page_html(&sections, Some(&sections[1]), |_| None, under_portal);
        assert_eq!(
            one,
            "<h1 class=\"page-heading\">Thông tin KH&amp;CN</h1>\
             <ul class=\"section-list\"><li><a href=\"/portal/chuyen-muc/c\">C</a></li></ul>"
        );
    }

    #[test]
    fn without_categories_home_schedule_and_search_remain() {
        let html = nav_list_html(&[], SectionsAs::Menus, "/", |route| route.to_string());
        assert!(
            html.starts_with(
                "<li><a href=\"/\" aria-current=\"page\">Trang chủ</a></li><li><a href=\"/gioi-thieu\">Giới thiệu</a></li>\
                 <li><a href=\"/van-ban\">Văn bản</a></li><li><a href=\"/nhiem-vu\">Nhiệm vụ KH&amp;CN</a></li><li><a href=\"/lich-cong-tac\">Lịch công tác</a></li>\
                 <li class=\"site-nav-search\"><form role=\"search\" aria-label=\"Tìm kiếm trong cổng\" action=\"/tim-kiem\""
            ),
            "{html}"
        );
    }

    #[test]
    fn the_feeds_page_links_both_formats_of_every_feed() {
        let categories = vec![("tin-hoat-dong-so".to_string(), "Tin hoạt động & sự kiện".to_string())];
        let html = feeds_page_html(&categories, |route| format!("/portal{route}"));
        for link in [
            "<a href=\"/portal/kenh-tin/rss/tin-moi.xml\" type=\"application/rss+xml\">RSS</a>",
            "<a href=\"/portal/kenh-tin/atom/tin-moi.xml\" type=\"application/atom+xml\">Atom</a>",
            "<a href=\"/portal/kenh-tin/rss/chuyen-muc/tin-hoat-dong-so.xml\" type=\"application/rss+xml\">RSS</a>",
            "<a href=\"/portal/kenh-tin/atom/chuyen-muc/tin-hoat-dong-so.xml\" type=\"application/atom+xml\">Atom</a>",
        ] {
            assert!(html.contains(link), "{link} in {html}");
        }
        assert!(html.contains("<span>Tin hoạt động &amp; sự kiện</span>"));
    }
}
