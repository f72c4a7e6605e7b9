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
//! each page one HTML string from the core (`van_ban_html`,
//! `nhiem_vu_html`): measured on the release build, two views with their
//! own regions and views per row cost several kilobytes more wasm.

use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{site_href, use_portal};
use crate::core::date::VietnamTime;
use crate::core::facets::{FacetIndex, Filters};
use crate::core::nhiem_vu::TASK_FACET_KEYS;
use crate::core::nhiem_vu_html::{task_list_html, task_page_html};
use crate::core::routes::{self, page_from_query, PAGE_QUERY};
use crate::core::titles::{page_title, TitleOf};
use crate::core::van_ban::FACET_KEYS;
use crate::core::van_ban_html::{document_page_html, list_body_html, with_filter, ListView};
pub use crate::documents::Registry;
use crate::documents::{self, registry_shown, Entries};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use web_sys::HtmlSelectElement;

/// What differs between the two registries' lists.
trait RegistryList {
    fn root(self) -> &'static str;
    fn facet_keys(self) -> &'static [&'static str];
    fn list_title(self, filters: Option<&str>) -> String;
}

impl RegistryList for Registry {
    fn root(self) -> &'static str {
        match self {
            Registry::VanBan => routes::VAN_BAN,
            Registry::NhiemVu => routes::NHIEM_VU,
        }
    }

    fn facet_keys(self) -> &'static [&'static str] {
        match self {
            Registry::VanBan => &FACET_KEYS,
            Registry::NhiemVu => &TASK_FACET_KEYS,
        }
    }

    /// The list's title, with the chosen filters' names.
    fn list_title(self, filters: Option<&str>) -> String {
        match self {
            Registry::VanBan => page_title(TitleOf::VanBanList(filters), ""),
            Registry::NhiemVu => page_title(TitleOf::NhiemVuList(filters), ""),
        }
    }
}

/// What an address asks for.
#[derive(Clone, PartialEq)]
enum Asked {
    /// A page of the list (0: no such page), with the address's filters.
    List(Filters, u32),
    Entry(String),
}

/// The names of the chosen filters' values ("Kế hoạch, 2023"), if any.
fn filter_names(filters: &Filters, facets: &FacetIndex) -> Option<String> {
    let names: Vec<&str> =
        filters.0.iter().filter_map(|(key, slug)| facets.value(key, slug).map(|value| value.name.as_str())).collect();
    (!names.is_empty()).then(|| names.join(", "))
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
    // The page's title once its documents are read.
    let title = RwSignal::new(None::<String>);
    let content = region(
        || view! { <div class="skeleton-title skeleton"></div> <ListSkeleton rows=10 /> }.into_any(),
        move || {
            let portal = portal.clone();
            let asked = asked.get();
            async move {
                let today = VietnamTime::from_unix_seconds(crate::clock::now_unix()).date;
                let href = |route: &str| site_href(route);
                let (html, shown_title) = match (registry, asked) {
                    (Registry::VanBan, Asked::Entry(id)) => {
                        let detail = documents::van_ban(&portal, &id).await?;
                        let title = page_title(TitleOf::VanBan(Some(&detail.doc.title())), "");
                        (document_page_html(&detail, today, href), title)
                    }
                    (Registry::NhiemVu, Asked::Entry(id)) => {
                        let detail = documents::nhiem_vu(&portal, &id).await?;
                        (task_page_html(&detail, href), page_title(TitleOf::NhiemVu(Some(&detail.task.name)), ""))
                    }
                    (_, Asked::List(filters, page)) => {
                        let shown = registry_shown(&portal, registry, &filters, page).await?;
                        let title = registry.list_title(filter_names(&filters, &shown.facets).as_deref());
                        let (facets, total, total_pages) = (&shown.facets, shown.total, shown.total_pages);
                        let html = match &shown.entries {
                            Entries::Docs(items) => {
                                let view = ListView { filters: &filters, page, facets, items, total, total_pages };
                                list_body_html(&view, today, href)
                            }
                            Entries::Tasks(items) => {
                                let view = ListView { filters: &filters, page, facets, items, total, total_pages };
                                task_list_html(&view, href)
                            }
                        };
                        (html, title)
                    }
                };
                title.set(Some(shown_title));
                Ok(html)
            }
        },
        |html| view! { <div inner_html=html></div> }.into_any(),
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
