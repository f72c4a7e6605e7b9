//! The builder: `content/` → every document the portal reads, written only
//! where something changed. A broken source is reported (file, line, field),
//! keeps its documents' previous version, and does not stop the others.

use crate::agency::write_agency;
use crate::articles::Articles;
use crate::cache::{self, Cache};
use crate::episodes::write_episodes;
use crate::extras::{copy_media, write_config, write_schedule};
use crate::model::{Archive, Labels};
use crate::nhiem_vu::{write_tasks, NewsIndex};
use crate::sink::{DirSink, Sink};
use crate::source::categories::read_categories;
use crate::source::problem::{Problem, Report};
use crate::source::{inventory, CATEGORIES_FILE};
use crate::van_ban::{write_registry, Citing};
use crate::writer::{write_archive, Output, WriteOptions};
use portal_core::date::Date;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// Items per list page (news-feed.md: about 20).
pub const PAGE_SIZE: usize = 20;

#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub content_dir: PathBuf,
    /// The data folder ("data"); `config.json` goes into its parent, the site's root.
    pub out_dir: PathBuf,
    /// Indented JSON (a small site, read by people) or compact (large archives).
    pub pretty: bool,
    /// Items per list page ([`PAGE_SIZE`] unless told).
    pub page_size: usize,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub report: Report,
    /// Files written (from the site root).
    pub written: Vec<String>,
    /// Files of the last run no longer produced, removed.
    pub removed: Vec<String>,
    /// Files produced this run (written or unchanged).
    pub produced: usize,
    /// Media files no source names: the office may delete them.
    pub unused_media: Vec<String>,
}

