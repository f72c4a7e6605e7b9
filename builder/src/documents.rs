//! The JSON shapes the writer emits, field for field as `docs/formats/` and
//! `schemas/` describe them. Field order here is the order in the files.

use serde::Serialize;

/// JSON Feed's version URL; every news document starts with it.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

/// A news feed: a list page, an article document or the categories document.
#[derive(Serialize)]
pub struct FeedDocument<'a, Item: Serialize> {
    pub version: &'static str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    pub language: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_url: Option<String>,
    pub items: Vec<Item>,
    #[serde(rename = "_portal")]
    pub portal: FeedExtension<'a>,
}

/// The feed's `_portal` object.
#[derive(Serialize)]
pub struct FeedExtension<'a> {
    pub format_version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<CategoryRef<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_pages: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_items: Option<usize>,
}

/// A category as items and category feeds name it.
#[derive(Serialize, Clone, Copy, Hash)]
pub struct CategoryRef<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<&'a str>,
}

/// One news item: in full in an article document, shortened in a list page.
#[derive(Serialize)]
pub struct NewsItem<'a> {
    pub id: &'a str,
    pub url: String,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    pub date_published: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<&'a str>,
    #[serde(rename = "_portal")]
    pub portal: ItemExtension<'a>,
}

/// A JSON Feed author.
#[derive(Serialize)]
pub struct Author<'a> {
    pub name: &'a str,
}

/// The item's `_portal` object.
#[derive(Serialize)]
pub struct ItemExtension<'a> {
    pub category: CategoryRef<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub captions: Vec<Caption<'a>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub featured: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub neighbours: Option<Neighbours<'a>>,
    /// "Tin khác" (article documents only), as list items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_news: Vec<NewsItem<'a>>,
}

/// An article's neighbours in its category (article documents only).
#[derive(Serialize, Clone, Copy, Default, Hash)]
pub struct Neighbours<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub newer: Option<ArticleLink<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub older: Option<ArticleLink<'a>>,
}

/// Another article, by id and title.
#[derive(Serialize, Clone, Copy, Hash)]
pub struct ArticleLink<'a> {
    pub id: &'a str,
    pub title: &'a str,
}

/// A caption keyed by its image's URL.
#[derive(Serialize)]
pub struct Caption<'a> {
    pub image: &'a str,
    pub text: &'a str,
}

/// One entry of the categories document.
#[derive(Serialize)]
pub struct CategoryItem<'a> {
    pub id: &'a str,
    pub url: String,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_text: Option<&'a str>,
    #[serde(rename = "_portal")]
    pub portal: CategoryExtension<'a>,
}

/// A category entry's `_portal` object.
#[derive(Serialize)]
pub struct CategoryExtension<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<&'a str>,
    pub feed_url: String,
    pub on_home: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub newest: Vec<Teaser<'a>>,
}

/// One of a category's newest items, as the categories document lists them
/// for the home page's blocks and the sidebar.
#[derive(Serialize)]
pub struct Teaser<'a> {
    pub id: &'a str,
    pub url: String,
    pub title: &'a str,
    pub date_published: &'a str,
}

/// `config.json`.
#[derive(Serialize)]
pub struct ConfigDocument<'a> {
    pub version: u64,
    pub sources: ConfigSources,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stats_poll_seconds: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_timeout_seconds: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<SiteText<'a>>,
    /// Read by the prerender only (its RSS and Atom feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feeds: Option<FeedsText>,
}

/// `config.json`'s `feeds` (docs/formats/config.md).
#[derive(Serialize)]
pub struct FeedsText {
    pub full_text: bool,
}

/// The site's identity in `config.json` (mirrors `core::config::Site`).
#[derive(Serialize)]
pub struct SiteText<'a> {
    pub name: &'a str,
    pub short_name: &'a str,
    pub slogan: &'a str,
    pub owner: &'a str,
    pub responsible: &'a str,
    pub address: &'a str,
    pub phone: &'a str,
}

impl<'a> From<&'a portal_core::config::Site> for SiteText<'a> {
    fn from(site: &'a portal_core::config::Site) -> SiteText<'a> {
        SiteText {
            name: &site.name,
            short_name: &site.short_name,
            slogan: &site.slogan,
            owner: &site.owner,
            responsible: &site.responsible,
            address: &site.address,
            phone: &site.phone,
        }
    }
}

/// The document locations of `config.json`, relative to the site root.
#[derive(Serialize)]
pub struct ConfigSources {
    pub latest_feed: String,
    pub article: String,
    pub category_feed: String,
    pub category_page: String,
    pub categories: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule_index: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule_week: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stats: Option<String>,
    pub van_ban_list: String,
    pub van_ban: String,
    pub van_ban_facets: String,
    pub nhiem_vu_list: String,
    pub nhiem_vu: String,
    pub nhiem_vu_facets: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub episodes: Option<String>,
}
