//! The prerender: writes every page of the built portal as HTML, drawn by the
//! app's own components from the documents the site ships, so that search
//! engines, link previews and readers without JavaScript get the page, and
//! the first paint is the content. The app takes over when its wasm arrives.
//!
//!   prerender --site dist --base-url https://skhcn.quangtri.gov.vn/
//!
//! Run after `trunk build --release` (scripts/release-build.sh does), and
//! again whenever the documents change: pages whose HTML comes out the same
//! are not rewritten. A document that cannot be read or parsed is named, the
//! pages that need it keep their previous version, every other page is
//! written, and the command ends non-zero with the count. A page that no
//! list names any more is deleted (with its `.br`/`.gz` copies) only when its
//! own document is gone too, as a deleted article's; otherwise it is kept and
//! named once.

mod agency_head;
mod drawing;
mod episode_head;
mod feeds;
mod head;
mod listing;
mod loader;
mod manifest;
mod output;
mod pages;
mod render;
mod sanitize;
mod search_bodies;
mod search_index;
mod sitemap;
mod standing;
mod store;
mod task_head;

use output::{write_if_changed, Written};
use pages::{list_pages, Page};
use portal::context::Portal;
use portal::core::config::{parse_config, Config};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use store::Store;

struct Options {
    site_dir: PathBuf,
    base_url: String,
    /// Only the search index (`--search-index-only`), not the pages.
    index_only: bool,
}

fn main() -> ExitCode {
    let options = match parse_options(std::env::args().skip(1).collect()) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("prerender: {message}\nusage: prerender --site DIR --base-url https://host/[sub-path/]");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failed) => {
            eprintln!("prerender: {failed} page(s) not written; their previous version stays");
            ExitCode::FAILURE
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::from(2)
        }
    }
}

fn parse_options(args: Vec<String>) -> Result<Options, String> {
    let mut site_dir = None;
    let mut base_url = None;
    let mut index_only = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--site" => site_dir = args.next().map(PathBuf::from),
            "--base-url" => base_url = args.next(),
            "--search-index-only" => index_only = true,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let site_dir = site_dir.ok_or("--site is required")?;
    let mut base_url = base_url.ok_or("--base-url is required (the site's absolute address)")?;
    if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
        return Err(format!("--base-url must be absolute (https://…), not {base_url:?}"));
    }
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    Ok(Options { site_dir, base_url, index_only })
}

/// Writes the site's pages; the number of pages that could not be written.
fn run(options: &Options) -> Result<usize, String> {
    let started = Instant::now();
    let store = Store::new(options.site_dir.clone(), options.base_url.clone());
    // The views resolve documents against the site's path, not its host: the
    // URLs they draw (images, links) then work on whatever host serves them.
    let portal = Portal { config: read_config(&store)?, site_root: store.site_path(), config_error: None };
    if options.index_only {
        let mut listing = listing::Listing::load(&options.site_dir);
        listing.walk(&store, portal.url(&portal.config.sources.latest_feed));
        listing.save(&options.site_dir)?;
        let docs = with_registry(listing.take_docs(), &portal, &store);
        return Ok(write_search_index(docs, &portal, &store, &options.site_dir));
    }
    let template = loader::start_after_first_paint(&output::app_shell(&options.site_dir)?);
    std::thread::scope(|scope| write_pages(options, &store, &portal, &template, started, scope))
}

/// The news the listing read, and the legal documents registry, for the
/// search index (each under its kind: search-index.md).
fn with_registry(
    docs: Result<Vec<portal_search::Doc>, String>,
    portal: &Portal,
    store: &Store,
) -> Result<Vec<portal_search::Doc>, String> {
    let mut docs = docs?;
    search_index::read_van_ban(portal, store, &mut docs)?;
    search_index::read_nhiem_vu(portal, store, &mut docs)?;
    Ok(docs)
}

