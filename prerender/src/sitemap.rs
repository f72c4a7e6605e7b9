//! `sitemap.xml` and `robots.txt`. The sitemaps protocol allows 50 000
//! addresses a file: above that, numbered sitemaps and an index.

use crate::output::{write_if_changed, Written};
use crate::sanitize::escape;
use portal::core::date::rfc3339_vietnam;
use std::path::Path;

const PER_FILE: usize = 50_000;
/// Each sitemap file's name and the fingerprint of the addresses it was
/// last written with.
const PRINTS_FILE: &str = ".prerender-sitemap";

/// The sitemap's addresses, gathered in the order pages are listed (the
/// news newest first) and written in an order where publishing adds at the
/// end: the news oldest first, then every other page. One new article then
/// rewrites only the last of the archive's files (there are five of
/// 50 000 addresses at 100 000 articles), as the news feed's archive blocks do.
#[derive(Default)]
pub struct Entries {
    news: Vec<(String, Option<i64>)>,
    rest: Vec<(String, Option<i64>)>,
}

impl Entries {
    /// `news`: an article's page or its related news, in the listing's
    /// newest-first order.
    pub fn add(&mut self, news: bool, url: String, lastmod: Option<i64>) {
        if news { &mut self.news } else { &mut self.rest }.push((url, lastmod));
    }

    pub fn in_order(mut self) -> Vec<(String, Option<i64>)> {
        self.news.reverse();
        self.news.append(&mut self.rest);
        self.news
    }
}

/// Writes the sitemap(s) and robots.txt; returns how many sitemap files.
pub fn write(
    site_dir: &Path,
    base_url: &str,
    urls: &[(String, Option<i64>)],
    written: &mut Written,
) -> Result<usize, String> {
    let chunks: Vec<&[(String, Option<i64>)]> = urls.chunks(PER_FILE).collect();
    let files = if chunks.len() <= 1 {
        write_if_changed(&site_dir.join("sitemap.xml"), url_set(urls).as_bytes(), written)?;
        1
    } else {
        let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        let prints_file = site_dir.join(PRINTS_FILE);
        let before = std::fs::read_to_string(&prints_file).unwrap_or_default();
        let mut prints = String::new();
        for (number, chunk) in chunks.iter().enumerate() {
            let name = format!("sitemap-{}.xml", number + 1);
            // A file whose addresses are the last run's is not made again:
            // with the news oldest first, that is all but the last one.
            let print = format!("{name}\t{:016x}\n", fingerprint(chunk));
            if before.contains(&print) && site_dir.join(&name).is_file() {
                written.unchanged += 1;
            } else {
                write_if_changed(&site_dir.join(&name), url_set(chunk).as_bytes(), written)?;
            }
            prints.push_str(&print);
            index.push_str(&format!("  <sitemap><loc>{}{name}</loc></sitemap>\n", escape(base_url, false)));
        }
        index.push_str("</sitemapindex>\n");
        if prints != before {
            std::fs::write(&prints_file, prints).map_err(|e| format!("writing {}: {e}", prints_file.display()))?;
        }
        write_if_changed(&site_dir.join("sitemap.xml"), index.as_bytes(), written)?;
        chunks.len() + 1
    };
    let robots = robots_txt(base_url);
    write_if_changed(&site_dir.join("robots.txt"), robots.as_bytes(), written)?;
    Ok(files)
}

/// The editor (Decap CMS at `quan-tri/`, docs/editor.md) is for the office
/// staff: nothing there is for search engines, and its 5 MB script is not
/// worth a crawler's visit. The path keeps the site's sub-path.
const EDITOR_DIR: &str = "quan-tri/";

fn robots_txt(base_url: &str) -> String {
    // The path part of the site's address: "https://h.vn/portal/" → "/portal/".
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |at| &after_scheme[at..]);
    let site_path = if path.ends_with('/') { path.to_string() } else { format!("{path}/") };
    format!("User-agent: *\nAllow: /\nDisallow: {site_path}{EDITOR_DIR}\n\nSitemap: {base_url}sitemap.xml\n")
}

