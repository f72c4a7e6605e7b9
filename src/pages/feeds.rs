//! `/rss`: the RSS and Atom feeds of the latest news and of every category,
//! for readers who follow the portal in a feed reader. The prerender writes
//! the feeds themselves (prerender/src/feeds.rs); the body is one HTML
//! string from the core (`core::nav::feeds_page_html`).

use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{site_href, use_portal};
use crate::core::nav::feeds_page_html;
use crate::core::routes;
use crate::core::titles::{page_title, TitleOf};
use crate::documents;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn FeedsPage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let content = region(
        || view! { <ListSkeleton rows=8 /> }.into_any(),
        move || {
            let portal = portal.clone();
            async move { documents::categories(&portal).await }
        },
        |entries| {
            let categories: Vec<(String, String)> =
                entries.into_iter().map(|entry| (entry.category.slug, entry.category.name)).collect();
            let html = feeds_page_html(&categories, |route| site_href(route));
            view! { <div class="feeds" inner_html=html></div> }.into_any()
        },
        OnFailure::ErrorBox,
    );
    view! {
        <Title text=page_title(TitleOf::Feeds, &site) />
        <nav class="breadcrumb" aria-label="Vị trí">
            <a href=site_href(routes::HOME)>"Trang chủ"</a>
            " › "
            <a href=site_href(routes::FEEDS)>"Tin RSS"</a>
        </nav>
        {content}
    }
}