/// Draws every page whose documents changed, the sitemap, and removes the
/// pages of deleted articles; the number of pages that could not be written.
fn write_pages<'scope, 'env>(
    options: &'env Options,
    store: &'env Store,
    portal: &'env Portal,
    template: &str,
    started: Instant,
    scope: &'scope std::thread::Scope<'scope, 'env>,
) -> Result<usize, String> {
    let today = portal::core::date::vietnam_day_number(portal::clock::now_unix());
    let stats_url = portal.url(&portal.config.sources.stats);
    let categories_url = portal.url(&portal.config.sources.categories);
    // The manifest (a record per page: 205 000 at 100 000 articles) is read
    // on another thread while the feeds are walked for the list of pages.
    let ((mut pages, listing_failures), mut manifest, mut listing) = std::thread::scope(|scope| {
        let categories = categories_url.clone();
        let manifest =
            scope.spawn(move || manifest::Manifest::load(&options.site_dir, template, today, stats_url, categories));
        let mut listing = listing::Listing::load(&options.site_dir);
        let listed = list_pages(portal, store, &mut listing);
        (listed, manifest.join().expect("reading the manifest"), listing)
    });
    // The search index takes the same walk of the feed and writes only
    // under tim-kiem/: it is written beside the pages, on the other core.
    let docs = with_registry(listing.take_docs(), portal, store);
    let index = scope.spawn(move || write_search_index(docs, portal, store, &options.site_dir));
    for failure in &listing_failures {
        eprintln!("prerender: {}", failure.english());
    }

    let drawing = drawing::Drawing { portal, store, template, categories_url: &categories_url };
    let mut written = Written::default();
    let mut failed = 0;
    let mut skipped = 0;
    let mut in_sitemap = sitemap::Entries::default();
    let listed = pages.len();
    let mut verdicts = standing::verdicts(&manifest, store, &options.site_dir, &pages).into_iter();
    // Pages a drawn page asks for are added to the list as it goes: drawn
    // pages are made in rounds, the pages they ask for in the next.
    let mut asked = std::collections::HashSet::new();
    let mut next = 0;
    while next < pages.len() {
        let mut to_draw = Vec::new();
        while next < pages.len() {
            let page = &pages[next];
            next += 1;
            // The listed pages were judged on both cores; the pages they ask
            // for, found as the list is gone through, one by one.
            let standing::Verdict { route, stands, in_sitemap: address } = match verdicts.next() {
                Some(verdict) => {
                    if verdict.stands {
                        manifest.keep(&verdict.route);
                    }
                    verdict
                }
                None => {
                    let route = page.route();
                    let stands = manifest.unchanged(store, &route, &options.site_dir.join(page.first_file(&route)));
                    let in_sitemap = page.in_sitemap_at(&route).then(|| pages::canonical_at(store, &route));
                    standing::Verdict { route, stands, in_sitemap }
                }
            };
            if let Some(address) = address {
                let news = next <= listed && matches!(page, Page::Article { .. } | Page::Related { .. });
                in_sitemap.add(news, address, sitemap_lastmod(page));
            }
            if stands {
                let later: Vec<Page> = manifest
                    .later_pages(&route)
                    .iter()
                    .filter_map(|later| page.asked_for(later))
                    .filter(|p| asked.insert(p.route()))
                    .collect();
                pages.extend(later);
                skipped += 1;
                continue;
            }
            to_draw.push(page.clone());
        }
        for made in drawing.draw_all(to_draw) {
            let page = &made.page;
            pages.extend(
                made.asked.iter().filter_map(|later| page.asked_for(later)).filter(|p| asked.insert(p.route())),
            );
            match &made.files {
                Ok(files) => {
                    for (file, text) in files {
                        write_if_changed(&options.site_dir.join(file), text.as_bytes(), &mut written)?;
                    }
                    manifest.drawn(store, &page.route(), made.inputs);
                }
                Err(causes) => {
                    failed += 1;
                    eprintln!("prerender: {} not written: {causes}", page.route());
                }
            }
        }
    }
    let own_document = |page: &Page| match page {
        Page::Article { id, .. } | Page::Related { id, .. } => Some(portal.url(&portal.config.sources.article_url(id))),
        _ => None,
    };
    let listed_all = listing_failures.is_empty();
    // What is left writes four files that do not depend on one another (the
    // list of pages, the sitemap, the manifest, the listing): side by side,
    // on both cores (a third of a second of a 100 000-article run).
    let (gone, sitemap_files) = std::thread::scope(|scope| {
        let gone = scope.spawn(|| {
            output::remember_pages(&options.site_dir, &pages, own_document, listed_all, |url| presence(store, url))
        });
        let listing_saved = scope.spawn(|| listing.save(&options.site_dir));
        let saved = manifest.save(&options.site_dir);
        let sitemap = sitemap::write(&options.site_dir, &options.base_url, &in_sitemap.in_order(), &mut written);
        if let Err(problems) = feeds::write(portal, store, &options.site_dir, &mut written) {
            for problem in &problems {
                eprintln!("prerender: {problem}");
            }
            failed += problems.len();
        }
        let gone = gone.join().unwrap_or_else(|_| Err("listing the pages to remove panicked".into()));
        let saved = saved.and(listing_saved.join().unwrap_or_else(|_| Err("saving the listing panicked".into())));
        saved.and(sitemap).and_then(|files| gone.map(|gone| (gone, files)))
    })?;
    for gone in gone {
        match gone {
            output::Gone::Removed { file, document } => println!(
                "prerender: removed {file} (with any .br/.gz copies): no document lists its page, and its document {document} is gone"
            ),
            output::Gone::Kept { file, why } => {
                println!("prerender: kept {file}: no document lists its page any more; {why}")
            }
        }
    }
    println!(
        "prerender: {} pages ({} drawn, {} with unchanged documents), {} files written, {} unchanged, \
         {} bytes written or checked, sitemap in {} file(s), {:.1} s",
        pages.len(),
        pages.len() - skipped,
        skipped,
        written.changed,
        written.unchanged,
        written.bytes,
        sitemap_files,
        started.elapsed().as_secs_f64()
    );
    let index_failed = index.join().unwrap_or(1);
    // Freeing a record per page (205 000 at 100 000 articles) took a quarter
    // of a second, and the process ends here: it is left to the end.
    std::mem::forget((pages, manifest, listing));
    Ok(failed + listing_failures.len() + index_failed)
}