/// The addresses and dates of a sitemap file, in a few bytes.
fn fingerprint(urls: &[(String, Option<i64>)]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    urls.hash(&mut hasher);
    hasher.finish()
}

fn url_set(urls: &[(String, Option<i64>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, lastmod) in urls {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape(url, false));
        xml.push_str("</loc>");
        if let Some(lastmod) = lastmod {
            xml.push_str("<lastmod>");
            xml.push_str(&rfc3339_vietnam(*lastmod));
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_fifty_thousand_addresses_make_an_index() {
        let dir = std::env::temp_dir().join(format!("sitemap-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let urls: Vec<(String, Option<i64>)> =
            (0..50_001).map(|i| (format!("https://h.vn/tin/{i}"), Some(0))).collect();
        let files = write(&dir, "https://h.vn/", &urls, &mut Written::default()).unwrap();
        assert_eq!(files, 3);
        let index = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
        assert!(index.contains("<sitemapindex") && index.contains("https://h.vn/sitemap-2.xml"), "{index}");
        let second = std::fs::read_to_string(dir.join("sitemap-2.xml")).unwrap();
        assert_eq!(second.matches("<url>").count(), 1);
        let robots = std::fs::read_to_string(dir.join("robots.txt")).unwrap();
        assert!(robots.contains("Sitemap: https://h.vn/sitemap.xml"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The listing's order: the news newest first, then the other pages.
    fn entries(articles: usize) -> Entries {
        let mut entries = Entries::default();
        for id in (0..articles).rev() {
            entries.add(true, format!("https://h.vn/tin/{id}/bai-{id}"), Some(id as i64));
            entries.add(true, format!("https://h.vn/tin/{id}/lien-quan"), None);
        }
        for page in 1..=30 {
            entries.add(false, format!("https://h.vn/chuyen-muc/tin-tuc/trang/{page}"), None);
        }
        entries
    }

    #[test]
    fn publishing_an_article_rewrites_only_the_last_sitemap_file() {
        let dir = std::env::temp_dir().join(format!("sitemap-order-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // 120 030 addresses: two files of 50 000 and a third.
        write(&dir, "https://h.vn/", &entries(60_000).in_order(), &mut Written::default()).unwrap();
        let before: Vec<String> =
            (1..=3).map(|n| std::fs::read_to_string(dir.join(format!("sitemap-{n}.xml"))).unwrap()).collect();
        let mut written = Written::default();
        let files = write(&dir, "https://h.vn/", &entries(60_001).in_order(), &mut written).unwrap();
        assert_eq!(files, 4, "two full files, the third and the index");
        assert_eq!(written.changed, 1, "only sitemap-3.xml, where the new article is");
        let third = std::fs::read_to_string(dir.join("sitemap-3.xml")).unwrap();
        assert_ne!(third, before[2]);
        assert!(third.contains("https://h.vn/tin/60000/bai-60000"), "the newest article is listed");
        assert!(third.contains("https://h.vn/chuyen-muc/tin-tuc/trang/30"), "the other pages come last");
        let first = std::fs::read_to_string(dir.join("sitemap-1.xml")).unwrap();
        assert_eq!(first, before[0]);
        assert!(first.contains("https://h.vn/tin/0/bai-0</loc><lastmod>"), "the oldest article comes first");
        // A file gone from the folder is written again, though its
        // addresses are those of the last run.
        std::fs::remove_file(dir.join("sitemap-1.xml")).unwrap();
        let mut again = Written::default();
        write(&dir, "https://h.vn/", &entries(60_001).in_order(), &mut again).unwrap();
        assert_eq!(again.changed, 1);
        assert_eq!(std::fs::read_to_string(dir.join("sitemap-1.xml")).unwrap(), first);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn robots_keep_crawlers_out_of_the_editor_under_any_sub_path() {
        assert!(robots_txt("https://h.vn/").contains("\nDisallow: /quan-tri/\n"));
        assert!(robots_txt("https://h.vn/portal/").contains("\nDisallow: /portal/quan-tri/\n"));
        assert!(robots_txt("https://h.vn").contains("\nDisallow: /quan-tri/\n"));
    }
}
