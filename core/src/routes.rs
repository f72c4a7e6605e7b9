//! The portal's paths, built in one place so every link agrees with the route table.
//!
//! Paths are relative to the router's base (the site may live under a sub-path).

use super::config::encode_segment;
use super::slug::slugify;
use super::week::IsoWeek;

pub const HOME: &str = "/";
pub const SCHEDULE: &str = "/lich-cong-tac";
/// Every section and its categories: where the phone menu's button leads
/// before the app runs.
pub const SECTIONS: &str = "/danh-muc";
/// The search page (`?q=…`, core::search).
pub const SEARCH: &str = "/tim-kiem";

/// The page that lists the RSS and Atom feeds, for readers.
pub const FEEDS: &str = "/rss";

/// The two formats every feed is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedFormat {
    Rss,
    Atom,
}

impl FeedFormat {
    pub const BOTH: [FeedFormat; 2] = [FeedFormat::Rss, FeedFormat::Atom];

    /// As readers know it: "RSS", "Atom".
    pub fn name(self) -> &'static str {
        match self {
            FeedFormat::Rss => "RSS",
            FeedFormat::Atom => "Atom",
        }
    }

    /// For `<link rel="alternate" type=…>` (autodiscovery).
    pub fn media_type(self) -> &'static str {
        match self {
            FeedFormat::Rss => "application/rss+xml",
            FeedFormat::Atom => "application/atom+xml",
        }
    }
}

/// `/kenh-tin/rss/tin-moi.xml`, `/kenh-tin/atom/chuyen-muc/tin-hoat-dong-so.xml`:
/// the feed of the latest news (`None`) or of a category, as the prerender
/// writes it. Not under `/rss/`: a folder beside the page `rss.html` makes
/// some hosts answer `/rss` with a redirect to the folder.
pub fn feed_file(format: FeedFormat, category: Option<&str>) -> String {
    let folder = match format {
        FeedFormat::Rss => "kenh-tin/rss",
        FeedFormat::Atom => "kenh-tin/atom",
    };
    match category {
        None => format!("/{folder}/tin-moi.xml"),
        Some(slug) => format!("/{folder}/chuyen-muc/{}.xml", encode_segment(slug)),
    }
}

/// The legal documents registry's list (`?loai=…&nam=…`, core::facets).
pub const VAN_BAN: &str = "/van-ban";
/// The science and technology tasks registry's list (`?cap=…&trang-thai=…`).
pub const NHIEM_VU: &str = "/nhiem-vu";
/// The department's own pages (core::agency_pages).
pub const ABOUT: &str = "/gioi-thieu";
pub const ORGANISATION: &str = "/gioi-thieu/co-cau-to-chuc";
pub const CONTACT: &str = "/lien-he";
pub const LINKS: &str = "/lien-ket";
pub const PROCEDURES: &str = "/thu-tuc-hanh-chinh";
pub const ACCESS: &str = "/tiep-can-thong-tin";
/// The English page: a folder's address, as foreign readers expect `/en/`.
pub const ENGLISH: &str = "/en/";
pub const SITE_MAP: &str = "/so-do-cong";

/// The "Chuyên mục KH&CN" programme's episodes, newest first.
pub const EPISODES: &str = "/chuyen-muc-khcn";

/// `/chuyen-muc-khcn/2016-5/ung-dung-tien-bo…`: one episode.
pub fn episode(id: &str, title: &str) -> String {
    format!("{EPISODES}/{}/{}", encode_segment(id), slugify(title))
}

/// `/gioi-thieu/co-cau-to-chuc/van-phong`: one unit of the organisation.
pub fn unit(slug: &str) -> String {
    format!("{ORGANISATION}/{}", encode_segment(slug))
}

/// The name of the query parameter that keeps a list's page in the URL.
pub const PAGE_QUERY: &str = "trang";

/// `/tin/1019/doan-kiem-tra-...`: the canonical address of an article.
pub fn article(id: &str, title: &str) -> String {
    format!("/tin/{}/{}", encode_segment(id), slugify(title))
}

