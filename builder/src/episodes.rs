//! Writes the programme's document (`chuyen-muc-khcn.json`) from the
//! episode files (source::episodes): the episodes newest first, with the
//! text the app shows around each player and the list page drawn here
//! (docs/formats/episodes.md), so that none of it costs wasm.

use crate::sink::Sink;
use crate::source::episodes::{read_episode, EpisodeSource};
use crate::source::problem::{Problem, Report};
use portal_core::date::vietnam_date_dashed;
use portal_core::markup::escape;
use portal_core::routes;
use serde::Serialize;
use std::io;
use std::path::Path;

pub const EPISODES_DOCUMENT: &str = "chuyen-muc-khcn.json";

#[derive(Serialize)]
struct Document {
    version: u32,
    list_html: String,
    episodes: Vec<EpisodeOut>,
}

#[derive(Serialize)]
struct EpisodeOut {
    id: String,
    path: String,
    number: u32,
    year: u32,
    label: String,
    title: String,
    aired: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    duration: Option<String>,
    summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    poster: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    youtube: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    video: Option<VideoOut>,
    html: String,
}

#[derive(Serialize)]
struct VideoOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    mp4: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    webm: Option<String>,
    captions: Vec<Track>,
}

#[derive(Serialize)]
struct Track {
    src: String,
    lang: &'static str,
    label: &'static str,
}

/// Writes the document when there are episode files; returns the media
/// they name. A broken file keeps the last good document whole.
pub fn write_episodes(
    content: &Path,
    shown_root: &str,
    files: &[String],
    data_dir: &str,
    sink: &mut dyn Sink,
    report: &mut Report,
) -> io::Result<Vec<String>> {
    let output = format!("{data_dir}/{EPISODES_DOCUMENT}");
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let mut episodes: Vec<(EpisodeSource, String)> = Vec::new();
    let mut broken = false;
    for path in files.iter().filter(|path| path.ends_with(".md")) {
        let shown = format!("{shown_root}/{path}");
        let text = std::fs::read_to_string(content.join(path))?;
        let (episode, found) = read_episode(&text, path, &shown, content);
        broken |= !found.is_clean();
        report.absorb(found);
        if let Some(episode) = episode {
            let id = format!("{}-{}", episode.year, episode.number);
            if let Some((_, other)) =
                episodes.iter().find(|(known, _)| known.year == episode.year && known.number == episode.number)
            {
                report.problems.push(Problem::new(&shown, 2, "number", format!("episode {id} is also {other}")));
                broken = true;
            }
            episodes.push((episode, shown));
        }
    }
    if broken {
        sink.keep(&output);
        return Ok(Vec::new());
    }
    episodes.sort_by_key(|(episode, _)| std::cmp::Reverse((episode.year, episode.number)));
    let media = episodes.iter().flat_map(|(episode, _)| episode.media.clone()).collect();
    let out: Vec<EpisodeOut> = episodes.into_iter().map(|(episode, _)| episode_out(episode)).collect();
    let document = Document { version: 1, list_html: list_html(&out), episodes: out };
    let mut bytes = serde_json::to_vec_pretty(&document).map_err(io::Error::other)?;
    bytes.push(b'\n');
    sink.put(&output, &bytes)?;
    Ok(media)
}

fn episode_out(episode: EpisodeSource) -> EpisodeOut {
    let id = format!("{}-{}", episode.year, episode.number);
    let path = routes::episode(&id, &episode.title);
    let aired_day = vietnam_date_dashed(&episode.aired.0).unwrap_or_default();
    let mut details = format!("<p>Phát sóng: {aired_day}");
    if let Some(seconds) = episode.duration {
        details.push_str(&format!(" · Thời lượng: {}", spoken_duration(seconds)));
    }
    details.push_str("</p>");
    details.push_str(&episode.summary_html);
    details.push_str(&format!("<p><a href=\"..{}\">Các số khác của Chuyên mục KH&amp;CN</a></p>", routes::EPISODES));
    let video = (episode.mp4.is_some() || episode.webm.is_some()).then(|| VideoOut {
        mp4: episode.mp4,
        webm: episode.webm,
        captions: episode.captions.into_iter().map(|src| Track { src, lang: "vi", label: "Tiếng Việt" }).collect(),
    });
    EpisodeOut {
        label: format!("Chuyên mục KH&CN số {}-{}", episode.number, episode.year),
        id,
        path,
        number: episode.number,
        year: episode.year,
        title: episode.title,
        aired: episode.aired.0,
        duration: episode.duration.map(iso_duration),
        summary: episode.summary_text,
        poster: episode.poster,
        youtube: episode.youtube,
        video,
        html: details,
    }
}

/// The list page: by year, newest first, each episode a link.
fn list_html(episodes: &[EpisodeOut]) -> String {
    let mut html = String::new();
    let mut year = 0;
    for episode in episodes {
        if episode.year != year {
            if year != 0 {
                html.push_str("</ul>");
            }
            year = episode.year;
            html.push_str(&format!("<h2>Năm {year}</h2><ul>"));
        }
        let day = vietnam_date_dashed(&episode.aired).unwrap_or_default();
        html.push_str(&format!(
            "<li><a href=\"..{}\">Số {}-{}: {}</a> (phát sóng {day})</li>",
            escape(&episode.path),
            episode.number,
            episode.year,
            escape(&episode.title)
        ));
    }
    if year != 0 {
        html.push_str("</ul>");
    }
    html
}

/// 870 → "14 phút 30 giây".
fn spoken_duration(seconds: u32) -> String {
    let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut parts = Vec::new();
    if hours > 0 {
        parts.push(format!("{hours} giờ"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes} phút"));
    }
    if rest > 0 || parts.is_empty() {
        parts.push(format!("{rest} giây"));
    }
    parts.join(" ")
}

/// 870 → "PT14M30S" (ISO 8601, as schema.org's VideoObject wants it).
fn iso_duration(seconds: u32) -> String {
    let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut text = String::from("PT");
    if hours > 0 {
        text.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        text.push_str(&format!("{minutes}M"));
    }
    if rest > 0 || (hours == 0 && minutes == 0) {
        text.push_str(&format!("{rest}S"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_spoken_and_iso() {
        assert_eq!(spoken_duration(870), "14 phút 30 giây");
        assert_eq!(spoken_duration(3600), "1 giờ");
        assert_eq!(iso_duration(870), "PT14M30S");
        assert_eq!(iso_duration(3723), "PT1H2M3S");
        assert_eq!(iso_duration(0), "PT0S");
    }
}
