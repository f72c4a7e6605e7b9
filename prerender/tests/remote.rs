//! Documents on another host: a config.json that names a CMS's own feed by
//! absolute URLs. The prerender fetches them over HTTP (here from a small
//! server on a loopback port serving the sample's documents), draws the same
//! pages, and names a document the CMS does not have.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use support::{prerender, repo, SHELL};

/// Serves the sample's `data/` under `/cms/` until the test ends; `/cms/tin/1019.json`
/// is answered 404, as a CMS that lost it. Returns the base URL.
fn serve_sample_documents() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/cms/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut request_line = String::new();
            let _ = reader.read_line(&mut request_line);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|read| read > 2) {
                line.clear();
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let file = path.strip_prefix("/cms/").map(|rest| repo().join("data").join(rest));
            let body = file.filter(|_| !path.ends_with("/tin/1019.json")).and_then(|file| std::fs::read(file).ok());
            let mut stream = reader.into_inner();
            let head = match &body {
                Some(body) => format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()),
                None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
            };
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_deref().unwrap_or_default());
        }
    });
    base
}

fn site_reading(cms: &str) -> PathBuf {
    let site = std::env::temp_dir().join(format!("prerender-remote-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("index.html"), SHELL).unwrap();
    let config = serde_json::json!({
        "version": 1,
        "sources": {
            "latest_feed": format!("{cms}tin-moi/1.json"),
            "article": format!("{cms}tin/{{id}}.json"),
            "category_feed": format!("{cms}chuyen-muc/{{slug}}/1.json"),
            "category_page": format!("{cms}chuyen-muc/{{slug}}/{{page}}.json"),
            "categories": format!("{cms}chuyen-muc.json"),
            "schedule_index": format!("{cms}lich-cong-tac/index.json"),
            "schedule_week": format!("{cms}lich-cong-tac/{{week}}.json"),
            "stats": format!("{cms}thong-ke.json"),
        }
    });
    std::fs::write(site.join("config.json"), config.to_string()).unwrap();
    site
}

#[test]
fn a_cms_feed_on_another_host_is_prerendered() {
    let cms = serve_sample_documents();
    let site = site_reading(&cms);
    let (ok, printed) = prerender(&site);
    // The missing article is named, its pages are not written, and the run
    // fails with a count; every other page is written.
    assert!(!ok, "a missing document must fail the run: {printed}");
    assert!(printed.contains("tin/1019.json") && printed.contains("page(s) not written"), "{printed}");
    assert!(!site.join("tin/1019.html").exists(), "a page drawn without its article was written");
    let category = std::fs::read_to_string(site.join("chuyen-muc/tin-hoat-dong-so.html")).unwrap();
    assert!(category.contains("Tin hoạt động Sở"), "{category}");
    // Its documents are embedded by their absolute URLs, for the app to take over.
    assert!(category.contains(&format!("data-tai-lieu=\"{cms}chuyen-muc/tin-hoat-dong-so/1.json\"")), "{category}");
    // tin/1113/ holds the article's page and its related news (lien-quan.html).
    let article = std::fs::read_dir(site.join("tin/1113"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| !path.ends_with("lien-quan.html"))
        .unwrap();
    let html = std::fs::read_to_string(article).unwrap();
    assert!(html.contains("Số hóa hồ sơ") || html.contains("<h1 class=\"article-title\">"), "{html}");
    assert!(site.join("chuyen-muc/tin-hoat-dong-so/trang/2.html").is_file(), "the category's page 2");
    std::fs::remove_dir_all(&site).unwrap();
}