/// `/tin/1019/lien-quan`, and past the first page `/tin/1019/lien-quan/trang/2`:
/// each page an address of its own, prerendered, so a reader without
/// JavaScript and a crawler follow the pager by plain links.
pub fn related(id: &str, page: u32) -> String {
    let first = format!("/tin/{}/lien-quan", encode_segment(id));
    match page {
        0 | 1 => first,
        _ => format!("{first}/trang/{page}"),
    }
}

/// `/chuyen-muc/tin-hoat-dong-so`, with `?trang=N` past the first page.
pub fn category(slug: &str, page: u32) -> String {
    with_page(format!("/chuyen-muc/{}", encode_segment(slug)), page)
}

/// `/chuyen-muc/tin-hoat-dong-so/trang/3`: one page of a category's archive,
/// a page of its own (prerendered, reachable without JavaScript); page 1 is
/// the category's own address.
pub fn category_archive(slug: &str, page: u32) -> String {
    match page {
        0 | 1 => category(slug, 1),
        _ => format!("/chuyen-muc/{}/trang/{page}", encode_segment(slug)),
    }
}

/// `/van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd`: one legal document,
/// its slug from its title ("Kế hoạch số 65/KH-UBND").
pub fn van_ban(id: &str, title: &str) -> String {
    format!("{VAN_BAN}/{}/{}", encode_segment(id), slugify(title))
}

/// `/van-ban/trang/3`: one page of the whole registry, a page of its own
/// (prerendered, reachable without JavaScript); page 1 is `/van-ban`.
pub fn van_ban_archive(page: u32) -> String {
    registry_archive(VAN_BAN, page)
}

/// `/van-ban?loai=ke-hoach&nam=2023&trang=2`: a filtered list, drawn by the
/// app from the filters in the address (reload, link and Back keep them).
pub fn van_ban_filtered(filters: &super::facets::Filters, page: u32) -> String {
    registry_filtered(VAN_BAN, filters, page)
}

/// `/nhiem-vu/bao-ton-nguon-gen/bao-ton-nguon-gen-cay-duoc-lieu`: one
/// science and technology task, its slug from its name.
pub fn nhiem_vu(id: &str, name: &str) -> String {
    format!("{NHIEM_VU}/{}/{}", encode_segment(id), slugify(name))
}

/// A page of a registry's whole list (`root` is `VAN_BAN` or `NHIEM_VU`):
/// `{root}/trang/3`, and `root` itself for the first.
pub fn registry_archive(root: &str, page: u32) -> String {
    match page {
        0 | 1 => root.into(),
        _ => format!("{root}/trang/{page}"),
    }
}

/// A registry's list with filters: `{root}?cap=tinh&trang=2`.
pub fn registry_filtered(root: &str, filters: &super::facets::Filters, page: u32) -> String {
    match filters.query(page) {
        query if query.is_empty() => root.into(),
        query => format!("{root}?{query}"),
    }
}

/// `/danh-muc/tin-tuc-su-kien`: one section's categories.
pub fn section(slug: &str) -> String {
    format!("{SECTIONS}/{}", encode_segment(slug))
}

/// `/lich-cong-tac/2023/42`.
pub fn schedule_week(week: IsoWeek) -> String {
    format!("{SCHEDULE}/{}/{}", week.year(), week.week())
}

fn with_page(path: String, page: u32) -> String {
    if page > 1 {
        format!("{path}?{PAGE_QUERY}={page}")
    } else {
        path
    }
}

/// The page named by an address that ends `/trang/N`, from the route's two
/// optional segments (`:trang?/:page?`): `None` when the address stops
/// before them, `Some(0)` (no such page) when they are not "trang/<number>".
pub fn archive_page_from_segments(segment: Option<&str>, page: Option<&str>) -> Option<u32> {
    segment.map(|segment| match (segment, page) {
        ("trang", Some(page)) => page.parse::<u32>().unwrap_or(0),
        _ => 0,
    })
}

/// Reads `?trang=` as a page number: 1 when absent or nonsense.
pub fn page_from_query(value: Option<&str>) -> u32 {
    value.and_then(|text| text.parse().ok()).filter(|page| *page >= 1).unwrap_or(1)
}

/// Whether an article was reached by its canonical slug; `None` when the
/// address has no slug at all, which also calls for the canonical URL.
pub fn is_canonical_slug(given: Option<&str>, title: &str) -> bool {
    given == Some(slugify(title).as_str())
}

