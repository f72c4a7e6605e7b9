//! `content/chuyen-muc-khcn/*.md` (content-sources.md, "The programme's
//! episodes"): the document, newest first, and each rule, named by file,
//! line and field, with the last good document kept.

mod support;

use support::Site;

const DOC: &str = "site/data/chuyen-muc-khcn.json";

fn episode(year: u32, number: u32, extra: &str) -> String {
    format!("---\nyear: {year}\nnumber: {number}\ntitle: Số {number} năm {year}\naired: {year}-06-20\nduration: '14:30'\n{extra}---\nTóm tắt số {number}.\n")
}

#[test]
fn episodes_are_written_newest_first_with_their_media() {
    let site = Site::new();
    site.write("content/chuyen-muc-khcn/2015-12.md", episode(2015, 12, "youtube: abcdefghijk\n"));
    site.write(
        "content/chuyen-muc-khcn/2016-5.md",
        episode(2016, 5, "youtube: abcdefghij2\nposter: /anh/hoi-thao.png\n"),
    );
    site.write("content/tep/b.webm", b"\x1a\x45\xdf\xa3 webm");
    site.write("content/tep/b.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n");
    site.write(
        "content/chuyen-muc-khcn/2016-4.md",
        episode(2016, 4, "video_webm: /tep/b.webm\ncaptions: /tep/b.vtt\n"),
    );
    let outcome = site.build();
    assert!(outcome.report.problems.is_empty(), "{:?}", site.problems(&outcome));
    let document = site.json(DOC);
    let ids: Vec<&str> = document["episodes"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["2016-5", "2016-4", "2015-12"]);
    let latest = &document["episodes"][0];
    assert_eq!(latest["label"], "Chuyên mục KH&CN số 5-2016");
    assert_eq!(latest["path"], "/chuyen-muc-khcn/2016-5/so-5-nam-2016");
    assert_eq!(latest["duration"], "PT14M30S");
    assert_eq!(latest["aired"], "2016-06-20T00:00:00+07:00");
    assert_eq!(latest["poster"], "anh/hoi-thao.png");
    assert!(latest["html"].as_str().unwrap().contains("Phát sóng: 20-06-2016 · Thời lượng: 14 phút 30 giây"));
    let own = &document["episodes"][1]["video"];
    assert_eq!((own["webm"].as_str(), own["captions"][0]["src"].as_str()), (Some("tep/b.webm"), Some("tep/b.vtt")));
    let list = document["list_html"].as_str().unwrap();
    assert!(list.find("Năm 2016") < list.find("Năm 2015"), "{list}");
    for media in ["site/data/anh/hoi-thao.png", "site/data/tep/b.webm", "site/data/tep/b.vtt"] {
        assert!(site.exists(media), "{media} is published");
    }
}

fn problems_with(extra: &str) -> Vec<String> {
    let site = Site::new();
    site.write("content/chuyen-muc-khcn/2016-5.md", episode(2016, 5, "youtube: abcdefghijk\n"));
    site.build();
    let before = site.read(DOC);
    site.write("content/tep/x.vtt", "not captions");
    site.write("content/chuyen-muc-khcn/2016-6.md", episode(2016, 6, extra));
    let outcome = site.build();
    assert_eq!(site.read(DOC), before, "a broken episode keeps the last good document");
    site.problems(&outcome)
}

#[test]
fn each_rule_names_file_line_and_field() {
    let file = "content/chuyen-muc-khcn/2016-6.md";
    let cases = [
        ("youtube: abc\n", format!("{file}:7: youtube: \"abc\": a YouTube video id")),
        ("", format!("{file}:2: youtube: an episode needs its video")),
        (
            "youtube: abcdefghijk\nvideo_webm: /tep/khong-co.webm\n",
            format!("{file}:8: video_webm: missing file: content/tep/khong-co.webm"),
        ),
        ("video_mp4: /anh/hoi-thao.png\n", format!("{file}:7: video_mp4: \"/anh/hoi-thao.png\": expected a .mp4 file")),
        (
            "youtube: abcdefghijk\ncaptions: /tep/x.vtt\n",
            format!("{file}:8: captions: content/tep/x.vtt: a WebVTT file starts with WEBVTT"),
        ),
        ("youtube: abcdefghijk\nmua: 2\n", format!("{file}:8: mua: unknown field")),
    ];
    for (extra, expected) in cases {
        let problems = problems_with(extra);
        assert!(problems.iter().any(|p| p.starts_with(&expected)), "{expected}\n{problems:?}");
    }
    let site = Site::new();
    site.write("content/chuyen-muc-khcn/a.md", episode(2016, 5, "youtube: abcdefghijk\n"));
    site.write("content/chuyen-muc-khcn/b.md", episode(2016, 5, "youtube: abcdefghij2\n"));
    let problems = site.problems(&site.build());
    assert!(problems.iter().any(|p| p.contains("episode 2016-5 is also")), "{problems:?}");
    let text = episode(2016, 7, "youtube: abcdefghijk\n").replace("duration: '14:30'", "duration: 14 phút");
    site.write("content/chuyen-muc-khcn/b.md", text);
    let problems = site.problems(&site.build());
    assert!(problems.iter().any(|p| p.contains("duration: \"14 phút\": expected minutes and seconds")), "{problems:?}");
}
