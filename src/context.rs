//! What every view needs to know: the config, and where the site lives.

use crate::core::config::Config;
use crate::core::error::DocError;
use crate::core::url::resolve;
use leptos::prelude::{expect_context, provide_context};
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// The router's base ("" or "/portal"), for the links' `href`s.
    static ROUTER_BASE: RefCell<String> = const { RefCell::new(String::new()) };
    /// Set when the page the app mounts over was prerendered (see takeover.rs).
    static OVER_PRERENDERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Notes that the app is about to replace a prerendered page.
pub fn set_taking_over_prerendered_page(yes: bool) {
    OVER_PRERENDERED.with(|flag| flag.set(yes));
}

/// Whether the app is replacing a prerendered page: then whatever it can
/// draw at once it draws at once, since the page is already on screen.
pub fn taking_over_prerendered_page() -> bool {
    OVER_PRERENDERED.with(|flag| flag.get())
}

/// The `href` of a route path ("/tin/1019/…") on this site: the router's base
/// in front. leptos_router's `<A>` keeps a path that starts with '/' as it is,
/// so under a sub-path every link needs the base said explicitly.
pub fn site_href(path: impl AsRef<str>) -> String {
    ROUTER_BASE.with(|base| format!("{}{}", base.borrow(), path.as_ref()))
}

/// The portal's run-time settings, shared through context.
#[derive(Clone, Debug)]
pub struct Portal {
    pub config: Config,
    /// The site root as an absolute URL ending in `/` (the `<base href>`).
    pub site_root: String,
    /// Set when `config.json` exists but could not be used; the defaults serve.
    pub config_error: Option<DocError>,
}

impl Portal {
    /// A document URL from the config, made absolute against the site root.
    pub fn url(&self, relative_or_absolute: &str) -> String {
        resolve(&self.site_root, relative_or_absolute)
    }

    /// The router's base: the site root's path without its trailing slash
    /// ("" at the root, "/portal" under a sub-path).
    pub fn router_base(&self) -> String {
        router_base_of(&self.site_root)
    }
}

/// "https://h.vn/portal/" → "/portal"; "https://h.vn/" → "".
pub fn router_base_of(site_root: &str) -> String {
    let after_scheme = site_root.split_once("://").map_or(site_root, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    path.trim_end_matches('/').to_string()
}

/// Reads `config.json` beside `index.html`. A missing file means the defaults;
/// a broken one means the defaults and a notice.
pub async fn load_portal() -> Portal {
    let site_root = site_root();
    let url = resolve(&site_root, "config.json");
    let (config, config_error) = match crate::documents::config(&url).await {
        Ok(config) => (config.unwrap_or_default(), None),
        Err(error) => (Config::default(), Some(error)),
    };
    if let Some(error) = &config_error {
        crate::net::report(error);
    }
    crate::net::set_timeout_seconds(config.request_timeout_seconds);
    Portal { config, site_root, config_error }
}

/// The document's base URL: `<base href>` as trunk's `--public-url` wrote it.
pub fn site_root() -> String {
    let document = leptos::prelude::document();
    let base = document.base_uri().ok().flatten().unwrap_or_else(|| "/".to_string());
    // baseURI of "/portal/" is already absolute; keep only up to the last '/'.
    match base.rfind('/') {
        Some(i) => base[..=i].to_string(),
        None => base,
    }
}

/// The address of the page being drawn, when the prerender draws it
/// natively (in the browser it is the window's).
#[derive(Clone, Debug)]
pub struct PageUrl(pub String);

/// Files a page links to that the prerender writes beside it (the week's
/// calendar, made in the browser as a blob): (path under the site, text).
#[derive(Clone, Debug, Default)]
pub struct PrerenderFiles(pub std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>);

/// Addresses a page links to that the prerender cannot know before it draws
/// the page (the later pages of an article's related news): it draws them
/// too, so that every link of a prerendered page leads to a page.
#[derive(Clone, Debug, Default)]
pub struct PrerenderRoutes(pub std::sync::Arc<std::sync::Mutex<Vec<String>>>);

/// Asks the prerender, when it is the one drawing, to draw `routes` too.
#[cfg(feature = "ssr")]
pub fn prerender_also(routes: impl IntoIterator<Item = String>) {
    if let Some(list) = leptos::prelude::use_context::<PrerenderRoutes>() {
        if let Ok(mut list) = list.0.lock() {
            list.extend(routes);
        }
    }
}

/// The absolute address of the page shown, for sharing and printing.
pub fn current_page_url() -> String {
    #[cfg(feature = "ssr")]
    return leptos::prelude::use_context::<PageUrl>().map(|url| url.0).unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    return leptos::prelude::window().location().href().unwrap_or_default();
}

pub fn provide_portal(portal: Portal) {
    ROUTER_BASE.with(|base| *base.borrow_mut() = portal.router_base());
    provide_context(Arc::new(portal));
}

pub fn use_portal() -> Arc<Portal> {
    expect_context::<Arc<Portal>>()
}

#[cfg(test)]
mod tests {
    use super::router_base_of;

    #[test]
    fn router_base_follows_the_site_root() {
        assert_eq!(router_base_of("https://h.vn/"), "");
        assert_eq!(router_base_of("http://127.0.0.1:8080/portal/"), "/portal");
        assert_eq!(router_base_of("/portal/"), "/portal");
    }
}
