//! The registries' one view (legal documents at `/van-ban`, science and
//! technology tasks at `/nhiem-vu`), for their three kinds of address:
//! - the list, newest first, pages of 20, with any filters in the address
//!   (`/van-ban?loai=ke-hoach&nam=2023&trang=2`), so reload, a shared link
//!   and Back show the same list; choosing a filter is a navigation, and
//!   the form also works without the app (it reloads);
//! - `{root}/trang/N`, the pages of the whole registry (prerendered: a
//!   reader without JavaScript walks them by plain links);
//! - `{root}/:id/:slug`, one entry (files open in the browser's own
//!   viewer: a plain link, no viewer in the bundle).
//!
//! One function, one region and one `change` listener for both registries,
//! each page one HTML string from the core (`registry_walk`), which the
//! registries' worker draws in the browser (`crate::registry_worker`) and
//! the prerender natively: the app's wasm carries none of their parsers,
//! walk or HTML (README, "The registries in a worker"). A prerendered page
//! the app takes over keeps its own markup, which is that same HTML.

use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{use_portal, Portal};
use crate::core::date::VietnamTime;
use crate::core::error::DocError;
use crate::core::facets::Filters;
pub use crate::core::registry_walk::Registry;
use crate::core::registry_walk::{Asked, Drawn};
use crate::core::routes::{self, page_from_query, PAGE_QUERY};
use crate::core::van_ban_html::with_filter;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use std::future::Future;
use web_sys::HtmlSelectElement;

/// Where the page's HTML goes (and, on a prerendered page, where it is).
const CONTENT: &str = "van-ban-content";

/// The page `asked`: in the browser from the registries' worker, in the
/// prerender from the core's walk over the documents at hand.
fn drawn(portal: &Portal, registry: Registry, asked: Asked) -> impl Future<Output = Result<Drawn, DocError>> {
    let today = VietnamTime::from_unix_seconds(crate::clock::now_unix()).date;
    #[cfg(not(feature = "ssr"))]
    {
        let request = crate::core::registry_messages::Request {
            id: 0,
            registry,
            asked,
            today,
            site_root: portal.site_root.clone(),
            router_base: portal.router_base(),
            sources: portal.config.sources.clone(),
            timeout_seconds: portal.config.request_timeout_seconds,
        };
        crate::registry_worker::draw(request)
    }
    #[cfg(feature = "ssr")]
    {
        let portal = portal.clone();
        async move {
            let href = |route: &str| crate::context::site_href(route);
            crate::documents::registry_page(&portal, registry, &asked, today, &href).await
        }
    }
}

/// The page as the prerender drew it, when the app takes over that page:
/// the same HTML the worker would send, at once.
#[cfg(not(feature = "ssr"))]
fn handed_over(registry: Registry, site: &str) -> Option<Drawn> {
    let html = crate::takeover::prerendered_markup(&format!(".{CONTENT}"))?;
    let shown = document().title();
    let title = shown.strip_suffix(site).map(str::to_string).unwrap_or_else(|| registry.list_title(None));
    Some(Drawn { html, title })
}

/// The view of `registry`, for `{root}/:id?/:slug?`.
pub fn registry_view(registry: Registry) -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let params = use_params_map();
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        let params = params.read();
        match (params.get("id"), params.get("slug")) {
            (None, _) => {
                let query = query.read();
                let page = page_from_query(query.get(PAGE_QUERY).as_deref());
                Asked::List(Filters::read(registry.facet_keys(), |key| query.get(key)), page)
            }
            (Some(id), Some(page)) if id == "trang" => Asked::List(Filters::default(), page.parse().unwrap_or(0)),
            (Some(id), _) => Asked::Entry(id),
        }
    });
    // The page's title once it is drawn.
    let title = RwSignal::new(None::<String>);
    #[cfg(not(feature = "ssr"))]
    let first = std::cell::Cell::new(handed_over(registry, &site));
    #[cfg(feature = "ssr")]
    let first = std::cell::Cell::new(None::<Drawn>);
    let content = region(
        || view! { <div class="skeleton-title skeleton"></div> <ListSkeleton rows=10 /> }.into_any(),
        move || {
            // Read first, so that the region is drawn again when it changes.
            let asked = asked.get();
            let at_hand = first.take();
            let drawing = drawn(&portal, registry, asked);
            async move {
                let page = match at_hand {
                    Some(page) => page,
                    None => drawing.await?,
                };
                title.set(Some(page.title));
                Ok(page.html)
            }
        },
        |html| view! { <div class=CONTENT inner_html=html></div> }.into_any(),
        OnFailure::NotFoundPage,
    );
    let navigate = use_navigate();
    // Choosing a filter's value is a navigation to the new filters' first page.
    let on_change = move |event: leptos::ev::Event| {
        let Some(select) = event.target().and_then(|target| target.dyn_into::<HtmlSelectElement>().ok()) else {
            return;
        };
        let Asked::List(filters, _) = asked.get_untracked() else { return };
        let next = with_filter(registry.facet_keys(), &filters, &select.name(), &select.value());
        navigate(&routes::registry_filtered(registry.root(), &next, 1), Default::default());
    };
    // The title is made with an empty site name, then given this site's:
    // "Văn bản - " + site.
    let shown_title = move || {
        let made = title.get().unwrap_or_else(|| registry.list_title(None));
        format!("{made}{site}")
    };
    view! {
        <Title text=shown_title />
        <div class="van-ban-page" on:change=on_change>{content}</div>
    }
}
