//! One page drawn natively by the app's own components: the same `App`, the
//! same views, with every document they ask for answered at once from the
//! site's folder (`net::set_native_source`), so a page is drawn in one pass.

use crate::sanitize::sanitize;
use crate::store::Store;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use portal::app::App;
use portal::components::article_body::NativeSanitizer;
use portal::context::{PageUrl, Portal, PrerenderFiles};
use portal::core::error::{DocError, Problem};
use portal::core::url::split_origin;
use portal::net;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// Documents kept between pages: the ones every page reads (latest news,
/// categories, statistics) are read from disk once. Past this many the
/// cache starts again, so a 100 000-article run holds a bounded amount.
const CACHE_LIMIT: usize = 4096;

/// A page as drawn.
pub struct Drawn {
    /// The markup of the app's body (header, views, sidebar, footer).
    pub body: String,
    /// The documents it was drawn from: (URL, text), in the order first read.
    pub documents: Vec<(String, Rc<str>)>,
    /// Documents that could not be read: the page says so.
    pub failures: Vec<DocError>,
    /// Files the page links to, to write beside it: (path under the site, text).
    pub files: Vec<(String, String)>,
}

/// The documents of the site, read on demand and kept for a while.
pub struct Documents {
    store: Store,
    cache: RefCell<HashMap<String, Result<Rc<str>, Problem>>>,
    failures: RefCell<Vec<DocError>>,
}

impl Documents {
    /// Answers every native fetch from `store` from now on.
    pub fn install(store: Store) -> Rc<Documents> {
        let documents = Rc::new(Documents { store, cache: Default::default(), failures: Default::default() });
        let source = documents.clone();
        net::set_native_source(Rc::new(move |url: &str| source.read(url)));
        documents
    }

    fn read(&self, url: &str) -> Result<Rc<str>, Problem> {
        if let Some(known) = self.cache.borrow().get(url) {
            return known.clone();
        }
        let read = self.store.read(url).map(Rc::from);
        if let Err(problem) = &read {
            self.failures.borrow_mut().push(DocError::new(self.store.site_relative(url), problem.clone()));
        }
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(url.to_string(), read.clone());
        read
    }
}

/// Draws the page at `route` ("/tin/1019/…", without the site's sub-path).
pub fn draw(portal: &Portal, documents: &Documents, route: &str) -> Drawn {
    let _ = net::take_used();
    documents.failures.borrow_mut().clear();
    let files = PrerenderFiles::default();
    let body = draw_once(portal, &documents.store, route, &files);
    let mut used = net::take_used();
    let mut seen = std::collections::HashSet::new();
    used.retain(|url| seen.insert(url.clone()));
    let embedded = used.into_iter().filter_map(|url| documents.read(&url).ok().map(|text| (url, text))).collect();
    let files = std::mem::take(&mut *files.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
    let failures = std::mem::take(&mut *documents.failures.borrow_mut());
    Drawn { body, documents: embedded, failures, files }
}

fn draw_once(portal: &Portal, store: &Store, route: &str, files: &PrerenderFiles) -> String {
    let owner = Owner::new();
    let origin = split_origin(&store.base_url).0.to_string();
    let page_url = format!("{}{}", store.base_url.trim_end_matches('/'), route);
    let base_path = portal.router_base();
    let portal = portal.clone();
    let files = files.clone();
    let html = owner.with(move || {
        provide_context(RequestUrl::new(&format!("{base_path}{route}")));
        // The views' <Title> and <Meta> want somewhere to go; the head is
        // written from the documents instead (head.rs), so it is dropped.
        let (meta_context, _unused_head) = leptos_meta::ServerMetaContext::new();
        provide_context(meta_context);
        provide_context(PageUrl(page_url));
        provide_context(files);
        provide_context(NativeSanitizer(Arc::new(move |html: &str, document_url: &str| {
            sanitize(html, document_url, &origin)
        })));
        view! { <App portal /> }.to_html()
    });
    owner.cleanup();
    html
}
