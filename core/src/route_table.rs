//! The route table: every view of the portal, described once, in the order
//! the app's router tries them (the first pattern that matches wins).
//!
//! What is derived from it, and held to it by tests where the compiler
//! cannot derive it:
//! - the app's `<Routes>` (src/app.rs; leptos_router wants each pattern as a
//!   literal, so `tests/route_table.rs` checks the patterns and their views
//!   one by one, in order);
//! - the prerender's pages: each page's address must match the route of its
//!   kind (prerender/src/pages.rs), and only routes marked `prerendered` have
//!   pages;
//! - the sitemap: the prerendered pages whose address matches a route;
//! - the hosting tests' table of addresses (tests/support/hosting.rs): every
//!   route is asked for at least once, and an address no route matches is
//!   a 404.
//!
//! The paths themselves are built by `routes` (one function per route).

/// What a route draws: one view each (`{kind:?}Page` in src/pages/).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Home,
    Related,
    Article,
    Category,
    Schedule,
    Sections,
    Search,
    Feeds,
    /// The legal documents registry: its list, its pages and each document.
    VanBan,
    /// The science and technology tasks registry: list, pages and each task.
    NhiemVu,
    /// The department's own pages (core::agency_pages::Part).
    Agency,
    /// The "Chuyên mục KH&CN" programme (core::episodes).
    Episodes,
}

/// One route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    pub kind: PageKind,
    /// As leptos_router writes it: `:name` is one segment, `:name?` one or
    /// none. A query is never part of it.
    pub pattern: &'static str,
    /// The documents the view is drawn from, by their names in
    /// `config.json`'s `sources` (docs/formats/config.md); the layout's own
    /// (navigation, sidebar, statistics) are not repeated here.
    pub documents: &'static [&'static str],
    /// Whether the prerender writes a page for each of its addresses (and
    /// lists them in the sitemap). Otherwise the host answers the app shell.
    pub prerendered: bool,
}

const fn route(kind: PageKind, pattern: &'static str, documents: &'static [&'static str], prerendered: bool) -> Route {
    Route { kind, pattern, documents, prerendered }
}

/// The portal's routes. The fixed `lien-quan` segment stands before the
/// article's free slug; the article takes an address with or without its
/// slug (a wrong or missing one leads to the canonical address); a
/// category's archive pages are `/chuyen-muc/:slug/trang/:page`.
pub const ROUTES: [Route; 20] = [
    route(PageKind::Home, "/", &["latest_feed", "categories", "category_feed"], true),
    route(PageKind::Related, "/tin/:id/lien-quan/:trang?/:page?", &["article", "category_feed", "latest_feed"], true),
    route(PageKind::Article, "/tin/:id/:slug?", &["article", "category_feed", "latest_feed"], true),
    route(PageKind::Category, "/chuyen-muc/:slug/:trang?/:page?", &["category_feed", "category_page"], true),
    route(PageKind::Schedule, "/lich-cong-tac", &["schedule_week", "schedule_index"], true),
    route(PageKind::Schedule, "/lich-cong-tac/:year/:week", &["schedule_week", "schedule_index"], true),
    route(PageKind::Sections, "/danh-muc/:slug?", &["categories"], true),
    // The search reads its own index (tim-kiem/), not a document.
    route(PageKind::Search, "/tim-kiem", &[], true),
    route(PageKind::Feeds, "/rss", &["categories"], true),
    // One view for the list (`/van-ban`), its pages (`/van-ban/trang/N`:
    // the builder refuses the id "trang") and each document.
    route(PageKind::VanBan, "/van-ban/:id?/:slug?", &["van_ban_list", "van_ban_facets", "van_ban"], true),
    // The same for the tasks (the builder refuses the id "trang" there too).
    route(PageKind::NhiemVu, "/nhiem-vu/:id?/:slug?", &["nhiem_vu_list", "nhiem_vu_facets", "nhiem_vu"], true),
    // The department's pages, all from one document (core::agency).
    route(PageKind::Agency, "/gioi-thieu/:part?/:slug?", &["agency"], true),
    route(PageKind::Agency, "/lien-he", &["agency"], true),
    route(PageKind::Agency, "/lien-ket", &["agency"], true),
    route(PageKind::Agency, "/thu-tuc-hanh-chinh", &["agency"], true),
    route(PageKind::Agency, "/tiep-can-thong-tin", &["agency"], true),
    route(PageKind::Agency, "/en", &["agency"], true),
    route(PageKind::Agency, "/so-do-cong", &["agency", "categories"], true),
    route(PageKind::Episodes, "/chuyen-muc-khcn", &["episodes"], true),
    route(PageKind::Episodes, "/chuyen-muc-khcn/:id/:slug?", &["episodes"], true),
];

/// The route that answers `path` (relative to the router's base; a query
/// or a trailing slash is ignored), as the router picks it: the first that
/// matches. `None`: the not-found view.
pub fn route_at(path: &str) -> Option<&'static Route> {
    ROUTES.iter().find(|route| matches(route.pattern, path))
}

