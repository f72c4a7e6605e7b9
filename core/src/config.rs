//! `config.json`: where the documents live, how often to poll, and who the site is.
//!
//! Every field is optional: what a config leaves out keeps the built-in default,
//! and the defaults serve the sample content bundled under `data/`.

use super::error::DocError;
use super::json::{parse_document, Node};
use super::week::IsoWeek;

/// The name the config document goes by in error messages.
pub const CONFIG_DOCUMENT: &str = "tệp cấu hình config.json";

/// Config files are a few hundred bytes; anything near this is a mistake.
pub const CONFIG_LIMIT_BYTES: usize = 64 * 1024;

/// The format version this build reads.
pub const CONFIG_VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub sources: Sources,
    /// How often the visitor widget polls the statistics, in seconds.
    pub stats_poll_seconds: u32,
    /// Where to report page views with `navigator.sendBeacon`; off when `None`.
    pub pageview_url: Option<String>,
    /// How long a request may take before the view says it timed out.
    pub request_timeout_seconds: u32,
    pub site: Site,
}

/// The documents, as URLs absolute or relative to the site root (the `<base>`).
/// `{id}`, `{slug}`, `{page}` and `{week}` are filled in per request.
#[derive(Clone, Debug, PartialEq)]
pub struct Sources {
    pub latest_feed: String,
    pub article: String,
    pub category_feed: String,
    /// Page `{page}` of a category's feed, for the archive pages
    /// (`/chuyen-muc/{slug}/trang/{page}`), reached without walking the chain.
    pub category_page: String,
    pub categories: String,
    pub schedule_index: String,
    pub schedule_week: String,
    pub stats: String,
    /// Page `{page}` of list `{list}` of the legal documents registry
    /// (`tat-ca`, or one facet value's: `loai-ke-hoach`; core::facets).
    pub van_ban_list: String,
    /// One legal document, by `{id}`.
    pub van_ban: String,
    /// The registry's facets: each filter's values and counts.
    pub van_ban_facets: String,
    /// Page `{page}` of list `{list}` of the science and technology tasks
    /// registry (core::nhiem_vu), one task by `{id}`, and its facets.
    pub nhiem_vu_list: String,
    pub nhiem_vu: String,
    pub nhiem_vu_facets: String,
    /// The department's own document (core::agency).
    pub agency: String,
    /// The "Chuyên mục KH&CN" programme's episodes (core::episodes).
    pub episodes: String,
}

/// The site's identity: banner and footer text.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub name: String,
    /// Used in document titles: "… - Sở Khoa học và Công nghệ Quảng Trị".
    pub short_name: String,
    pub slogan: String,
    pub owner: String,
    pub responsible: String,
    pub address: String,
    pub phone: String,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            sources: Sources::default(),
            stats_poll_seconds: 60,
            pageview_url: None,
            request_timeout_seconds: 15,
            site: Site::default(),
        }
    }
}

impl Default for Sources {
    fn default() -> Sources {
        Sources {
            latest_feed: "data/tin-moi/1.json".into(),
            article: "data/tin/{id}.json".into(),
            category_feed: "data/chuyen-muc/{slug}/1.json".into(),
            category_page: "data/chuyen-muc/{slug}/{page}.json".into(),
            categories: "data/chuyen-muc.json".into(),
            schedule_index: "data/lich-cong-tac/index.json".into(),
            schedule_week: "data/lich-cong-tac/{week}.json".into(),
            stats: "data/thong-ke.json".into(),
            van_ban_list: "data/van-ban/ds/{list}/{page}.json".into(),
            van_ban: "data/van-ban/{id}.json".into(),
            van_ban_facets: "data/van-ban/bo-loc.json".into(),
            nhiem_vu_list: "data/nhiem-vu/ds/{list}/{page}.json".into(),
            nhiem_vu: "data/nhiem-vu/{id}.json".into(),
            nhiem_vu_facets: "data/nhiem-vu/bo-loc.json".into(),
            agency: "data/gioi-thieu.json".into(),
            episodes: "data/chuyen-muc-khcn.json".into(),
        }
    }
}

impl Default for Site {
    /// The department as shared/seed-page.txt shows it.
    fn default() -> Site {
        Site {
            name: "Cổng thông tin điện tử Khoa học và Công nghệ Quảng Trị".into(),
            short_name: "Sở Khoa học và Công nghệ Quảng Trị".into(),
            slogan: "Khoa học, Công nghệ và Đổi mới sáng tạo – Khơi dậy khát vọng kiến tạo tương lai".into(),
            owner: "© CỔNG THÔNG TIN ĐIỆN TỬ KHOA HỌC VÀ CÔNG NGHỆ QUẢNG TRỊ".into(),
            responsible: "Chịu trách nhiệm: Trần Ngọc Lân, Giám đốc Sở Khoa học và Công nghệ.".into(),
            address: "Địa chỉ: 204 Hùng Vương, Đông Hà".into(),
            phone: "ĐT: 0233.3550 382".into(),
        }
    }
}

impl Sources {
    pub fn article_url(&self, id: &str) -> String {
        self.article.replace("{id}", &encode_segment(id))
    }

    pub fn category_url(&self, slug: &str) -> String {
        self.category_feed.replace("{slug}", &encode_segment(slug))
    }

    pub fn category_page_url(&self, slug: &str, page: u32) -> String {
        self.category_page.replace("{slug}", &encode_segment(slug)).replace("{page}", &page.to_string())
    }

    pub fn van_ban_list_url(&self, list: &str, page: u32) -> String {
        self.van_ban_list.replace("{list}", &encode_segment(list)).replace("{page}", &page.to_string())
    }

