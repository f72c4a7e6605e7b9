//! The banner with the site's name and slogan, and the main navigation.

use crate::components::nav_link::NavLink;
use crate::components::region::{region, OnFailure};
use crate::context::{site_href, use_portal};
use crate::core::routes;
use crate::documents;
use leptos::prelude::*;

/// The banner and the navigation bar, the same on every page. The category
/// links come from the categories document; the bar keeps its height while
/// they load, so nothing below moves.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.clone();
    // Without the categories the bar keeps its fixed links; the home page's
    // own category blocks show the error and the retry.
    let category_links = region(
        || ().into_any(),
        move || {
            let portal = portal.clone();
            async move { documents::categories(&portal).await }
        },
        |entries| {
            entries
                .into_iter()
                .filter(|entry| entry.on_home)
                .map(|entry| {
                    let href = site_href(routes::category(&entry.category.slug, 1));
                    view! { <NavLink href label=entry.category.name /> }
                })
                .collect_view()
                .into_any()
        },
        OnFailure::Nothing,
    );
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <a href=site_href(routes::HOME) class="site-header-brand">
                    <span class="site-header-emblem" aria-hidden="true">"KH&CN"</span>
                    <span class="site-header-name">{site.name}</span>
                </a>
                <p class="site-header-slogan">{site.slogan}</p>
            </div>
            <nav class="site-nav" aria-label="Điều hướng chính">
                <NavLink href=site_href(routes::HOME) label="Trang chủ".to_string() exact=true />
                {category_links}
                <NavLink href=site_href(routes::SCHEDULE) label="Lịch công tác".to_string() />
            </nav>
        </header>
    }
}