/// Whether `pattern` matches `path`, segment by segment.
pub fn matches(pattern: &str, path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let mut given = path.split('/').filter(|segment| !segment.is_empty()).peekable();
    for wanted in pattern.split('/').filter(|segment| !segment.is_empty()) {
        match (wanted.strip_prefix(':'), given.peek()) {
            (Some(name), None) if name.ends_with('?') => {}
            (Some(_), None) => return false,
            (Some(_), Some(_)) => {
                given.next();
            }
            (None, Some(segment)) if *segment == wanted => {
                given.next();
            }
            (None, _) => return false,
        }
    }
    given.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_config;

    #[test]
    fn addresses_find_their_route_as_the_router_does() {
        let kind = |path| route_at(path).map(|route| route.kind);
        assert_eq!(kind("/"), Some(PageKind::Home));
        assert_eq!(kind("/tin/1019/lien-quan"), Some(PageKind::Related));
        assert_eq!(kind("/tin/1019/lien-quan/trang/2"), Some(PageKind::Related));
        assert_eq!(kind("/tin/1019/doan-kiem-tra"), Some(PageKind::Article));
        assert_eq!(kind("/tin/1019"), Some(PageKind::Article));
        assert_eq!(kind("/tin/1019/"), Some(PageKind::Article));
        assert_eq!(kind("/chuyen-muc/tin-hoat-dong-so"), Some(PageKind::Category));
        assert_eq!(kind("/chuyen-muc/tin-hoat-dong-so/trang/3"), Some(PageKind::Category));
        assert_eq!(kind("/lich-cong-tac"), Some(PageKind::Schedule));
        assert_eq!(kind("/lich-cong-tac/2023/42"), Some(PageKind::Schedule));
        assert_eq!(kind("/danh-muc"), Some(PageKind::Sections));
        assert_eq!(kind("/danh-muc/tin-tuc-su-kien"), Some(PageKind::Sections));
        assert_eq!(kind("/tim-kiem?q=a"), Some(PageKind::Search));
        assert_eq!(kind("/van-ban?loai=ke-hoach"), Some(PageKind::VanBan));
        assert_eq!(kind("/van-ban/trang/2"), Some(PageKind::VanBan));
        assert_eq!(kind("/van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd"), Some(PageKind::VanBan));
        assert_eq!(kind("/van-ban/2023-65-kh-ubnd"), Some(PageKind::VanBan));
        assert_eq!(kind("/nhiem-vu?cap=tinh&trang-thai=dang-thuc-hien"), Some(PageKind::NhiemVu));
        assert_eq!(kind("/nhiem-vu/trang/2"), Some(PageKind::NhiemVu));
        assert_eq!(kind("/nhiem-vu/gen-duoc-lieu/bao-ton"), Some(PageKind::NhiemVu));
        assert_eq!(kind("/gioi-thieu"), Some(PageKind::Agency));
        assert_eq!(kind("/gioi-thieu/co-cau-to-chuc/van-phong"), Some(PageKind::Agency));
        assert_eq!(kind("/en/"), Some(PageKind::Agency));
        assert_eq!(kind("/so-do-cong"), Some(PageKind::Agency));
        for nowhere in ["/tin", "/khong-co", "/lich-cong-tac/2023", "/tin/1/2/3", "/tim-kiem/x", "/chuyen-muc"] {
            assert_eq!(kind(nowhere), None, "{nowhere}");
        }
    }

    #[test]
    fn the_route_builders_draw_addresses_of_their_own_route() {
        use crate::routes;
        use crate::week::IsoWeek;
        let kind = |path: &str| route_at(path).map(|route| route.kind);
        assert_eq!(kind(&routes::article("1019", "Đoàn Kiểm tra")), Some(PageKind::Article));
        assert_eq!(kind(&routes::related("1019", 3)), Some(PageKind::Related));
        assert_eq!(kind(&routes::category("tin-hoat-dong-so", 2)), Some(PageKind::Category));
        assert_eq!(kind(&routes::category_archive("tin-hoat-dong-so", 4)), Some(PageKind::Category));
        assert_eq!(kind(&routes::schedule_week(IsoWeek::new(2023, 42).unwrap())), Some(PageKind::Schedule));
        assert_eq!(kind(&routes::section("tin-tuc-su-kien")), Some(PageKind::Sections));
        assert_eq!(kind(routes::HOME), Some(PageKind::Home));
        assert_eq!(kind(routes::SCHEDULE), Some(PageKind::Schedule));
        assert_eq!(kind(routes::SECTIONS), Some(PageKind::Sections));
        assert_eq!(kind(routes::SEARCH), Some(PageKind::Search));
        assert_eq!(kind(routes::FEEDS), Some(PageKind::Feeds));
        assert_eq!(kind(&routes::van_ban("2023-65", "Kế hoạch số 65/KH-UBND")), Some(PageKind::VanBan));
        assert_eq!(kind(&routes::van_ban_archive(3)), Some(PageKind::VanBan));
        assert_eq!(kind(&routes::nhiem_vu("a", "Bảo tồn nguồn gen")), Some(PageKind::NhiemVu));
        assert_eq!(kind(&routes::registry_archive(routes::NHIEM_VU, 2)), Some(PageKind::NhiemVu));
        assert_eq!(kind(&routes::van_ban_archive(1)), Some(PageKind::VanBan));
        let filters = crate::facets::Filters(vec![("nam".into(), "2023".into())]);
        assert_eq!(kind(&routes::van_ban_filtered(&filters, 2)), Some(PageKind::VanBan));
        assert_eq!(kind(routes::EPISODES), Some(PageKind::Episodes));
        assert_eq!(kind(&routes::episode("2016-5", "Ứng dụng")), Some(PageKind::Episodes));
        assert_eq!(kind("/chuyen-muc-khcn/2016-5"), Some(PageKind::Episodes));
        use crate::agency_pages::{Part, ABOUT_PARTS, OTHER_PARTS};
        for part in ABOUT_PARTS.into_iter().chain(OTHER_PARTS).chain([Part::Overview, Part::Unit("van-phong".into())]) {
            assert_eq!(kind(&part.route()), Some(PageKind::Agency), "{part:?}");
            assert_eq!(Part::from_path(&part.route()), Some(part));
        }
    }

    /// A name that `config.json`'s `sources` does not know would make the
    /// table say something false about where a view's content comes from.
    #[test]
    fn every_document_is_a_source_the_config_names() {
        let defaults = parse_config(r#"{"version":1}"#).unwrap().sources;
        for name in ROUTES.iter().flat_map(|route| route.documents) {
            let config =
                format!(r#"{{"version":1,"sources":{{"{name}":"/khac/{{id}}{{slug}}{{week}}{{page}}.json"}}}}"#);
            let sources = parse_config(&config).unwrap().sources;
            assert_ne!(sources, defaults, "`{name}` is not a source config.json names");
        }
    }

    #[test]
    fn every_kind_has_a_route() {
        use PageKind::*;
        for kind in
            [Home, Related, Article, Category, Schedule, Sections, Search, Feeds, VanBan, NhiemVu, Agency, Episodes]
        {
            assert!(ROUTES.iter().any(|route| route.kind == kind), "{kind:?}");
        }
    }
}
