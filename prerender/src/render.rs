//! One page drawn natively by the app's own components: the same `App`, the
//! same views, with every document they ask for answered at once from the
//! site's folder (`net::set_native_source`), so a page is drawn in one pass.

use crate::sanitize::sanitize;
use crate::store::Store;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use portal::app::App;
use portal::components::article_body::NativeSanitizer;
use portal::context::{PageUrl, Portal, PrerenderFiles, PrerenderRoutes};
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
    /// Those of them the page does not carry (`net::not_to_embed`).
    pub not_embedded: std::collections::HashSet<String>,
    /// The URLs it asked for that do not exist (an unpublished week): the
    /// app, told so, draws the same page without asking again.
    pub absent: Vec<String>,
    /// Documents that could not be read: the page says so.
    pub failures: Vec<DocError>,
    /// Files the page links to, to write beside it: (path under the site, text).
    pub files: Vec<(String, String)>,
    /// Addresses it links to that must be drawn too (`context::prerender_also`).
    pub asked: Vec<String>,
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
    let asked = PrerenderRoutes::default();
    let body = without_markers(&draw_once(portal, &documents.store, route, &files, &asked));
    let (mut used, not_embedded) = net::take_used();
    let not_embedded: std::collections::HashSet<String> = not_embedded.into_iter().collect();
    let mut seen = std::collections::HashSet::new();
    used.retain(|url| seen.insert(url.clone()));
    let (mut read, mut absent) = (Vec::new(), Vec::new());
    for url in used {
        match documents.read(&url) {
            Ok(text) => read.push((url, text)),
            Err(Problem::NotFound) if !not_embedded.contains(&url) => absent.push(url),
            // The page shows the error; the app fetches the document again.
            Err(_) => {}
        }
    }
    let files = std::mem::take(&mut *files.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
    let asked = std::mem::take(&mut *asked.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
    let failures = std::mem::take(&mut *documents.failures.borrow_mut());
    Drawn { body, documents: read, not_embedded, absent, failures, files, asked }
}

fn draw_once(portal: &Portal, store: &Store, route: &str, files: &PrerenderFiles, asked: &PrerenderRoutes) -> String {
    let owner = Owner::new();
    let origin = split_origin(&store.base_url).0.to_string();
    let page_url = format!("{}{}", store.base_url.trim_end_matches('/'), route);
    let base_path = portal.router_base();
    let portal = portal.clone();
    let files = files.clone();
    let asked = asked.clone();
    let html = owner.with(move || {
        provide_context(RequestUrl::new(&format!("{base_path}{route}")));
        // The views' <Title> and <Meta> want somewhere to go; the head is
        // written from the documents instead (head.rs), so it is dropped.
        let (meta_context, _unused_head) = leptos_meta::ServerMetaContext::new();
        provide_context(meta_context);
        provide_context(PageUrl(page_url));
        provide_context(files);
        provide_context(asked);
        provide_context(NativeSanitizer(Arc::new(move |html: &str, document_url: &str| {
            sanitize(html, document_url, &origin)
        })));
        view! { <App portal /> }.to_html()
    });
    owner.cleanup();
    html
}

/// The markup without the `<!>` comments Leptos's server rendering leaves
/// between neighbouring text nodes. They mark where a hydrating app would
/// split the text, but the app here replaces the page instead of hydrating
/// it (README, "Why the app replaces"), and the HTML checker reports each as
/// a "bogus comment". Only markers between tags go: text inside a quoted
/// attribute value (an image's alt text from an article, say) is kept as it is.
pub fn without_markers(html: &str) -> String {
    const MARKER: &str = "<!>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if rest.starts_with(MARKER) {
            rest = &rest[MARKER.len()..];
            continue;
        }
        let end = tag_end(rest);
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The length of the tag at the start of `html` (up to and including its
/// `>`), stepping over quoted attribute values, which may hold `>` or `<!>`.
fn tag_end(html: &str) -> usize {
    let mut quote = None;
    for (at, c) in html.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '>') => return at + 1,
            _ => {}
        }
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::without_markers;

    #[test]
    fn markers_between_tags_go_and_attribute_values_stay() {
        // A quote in text is not an attribute's: the marker after it still goes.
        let drawn = r#"<p>Ngày đăng: <!>19-10-2023<!></p><img alt="a<!>b > c" src="x.svg"><!><span>'<!>'</span>"#;
        assert_eq!(
            without_markers(drawn),
            r#"<p>Ngày đăng: 19-10-2023</p><img alt="a<!>b > c" src="x.svg"><span>''</span>"#
        );
    }

    #[test]
    fn text_with_escaped_brackets_is_untouched() {
        let drawn = "<p>&lt;!&gt; 1 &lt; 2<!></p>";
        assert_eq!(without_markers(drawn), "<p>&lt;!&gt; 1 &lt; 2</p>");
    }
}
