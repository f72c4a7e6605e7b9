//! The "Chuyên mục KH&CN" programme (core::episodes) against the release
//! build: the list and an episode read without JavaScript (VideoObject,
//! the link to YouTube, the sidebar's latest episode); in the app, nothing
//! from YouTube before the click, then the privacy-enhanced player, which
//! the page's policy lets in; and a self-hosted WebM with WebVTT captions,
//! made in the browser by MediaRecorder (no video tool on these machines).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{repo, with_browser, with_browser_scripted, Build, Reply, Viewport};

const LATEST: &str = "/chuyen-muc-khcn/2016-5/ung-dung-tien-bo-khoa-hoc-va-cong-nghe-trong-san-xuat-nong-nghiep-so-mau";
const DOCUMENT: &str = "/data/chuyen-muc-khcn.json";

#[tokio::test]
async fn without_javascript_the_list_and_an_episode_read_and_link_to_youtube() {
    with_browser_scripted("episodes-no-js", Build::SubPath, Viewport::Phone, false, |browser, _server| async move {
        browser.open("/chuyen-muc-khcn").await;
        assert_eq!(browser.text_of("main#noi-dung h1").await.as_deref(), Some("Chuyên mục KH&CN"));
        let main = browser.text_of("main#noi-dung").await.unwrap_or_default();
        let (newer, older) = (main.find("Năm 2016"), main.find("Năm 2015"));
        assert!(newer.is_some() && newer < older, "newest first, by year: {main}");
        // The sidebar shows the latest episode, as the seed page does.
        let sidebar = browser.text_of(".sidebar .sidebar-episode").await.unwrap_or_default();
        assert!(sidebar.contains("Chuyên mục KH&CN số 5-2016"), "{sidebar}");
        browser.click(".sidebar .sidebar-episode").await;
        assert_eq!(browser.path().await, format!("/portal{LATEST}"));
        assert_eq!(browser.text_of(".episode-label").await.as_deref(), Some("Chuyên mục KH&CN số 5-2016"));
        let main = browser.text_of("main#noi-dung").await.unwrap_or_default();
        assert!(main.contains("Phát sóng: 20-06-2016") && main.contains("14 phút 30 giây"), "{main}");
        assert!(browser.holds("return !document.querySelector('iframe');", vec![]).await);
        let watch = browser.eval("return document.querySelector('.episode-note a').href;", vec![]).await;
        assert_eq!(watch, json!("https://www.youtube.com/watch?v=mauKHCN0516"));
        let data = browser
            .eval(
                "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent);",
                vec![],
            )
            .await;
        assert_eq!(data["@type"], "VideoObject");
        assert_eq!(data["duration"], "PT14M30S");
        assert_eq!(data["embedUrl"], "https://www.youtube-nocookie.com/embed/mauKHCN0516");
    })
    .await;
}

#[tokio::test]
async fn youtube_loads_only_after_the_click_and_the_policy_lets_exactly_it_in() {
    with_browser("episodes-youtube", Build::Root, Viewport::Desktop, |browser, _server| async move {
        browser.open(LATEST).await;
        assert_eq!(browser.settled_heading().await, "Ứng dụng tiến bộ khoa học và công nghệ trong sản xuất nông nghiệp (số mẫu)");
        browser.eval("window.__blocked = []; document.addEventListener('securitypolicyviolation', e => window.__blocked.push(e.blockedURI));", vec![]).await;
        let youtube_requests = "return performance.getEntriesByType('resource').filter(e => e.name.includes('youtube')).length;";
        assert_eq!(browser.eval(youtube_requests, vec![]).await, json!(0), "nothing from YouTube before the click");
        assert!(browser.holds("return !document.querySelector('iframe');", vec![]).await);
        browser.click(".episode-play").await;
        let src = browser.wait_for("iframe.episode-video").await;
        let _ = src;
        let src = browser.eval("return document.querySelector('iframe.episode-video').src;", vec![]).await;
        assert_eq!(src, json!("https://www.youtube-nocookie.com/embed/mauKHCN0516?autoplay=1"));
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        assert_eq!(browser.eval("return window.__blocked;", vec![]).await, json!([]), "the policy blocked the player");
        // Any other frame stays blocked by the same policy.
        browser.eval("const f = document.createElement('iframe'); f.src = 'https://example.com/'; document.body.append(f);", vec![]).await;
        browser.wait_until("the other frame to be refused", "window.__blocked.some(u => u.includes('example.com'))").await;
    })
    .await;
}

