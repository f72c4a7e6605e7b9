//! The "Chuyên mục KH&CN" programme's episodes (`chuyen-muc-khcn.json`,
//! docs/formats/episodes.md): one document, newest first. What the app
//! draws itself is the player (a `<video>`, or a YouTube video shown only
//! after a click); the text around it (the list page, each episode's
//! details) the builder draws into the document, as for the department's
//! pages (core::agency_pages), so that it costs the wasm nothing.

use super::error::DocError;
use super::html_policy::safe_url;
use super::json::{parse_document, Node};
use super::markup::escape;
use super::url::resolve;

/// A programme of some hundred episodes is tens of kilobytes.
pub const EPISODES_LIMIT_BYTES: usize = 1024 * 1024;

/// A self-hosted video: its files and captions, absolute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Video {
    pub mp4: Option<String>,
    pub webm: Option<String>,
    /// WebVTT captions: (URL, language, label).
    pub captions: Vec<(String, String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Episode {
    /// "2016-5": the year and the number, the address's id.
    pub id: String,
    /// Its address on the portal (core::routes::episode).
    pub path: String,
    /// "Chuyên mục KH&CN số 5-2016".
    pub label: String,
    pub title: String,
    /// Absolute URL of the poster.
    pub poster: Option<String>,
    pub video: Option<Video>,
    /// A YouTube video's id, played through youtube-nocookie.com.
    pub youtube: Option<String>,
    /// Its details (air date, duration, summary) as HTML; sanitised where drawn.
    pub html: String,
}

/// The episodes, newest first, and the list page's body (HTML).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Programme {
    pub episodes: Vec<Episode>,
    pub list_html: String,
}

/// Parses the document fetched from `url`; `document` names it in errors.
pub fn parse_programme(document: &str, url: &str, text: &str) -> Result<Programme, DocError> {
    let value = parse_document(document, text, EPISODES_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    let absolute = |node: &Node<'_>, key: &str| -> Result<Option<String>, DocError> {
        Ok(node.optional_string(key)?.map(|relative| resolve(url, &relative)))
    };
    let episodes = root.with_required("episodes", |list| {
        list.each(|node| {
            let video = node.with_field("video", |video| {
                let captions = video.with_field("captions", |list| {
                    list.each(|track| {
                        Ok((
                            resolve(url, &track.required_string("src")?),
                            track.required_string("lang")?,
                            track.required_string("label")?,
                        ))
                    })
                })?;
                Ok(Video {
                    mp4: absolute(&video, "mp4")?,
                    webm: absolute(&video, "webm")?,
                    captions: captions.unwrap_or_default(),
                })
            })?;
            Ok(Episode {
                id: node.required_string("id")?,
                path: node.required_string("path")?,
                label: node.required_string("label")?,
                title: node.required_string("title")?,
                poster: absolute(&node, "poster")?,
                video,
                youtube: node.optional_string("youtube")?,
                html: node.required_string("html")?,
            })
        })
    })?;
    Ok(Programme { episodes, list_html: root.required_string("list_html")? })
}

/// The YouTube player's address: the privacy-enhanced host, which sets no
/// cookie until the video plays; the only frame the site's policy allows.
pub fn youtube_embed(id: &str) -> String {
    format!("https://www.youtube-nocookie.com/embed/{}?autoplay=1", super::config::encode_segment(id))
}

/// The player as HTML (drawn with `inner_html`: the same as views cost
/// kilobytes of wasm): a `<video>` with its files and captions, or the
/// poster as a button that the page swaps for [`youtube_frame_html`] when
/// clicked, and a link to the video on youtube.com, for readers without
/// JavaScript. URLs that could run script are left out.
pub fn player_html(episode: &Episode) -> String {
    let url = |url: &Option<String>| url.as_deref().filter(|url| safe_url(url)).map(escape);
    let poster = url(&episode.poster);
    if let Some(video) = &episode.video {
        let mut html =
            String::from("<video class=\"episode-video\" controls preload=\"metadata\" width=\"640\" height=\"360\"");
        if let Some(poster) = &poster {
            html.push_str(&format!(" poster=\"{poster}\""));
        }
        html.push('>');
        for (file, kind) in [(&video.webm, "webm"), (&video.mp4, "mp4")] {
            if let Some(src) = url(file) {
                html.push_str(&format!("<source src=\"{src}\" type=\"video/{kind}\">"));
            }
        }
        for (src, lang, label) in video.captions.iter().filter(|(src, ..)| safe_url(src)) {
            html.push_str(&format!(
                "<track kind=\"captions\" src=\"{}\" srclang=\"{}\" label=\"{}\" default>",
                escape(src),
                escape(lang),
                escape(label)
            ));
        }
        return html + "</video>";
    }
    let Some(id) = &episode.youtube else { return String::new() };
    let image =
        poster.map_or(String::new(), |src| format!("<img src=\"{src}\" alt=\"\" width=\"640\" height=\"360\">"));
    format!(
        "<button type=\"button\" class=\"episode-play\" aria-label=\"Xem video: {}\">{image}\
         <span class=\"episode-play-mark\" aria-hidden=\"true\">▶</span></button>\
         <p class=\"episode-note\">Video phát từ YouTube (youtube-nocookie.com) khi bạn bấm xem. \
         <a href=\"https://www.youtube.com/watch?v={}\" rel=\"noopener\">Mở trên YouTube</a></p>",
        escape(&episode.title),
        super::config::encode_segment(id)
    )
}

