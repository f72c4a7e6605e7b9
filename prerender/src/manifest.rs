//! What each page was drawn from, so a run after new documents arrive draws
//! only the pages whose inputs changed (`.prerender-manifest` in the site).
//!
//! A page's signature hashes, for each document it read, the URL and the
//! file's size and modification time, plus the app shell (whose hashed wasm
//! and script names change with every build of the app) and the day in
//! Vietnam (the sidebar shows today's schedule). The statistics document is
//! left out: its figures change every minute, and a page shows the figures
//! of its last drawing, with their time, until it is drawn again anyway.
//!
//! The categories document is rewritten whenever news is published (its
//! `newest` lists), and every page reads it for the navigation. Only the home
//! page shows those lists (and the sidebar the magazine column's), so for
//! every other page the signature covers the navigation's part of it: one
//! new article does not redraw the whole archive. The app forgets the
//! documents a page embeds once it has taken the page over, so the older
//! copy embedded in such a page is never shown anywhere else.

use crate::store::Store;
use portal::core::feed::parse_categories;
use std::collections::hash_map::DefaultHasher;
// Fx: the maps hold 205 000 routes and 100 000 file names at 100 000
// articles; their keys are our own, so SipHash's guard against chosen
// collisions buys nothing here. The signatures themselves stay SipHash.
use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;

const MANIFEST_FILE: &str = ".prerender-manifest";

/// Signatures of the last run, and of this one as pages are drawn.
pub struct Manifest {
    /// route → (signature, the documents it read)
    before: HashMap<String, (u64, Vec<String>)>,
    /// A page's address → the later pages below it (`…/trang/N`) that the
    /// last run drew: a page asks for them while it is drawn, so when it is
    /// not drawn again they are known from here.
    later_pages: HashMap<String, Vec<String>>,
    now: Vec<(String, u64, Vec<String>)>,
    /// What every page's signature starts from: the shell and the day.
    common: u64,
    /// Files' signatures as this thread looked them up.
    lookups: Lookups,
    /// Left out of signatures (the statistics document).
    ignored: String,
    /// The categories document's URL.
    categories: String,
}

impl Manifest {
    pub fn load(site_dir: &Path, shell: &str, today: i64, ignored: String, categories: String) -> Manifest {
        let mut before = HashMap::default();
        let text = std::fs::read_to_string(site_dir.join(MANIFEST_FILE)).unwrap_or_default();
        for line in text.lines() {
            let mut fields = line.split('\t');
            let (Some(route), Some(signature)) = (fields.next(), fields.next()) else { continue };
            let Ok(signature) = u64::from_str_radix(signature, 16) else { continue };
            let inputs = fields.map(str::to_string).collect();
            before.insert(route.to_string(), (signature, inputs));
        }
        let mut later_pages: HashMap<String, Vec<String>> = HashMap::default();
        for route in before.keys() {
            if let Some((first, _)) = route.rsplit_once("/trang/") {
                later_pages.entry(first.to_string()).or_default().push(route.clone());
            }
        }
        let mut hasher = DefaultHasher::new();
        (shell, today, env!("CARGO_PKG_VERSION")).hash(&mut hasher);
        Manifest {
            before,
            later_pages,
            now: Vec::new(),
            common: hasher.finish(),
            lookups: Lookups::default(),
            ignored,
            categories,
        }
    }

    fn signature(&mut self, store: &Store, route: &str, inputs: &[String]) -> u64 {
        let mut lookups = std::mem::take(&mut self.lookups);
        let signature = self.signature_with(&mut lookups, store, route, inputs);
        self.lookups = lookups;
        signature
    }

