//! `sitemap.xml` and `robots.txt`. The sitemaps protocol allows 50 000
//! addresses a file: above that, numbered sitemaps and an index.

use crate::output::{write_if_changed, Written};
use crate::sanitize::escape;
use portal::core::date::rfc3339_vietnam;
use std::path::Path;

const PER_FILE: usize = 50_000;

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
        for (number, chunk) in chunks.iter().enumerate() {
            let name = format!("sitemap-{}.xml", number + 1);
            write_if_changed(&site_dir.join(&name), url_set(chunk).as_bytes(), written)?;
            index.push_str(&format!("  <sitemap><loc>{}{name}</loc></sitemap>\n", escape(base_url, false)));
        }
        index.push_str("</sitemapindex>\n");
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

fn url_set(urls: &[(String, Option<i64>)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, lastmod) in urls {
        xml.push_str(&format!("  <url><loc>{}</loc>", escape(url, false)));
        if let Some(lastmod) = lastmod {
            xml.push_str(&format!("<lastmod>{}</lastmod>", rfc3339_vietnam(*lastmod)));
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

    #[test]
    fn robots_keep_crawlers_out_of_the_editor_under_any_sub_path() {
        assert!(robots_txt("https://h.vn/").contains("\nDisallow: /quan-tri/\n"));
        assert!(robots_txt("https://h.vn/portal/").contains("\nDisallow: /portal/quan-tri/\n"));
        assert!(robots_txt("https://h.vn").contains("\nDisallow: /quan-tri/\n"));
    }
}
