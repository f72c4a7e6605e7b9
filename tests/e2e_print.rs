//! An article printed, as Chromium prints it to PDF (`Page.printToPDF`),
//! read back by poppler's `pdftotext` (scripts/setup.sh installs it): the
//! article's title, date, text, source and address are there, and the
//! navigation, the sidebar's boxes and the buttons are not. The same print
//! stylesheet makes the "Lưu bài (PDF)" file.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};
use support::{seed_paragraphs, with_browser, Build, Viewport, SEED_TITLE};

/// The text of a PDF given in base64, whitespace made single spaces.
fn pdf_text(base64: &str) -> String {
    let dir = std::env::temp_dir().join(format!("portal-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("bai.pdf");
    let mut decode = Command::new("base64")
        .args(["-d", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("base64 (coreutils)");
    decode.stdin.take().unwrap().write_all(base64.as_bytes()).unwrap();
    let bytes = decode.wait_with_output().unwrap().stdout;
    std::fs::write(&pdf, bytes).unwrap();
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (bash scripts/setup.sh installs poppler-utils)");
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    std::fs::remove_dir_all(&dir).unwrap();
    String::from_utf8_lossy(&output.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn a_printed_article_is_the_article_with_its_address_and_nothing_else() {
    with_browser("print-article", Build::Root, Viewport::Desktop, |browser, server| async move {
        let seed_article = portal::core::routes::article("1019", SEED_TITLE);
        browser.open(&seed_article).await;
        browser.wait_for_app().await;
        browser.wait_until("the article", "document.querySelector('.article-title')").await;
        browser.wait_until("the sidebar's figures", "document.querySelector('.visitor-widget-number')").await;
        let printed = browser.devtools("Page.printToPDF", json!({ "printBackground": false })).await;
        let text = pdf_text(printed["data"].as_str().expect("a PDF"));

        assert!(text.contains(SEED_TITLE), "the title: {text}");
        assert!(text.contains("Ngày đăng: 19-10-2023"), "the date: {text}");
        for paragraph in seed_paragraphs().iter().take(3) {
            let words: String = paragraph.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
            assert!(text.contains(&words), "«{words}» of the body: {text}");
        }
        let address = server.url(&seed_article);
        assert!(text.contains(&format!("Nguồn: {address}")), "the address at the end: {text}");
        for left_out in
            ["Thống kê truy cập", "Tìm kiếm", "Tin khác", "Chép liên kết", "In bài viết", "Lưu bài", "Danh mục"]
        {
            assert!(!text.contains(left_out), "«{left_out}» printed: {text}");
        }
    })
    .await;
}
