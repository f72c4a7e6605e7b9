//! The pages whose documents changed, drawn into the HTML files to write:
//! on both cores when there are many (publishing one article redraws its
//! category's 600 archive pages at 100 000 articles). Each thread has its
//! own documents and reactive owner (`render::Documents` answers the app's
//! fetches per thread); only finished text crosses between threads.

use crate::manifest;
use crate::output::{compose, leading_page};
use crate::pages::{meta_of, Page};
use crate::render;
use crate::store::Store;
use portal::context::Portal;

/// Below this many pages a second thread costs more than it saves.
const PAGES_FOR_TWO_THREADS: usize = 32;

/// What drawing one page gave.
pub struct Made {
    pub page: Page,
    /// The files to write (path under the site, text): the page, the
    /// addresses that lead to it, and the files it links to; `Err` with the
    /// causes when its view showed an error (its previous version stays).
    pub files: Result<Vec<(String, String)>, String>,
    /// Addresses it asked to be drawn too (`context::prerender_also`).
    pub asked: Vec<String>,
    /// The documents it was drawn from (the manifest's inputs).
    pub inputs: Vec<String>,
}

/// What the drawing threads share.
pub struct Drawing<'a> {
    pub portal: &'a Portal,
    pub store: &'a Store,
    pub template: &'a str,
    pub categories_url: &'a str,
}

impl Drawing<'_> {
    /// Draws `pages`, in their order.
    pub fn draw_all(&self, pages: Vec<Page>) -> Vec<Made> {
        if pages.len() < PAGES_FOR_TWO_THREADS {
            return self.draw_each(pages);
        }
        let mut first = pages;
        let second = first.split_off(first.len() / 2);
        std::thread::scope(|scope| {
            let later = scope.spawn(|| self.draw_each(second));
            let mut made = self.draw_each(first);
            made.extend(later.join().expect("a drawing thread panicked"));
            made
        })
    }

    fn draw_each(&self, pages: Vec<Page>) -> Vec<Made> {
        let documents = render::Documents::install(self.store.clone());
        pages.into_iter().map(|page| self.draw(&documents, page)).collect()
    }

    fn draw(&self, documents: &render::Documents, page: Page) -> Made {
        let (portal, store) = (self.portal, self.store);
        let route = page.route();
        let drawn = render::draw(portal, documents, &route);
        let inputs = drawn.documents.iter().map(|(url, _)| url.clone()).collect();
        // A page whose own view shows an error box, or the not-found view in
        // place of a listed article or category, would publish that error:
        // keep its previous version and say which document failed.
        let lost = !matches!(page, Page::NotFound) && drawn.body.contains("class=\"not-found\"");
        if lost || drawn.body.contains("class=\"error-box\"") {
            let causes: Vec<String> = drawn.failures.iter().map(|e| e.english()).collect();
            return Made { page, files: Err(causes.join("; ")), asked: drawn.asked, inputs };
        }
        let meta = meta_of(&page, portal, store, &drawn.documents);
        let may_be_older = |url: &str| manifest::signs_navigation_only(self.categories_url, url, &route);
        let html = compose(self.template, &meta, &portal.config.site.name, &drawn, store, may_be_older);
        let mut names = page.files().into_iter();
        let mut files = vec![(names.next().expect("a page has a file"), html)];
        if names.len() > 0 {
            let leading = leading_page(&meta, &portal.config.site.name, &portal.router_base(), &route);
            files.extend(names.map(|name| (name, leading.clone())));
        }
        files.extend(drawn.files);
        Made { page, files: Ok(files), asked: drawn.asked, inputs }
    }
}
