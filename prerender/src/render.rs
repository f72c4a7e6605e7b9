//! One page drawn natively by the app's own components: the same `App`, the
//! same views, with the documents handed over before drawing.
//!
//! Views ask for documents as in the browser; natively, a document not yet
//! preloaded leaves its view as a placeholder and is noted. The page is drawn
//! again once those documents are read, until nothing more is asked for (an
//! article asks for its related news only once it is drawn itself).

use crate::sanitize::sanitize;
use crate::store::Store;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use portal::app::App;
use portal::components::article_body::NativeSanitizer;
use portal::context::{PageUrl, Portal, PrerenderFiles};
use portal::core::error::DocError;
use portal::net;
use std::rc::Rc;
use std::sync::Arc;

/// At most this many rounds of "draw, read what was asked for": the deepest
/// page (an article, then its neighbours) needs three.
const MAX_ROUNDS: usize = 6;

/// A page as drawn.
pub struct Drawn {
    /// The markup of the app's body (header, views, sidebar, footer).
    pub body: String,
    /// The documents it was drawn from: (URL, text), in the order first read.
    pub documents: Vec<(String, Rc<str>)>,
    /// Documents that could not be read or parsed: the page says so.
    pub failures: Vec<DocError>,
    /// Files the page links to, to write beside it: (path under the site, text).
    pub files: Vec<(String, String)>,
}

/// Draws the page at `route` ("/tin/1019/…", without the site's sub-path).
pub fn draw(portal: &Portal, store: &Store, route: &str) -> Drawn {
    net::forget_all();
    let mut read: Vec<(String, Rc<str>)> = Vec::new();
    let mut failures = Vec::new();
    let mut body = String::new();
    let mut files = PrerenderFiles::default();
    for _ in 0..MAX_ROUNDS {
        let _ = net::take_used();
        files = PrerenderFiles::default();
        body = draw_once(portal, store, route, &files);
        let missed = net::take_missed();
        if missed.is_empty() {
            break;
        }
        for url in missed {
            if read.iter().any(|(known, _)| *known == url) {
                continue;
            }
            match store.read(&url) {
                Ok(text) => {
                    let text: Rc<str> = Rc::from(text);
                    net::preload(&url, text.clone());
                    read.push((url, text));
                }
                Err(problem) => {
                    failures.push(DocError::new(store.site_relative(&url), problem.clone()));
                    net::preload_failure(&url, problem);
                }
            }
        }
    }
    let used = net::take_used();
    let documents = read.into_iter().filter(|(url, _)| used.contains(url)).collect();
    let files = std::mem::take(&mut *files.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
    Drawn { body, documents, failures, files }
}

fn draw_once(portal: &Portal, store: &Store, route: &str, files: &PrerenderFiles) -> String {
    let owner = Owner::new();
    let origin = origin_of(&store.base_url).to_string();
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

/// "https://h.vn/portal/" → "https://h.vn".
pub fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(slash) => &url[..after_scheme + slash],
        None => url,
    }
}