    pub fn van_ban_url(&self, id: &str) -> String {
        self.van_ban.replace("{id}", &encode_segment(id))
    }

    pub fn nhiem_vu_list_url(&self, list: &str, page: u32) -> String {
        self.nhiem_vu_list.replace("{list}", &encode_segment(list)).replace("{page}", &page.to_string())
    }

    pub fn nhiem_vu_url(&self, id: &str) -> String {
        self.nhiem_vu.replace("{id}", &encode_segment(id))
    }

    pub fn week_url(&self, week: IsoWeek) -> String {
        self.schedule_week.replace("{week}", &week.to_string())
    }
}

/// Percent-encodes everything but unreserved characters, so an id taken from
/// the address bar cannot climb out of its folder ("../") or add a query.
pub fn encode_segment(text: &str) -> String {
    // '.' is encoded too, unlike in a query value: "../" must not survive.
    super::url::percent_encode(text, b"-_~")
}

/// Reads a config document; absent fields keep their defaults.
pub fn parse_config(text: &str) -> Result<Config, DocError> {
    let value = parse_document(CONFIG_DOCUMENT, text, CONFIG_LIMIT_BYTES)?;
    let root = Node::root(CONFIG_DOCUMENT, &value);
    let mut config = Config::default();
    let sources = &mut config.sources;
    root.with_field("sources", |node| {
        for (key, slot) in [
            ("latest_feed", &mut sources.latest_feed),
            ("article", &mut sources.article),
            ("category_feed", &mut sources.category_feed),
            ("category_page", &mut sources.category_page),
            ("categories", &mut sources.categories),
            ("schedule_index", &mut sources.schedule_index),
            ("schedule_week", &mut sources.schedule_week),
            ("stats", &mut sources.stats),
            ("van_ban_list", &mut sources.van_ban_list),
            ("van_ban", &mut sources.van_ban),
            ("van_ban_facets", &mut sources.van_ban_facets),
            ("nhiem_vu_list", &mut sources.nhiem_vu_list),
            ("nhiem_vu", &mut sources.nhiem_vu),
            ("nhiem_vu_facets", &mut sources.nhiem_vu_facets),
            ("agency", &mut sources.agency),
            ("episodes", &mut sources.episodes),
        ] {
            if let Some(url) = node.optional_string(key)? {
                *slot = url;
            }
        }
        Ok(())
    })?;
    if let Some(seconds) = root.optional_unsigned("stats_poll_seconds")? {
        // Faster than every 2 s would hammer the server; slower than a day is off.
        config.stats_poll_seconds = seconds.clamp(2, 86_400) as u32;
    }
    config.pageview_url = root.optional_string("pageview_url")?;
    if let Some(seconds) = root.optional_unsigned("request_timeout_seconds")? {
        config.request_timeout_seconds = seconds.clamp(1, 300) as u32;
    }
    let site = &mut config.site;
    root.with_field("site", |node| {
        for (key, slot) in [
            ("name", &mut site.name),
            ("short_name", &mut site.short_name),
            ("slogan", &mut site.slogan),
            ("owner", &mut site.owner),
            ("responsible", &mut site.responsible),
            ("address", &mut site.address),
            ("phone", &mut site.phone),
        ] {
            if let Some(text) = node.optional_string(key)? {
                *slot = text;
            }
        }
        Ok(())
    })?;
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Problem;

    #[test]
    fn empty_object_gives_the_defaults() {
        assert_eq!(parse_config("{}").unwrap(), Config::default());
    }

    #[test]
    fn given_fields_override_and_unknown_fields_are_ignored() {
        let config = parse_config(
            r#"{"version":1,"sources":{"stats":"https://tk.example.vn/s.json"},"stats_poll_seconds":5,"site":{"phone":"ĐT: 1"},"future":true}"#,
        )
        .unwrap();
        assert_eq!(config.sources.stats, "https://tk.example.vn/s.json");
        assert_eq!(config.sources.article, Sources::default().article);
        assert_eq!(config.stats_poll_seconds, 5);
        assert_eq!(config.site.phone, "ĐT: 1");
    }

    #[test]
    fn wrongly_typed_fields_are_named() {
        let error = parse_config(r#"{"sources":{"stats":42}}"#).unwrap_err();
        assert_eq!(error.problem, Problem::WrongType { path: "sources.stats".into(), expected: "string".into() });
        assert!(parse_config(r#"{"stats_poll_seconds":"60"}"#).is_err());
        assert!(parse_config("[").is_err());
    }

    #[test]
    fn ids_from_the_address_bar_cannot_escape_their_folder() {
        let sources = Sources::default();
        assert_eq!(sources.article_url("1019"), "data/tin/1019.json");
        assert_eq!(sources.article_url("../thong-ke"), "data/tin/%2E%2E%2Fthong-ke.json");
        assert_eq!(sources.van_ban_url("../x"), "data/van-ban/%2E%2E%2Fx.json");
        assert_eq!(sources.van_ban_list_url("loai-ke-hoach", 2), "data/van-ban/ds/loai-ke-hoach/2.json");
        assert_eq!(sources.nhiem_vu_list_url("cap-tinh", 3), "data/nhiem-vu/ds/cap-tinh/3.json");
        assert_eq!(sources.nhiem_vu_url("a/b"), "data/nhiem-vu/a%2Fb.json");
        assert_eq!(sources.week_url(IsoWeek::new(2023, 42).unwrap()), "data/lich-cong-tac/2023-W42.json");
    }
}
