//! The documents beside the news: `config.json`'s site part, the schedule's
//! weeks and their index, and the media files the sources name.

use crate::cache::{Cache, Stamp};
use crate::documents::{ConfigDocument, ConfigSources, FeedsText};
use crate::sink::Sink;
use crate::source::problem::{Problem, Report};
use crate::source::schedule::{read_week, week_of_file};
use crate::source::site::read_site;
use crate::source::svg_check::checked_size;
use crate::source::SITE_FILE;
use portal_core::config::{Config, Sources};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::io;
use std::path::Path;

/// Writes `config.json` (the site's root) with the site settings of
/// `thong-tin-chung.yml` and the default document locations under `data_dir`.
pub fn write_config(
    content: &Path,
    shown_root: &str,
    data_dir: &str,
    sink: &mut dyn Sink,
    report: &mut Report,
) -> io::Result<()> {
    let shown = format!("{shown_root}/{SITE_FILE}");
    let site = match std::fs::read_to_string(content.join(SITE_FILE)) {
        Ok(text) => read_site(&text, &shown),
        Err(error) => Err(vec![Problem::new(&shown, 0, "", format!("cannot read: {error}"))]),
    };
    match site {
        Ok((site, feeds)) => {
            let config = Config { site, ..Config::default() };
            let mut document = production_config(&config, data_dir);
            document.feeds = Some(FeedsText { full_text: feeds.full_text });
            sink.put("config.json", &pretty(&document)?)
        }
        Err(problems) => {
            report.problems.extend(problems);
            sink.keep("config.json");
            Ok(())
        }
    }
}

/// `config.json` spelling out every default, so the web team sees what
/// they can change; document locations under `data_dir` rather than `data`.
pub fn production_config<'c>(config: &'c Config, data_dir: &str) -> ConfigDocument<'c> {
    let Sources {
        latest_feed,
        article,
        category_feed,
        category_page,
        categories,
        schedule_index,
        schedule_week,
        stats,
        van_ban_list,
        van_ban,
        van_ban_facets,
        nhiem_vu_list,
        nhiem_vu,
        nhiem_vu_facets,
        agency,
        episodes,
    } = config.sources.clone();
    let moved = |path: String| match path.strip_prefix("data/") {
        Some(rest) => format!("{data_dir}/{rest}"),
        None => path,
    };
    ConfigDocument {
        version: portal_core::config::CONFIG_VERSION,
        sources: ConfigSources {
            latest_feed: moved(latest_feed),
            article: moved(article),
            category_feed: moved(category_feed),
            category_page: moved(category_page),
            categories: moved(categories),
            schedule_index: Some(moved(schedule_index)),
            schedule_week: Some(moved(schedule_week)),
            stats: Some(moved(stats)),
            van_ban_list: moved(van_ban_list),
            van_ban: moved(van_ban),
            van_ban_facets: moved(van_ban_facets),
            nhiem_vu_list: moved(nhiem_vu_list),
            nhiem_vu: moved(nhiem_vu),
            nhiem_vu_facets: moved(nhiem_vu_facets),
            agency: Some(moved(agency)),
            episodes: Some(moved(episodes)),
        },
        stats_poll_seconds: Some(config.stats_poll_seconds),
        request_timeout_seconds: Some(config.request_timeout_seconds),
        site: Some((&config.site).into()),
        feeds: Some(FeedsText { full_text: false }),
    }
}

#[derive(Serialize)]
struct WeekIndex<'a> {
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<&'a str>,
    weeks: Vec<String>,
}

