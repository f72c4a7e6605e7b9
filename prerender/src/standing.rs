//! Which of the listed pages stand as the last run drew them, asked on
//! both cores. At 100 000 articles that is 205 000 pages, each a look at
//! its own file and at the documents it was drawn from: 300 000 `statx`
//! calls, the larger part of a run that publishes one article.

use crate::manifest::{Lookups, Manifest};
use crate::pages::{self, Page};
use crate::store::Store;
use std::path::Path;

/// A listed page's route, whether it stands (`Manifest::stands`), and
/// its address if it belongs in the sitemap.
pub struct Verdict {
    pub route: String,
    pub stands: bool,
    pub in_sitemap: Option<String>,
}

/// One verdict per page, in the pages' order.
pub fn verdicts(manifest: &Manifest, store: &Store, site_dir: &Path, pages: &[Page]) -> Vec<Verdict> {
    let judge = |part: &[Page]| -> Vec<Verdict> {
        // An article's page and its related news read the same document,
        // and they are neighbours in the list: one half of the list shares
        // little with the other, so each thread keeps lookups of its own.
        let mut lookups = Lookups::default();
        part.iter()
            .map(|page| {
                let route = page.route();
                let stands = manifest.stands(&mut lookups, store, &route, &site_dir.join(page.first_file(&route)));
                let in_sitemap = page.in_sitemap_at(&route).then(|| pages::canonical_at(store, &route));
                Verdict { route, stands, in_sitemap }
            })
            .collect()
    };
    let (first, second) = pages.split_at(pages.len() / 2);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| judge(second));
        let mut verdicts = judge(first);
        verdicts.extend(second.join().expect("judging the second half of the pages panicked"));
        verdicts
    })
}
