//! What a prerendered page's `<head>` says about it: title, description,
//! canonical address, Open Graph and Twitter cards, and for an article the
//! schema.org `NewsArticle` that search engines read; for a legal document
//! schema.org `Legislation`.

use crate::sanitize::escape;
use portal::core::date::rfc3339_vietnam;
use portal::core::routes::FeedFormat;
use serde_json::json;
use std::fmt::Write;

/// The facts of one page, as its head tells them.
#[derive(Clone, Debug, Default)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// Absolute.
    pub canonical: String,
    /// Absolute, when the page has a picture.
    pub image: Option<String>,
    pub article: Option<ArticleFacts>,
    /// Kept out of search engines' indexes: a page that exists for its
    /// links only (a week without a schedule), with nothing to find.
    pub noindex: bool,
    /// The feeds a reader's browser or feed reader finds from this page
    /// (autodiscovery): (title, format, absolute address).
    pub feeds: Vec<(String, FeedFormat, String)>,
    /// The page's language, "vi" when empty (the English page says "en").
    pub lang: &'static str,
    /// `hreflang` alternates: (language, absolute address).
    pub alternates: Vec<(String, String)>,
    /// schema.org data of the page's own (the department's pages), as JSON
    /// already safe inside `<script>`.
    pub json_ld: Option<String>,
    pub legislation: Option<LegislationFacts>,
}