/// The search index of `docs`, with each article's body and author from its
/// own document (docs/formats/search-index.md); 1 when it could not be written.
fn write_search_index(
    docs: Result<Vec<portal_search::Doc>, String>,
    portal: &Portal,
    store: &Store,
    site_dir: &std::path::Path,
) -> usize {
    let index_started = Instant::now();
    let bodies = search_bodies::Bodies::new(portal, store);
    let docs = docs.map(|mut docs| {
        bodies.sign(&mut docs);
        docs
    });
    let article_path = search_index::article_path(portal);
    let written = docs.and_then(|docs| search_index::write(site_dir, &docs, article_path, &|d| bodies.fill(d)));
    match written {
        Ok(s) => {
            let (read, missing) = bodies.counts();
            println!(
                "prerender: search index: {} articles ({} documents read, {} unreadable), \
                 {} segment(s), {} bytes, {} files ({} bytes) written, {:.1} s",
                s.articles,
                read,
                missing,
                s.segments,
                s.index_bytes,
                s.files_written,
                s.bytes_written,
                index_started.elapsed().as_secs_f64()
            );
            0
        }
        Err(message) => {
            eprintln!("prerender: search index not written: {message}");
            1
        }
    }
}

/// Whether a page's own document is known to be gone: its file is not
/// there (or its host answers 404/410). Any other answer keeps the page.
fn presence(store: &Store, url: &str) -> output::Presence {
    use output::Presence;
    let Some(file) = store.file_of(url) else {
        return match store.read(url) {
            Ok(_) => Presence::There,
            Err(portal::core::error::Problem::NotFound) => Presence::Absent,
            Err(problem) => Presence::Unknown(format!("{problem:?}")),
        };
    };
    match file.symlink_metadata() {
        Ok(_) => Presence::There,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Presence::Absent,
        Err(error) => Presence::Unknown(error.to_string()),
    }
}

fn read_config(store: &Store) -> Result<Config, String> {
    let url = format!("{}config.json", store.site_path());
    match store.read(&url) {
        Ok(text) => parse_config(&text).map_err(|error| error.english()),
        Err(portal::core::error::Problem::NotFound) => Ok(Config::default()),
        Err(problem) => Err(format!("config.json: {problem:?}")),
    }
}

fn sitemap_lastmod(page: &Page) -> Option<i64> {
    match page {
        Page::Article { lastmod, .. } => Some(*lastmod),
        _ => None,
    }
}
