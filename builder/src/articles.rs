//! The articles of a build: read what changed since the last run, take the
//! rest from the cache, check what needs more than one file (categories,
//! related ids, duplicate ids), and hand the writer each body it asks for.

use crate::cache::{CachedArticle, Stamp};
use crate::model::{ArticleBody, ArticleDef};
use crate::source::article::{read_article, ArticleSource};
use crate::source::problem::{Problem, Report};
use crate::writer::{excerpt, Bodies, EXCERPT_CHARS};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The articles that go into the lists, and what is needed to write them.
pub struct Articles<'c> {
    pub content_dir: &'c Path,
    /// How messages name the content folder ("content").
    pub shown_root: &'c str,
    /// By source path, the articles as the lists show them this run.
    pub entries: HashMap<String, CachedArticle>,
    /// Bodies read this run, by id (changed sources).
    pub fresh: HashMap<String, ArticleBody>,
    /// Source path by id.
    pub path_of: HashMap<String, String>,
    /// Ids whose document must stay as it is (broken source).
    pub frozen: HashSet<String>,
    /// By source path, the last good version of each file that is broken
    /// now: out of the lists, but remembered for the next run.
    pub held: HashMap<String, CachedArticle>,
    pub report: Report,
    /// The last good versions of the files that changed, by path.
    previous_of_changed: HashMap<String, CachedArticle>,
}

fn shown(root: &str, path: &str) -> String {
    format!("{root}/{path}")
}

/// Reads one article and turns it into what the cache and the lists keep.
pub fn read_one(content_dir: &Path, root: &str, path: &str) -> (Option<(CachedArticle, ArticleBody)>, Report) {
    let full = content_dir.join(path);
    let stamp = Stamp::of(&full).unwrap_or_default();
    let text = match std::fs::read_to_string(&full) {
        Ok(text) => text,
        Err(error) => {
            let mut report = Report::default();
            report.problems.push(Problem::new(&shown(root, path), 0, "", format!("cannot read: {error}")));
            return (None, report);
        }
    };
    let (article, report) = read_article(content_dir, path, &shown(root, path), &text);
    (article.map(|article| cached(article, stamp)), report)
}

fn cached(source: ArticleSource, stamp: Stamp) -> (CachedArticle, ArticleBody) {
    let ArticleSource { id, title, date, category, summary, author, tags, image, featured, related, body, lines } =
        source;
    let excerpt = excerpt(summary.as_deref().unwrap_or(&body.text), EXCERPT_CHARS);
    let mut cites = crate::cite_links::cited_numbers(&body.text);
    for number in crate::cite_links::cited_numbers(summary.as_deref().unwrap_or_default()) {
        if !cites.contains(&number) {
            cites.push(number);
        }
    }
    let mut media = body.media.clone();
    media.extend(image.clone());
    let route = portal_core::routes::article(&id, &title);
    let def = ArticleDef {
        id,
        title,
        route,
        category,
        published: date.text,
        published_at: date.unix_seconds,
        excerpt,
        author,
        tags,
        image,
        featured,
        related,
        cites,
    };
    let lines = [lines.id, lines.category, lines.related];
    let body = ArticleBody { summary, html: body.html, captions: body.captions };
    (CachedArticle { stamp, def, media, lines, inputs: 0 }, body)
}