/// A legal document's facts, for schema.org `Legislation`.
#[derive(Clone, Debug, Default)]
pub struct LegislationFacts {
    /// "Kế hoạch số 65/KH-UBND".
    pub name: String,
    /// Số ký hiệu ("65/KH-UBND"); a draft has none yet.
    pub identifier: Option<String>,
    /// "2023-03-28".
    pub date: String,
    /// Loại văn bản.
    pub kind: String,
    /// Cơ quan ban hành.
    pub passed_by: String,
    /// `https://schema.org/InForce` or `…/NotInForce`.
    pub legal_force: String,
    pub expires: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct ArticleFacts {
    pub headline: String,
    pub published: i64,
    pub modified: Option<i64>,
    pub authors: Vec<String>,
    pub section: Option<String>,
}

/// The tags for `meta`, for a site named `site_name`, to stand after `<title>`.
pub fn head_tags(meta: &PageMeta, site_name: &str) -> String {
    let mut out = String::new();
    let mut tag = |attribute: &str, key: &str, value: &str| {
        let _ = writeln!(out, r#"  <meta {attribute}="{key}" content="{}">"#, escape(value, true));
    };
    tag("name", "description", &meta.description);
    if meta.noindex {
        tag("name", "robots", "noindex");
    }
    tag("property", "og:site_name", site_name);
    tag("property", "og:locale", if meta.lang == "en" { "en_US" } else { "vi_VN" });
    tag("property", "og:type", if meta.article.is_some() { "article" } else { "website" });
    // A shared article is named by its headline alone; other pages by their title.
    let og_title = meta.article.as_ref().map_or(meta.title.as_str(), |article| article.headline.as_str());
    tag("property", "og:title", og_title);
    tag("property", "og:description", &meta.description);
    tag("property", "og:url", &meta.canonical);
    if let Some(image) = &meta.image {
        tag("property", "og:image", image);
    }
    tag("name", "twitter:card", if meta.image.is_some() { "summary_large_image" } else { "summary" });
    tag("name", "twitter:title", &meta.title);
    tag("name", "twitter:description", &meta.description);
    if let Some(image) = &meta.image {
        tag("name", "twitter:image", image);
    }
    if let Some(article) = &meta.article {
        tag("property", "article:published_time", &rfc3339_vietnam(article.published));
        if let Some(modified) = article.modified {
            tag("property", "article:modified_time", &rfc3339_vietnam(modified));
        }
        if let Some(section) = &article.section {
            tag("property", "article:section", section);
        }
    }
    let _ = writeln!(out, r#"  <link rel="canonical" href="{}">"#, escape(&meta.canonical, true));
    for (title, format, href) in &meta.feeds {
        let (kind, title, href) = (format.media_type(), escape(title, true), escape(href, true));
        let _ = writeln!(out, r#"  <link rel="alternate" type="{kind}" title="{title}" href="{href}">"#);
    }
    for (lang, href) in &meta.alternates {
        let _ = writeln!(out, r#"  <link rel="alternate" hreflang="{lang}" href="{}">"#, escape(href, true));
    }
    if let Some(json) = &meta.json_ld {
        let _ = writeln!(out, r#"  <script type="application/ld+json">{json}</script>"#);
    }
    if let Some(legislation) = &meta.legislation {
        let _ = writeln!(out, r#"  <script type="application/ld+json">{}</script>"#, legislation_ld(meta, legislation));
    }
    if let Some(article) = &meta.article {
        let _ = writeln!(
            out,
            r#"  <script type="application/ld+json">{}</script>"#,
            news_article(meta, article, site_name)
        );
    }
    out
}

/// schema.org NewsArticle, as JSON safe inside a `<script>` element.
fn news_article(meta: &PageMeta, article: &ArticleFacts, site_name: &str) -> String {
    let authors: Vec<_> = if article.authors.is_empty() {
        vec![json!({ "@type": "Organization", "name": site_name })]
    } else {
        article.authors.iter().map(|name| json!({ "@type": "Person", "name": name })).collect()
    };
    let document = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": meta.description,
        "datePublished": rfc3339_vietnam(article.published),
        "dateModified": rfc3339_vietnam(article.modified.unwrap_or(article.published)),
        "author": authors,
        "image": meta.image.iter().collect::<Vec<_>>(),
        "publisher": { "@type": "Organization", "name": site_name },
        "mainEntityOfPage": meta.canonical,
        "inLanguage": "vi",
    });
    script_safe(&document.to_string())
}

/// schema.org Legislation (legislationIdentifier, legislationDate,
/// legislationType, legislationPassedBy, legislationLegalForce).
fn legislation_ld(meta: &PageMeta, facts: &LegislationFacts) -> String {
    let mut document = json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": facts.name,
        "description": meta.description,
        "legislationDate": facts.date,
        "legislationType": facts.kind,
        "legislationPassedBy": { "@type": "GovernmentOrganization", "name": facts.passed_by },
        "legislationLegalForce": facts.legal_force,
        "inLanguage": "vi",
        "url": meta.canonical,
    });
    if let Some(identifier) = &facts.identifier {
        document["legislationIdentifier"] = json!(identifier);
    }
    if let Some(expires) = &facts.expires {
        document["expires"] = json!(expires);
    }
    script_safe(&document.to_string())
}

/// JSON that cannot end its `<script>` element early.
pub fn script_safe(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "<\\!--")
}

/// A description of at most about 160 characters, cut at a word.
pub fn short_description(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        if out.chars().count() + word.chars().count() > 157 {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_cannot_close_the_script() {
        assert_eq!(script_safe(r#"{"a":"</script><!--"}"#), r#"{"a":"<\/script><\!--"}"#);
    }

    #[test]
    fn descriptions_are_cut_at_a_word() {
        let long = "từ ".repeat(100);
        let short = short_description(&long);
        assert!(short.ends_with('…') && short.chars().count() <= 160, "{short}");
        assert_eq!(short_description("  hai   từ "), "hai từ");
    }

    #[test]
    fn an_article_gets_open_graph_and_news_article() {
        let meta = PageMeta {
            title: "Tiêu đề \"x\"".into(),
            description: "Tóm tắt".into(),
            canonical: "https://h.vn/tin/1/tieu-de".into(),
            image: Some("https://h.vn/data/anh/1.svg".into()),
            article: Some(ArticleFacts {
                headline: "Tiêu đề".into(), published: 1_697_677_200, ..Default::default()
            }),
            noindex: false,
            feeds: vec![("Tin & sự kiện (RSS)".into(), FeedFormat::Rss, "https://h.vn/rss/tin-moi.xml".into())],
            legislation: None,
            ..Default::default()
        };
        let tags = head_tags(&meta, "Sở KH&CN");
        assert!(tags.contains(r#"<meta property="og:title" content="Tiêu đề">"#), "{tags}");
        assert!(tags.contains(r#"<meta name="twitter:title" content="Tiêu đề &quot;x&quot;">"#), "{tags}");
        assert!(tags.contains(r#"<meta property="og:type" content="article">"#));
        assert!(tags.contains(r#"<meta property="og:image" content="https://h.vn/data/anh/1.svg">"#));
        assert!(tags.contains(r#"<meta property="article:published_time" content="2023-10-19T08:00:00+07:00">"#));
        assert!(tags.contains(r#""@type":"NewsArticle""#), "{tags}");
        assert!(tags.contains(r#"<link rel="canonical" href="https://h.vn/tin/1/tieu-de">"#));
        let feed = r#"<link rel="alternate" type="application/rss+xml" title="Tin &amp; sự kiện (RSS)" href="https://h.vn/rss/tin-moi.xml">"#;
        assert!(tags.contains(feed), "{tags}");
    }

    #[test]
    fn a_legal_document_gets_legislation() {
        let meta = PageMeta {
            title: "Kế hoạch số 65/KH-UBND".into(),
            canonical: "https://h.vn/van-ban/a/ke-hoach-so-65-kh-ubnd".into(),
            legislation: Some(LegislationFacts {
                name: "Kế hoạch số 65/KH-UBND".into(),
                identifier: Some("65/KH-UBND".into()),
                date: "2023-03-28".into(),
                kind: "Kế hoạch".into(),
                passed_by: "UBND tỉnh Quảng Trị".into(),
                legal_force: "https://schema.org/InForce".into(),
                expires: None,
            }),
            ..PageMeta::default()
        };
        let tags = head_tags(&meta, "Sở KH&CN");
        let start = tags.find("<script type=\"application/ld+json\">").unwrap() + 35;
        let json: serde_json::Value =
            serde_json::from_str(&tags[start..tags[start..].find("</script>").unwrap() + start]).unwrap();
        assert_eq!(json["@type"], "Legislation");
        assert_eq!(json["legislationIdentifier"], "65/KH-UBND");
        assert_eq!(json["legislationDate"], "2023-03-28");
        assert_eq!(json["legislationType"], "Kế hoạch");
        assert_eq!(json["legislationPassedBy"]["name"], "UBND tỉnh Quảng Trị");
        assert_eq!(json["legislationLegalForce"], "https://schema.org/InForce");
        assert!(!tags.contains("NewsArticle"));
    }
}
