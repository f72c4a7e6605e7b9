//! The prerender's pages against the route table.

use super::*;
use crate::listing::{skim_feed, SkimmedItem};
use portal::core::error::Problem;
use portal::core::feed::FEED_LIMIT_BYTES;
use portal::core::route_table::ROUTES;

fn one_page_of_each_kind() -> Vec<Page> {
    vec![
        Page::Home,
        Page::Article { id: "1019".into(), route: routes::article("1019", "Đoàn Kiểm tra"), lastmod: 0 },
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
        Page::Feeds,
        Page::VanBanList(1),
        Page::VanBanList(3),
        Page::VanBan { id: "2023-65-kh-ubnd".into(), route: "/van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd".into() },
        Page::NhiemVuList(1),
        Page::NhiemVuList(2),
        Page::NhiemVu { id: "gen".into(), route: "/nhiem-vu/gen/bao-ton-nguon-gen".into() },
        Page::Agency(Part::Overview),
        Page::Agency(Part::Unit("van-phong".into())),
        Page::Agency(Part::Contact),
        Page::Agency(Part::Links),
        Page::Agency(Part::Procedures),
        Page::Agency(Part::Access),
        Page::Agency(Part::English),
        Page::Agency(Part::SiteMap),
        Page::Episodes(None),
        Page::Episodes(Some(("2016-5".into(), routes::episode("2016-5", "Ứng dụng")))),
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
    let listed: Vec<bool> = pages.iter().map(|page| page.in_sitemap_at(&page.route())).collect();
    // Not in the sitemap: a week without a schedule, and the not-found page.
    let mut expected =
        vec![true, true, true, true, true, true, true, true, false, true, true, true, true, true, true, true];
    expected.extend([true; 13]);
    expected.push(false);
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

/// The sample's latest-news pages as the builder wrote them for the tests,
/// in the feed's order (`next_url`): (URL, text).
fn sample_latest_pages() -> Vec<(String, String)> {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let mut pages = Vec::new();
    let mut next = Some("https://h.vn/data/tin-moi/1.json".to_string());
    while let Some(url) = next.take() {
        let text = std::fs::read_to_string(data.join(url.trim_start_matches("https://h.vn/data/"))).unwrap();
        next = parse_feed("tin", &url, &text).unwrap().next_url;
        pages.push((url, text));
    }
    pages
}

#[test]
fn skimming_a_feed_page_reads_what_the_apps_reader_reads() {
    let pages = sample_latest_pages();
    assert!(pages.len() > 2, "the sample is built with small pages for the tests");
    for (url, text) in pages {
        let whole = parse_feed("tin", &url, &text).unwrap();
        let skimmed = skim_feed("tin", &url, &text).unwrap();
        let read: Vec<SkimmedItem> = whole
            .items
            .into_iter()
            .map(|item| {
                let (category_slug, category_name) = item.category.map(|c| (c.slug, c.name)).unwrap_or_default();
                SkimmedItem {
                    route: routes::article(&item.id, &item.title),
                    lastmod: item.modified.unwrap_or(item.published),
                    summary: item.summary.or(item.content_text).unwrap_or_default(),
                    id: item.id,
                    title: item.title,
                    tags: item.tags,
                    category_slug,
                    category_name,
                    published: item.published,
                }
            })
            .collect();
        assert_eq!(skimmed.items, read, "{url}");
        assert_eq!(skimmed.next_url.map(|next| resolve(&url, &next)), whole.next_url, "{url}");
    }
}

#[test]
fn skimming_refuses_what_it_cannot_use() {
    let good = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Tin","items":[{"id":"1","title":"Một","date_published":"2023-10-19T08:00:00+07:00","date_modified":"2023-10-20T08:00:00+07:00"}],"next_url":"2.json"}"#;
    let skimmed = skim_feed("tin", "u", good).unwrap();
    assert_eq!(skimmed.items[0].lastmod, 1_697_763_600, "the last change, Vietnam time");
    let wrong_date = good.replace("2023-10-20T08:00:00+07:00", "20/10/2023");
    let problem = skim_feed("tin", "u", &wrong_date).err().unwrap().problem;
    assert_eq!(
        problem,
        Problem::WrongType { path: "items[0].date_modified".into(), expected: "RFC 3339 date-time".into() }
    );
    for bad in [good.replace(r#""title":"Một","#, ""), good.replace(r#""id":"1""#, r#""id":1"#), good[..40].to_string()]
    {
        assert!(matches!(skim_feed("tin", "u", &bad).err().unwrap().problem, Problem::Malformed { .. }), "{bad}");
    }
    let huge = format!("{}{}", " ".repeat(FEED_LIMIT_BYTES), good);
    assert!(matches!(skim_feed("tin", "u", &huge).err().unwrap().problem, Problem::TooLarge { .. }));
}
