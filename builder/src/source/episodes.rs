//! `content/chuyen-muc-khcn/YYYY-N.md`: one episode of the "Chuyên mục
//! KH&CN" programme each, front matter and a summary in Markdown
//! (content-sources.md, "The programme's episodes").

use super::article::split_front_matter;
use super::datetime::parse_date_time;
use super::fields::Fields;
use super::markdown::{render_body, BodySource};
use super::media::{image_size, resolve};
use super::problem::Report;
use super::yaml;
use std::path::Path;

/// One episode as its file says.
#[derive(Clone, Debug)]
pub struct EpisodeSource {
    pub year: u32,
    pub number: u32,
    pub title: String,
    /// "2016-06-15T20:00:00+07:00" and its Unix seconds.
    pub aired: (String, i64),
    /// In seconds.
    pub duration: Option<u32>,
    pub poster: Option<String>,
    pub youtube: Option<String>,
    pub mp4: Option<String>,
    pub webm: Option<String>,
    pub captions: Option<String>,
    pub summary_html: String,
    pub summary_text: String,
    /// Media files named (paths from `content/`).
    pub media: Vec<String>,
}

/// Reads one episode file (`path` from `content/`), or the report of what is wrong.
pub fn read_episode(text: &str, path: &str, shown: &str, content_dir: &Path) -> (Option<EpisodeSource>, Report) {
    let mut report = Report::default();
    let Some((front, body, body_line)) = split_front_matter(text) else {
        report.problems.push(super::problem::Problem::new(shown, 1, "", "expected front matter between two --- lines"));
        return (None, report);
    };
    let node = match yaml::parse(front, shown, 2) {
        Ok(node) => node,
        Err(problem) => {
            report.problems.push(problem);
            return (None, report);
        }
    };
    let mut fields = match Fields::of(&node, shown, "", "front matter") {
        Ok(fields) => fields,
        Err(problem) => {
            report.problems.push(problem);
            return (None, report);
        }
    };
    let mut media = Vec::new();
    let year = number(&mut fields, "year", 1900, 2999);
    let episode_number = number(&mut fields, "number", 1, 999);
    let title = fields.required_text("title");
    let aired = fields.required_text("aired").and_then(|text| {
        let with_time = if text.len() == 10 { format!("{text} 00:00") } else { text.clone() };
        let parsed = parse_date_time(&with_time).map(|date| (date.text, date.unix_seconds));
        if parsed.is_none() {
            fields.report("aired", fields.line_of("aired"), format!("\"{text}\": expected a date such as 2016-06-15"));
        }
        parsed
    });
    let duration = fields.text("duration").and_then(|text| {
        let seconds = parse_duration(&text);
        if seconds.is_none() {
            fields.report(
                "duration",
                fields.line_of("duration"),
                format!("\"{text}\": expected minutes and seconds, 14:30"),
            );
        }
        seconds
    });
    let from_dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut file = |fields: &mut Fields<'_>, key: &str, ending: &[&str], image: bool| -> Option<String> {
        let reference = fields.text(key)?;
        let checked = resolve(&reference, from_dir, content_dir).and_then(|found| {
            if !ending.iter().any(|ending| found.path.ends_with(ending)) {
                return Err(format!("\"{reference}\": expected a {} file", ending.join(" or ")));
            }
            if image {
                image_size(content_dir, &found)?;
            } else {
                check_media_file(content_dir, &found.path)?;
            }
            Ok(found.path)
        });
        match checked {
            Ok(path) => {
                media.push(path.clone());
                Some(path)
            }
            Err(why) => {
                fields.report(key, fields.line_of(key), why);
                None
            }
        }
    };
    let poster = file(&mut fields, "poster", &[".svg", ".jpg", ".jpeg", ".png", ".webp"], true);
    let mp4 = file(&mut fields, "video_mp4", &[".mp4"], false);
    let webm = file(&mut fields, "video_webm", &[".webm"], false);
    let captions = file(&mut fields, "captions", &[".vtt"], false);
    let youtube = fields.text("youtube").filter(|id| {
        let ok = id.len() == 11 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            fields.report(
                "youtube",
                fields.line_of("youtube"),
                format!("\"{id}\": a YouTube video id is 11 letters, digits, '-' or '_'"),
            );
        }
        ok
    });
    match (mp4.is_some() || webm.is_some(), youtube.is_some()) {
        (false, false) => fields.report(
            "youtube",
            fields.line_of("youtube"),
            "an episode needs its video: video_mp4 or video_webm, or youtube",
        ),
        (true, true) => {
            fields.report("youtube", fields.line_of("youtube"), "either a file of our own or a YouTube video, not both")
        }
        _ => {}
    }
    if captions.is_some() && mp4.is_none() && webm.is_none() {
        fields.report(
            "captions",
            fields.line_of("captions"),
            "captions go with a video file of our own (YouTube has its own)",
        );
    }
    report.problems.extend(fields.finish());
    let source = BodySource { file: shown, first_line: body_line, from_dir, content_dir };
    let body = render_body(body, &source, &mut report);
    media.extend(body.media);
    let (Some(year), Some(number), Some(title), Some(aired), true) =
        (year, episode_number, title, aired, report.is_clean())
    else {
        return (None, report);
    };
    let episode = EpisodeSource {
        year,
        number,
        title,
        aired,
        duration,
        poster,
        youtube,
        mp4,
        webm,
        captions,
        summary_html: body.html,
        summary_text: body.text.trim().to_string(),
        media,
    };
    (Some(episode), report)
}

fn number(fields: &mut Fields<'_>, key: &str, min: u32, max: u32) -> Option<u32> {
    let text = fields.required_text(key)?;
    let value = text.parse::<u32>().ok().filter(|value| (min..=max).contains(value));
    if value.is_none() {
        fields.report(key, fields.line_of(key), format!("\"{text}\": expected a whole number from {min} to {max}"));
    }
    value
}

/// "14:30" or "1:02:03" → seconds.
pub fn parse_duration(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts.iter().any(|part| part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let values: Vec<u32> = parts.iter().map(|part| part.parse().ok()).collect::<Option<_>>()?;
    if values[1..].iter().any(|value| *value >= 60) {
        return None;
    }
    Some(values.iter().fold(0, |total, value| total * 60 + value))
}

/// A video or captions file must be there; captions must be WebVTT.
fn check_media_file(content_dir: &Path, path: &str) -> Result<(), String> {
    let full = content_dir.join(path);
    let bytes = std::fs::read(&full).map_err(|error| format!("content/{path}: {error}"))?;
    if path.ends_with(".vtt") && !bytes.starts_with(b"WEBVTT") && !bytes.starts_with("\u{feff}WEBVTT".as_bytes()) {
        return Err(format!("content/{path}: a WebVTT file starts with WEBVTT"));
    }
    Ok(())
}
