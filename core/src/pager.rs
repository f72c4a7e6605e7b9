//! Which links a list of archive pages shows.
//!
//! A category's first page lists every page of its archive, so that any of
//! them is one plain link away (for readers without JavaScript and for
//! crawlers); an archive page lists the first and last pages and a few
//! around itself, between "← Trang trước" and "Trang sau →".

use super::markup::escape;

/// One entry of a page list: a link to `page`, or with `page` None a gap
/// ("…") standing for the pages left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLink {
    pub page: Option<u32>,
    pub label: String,
    pub current: bool,
}

/// How many pages either side of the current one a window shows.
const WINDOW: u32 = 2;

/// The entries for pages 1 to `total`: all of them when `every_page`,
/// otherwise the first, the last, and `current` with its neighbours, with
/// gaps between and the previous and next page at the ends.
pub fn page_links(current: u32, total: u32, every_page: bool) -> Vec<PageLink> {
    let link = |page: u32, label: String| PageLink { page: Some(page), label, current: page == current };
    let step = |page: u32, label: &str| {
        let shown = !every_page && (1..=total).contains(&page) && page != current;
        shown.then(|| PageLink { page: Some(page), label: label.to_string(), current: false })
    };
    let mut links: Vec<PageLink> = step(current.saturating_sub(1), "← Trang trước").into_iter().collect();
    let mut in_gap = false;
    for page in 1..=total {
        if every_page || page == 1 || page == total || page.abs_diff(current) <= WINDOW {
            links.push(link(page, page.to_string()));
            in_gap = false;
        } else if !in_gap {
            links.push(PageLink { page: None, label: "…".into(), current: false });
            in_gap = true;
        }
    }
    links.extend(step(current + 1, "Trang sau →"));
    links
}

/// The list's rows as HTML (`<li><a …>`), each page's address from
/// `href_of`; a gap is a link without `href`. Drawn as one string, not one
/// view per row: the page list's views cost 1.4 KB of wasm brotli.
pub fn page_list_html(links: &[PageLink], href_of: impl Fn(u32) -> String) -> String {
    let mut html = String::new();
    for link in links {
        html.push_str(if link.page.is_none() { "<li aria-hidden=\"true\"><a" } else { "<li><a" });
        if let Some(page) = link.page {
            html.push_str(&format!(" href=\"{}\"", escape(&href_of(page))));
        }
        if link.current {
            html.push_str(" aria-current=\"page\"");
        }
        html.push_str(&format!(">{}</a></li>", escape(&link.label)));
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each entry as its label, the current one in brackets.
    fn labels(links: &[PageLink]) -> Vec<String> {
        links.iter().map(|l| if l.current { format!("[{}]", l.label) } else { l.label.clone() }).collect()
    }

    #[test]
    fn every_page_lists_them_all() {
        assert_eq!(labels(&page_links(1, 4, true)), ["[1]", "2", "3", "4"]);
        assert_eq!(page_links(1, 1250, true).len(), 1250);
    }

    #[test]
    fn a_window_keeps_the_ends_the_neighbours_and_the_steps() {
        assert_eq!(
            labels(&page_links(7, 20, false)),
            ["← Trang trước", "1", "…", "5", "6", "[7]", "8", "9", "…", "20", "Trang sau →"]
        );
        assert_eq!(labels(&page_links(2, 5, false)), ["← Trang trước", "1", "[2]", "3", "4", "5", "Trang sau →"]);
        assert_eq!(labels(&page_links(20, 20, false)), ["← Trang trước", "1", "…", "18", "19", "[20]"]);
        let gap = &page_links(7, 20, false)[2];
        assert_eq!((gap.page, gap.current), (None, false));
        assert_eq!(page_links(7, 20, false)[0].page, Some(6));
    }

    #[test]
    fn the_rows_as_html() {
        let html = page_list_html(&page_links(3, 5, false), |page| format!("/c/x\"y/trang/{page}"));
        assert!(html.starts_with("<li><a href=\"/c/x&quot;y/trang/2\">← Trang trước</a></li>"), "{html}");
        assert!(html.contains("<li><a href=\"/c/x&quot;y/trang/3\" aria-current=\"page\">3</a></li>"), "{html}");
        let gaps = page_list_html(&page_links(7, 20, false), |page| page.to_string());
        assert!(gaps.contains("<li aria-hidden=\"true\"><a>…</a></li>"), "{gaps}");
    }

    #[test]
    fn nothing_for_no_pages() {
        assert!(page_links(1, 0, false).is_empty());
    }
}