/// The YouTube player that replaces the poster once the reader clicks.
pub fn youtube_frame_html(id: &str, title: &str) -> String {
    format!(
        "<iframe class=\"episode-video\" src=\"{}\" title=\"{}\" width=\"640\" height=\"360\" \
         allow=\"autoplay; encrypted-media; picture-in-picture\" allowfullscreen \
         referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>",
        youtube_embed(id),
        escape(title)
    )
}

/// The sidebar's box body: the latest episode, and the others' page.
pub fn latest_html(episode: &Episode, href: impl Fn(&str) -> String) -> String {
    let poster = episode.poster.as_deref().filter(|url| safe_url(url)).map_or(String::new(), |src| {
        format!("<img src=\"{}\" alt=\"\" width=\"640\" height=\"360\" loading=\"lazy\">", escape(src))
    });
    format!(
        "<a class=\"sidebar-episode\" href=\"{}\">{poster}<span class=\"sidebar-episode-label\">{}</span><span>{}</span></a>\
         <p class=\"more-link-line\"><a href=\"{}\">Các số khác</a></p>",
        escape(&href(&episode.path)),
        escape(&episode.label),
        escape(&episode.title),
        escape(&href(super::routes::EPISODES))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Problem;

    const URL: &str = "https://h.vn/data/chuyen-muc-khcn.json";

    #[test]
    fn episodes_read_with_their_files_made_absolute() {
        let text = r#"{"version":1,"list_html":"<ul></ul>","episodes":[
            {"id":"2016-5","path":"/a","label":"Số 5-2016","title":"A","poster":"anh/a.svg","youtube":"abcdefghijk","html":"<p>x</p>","extra":1},
            {"id":"2016-4","path":"/b","label":"Số 4-2016","title":"B","html":"","video":{"webm":"tep/b.webm","captions":[{"src":"tep/b.vtt","lang":"vi","label":"Tiếng Việt"}]}}]}"#;
        let programme = parse_programme("chuyên mục", URL, text).unwrap();
        let [first, second] = &programme.episodes[..] else { panic!("two episodes") };
        assert_eq!(first.poster.as_deref(), Some("https://h.vn/data/anh/a.svg"));
        assert_eq!((first.youtube.as_deref(), &first.video), (Some("abcdefghijk"), &None));
        let video = second.video.as_ref().unwrap();
        assert_eq!(video.webm.as_deref(), Some("https://h.vn/data/tep/b.webm"));
        assert_eq!(video.captions[0].0, "https://h.vn/data/tep/b.vtt");
    }

    #[test]
    fn a_missing_field_is_named() {
        let error = parse_programme(
            "chuyên mục",
            URL,
            r#"{"list_html":"","episodes":[{"id":"1","path":"/c","label":"x","html":""}]}"#,
        )
        .unwrap_err();
        assert_eq!(error.problem, Problem::MissingField { path: "episodes[0].title".into() });
        assert!(parse_programme("chuyên mục", URL, r#"{"episodes":[]}"#).is_err());
    }

    fn episode(video: Option<Video>, youtube: Option<&str>) -> Episode {
        Episode {
            id: "2016-5".into(),
            path: "/chuyen-muc-khcn/2016-5/a".into(),
            label: "Số 5-2016".into(),
            title: "A \"B\"".into(),
            poster: Some("https://h.vn/data/anh/a.svg".into()),
            video,
            youtube: youtube.map(str::to_string),
            html: String::new(),
        }
    }

    #[test]
    fn a_file_of_our_own_plays_in_a_video_element_with_captions() {
        let video = Video {
            mp4: Some("https://h.vn/a.mp4".into()),
            webm: Some("javascript:alert(1)".into()),
            captions: vec![("https://h.vn/a.vtt".into(), "vi".into(), "Tiếng Việt".into())],
        };
        let html = player_html(&episode(Some(video), None));
        assert!(html.starts_with("<video class=\"episode-video\" controls preload=\"metadata\""), "{html}");
        assert!(html.contains("<source src=\"https://h.vn/a.mp4\" type=\"video/mp4\">"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains(
            "<track kind=\"captions\" src=\"https://h.vn/a.vtt\" srclang=\"vi\" label=\"Tiếng Việt\" default>"
        ));
    }

    #[test]
    fn youtube_waits_for_the_click_and_links_out_without_script() {
        let html = player_html(&episode(None, Some("abcdefghijk")));
        assert!(
            html.contains("<button type=\"button\" class=\"episode-play\" aria-label=\"Xem video: A &quot;B&quot;\">")
        );
        assert!(!html.contains("iframe") && !html.contains("youtube-nocookie.com/embed"), "{html}");
        assert!(html.contains("href=\"https://www.youtube.com/watch?v=abcdefghijk\""), "{html}");
        let frame = youtube_frame_html("abcdefghijk", "A");
        assert!(
            frame.contains("src=\"https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1\" title=\"A\""),
            "{frame}"
        );
        let latest = latest_html(&episode(None, Some("x")), |route| format!("/portal{route}"));
        assert!(
            latest.contains("href=\"/portal/chuyen-muc-khcn/2016-5/a\"")
                && latest.contains("href=\"/portal/chuyen-muc-khcn\"")
        );
    }

    #[test]
    fn the_player_is_the_privacy_enhanced_one() {
        assert_eq!(youtube_embed("ab_c-1"), "https://www.youtube-nocookie.com/embed/ab_c-1?autoplay=1");
        assert_eq!(youtube_embed("a/../x"), "https://www.youtube-nocookie.com/embed/a%2F%2E%2E%2Fx?autoplay=1");
    }
}