/// Writes each week file's document and the index of weeks; returns the
/// media files the weeks link.
pub fn write_schedule(
    content: &Path,
    shown_root: &str,
    weeks: &[String],
    data_dir: &str,
    previous_outputs: &HashMap<String, u64>,
    sink: &mut dyn Sink,
    report: &mut Report,
) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    let mut media = Vec::new();
    let mut newest_update: Option<String> = None;
    // Each file with its name and the week it names ("2023-w42.yml" →
    // "2023-W42"; a misnamed file keeps its own name, and is refused below).
    let files: Vec<(&String, &str, String)> = weeks
        .iter()
        .map(|path| {
            let file_name = path.strip_prefix("lich-cong-tac/").filter(|name| !name.contains('/')).unwrap_or(path);
            let week = week_of_file(file_name)
                .map_or_else(|| file_name.trim_end_matches(".yml").to_string(), |week| week.to_string());
            (path, file_name, week)
        })
        .collect();
    // "2023-W42.yml" and "2023-w42.yml" are one week: which of the two
    // files is meant cannot be told, so both are refused (as two articles
    // with one id are) and the week keeps its last document.
    let mut files_of_week: HashMap<&str, Vec<String>> = HashMap::new();
    for (path, file_name, week) in &files {
        if week_of_file(file_name).is_some() {
            files_of_week.entry(week).or_default().push(format!("{shown_root}/{path}"));
        }
    }
    for (path, file_name, week) in &files {
        let shown = format!("{shown_root}/{path}");
        let output = format!("{data_dir}/lich-cong-tac/{week}.json");
        let twins: Vec<&String> =
            files_of_week.get(week.as_str()).into_iter().flatten().filter(|other| **other != shown).collect();
        let read = if twins.is_empty() {
            std::fs::read_to_string(content.join(path))
                .map_err(|error| vec![Problem::new(&shown, 0, "", format!("cannot read: {error}"))])
                .and_then(|text| read_week(content, file_name, &text, &shown))
        } else {
            let others = twins.iter().map(|other| other.as_str()).collect::<Vec<_>>().join(", ");
            Err(vec![Problem::new(&shown, 0, "", format!("the week {week} is also {others}'s: keep one file"))])
        };
        match read {
            Ok(document) => {
                sink.put(&output, &pretty(&document)?)?;
                newest_update = newest_update.max(document.updated.clone());
                media.extend(document.media);
                names.push(document.week);
            }
            // A broken week keeps its last document, and so its place in the index.
            Err(problems) => {
                report.problems.extend(problems);
                sink.keep(&output);
                if previous_outputs.contains_key(&output) && !names.contains(week) {
                    names.push(week.clone());
                }
            }
        }
    }
    names.sort();
    let index = WeekIndex { version: 1, updated: newest_update.as_deref(), weeks: names };
    sink.put(&format!("{data_dir}/lich-cong-tac/index.json"), &pretty(&index)?)?;
    Ok(media)
}

/// Copies each named media file into the data folder, unless it is
/// unchanged since the last run; returns each one's stamp.
pub fn copy_media(
    content: &Path,
    shown_root: &str,
    data_dir: &str,
    named: &HashSet<String>,
    previous: &Cache,
    sink: &mut dyn Sink,
    report: &mut Report,
) -> io::Result<HashMap<String, Stamp>> {
    let mut stamps = HashMap::new();
    let mut paths: Vec<&String> = named.iter().collect();
    paths.sort();
    for path in paths {
        let source = content.join(path);
        let output = format!("{data_dir}/{path}");
        let stamp = Stamp::of(&source).unwrap_or_default();
        if previous.media.get(path) == Some(&stamp) && previous.outputs.contains_key(&output) {
            sink.keep(&output);
            stamps.insert(path.clone(), stamp);
            continue;
        }
        let bytes = std::fs::read(&source)?;
        if path.ends_with(".svg") {
            // Linked as an attachment, an SVG is still opened on the site's origin.
            if let Err(why) = checked_size(&String::from_utf8_lossy(&bytes)) {
                report.problems.push(Problem::new(&format!("{shown_root}/{path}"), 0, "", why));
                continue;
            }
        }
        sink.put(&output, &bytes)?;
        stamps.insert(path.clone(), stamp);
    }
    Ok(stamps)
}

fn pretty(document: &impl Serialize) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(document)?;
    bytes.push(b'\n');
    Ok(bytes)
}