/// A one-second WebM drawn on a canvas and recorded by the browser itself.
const RECORD_WEBM: &str = "
    const canvas = document.createElement('canvas');
    canvas.width = 64; canvas.height = 36;
    const context = canvas.getContext('2d');
    const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm' });
    const chunks = [];
    recorder.ondataavailable = event => chunks.push(event.data);
    let frame = 0;
    const timer = setInterval(() => { context.fillStyle = frame++ % 2 ? '#c00' : '#00c'; context.fillRect(0, 0, 64, 36); }, 50);
    recorder.start();
    return new Promise(done => setTimeout(done, 1000))
        .then(() => { clearInterval(timer); const stopped = new Promise(done => recorder.onstop = done); recorder.stop(); return stopped; })
        .then(() => new Blob(chunks).arrayBuffer())
        .then(buffer => Array.from(new Uint8Array(buffer)));";

#[tokio::test]
async fn a_self_hosted_video_plays_in_the_page_with_its_captions() {
    with_browser("episodes-self-hosted", Build::Root, Viewport::Desktop, |browser, server| async move {
        server.serve_app_shell_only();
        browser.open("/").await;
        browser.wait_for_app().await;
        let bytes: Vec<u8> = match browser.eval(RECORD_WEBM, vec![]).await {
            Value::Array(values) => values.iter().filter_map(Value::as_u64).map(|b| b as u8).collect(),
            other => panic!("no recording: {other}"),
        };
        assert!(bytes.len() > 100, "a recording of {} bytes", bytes.len());
        server.set_reply("/data/tep/so-mau.webm", Reply::json(bytes).with_content_type("video/webm"));
        let captions = "WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n";
        server.set_reply("/data/tep/so-mau.vtt", Reply::json(captions).with_content_type("text/vtt"));
        let mut document: Value = serde_json::from_str(&std::fs::read_to_string(repo("data/chuyen-muc-khcn.json")).unwrap()).unwrap();
        let episode = &mut document["episodes"][0];
        episode.as_object_mut().unwrap().remove("youtube");
        episode["video"] = json!({ "webm": "tep/so-mau.webm", "captions": [{ "src": "tep/so-mau.vtt", "lang": "vi", "label": "Tiếng Việt" }] });
        server.set_reply(DOCUMENT, Reply::json(document.to_string()));
        browser.open(LATEST).await;
        browser.settled_heading().await;
        assert!(browser.holds("return !document.querySelector('.episode-play');", vec![]).await);
        browser.wait_until("the video's metadata", "document.querySelector('video.episode-video').readyState >= 1").await;
        browser
            .wait_until("the captions", "(document.querySelector('video').textTracks[0]?.cues?.length || 0) === 1")
            .await;
        let track = browser.eval("const t = document.querySelector('video').textTracks[0]; return [t.kind, t.language, t.label, t.cues[0].text];", vec![]).await;
        assert_eq!(track, json!(["captions", "vi", "Tiếng Việt", "Xin chào"]));
    })
    .await;
}

#[tokio::test]
async fn an_unknown_episode_is_not_found_and_a_failing_document_can_be_retried() {
    with_browser("episodes-errors", Build::Root, Viewport::Desktop, |browser, server| async move {
        browser.open("/chuyen-muc-khcn/1999-1").await;
        browser.wait_for_app().await;
        browser.wait_for_text("main#noi-dung", "Không tìm thấy").await;
        server.serve_app_shell_only();
        server.set_reply(DOCUMENT, Reply::status(500));
        browser.open("/chuyen-muc-khcn").await;
        browser.wait_for_text("main [role=alert]", "Chuyên mục KH&CN").await;
        server.clear_reply(DOCUMENT);
        browser.click("main [role=alert] button").await;
        browser.wait_for_text("main#noi-dung", "Năm 2016").await;
    })
    .await;
}