/// Runs the builder once.
pub fn build(options: &BuildOptions) -> io::Result<Outcome> {
    let content = options.content_dir.as_path();
    let shown_root = shown_name(content);
    let site_root = options.out_dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let data_dir = options.out_dir.file_name().map_or("data".into(), |name| name.to_string_lossy().into_owned());
    let cache_file = cache::cache_path(&options.out_dir);
    // The cache (70 MB at 100 000 articles) is read on another thread while
    // the sources are listed and stamped.
    let loading = {
        let (cache_file, out_dir) = (cache_file.clone(), options.out_dir.clone());
        std::thread::spawn(move || cache::load(&cache_file, &out_dir))
    };
    let files = inventory(content)?;
    // Nothing changed since a clean run (every source's stamp, the options):
    // then nothing can change, and the cache is not waited for.
    // The registry's statuses depend on the day (what has expired).
    let today = today();
    let (sources, article_stamps) =
        cache::sources_print(content, &files, &(options.page_size, options.pretty, &data_dir, today));
    if let Some(produced) = cache::unchanged_since_clean_run(&cache_file, sources, &options.out_dir) {
        return Ok(Outcome { produced, ..Outcome::default() });
    }
    let mut previous = loading.join().map_err(|_| io::Error::other("reading the builder's cache panicked"))?;
    let mut outcome = Outcome::default();

    let categories_file = format!("{shown_root}/{CATEGORIES_FILE}");
    let categories = match std::fs::read_to_string(content.join(CATEGORIES_FILE)) {
        Ok(text) => read_categories(&text, &categories_file),
        Err(error) => Err(vec![Problem::new(&categories_file, 0, "", format!("cannot read: {error}"))]),
    };
    let categories = categories.or_else(|problems| {
        outcome.report.problems.extend(problems);
        previous.categories.clone().ok_or(())
    });
    let Ok(categories) = categories else {
        // Without categories no list can be written: nothing is touched.
        return Ok(outcome);
    };

    let mut articles = Articles::gather(
        content,
        &shown_root,
        &files.articles,
        &article_stamps,
        std::mem::take(&mut previous.articles),
    );
    articles.check(&categories.iter().map(|category| category.slug.as_str()).collect::<HashSet<_>>());
    let defs = articles.lend_defs();
    let write_options =
        WriteOptions { data_dir: data_dir.clone(), page_size: options.page_size.max(1), pretty: options.pretty };
    // From here on the data folder changes: a run cut short must leave no
    // cache that would vouch for a half-written document.
    cache::forget(&cache_file)?;
    let mut sink = DirSink::new(site_root, previous.outputs.clone());
    // The registry first: the articles link the numbers it holds.
    let citing: Vec<Citing<'_>> = defs
        .iter()
        .filter(|def| !def.cites.is_empty())
        .map(|def| Citing { id: &def.id, title: &def.title, published_at: def.published_at, numbers: &def.cites })
        .collect();
    let registry = {
        let mut out = Output { sink: &mut sink, pretty: options.pretty };
        let (content, van_ban) = (content, &files.van_ban);
        write_registry(content, &shown_root, van_ban, &data_dir, today, &citing, &mut out, &mut outcome.report)?
    };
    drop(citing);
    // The tasks name news articles by id; a site without tasks builds no index of them.
    let task_media = if files.nhiem_vu.is_empty() {
        Vec::new()
    } else {
        let news: NewsIndex<'_> =
            defs.iter().map(|def| (def.id.as_str(), (def.title.as_str(), def.published_at))).collect();
        let mut out = Output { sink: &mut sink, pretty: options.pretty };
        write_tasks(content, &shown_root, &files.nhiem_vu, &data_dir, today, &news, &mut out, &mut outcome.report)?
    };
    let mut archive = Archive {
        labels: Labels::default(),
        categories: categories.clone(),
        articles: defs,
        doc_links: registry.links,
    };
    write_archive(&archive, &write_options, &mut articles, &mut sink)?;
    articles.give_back(std::mem::take(&mut archive.articles));
    // A broken article out of the lists still keeps its last document.
    for id in &articles.frozen {
        sink.keep(&crate::paths::article_document(&data_dir, id));
    }
    outcome.report.absorb(std::mem::take(&mut articles.report));

    write_config(content, &shown_root, &data_dir, &mut sink, &mut outcome.report)?;
    let week_media = write_schedule(
        content,
        &shown_root,
        &files.weeks,
        &data_dir,
        &previous.outputs,
        &mut sink,
        &mut outcome.report,
    )?;
    let agency_media = write_agency(content, &shown_root, &data_dir, &categories, &mut sink, &mut outcome.report)?;
    let episode_media =
        write_episodes(content, &shown_root, &files.episodes, &data_dir, &mut sink, &mut outcome.report)?;
    let mut named: HashSet<String> = articles.entries.values().flat_map(|entry| entry.media.clone()).collect();
    named.extend(week_media);
    named.extend(registry.media);
    named.extend(task_media);
    named.extend(agency_media);
    named.extend(episode_media);
    let media_stamps = copy_media(content, &shown_root, &data_dir, &named, &previous, &mut sink, &mut outcome.report)?;
    outcome.unused_media = files.media.iter().filter(|path| !named.contains(*path)).cloned().collect();

    outcome.removed = sink.remove_stale()?;
    outcome.produced = sink.current.len();
    outcome.written = std::mem::take(&mut sink.written);
    let mut remembered = articles.entries;
    remembered.extend(articles.held);
    let next = Cache {
        version: previous.version,
        articles: remembered,
        bucket_prints: std::mem::take(&mut previous.bucket_prints),
        categories: Some(categories),
        outputs: sink.current,
        media: media_stamps,
    };
    cache::save(&cache_file, &next)?;
    // Only a clean run may be skipped next time: problems are told on every run.
    let clean = outcome.report.problems.is_empty();
    cache::save_sources_print(&cache_file, clean.then_some((sources, outcome.produced)))?;
    Ok(outcome)
}

/// Today in Vietnam, or the day `PORTAL_TODAY` (YYYY-MM-DD) names, so a
/// test or a rebuild of an old state can fix the day statuses are taken on.
pub fn today() -> Date {
    if let Some(day) = std::env::var("PORTAL_TODAY").ok().and_then(|text| Date::parse_iso(&text)) {
        return day;
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    Date::from_days_since_epoch(portal_core::date::vietnam_day_number(now))
}

/// How messages name the content folder: as given ("content", "/tmp/x/content").
fn shown_name(content: &Path) -> String {
    content.to_string_lossy().trim_end_matches('/').to_string()
}
