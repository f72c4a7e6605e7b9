//! The body's rules (content-sources.md, "The body"), and property tests
//! that nothing outside the allow-list reaches a document: no script, no
//! event handler, no javascript: URL, no raw HTML, whatever the Markdown.

mod support;

use portal_builder::source::markdown::{render_body, Body, BodySource};
use portal_builder::source::problem::Report;
use portal_core::html_policy::{allowed_attribute, is_url_attribute, safe_url, tag_rule, TagRule};
use proptest::prelude::*;
use support::{Site, PNG};

fn render(site: &Site, markdown: &str) -> (Body, Report) {
    let content = site.content();
    let source = BodySource { file: "bai.md", first_line: 10, from_dir: "tin/2026", content_dir: &content };
    let mut report = Report::default();
    let body = render_body(markdown, &source, &mut report);
    (body, report)
}

#[test]
fn a_photo_alone_is_a_figure_with_its_title_as_caption() {
    let site = Site::new();
    let (body, report) = render(&site, "![Toàn cảnh](/anh/hoi-thao.png \"Toàn cảnh hội thảo\")\n");
    assert!(report.problems.is_empty() && report.warnings.is_empty(), "{report:?}");
    assert_eq!(
        body.html,
        "<figure><img src=\"../anh/hoi-thao.png\" width=\"1200\" height=\"800\" alt=\"Toàn cảnh\">\
         <figcaption>Toàn cảnh hội thảo</figcaption></figure>"
    );
    assert_eq!(body.captions, [("../anh/hoi-thao.png".to_string(), "Toàn cảnh hội thảo".to_string())]);
    assert_eq!(body.media, ["anh/hoi-thao.png"]);
}

#[test]
fn an_image_in_a_sentence_stays_inline_and_a_relative_path_works() {
    let site = Site::new();
    let (body, _) = render(&site, "Xem ![sơ đồ](../../anh/hoi-thao.png \"bỏ\") này.\n");
    assert_eq!(
        body.html,
        "<p>Xem <img src=\"../anh/hoi-thao.png\" width=\"1200\" height=\"800\" alt=\"sơ đồ\"> này.</p>"
    );
    assert!(body.captions.is_empty());
}

#[test]
fn headings_lists_tables_and_links_are_written_as_the_documents_have_them() {
    let site = Site::new();
    site.write("content/tep/giay-moi.pdf", "x");
    let markdown = "# Một\n\n### Hai\n\n- a\n- b\n\n3. c\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n\
                    [Giấy mời](/tep/giay-moi.pdf), [bài](/tin/1019/x), [ngoài](https://a.vn/x \"T\").\n";
    let (body, report) = render(&site, markdown);
    assert!(report.problems.is_empty(), "{report:?}");
    let blocks: Vec<&str> = body.html.lines().collect();
    assert_eq!(
        blocks[..4],
        ["<h2>Một</h2>", "<h3>Hai</h3>", "<ul><li>a</li><li>b</li></ul>", "<ol start=\"3\"><li>c</li></ol>"]
    );
    assert_eq!(
        blocks[4],
        "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    );
    assert_eq!(
        blocks[5],
        "<p><a href=\"../tep/giay-moi.pdf\">Giấy mời</a>, <a href=\"../../tin/1019/x\">bài</a>, \
         <a href=\"https://a.vn/x\" title=\"T\">ngoài</a>.</p>"
    );
    assert_eq!(body.media, ["tep/giay-moi.pdf"]);
}

#[test]
fn raw_html_is_text_and_unsafe_links_lose_their_address_with_a_warning() {
    let site = Site::new();
    let (body, report) = render(&site, "<script>alert(1)</script>\n\na <b onclick=x>b</b> [c](javascript:alert(1))\n");
    assert_eq!(body.html, "&lt;script&gt;alert(1)&lt;/script&gt;\n\n<p>a &lt;b onclick=x&gt;b&lt;/b&gt; c</p>");
    assert_eq!(report.warnings.len(), 4, "{:?}", report.warnings);
    assert!(report.warnings.iter().all(|w| w.line >= 10 && w.field == "body"));
}

#[test]
fn images_must_be_photos_under_anh_and_need_alt_text() {
    let site = Site::new();
    site.write("content/tep/a.pdf", "x");
    let (_, report) = render(&site, "![](/anh/hoi-thao.png)\n\n![x](https://a.vn/x.png)\n\n![x](/tep/a.pdf)\n");
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("bai.md:12: body: an image must be a photo under /anh/"), "{problems:?}");
    assert_eq!(report.warnings.len(), 1, "the empty alt");
    site.write("content/anh/hong.png", "not a picture");
    let (_, report) = render(&site, "![x](/anh/hong.png)\n");
    assert!(report.problems[0].message.contains("not a JPEG, PNG, WebP or GIF"), "{report:?}");
    let _ = PNG;
}

/// Every element and attribute of `html`, as a browser's parser reads it,
/// is one the allow-list keeps, and no URL is unsafe.
fn within_policy(html: &str) -> Result<(), String> {
    let fragment = scraper::Html::parse_fragment(html);
    for node in fragment.root_element().descendants() {
        let Some(element) = node.value().as_element() else { continue };
        let tag = element.name();
        if tag == "html" {
            continue;
        }
        if tag_rule(tag) != TagRule::Keep {
            return Err(format!("<{tag}> in {html}"));
        }
        for (name, value) in element.attrs() {
            if !allowed_attribute(tag, name) || (is_url_attribute(name) && !safe_url(value)) {
                return Err(format!("{name}=\"{value}\" on <{tag}> in {html}"));
            }
        }
    }
    Ok(())
}

/// Markdown made of the pieces an attack would use.
fn hostile_markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("[x](JaVa\tScRiPt:alert(1))".to_string()),
        Just("[x](data:text/html,<script>alert(1)</script>)".to_string()),
        Just("![x](javascript:alert(1))".to_string()),
        Just("<iframe src=//a.vn></iframe>".to_string()),
        Just("<div style=\"x\" onmouseover=\"y\">".to_string()),
        Just("<!-- c -->".to_string()),
        Just("`<b>`".to_string()),
        Just("    <script>".to_string()),
        Just("| a | <b> |\n|---|---|\n| [x](javascript:1) | <i> |".to_string()),
        Just("\n\n".to_string()),
        Just("# h".to_string()),
        Just("> q".to_string()),
        Just("- l".to_string()),
        "[a-zA-Z<>\"'=/:&;()\\[\\]!*_` \\n-]{0,40}",
    ];
    prop::collection::vec(piece, 1..8).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_markdown_gets_outside_the_allow_list(markdown in hostile_markdown()) {
        let site = Site::new();
        let (body, _) = render(&site, &markdown);
        prop_assert!(within_policy(&body.html).is_ok(), "{:?}", within_policy(&body.html));
        let lower = body.html.to_ascii_lowercase();
        prop_assert!(!lower.contains("<script") && !lower.contains("<iframe") && !lower.contains("<div"), "{}", body.html);
    }

    #[test]
    fn any_text_at_all_stays_within_the_allow_list(markdown in "\\PC{0,200}") {
        let site = Site::new();
        let (body, _) = render(&site, &markdown);
        prop_assert!(within_policy(&body.html).is_ok(), "{:?}", within_policy(&body.html));
    }
}
