//! RSS 2.0 and Atom 1.0 feeds of the latest news and of every category
//! (`kenh-tin/rss/…`, `kenh-tin/atom/…`: `core::routes::feed_file`), written from the same
//! documents the pages are drawn from: each list's first page, its newest
//! 20 items. An item carries its summary, or with `"feeds": {"full_text":
//! true}` in config.json its whole text, read from the article's own
//! document and passed through the pages' allow-list (docs/formats/feeds.md).
//!
//! A feed's dates come from its items, never from the run, so a run with
//! nothing new writes the same bytes and the file is left alone.

use crate::output::{write_if_changed, Written};
use crate::sanitize::{escape, sanitize};
use crate::store::{percent_decode, Store};
use portal::context::Portal;
use portal::core::date::{rfc3339_vietnam, Date, VietnamTime};
use portal::core::feed::{parse_article, parse_categories, parse_feed, NewsItem};
use portal::core::routes::{self, FeedFormat};
use std::fmt::Write;
use std::path::Path;

/// One list to publish as a feed.
struct Channel {
    /// `None`: the latest news; else the category's slug.
    slug: Option<String>,
    title: String,
    description: String,
    /// The list's page on the portal (absolute).
    page: String,
    items: Vec<NewsItem>,
}

/// Writes every feed; the number of files written or checked. A list that
/// cannot be read is named and its feeds keep their previous version.
pub fn write(portal: &Portal, store: &Store, site_dir: &Path, written: &mut Written) -> Result<usize, Vec<String>> {
    let full_text = full_text_asked(store, portal);
    let mut problems = Vec::new();
    let mut files = 0;
    for channel in channels(portal, store, &mut problems) {
        let items: Vec<FeedItem> = channel.items.iter().map(|item| feed_item(portal, store, item, full_text)).collect();
        for format in FeedFormat::BOTH {
            let file = routes::feed_file(format, channel.slug.as_deref());
            let address = absolute(store, &file);
            let xml = match format {
                FeedFormat::Rss => rss(&channel, &items, &address),
                FeedFormat::Atom => atom(&channel, &items, &address, &portal.config.site.name),
            };
            let path = site_dir.join(percent_decode(file.trim_start_matches('/')));
            match write_if_changed(&path, xml.as_bytes(), written) {
                Ok(()) => files += 1,
                Err(problem) => problems.push(problem),
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// config.json's `feeds.full_text` (docs/formats/config.md): read here
/// only, the app has no use for it.
fn full_text_asked(store: &Store, portal: &Portal) -> bool {
    let text = store.read(&format!("{}config.json", portal.site_root)).unwrap_or_default();
    let config: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    config["feeds"]["full_text"].as_bool().unwrap_or(false)
}

/// The latest news and every category the categories document lists.
fn channels(portal: &Portal, store: &Store, problems: &mut Vec<String>) -> Vec<Channel> {
    let site = &portal.config.site;
    let sources = &portal.config.sources;
    let mut read_items = |url: &str, name: &str| match store.read(url) {
        Ok(text) => match parse_feed(name, url, &text) {
            Ok(page) => Some(page.items),
            Err(error) => {
                problems.push(format!("feeds: {}", error.english()));
                None
            }
        },
        Err(problem) => {
            problems.push(format!("feeds: {url}: {problem:?}"));
            None
        }
    };
    let mut channels = Vec::new();
    if let Some(items) = read_items(&portal.url(&sources.latest_feed), "bản tin mới nhất") {
        channels.push(Channel {
            slug: None,
            title: format!("Tin mới nhất - {}", site.short_name),
            description: site.slogan.clone(),
            page: absolute(store, routes::HOME),
            items,
        });
    }
    let categories_url = portal.url(&sources.categories);
    let entries =
        store.read(&categories_url).ok().and_then(|text| parse_categories("chuyên mục", &categories_url, &text).ok());
    for entry in entries.unwrap_or_default() {
        let slug = entry.category.slug.clone();
        let url = entry.feed_url.clone().unwrap_or_else(|| portal.url(&sources.category_url(&slug)));
        if let Some(items) = read_items(&url, "chuyên mục") {
            channels.push(Channel {
                title: format!("{} - {}", entry.category.name, site.short_name),
                description: entry
                    .description
                    .clone()
                    .unwrap_or_else(|| format!("Tin {} – {}", entry.category.name, site.name)),
                page: absolute(store, &routes::category(&slug, 1)),
                slug: Some(slug),
                items,
            });
        }
    }
    channels
}

/// What a feed says of one article.
struct FeedItem {
    title: String,
    link: String,
    published: i64,
    updated: i64,
    /// (slug, name).
    category: Option<(String, String)>,
    /// Plain text (the summary), or the whole text as HTML.
    body: Body,
}

enum Body {
    Text(String),
    Html(String),
}

fn feed_item(portal: &Portal, store: &Store, item: &NewsItem, full_text: bool) -> FeedItem {
    let summary = || Body::Text(item.summary.clone().or_else(|| item.content_text.clone()).unwrap_or_default());
    let body = if full_text {
        // The article's own document; its summary when it cannot be read.
        let url = portal.url(&portal.config.sources.article_url(&item.id));
        let article = store.read(&url).ok().and_then(|text| parse_article("bài viết", &url, &text).ok());
        match article.and_then(|article| article.content_html) {
            // Addresses kept absolute: a feed reader shows the text far from the site.
            Some(html) => Body::Html(sanitize(&html, &url, "")),
            None => summary(),
        }
    } else {
        summary()
    };
    FeedItem {
        title: item.title.clone(),
        link: absolute(store, &routes::article(&item.id, &item.title)),
        published: item.published,
        updated: item.modified.unwrap_or(item.published),
        category: item.category.as_ref().map(|category| (category.slug.clone(), category.name.clone())),
        body,
    }
}

fn absolute(store: &Store, route: &str) -> String {
    format!("{}{route}", store.base_url.trim_end_matches('/'))
}

/// `text` for XML: escaped, without the control characters XML 1.0 forbids.
fn xml(text: &str) -> String {
    let allowed = text.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'));
    escape(&allowed.collect::<String>(), true)
}

fn rss(channel: &Channel, items: &[FeedItem], address: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    let _ = writeln!(out, "<title>{}</title>", xml(&channel.title));
    let _ = writeln!(out, "<link>{}</link>", xml(&channel.page));
    let _ = writeln!(out, "<description>{}</description>", xml(&channel.description));
    out.push_str("<language>vi</language>\n");
    let _ = writeln!(out, "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>", xml(address));
    if let Some(newest) = items.iter().map(|item| item.updated).max() {
        let _ = writeln!(out, "<lastBuildDate>{}</lastBuildDate>", rfc822_vietnam(newest));
    }
    for item in items {
        out.push_str("<item>\n");
        let _ = writeln!(out, "<title>{}</title>", xml(&item.title));
        let _ = writeln!(out, "<link>{}</link>", xml(&item.link));
        let _ = writeln!(out, "<guid isPermaLink=\"true\">{}</guid>", xml(&item.link));
        let _ = writeln!(out, "<pubDate>{}</pubDate>", rfc822_vietnam(item.published));
        if let Some((_, name)) = &item.category {
            let _ = writeln!(out, "<category>{}</category>", xml(name));
        }
        let text = match &item.body {
            Body::Text(text) => xml(text),
            Body::Html(html) => xml(html),
        };
        let _ = writeln!(out, "<description>{text}</description>");
        out.push_str("</item>\n");
    }
    out + "</channel>\n</rss>\n"
}

fn atom(channel: &Channel, items: &[FeedItem], address: &str, site_name: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n");
    let _ = writeln!(out, "<id>{}</id>", xml(address));
    let _ = writeln!(out, "<title>{}</title>", xml(&channel.title));
    let _ = writeln!(out, "<subtitle>{}</subtitle>", xml(&channel.description));
    // An empty feed is as old as it can be: its date never changes a run's output.
    let updated = items.iter().map(|item| item.updated).max().unwrap_or(0);
    let _ = writeln!(out, "<updated>{}</updated>", rfc3339_vietnam(updated));
    let _ = writeln!(out, "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>", xml(address));
    let _ = writeln!(out, "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", xml(&channel.page));
    let _ = writeln!(out, "<author><name>{}</name></author>", xml(site_name));
    for item in items {
        out.push_str("<entry>\n");
        let _ = writeln!(out, "<id>{}</id>", xml(&item.link));
        let _ = writeln!(out, "<title>{}</title>", xml(&item.title));
        let _ = writeln!(out, "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", xml(&item.link));
        let _ = writeln!(out, "<published>{}</published>", rfc3339_vietnam(item.published));
        let _ = writeln!(out, "<updated>{}</updated>", rfc3339_vietnam(item.updated));
        if let Some((slug, name)) = &item.category {
            let _ = writeln!(out, "<category term=\"{}\" label=\"{}\"/>", xml(slug), xml(name));
        }
        match &item.body {
            Body::Text(text) => {
                let _ = writeln!(out, "<summary type=\"text\">{}</summary>", xml(text));
            }
            Body::Html(html) => {
                let _ = writeln!(out, "<content type=\"html\">{}</content>", xml(html));
            }
        }
        out.push_str("</entry>\n");
    }
    out + "</feed>\n"
}

/// "Thu, 19 Oct 2023 08:00:00 +0700": RSS 2.0's date (RFC 822), in Vietnam time.
pub fn rfc822_vietnam(unix_seconds: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let local = VietnamTime::from_unix_seconds(unix_seconds);
    let Date { year, month, day } = local.date;
    // 1970-01-01 was a Thursday.
    let weekday = DAYS[portal::core::date::vietnam_day_number(unix_seconds).rem_euclid(7) as usize];
    let (hour, minute, second) = (local.minute_of_day / 60, local.minute_of_day % 60, unix_seconds.rem_euclid(60));
    let month = MONTHS[(month as usize).clamp(1, 12) - 1];
    format!("{weekday}, {day:02} {month} {year:04} {hour:02}:{minute:02}:{second:02} +0700")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_dates_are_rfc_822_in_vietnam_time() {
        // 2023-10-19T08:00:00+07:00, a Thursday.
        assert_eq!(rfc822_vietnam(1_697_677_200), "Thu, 19 Oct 2023 08:00:00 +0700");
        // 23:30 UTC on Sunday is already Monday in Vietnam.
        assert_eq!(rfc822_vietnam(1_697_412_600), "Mon, 16 Oct 2023 06:30:00 +0700");
    }

    #[test]
    fn text_is_escaped_and_stripped_of_what_xml_forbids() {
        assert_eq!(xml("A & <b> \"c\"\u{0}\u{8}\tx"), "A &amp; &lt;b&gt; &quot;c&quot;\tx");
    }
}