/// Whether a navigation link to `link` marks the page at `location` as its
/// own (`aria-current="page"`): the same path, or with `exact` false a page
/// below it, segment by segment (`/lich-cong-tac` covers
/// `/lich-cong-tac/2023/42`, not `/lich-cong-tac-cu`). A query is ignored.
pub fn is_current_page(link: &str, location: &str, exact: bool) -> bool {
    let link = link.split('?').next().unwrap_or_default().trim_end_matches('/');
    let location = location.trim_end_matches('/');
    if exact || link.is_empty() {
        return link == location;
    }
    location.strip_prefix(link).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_navigation_link_marks_its_own_page_and_the_pages_below_it() {
        assert!(is_current_page("/lich-cong-tac", "/lich-cong-tac", false));
        assert!(is_current_page("/lich-cong-tac", "/lich-cong-tac/2023/42", false));
        assert!(!is_current_page("/lich-cong-tac", "/lich-cong-tac-cu", false));
        assert!(!is_current_page("/lich-cong-tac", "/lich-cong-tac/2023/42", true));
        assert!(is_current_page("/chuyen-muc/tin-hoat-dong-so", "/chuyen-muc/tin-hoat-dong-so/", false));
        assert!(is_current_page("/chuyen-muc/tin-hoat-dong-so?trang=2", "/chuyen-muc/tin-hoat-dong-so", false));
        assert!(!is_current_page("/chuyen-muc/tin-hoat-dong-so", "/chuyen-muc", false));
    }

    #[test]
    fn the_home_link_marks_only_the_home_page_even_under_a_sub_path() {
        for exact in [true, false] {
            assert!(is_current_page("/", "/", exact));
            assert!(!is_current_page("/", "/tin/1019", exact));
            assert!(is_current_page("/portal/", "/portal", exact));
            assert!(is_current_page("/portal", "/portal/", exact));
        }
        assert!(!is_current_page("/portal/", "/portal/tin/1019", true));
        assert!(is_current_page("/portal/lich-cong-tac", "/portal/lich-cong-tac/2026/48", false));
    }

    #[test]
    fn paths_follow_the_route_table() {
        assert_eq!(
            article("1019", "Đoàn Kiểm tra Công tác cải cách hành chính năm 2023"),
            "/tin/1019/doan-kiem-tra-cong-tac-cai-cach-hanh-chinh-nam-2023"
        );
        assert_eq!(related("1019", 1), "/tin/1019/lien-quan");
        assert_eq!(related("1019", 3), "/tin/1019/lien-quan/trang/3");
        assert_eq!(category("tin-hoat-dong-so", 2), "/chuyen-muc/tin-hoat-dong-so?trang=2");
        assert_eq!(category_archive("tin-hoat-dong-so", 1), "/chuyen-muc/tin-hoat-dong-so");
        assert_eq!(category_archive("tin-hoat-dong-so", 7), "/chuyen-muc/tin-hoat-dong-so/trang/7");
        assert_eq!(schedule_week(IsoWeek::new(2023, 42).unwrap()), "/lich-cong-tac/2023/42");
    }

    #[test]
    fn archive_pages_are_read_from_their_segments() {
        assert_eq!(archive_page_from_segments(None, None), None);
        assert_eq!(archive_page_from_segments(Some("trang"), Some("3")), Some(3));
        assert_eq!(archive_page_from_segments(Some("trang"), Some("x")), Some(0));
        assert_eq!(archive_page_from_segments(Some("trang"), None), Some(0));
        assert_eq!(archive_page_from_segments(Some("khac"), Some("3")), Some(0));
    }

    #[test]
    fn page_numbers_default_to_one() {
        assert_eq!(page_from_query(None), 1);
        assert_eq!(page_from_query(Some("0")), 1);
        assert_eq!(page_from_query(Some("-2")), 1);
        assert_eq!(page_from_query(Some("x")), 1);
        assert_eq!(page_from_query(Some("4")), 4);
    }

    #[test]
    fn canonical_slug_check() {
        assert!(is_canonical_slug(Some("doan-kiem-tra"), "Đoàn Kiểm tra"));
        assert!(!is_canonical_slug(Some("doan"), "Đoàn Kiểm tra"));
        assert!(!is_canonical_slug(None, "Đoàn Kiểm tra"));
    }
}
