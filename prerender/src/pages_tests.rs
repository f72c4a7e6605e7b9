//! The prerender's pages against the route table.

use super::*;
use portal::core::route_table::ROUTES;

fn one_page_of_each_kind() -> Vec<Page> {
    vec![
        Page::Home,
        Page::article("1019".into(), "Đoàn Kiểm tra", 0),
        Page::Related { id: "1019".into(), page: 1 },
        Page::Related { id: "1019".into(), page: 2 },
        Page::Category { slug: "tin-hoat-dong-so".into(), page: 1 },
        Page::Category { slug: "tin-hoat-dong-so".into(), page: 3 },
        Page::Schedule(None),
        Page::Schedule(Some((2023, 42))),
        Page::EmptyWeek(2023, 43),
        Page::Sections(None),
        Page::Sections(Some(("tin-tuc-su-kien".into(), "Tin tức - Sự kiện".into()))),
        Page::Search,
        Page::NotFound,
    ]
}

#[test]
fn every_page_is_drawn_at_an_address_of_its_own_route() {
    for page in one_page_of_each_kind() {
        assert_eq!(route_at(&page.route()).map(|route| route.kind), page.kind(), "{page:?}");
    }
}

/// Every route the table marks prerendered has pages, and no other has.
#[test]
fn the_prerendered_routes_are_the_tables() {
    let pages = one_page_of_each_kind();
    for route in &ROUTES {
        let drawn = pages.iter().any(|page| route_at(&page.route()) == Some(route));
        assert_eq!(drawn, route.prerendered, "{}", route.pattern);
    }
    let listed: Vec<bool> = pages.iter().map(Page::in_sitemap).collect();
    // Not in the sitemap: a week without a schedule, and the not-found page.
    let expected = [true, true, true, true, true, true, true, true, false, true, true, true, false];
    assert_eq!(listed, expected);
}

#[test]
fn a_related_page_asks_only_for_its_own_later_pages() {
    let first = Page::Related { id: "1019".into(), page: 1 };
    assert_eq!(first.asked_for("/tin/1019/lien-quan/trang/3"), Some(Page::Related { id: "1019".into(), page: 3 }));
    assert_eq!(first.asked_for("/tin/1020/lien-quan/trang/3"), None);
    assert_eq!(first.asked_for("/chuyen-muc/tin-hoat-dong-so/trang/3"), None);
    assert_eq!(Page::Home.asked_for("/tin/1019/lien-quan/trang/3"), None);
}