impl<'c> Articles<'c> {
    /// Every article of `paths` (whose stamps are `stamps`, in order):
    /// unchanged ones from `cache`, the others read.
    pub fn gather(
        content_dir: &'c Path,
        shown_root: &'c str,
        paths: &[String],
        stamps: &[Option<Stamp>],
        mut cached: HashMap<String, CachedArticle>,
    ) -> Articles<'c> {
        let mut articles = Articles {
            content_dir,
            shown_root,
            entries: HashMap::new(),
            fresh: HashMap::new(),
            path_of: HashMap::new(),
            frozen: HashSet::new(),
            held: HashMap::new(),
            report: Report::default(),
            previous_of_changed: HashMap::new(),
        };
        for (index, path) in paths.iter().enumerate() {
            let previous = cached.remove(path);
            let stamp = stamps.get(index).copied().flatten();
            let previous = match previous {
                Some(previous) if Some(previous.stamp) == stamp => {
                    articles.entries.insert(path.clone(), previous);
                    continue;
                }
                other => other,
            };
            if let Some(previous) = &previous {
                articles.previous_of_changed.insert(path.clone(), previous.clone());
            }
            let (read, report) = read_one(content_dir, shown_root, path);
            articles.report.absorb(report);
            match (read, previous) {
                (Some((entry, body)), _) => {
                    articles.fresh.insert(entry.def.id.clone(), body);
                    articles.entries.insert(path.clone(), entry);
                }
                // A broken file keeps its last good version, document and place in the lists.
                (None, Some(previous)) => {
                    articles.frozen.insert(previous.def.id.clone());
                    articles.entries.insert(path.clone(), previous.clone());
                }
                (None, None) => {}
            }
        }
        articles
    }

    /// Checks ids, categories and related ids across files; an article that
    /// fails leaves the lists (its document, if any, stays as it was).
    pub fn check(&mut self, categories: &HashSet<&str>) {
        // id → the first file that gives it, and any others (nearly always
        // none: an empty list costs no allocation, 100 000 lists did).
        let mut by_id: HashMap<&str, (&str, Vec<&str>)> = HashMap::with_capacity(self.entries.len());
        for (path, entry) in &self.entries {
            match by_id.entry(entry.def.id.as_str()) {
                Entry::Vacant(vacant) => {
                    vacant.insert((path.as_str(), Vec::new()));
                }
                Entry::Occupied(mut occupied) => occupied.get_mut().1.push(path.as_str()),
            }
        }
        // Problems are gathered first and applied after: the entries are
        // borrowed (not copied: 100 000 of them) while they are looked at.
        let mut failures: Vec<(String, usize, &str, String)> = Vec::new();
        // Two files with one id: neither can be told apart from the other,
        // so both are refused and both keep their previous documents.
        for (id, (first, more)) in &by_id {
            if more.is_empty() {
                continue;
            }
            let mut holders: Vec<&str> = more.clone();
            holders.push(first);
            holders.sort_unstable();
            for path in &holders {
                let others: Vec<String> =
                    holders.iter().filter(|other| *other != path).map(|other| shown(self.shown_root, other)).collect();
                let message = format!("the id \"{id}\" is also {}'s", others.join(", "));
                failures.push((path.to_string(), self.entries[*path].lines[0], "id", message));
            }
        }
        let unique = |id: &str| by_id.get(id).is_some_and(|(_, more)| more.is_empty());
        for (path, entry) in &self.entries {
            let (def, lines) = (&entry.def, entry.lines);
            if !unique(&def.id) {
                continue;
            }
            if !categories.contains(def.category.as_str()) {
                let message = format!("no category \"{}\" in chuyen-muc.yml", def.category);
                failures.push((path.to_string(), lines[1], "category", message));
                continue;
            }
            let wrong = def.related.iter().find(|id| !unique(id) || **id == def.id);
            if let Some(wrong) = wrong {
                let message = if *wrong == def.id {
                    "an article is not related to itself".into()
                } else {
                    format!("no article has the id \"{wrong}\"")
                };
                failures.push((path.to_string(), lines[2], "related", message));
            }
        }
        self.path_of = by_id
            .iter()
            .filter(|(_, (_, more))| more.is_empty())
            .map(|(id, (only, _))| (id.to_string(), only.to_string()))
            .collect();
        // Told in the files' order, whatever the maps' order.
        failures.sort_unstable();
        for (path, line, field, message) in failures {
            self.fail(&path, line, field, message);
        }
    }

    fn fail(&mut self, path: &str, line: usize, field: &str, message: String) {
        let file = shown(self.shown_root, path);
        self.report.problems.push(Problem::new(&file, line, field, message));
        if let Some(entry) = self.entries.remove(path) {
            if self.path_of.get(&entry.def.id).map(String::as_str) == Some(path) {
                self.path_of.remove(&entry.def.id);
            }
            self.frozen.insert(entry.def.id);
        }
        if let Some(previous) = self.previous_of_changed.get(path) {
            self.frozen.insert(previous.def.id.clone());
            self.held.insert(path.to_string(), previous.clone());
        }
    }

    /// The articles for the lists, lent out of the entries (100 000 of them
    /// were a fifth of a run as copies); [`Articles::give_back`] returns them.
    pub fn lend_defs(&mut self) -> Vec<ArticleDef> {
        let listed = &self.path_of;
        let entries = self.entries.values_mut().filter(|entry| listed.contains_key(&entry.def.id));
        entries.map(|entry| std::mem::take(&mut entry.def)).collect()
    }

    /// Puts the definitions [`Articles::lend_defs`] lent back in their entries.
    pub fn give_back(&mut self, defs: Vec<ArticleDef>) {
        for def in defs {
            if let Some(entry) = self.path_of.get(&def.id).and_then(|path| self.entries.get_mut(path)) {
                entry.def = def;
            }
        }
    }
}

impl Bodies for Articles<'_> {
    fn body(&mut self, article: &ArticleDef, inputs: u64) -> Option<ArticleBody> {
        if self.frozen.contains(&article.id) {
            return None;
        }
        let path = self.path_of.get(&article.id)?.clone();
        let fresh = self.fresh.remove(&article.id);
        let entry = self.entries.get_mut(&path)?;
        if fresh.is_none() && entry.inputs == inputs {
            return None;
        }
        entry.inputs = inputs;
        if fresh.is_some() {
            return fresh;
        }
        // Unchanged source, changed neighbours: read the body again.
        let (read, report) = read_one(self.content_dir, self.shown_root, &path);
        self.report.absorb(report);
        read.map(|(_, body)| body)
    }
}
