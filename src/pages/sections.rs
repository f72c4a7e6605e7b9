//! The sections and their categories as pages: `/danh-muc` (every section)
//! and `/danh-muc/:slug` (one). The navigation's buttons lead here when the
//! app is not running (prerendered pages, no JavaScript); with the app they
//! open menus instead. The body is one HTML string from the core
//! (`core::nav::sections_page_html`), like the navigation itself.

use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{site_href, use_portal};
use crate::core::nav::sections_page_html;
use crate::core::routes;
use crate::core::sections::{find_section, group_sections};
use crate::core::titles::{page_title, TitleOf};
use crate::documents;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Both addresses: every section, or the one the address names.
#[component]
pub fn SectionsPage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let params = use_params_map();
    let heading = RwSignal::new(None::<String>);
    let content = region(
        || view! { <ListSkeleton rows=8 /> }.into_any(),
        move || {
            let portal = portal.clone();
            let slug = params.read().get("slug");
            async move { Ok((slug, documents::categories(&portal).await?)) }
        },
        move |(slug, entries)| {
            let sections = group_sections(&entries);
            let only = slug.as_deref().map(|slug| find_section(&sections, slug));
            if let Some(None) = only {
                return view! { <NotFound /> }.into_any();
            }
            let only = only.flatten();
            heading.set(only.map(|section| section.name.clone()));
            let description_of = |slug: &str| {
                let entry = entries.iter().find(|entry| entry.category.slug == slug);
                entry.and_then(|entry| entry.description.clone())
            };
            let html = sections_page_html(&sections, only, description_of, |route| site_href(route));
            view! { <div class="sections" inner_html=html></div> }.into_any()
        },
        OnFailure::ErrorBox,
    );
    view! {
        <Title text=move || page_title(TitleOf::Sections(heading.get().as_deref()), &site) />
        <nav class="breadcrumb" aria-label="Vị trí">
            <a href=site_href(routes::HOME)>"Trang chủ"</a>
            " › "
            <a href=site_href(routes::SECTIONS)>"Danh mục"</a>
        </nav>
        {content}
    }
}