    fn signature_with(&self, lookups: &mut Lookups, store: &Store, route: &str, inputs: &[String]) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.common.hash(&mut hasher);
        // 205 000 pages at 100 000 articles, most read the same few files:
        // a file's signature is looked up by reference, and made (with its
        // key) only the first time.
        for url in inputs.iter().filter(|url| **url != self.ignored) {
            let file = if signs_navigation_only(&self.categories, url, route) {
                *lookups.navigation.get_or_insert_with(|| navigation_signature(store, url))
            } else if let Some(known) = lookups.files.get(url.as_str()) {
                *known
            } else {
                let made = file_signature(store, url);
                lookups.files.insert(url.clone(), made);
                made
            };
            (url, file).hash(&mut hasher);
        }
        hasher.finish()
    }

    /// Whether `route` was drawn before from documents that are unchanged
    /// and its file is still there; it changes nothing, so several threads
    /// can ask at once, each with its own `lookups`. `keep` then records it.
    pub fn stands(&self, lookups: &mut Lookups, store: &Store, route: &str, page_file: &Path) -> bool {
        let Some((signature, inputs)) = self.before.get(route) else { return false };
        page_file.is_file() && self.signature_with(lookups, store, route, inputs) == *signature
    }

    /// Keeps a page that `stands` in this run's manifest as it was.
    pub fn keep(&mut self, route: &str) {
        if let Some((route, (signature, inputs))) = self.before.remove_entry(route) {
            self.now.push((route, signature, inputs));
        }
    }

    /// Whether `route` was drawn before from documents that are unchanged
    /// (its file then stands as it is); if so it is kept in the manifest.
    pub fn unchanged(&mut self, store: &Store, route: &str, page_file: &Path) -> bool {
        let mut lookups = std::mem::take(&mut self.lookups);
        let stands = self.stands(&mut lookups, store, route, page_file);
        self.lookups = lookups;
        if stands {
            self.keep(route);
        }
        stands
    }

    /// The later pages (`{route}/trang/N`) that the last run drew below `route`.
    pub fn later_pages(&self, route: &str) -> &[String] {
        self.later_pages.get(route).map_or(&[], Vec::as_slice)
    }

    /// Records what `route` was just drawn from.
    pub fn drawn(&mut self, store: &Store, route: &str, inputs: Vec<String>) {
        let signature = self.signature(store, route, &inputs);
        self.now.push((route.to_string(), signature, inputs));
    }

    pub fn save(&self, site_dir: &Path) -> Result<(), String> {
        use std::fmt::Write;
        let mut text = String::with_capacity(self.now.len() * 160);
        for (route, signature, inputs) in &self.now {
            let _ = write!(text, "{route}\t{signature:016x}");
            for input in inputs {
                text.push('\t');
                text.push_str(input);
            }
            text.push('\n');
        }
        let file = site_dir.join(MANIFEST_FILE);
        std::fs::write(&file, text).map_err(|e| format!("writing {}: {e}", file.display()))
    }
}

/// Files' signatures as one thread looked them up: each file once a run.
#[derive(Default)]
pub struct Lookups {
    files: HashMap<String, u64>,
    /// The navigation's part of the categories document.
    navigation: Option<u64>,
}

/// A local document by its file's size and time; one on another host by its
/// content (read again on every run: keep a large archive in the folder).
fn file_signature(store: &Store, url: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    if !store.is_local(url) {
        format!("{:?}", store.read(url)).hash(&mut hasher);
        return hasher.finish();
    }
    local_signature(store, url).unwrap_or_else(|| {
        "missing".hash(&mut hasher);
        hasher.finish()
    })
}

/// A file of the site folder by its size and modification time; `None`
/// when `url` is not one or cannot be read (also the listing's key).
pub fn local_signature(store: &Store, url: &str) -> Option<u64> {
    let metadata = store.file_of(url)?.metadata().ok()?;
    let mut hasher = DefaultHasher::new();
    (metadata.len(), metadata.modified().ok()).hash(&mut hasher);
    Some(hasher.finish())
}

/// Whether `route`'s signature covers only the navigation's part of the
/// document at `url` (the categories document, on every page but the home
/// page): its embedded copy may then be older than the file, and the page
/// marks it so (`data-co-the-cu`) for the app to fetch it afresh later.
pub fn signs_navigation_only(categories_url: &str, url: &str, route: &str) -> bool {
    url == categories_url && route != "/"
}

/// What a page other than the home page shows of the categories document:
/// every category's name, section and links (the sidebar's programme box
/// reads a document of its own, core::episodes). A document that does not parse falls back to the file.
fn navigation_signature(store: &Store, url: &str) -> u64 {
    let parsed = store.read(url).ok().and_then(|text| parse_categories("chuyên mục", url, &text).ok());
    let Some(entries) = parsed else { return file_signature(store, url) };
    let mut hasher = DefaultHasher::new();
    for entry in &entries {
        let category = &entry.category;
        (&category.slug, &category.name, &category.section, &entry.description, &entry.feed_url, entry.on_home)
            .hash(&mut hasher);
    }
    hasher.finish()
}
