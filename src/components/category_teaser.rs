//! A category's newest few items, as the home page's blocks and the sidebar's
//! magazine column show them.

use crate::components::news_card::NewsCard;
use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::use_portal;
use crate::core::feed::NewsItem;
use crate::documents;
use leptos::prelude::*;

/// The first `count` items of the category `slug`. When the categories
/// document listed them (`newest`), they are shown at once; otherwise the
/// category's first page is fetched, with its own placeholder, error and retry.
#[component]
pub fn CategoryTeaser(
    #[prop(into)] slug: String,
    count: usize,
    #[prop(optional)] newest: Vec<NewsItem>,
) -> impl IntoView {
    if !newest.is_empty() {
        return teaser_list(newest, count);
    }
    let portal = use_portal();
    region(
        move || view! { <ListSkeleton rows=count /> }.into_any(),
        move || {
            let portal = portal.clone();
            let slug = slug.clone();
            async move { documents::category_page(&portal, &slug, None).await }
        },
        move |page| teaser_list(page.items, count),
        OnFailure::ErrorBox,
    )
}

fn teaser_list(items: Vec<NewsItem>, count: usize) -> AnyView {
    let items = items.into_iter().take(count);
    view! { <ul class="news-list">{items.map(|item| view! { <NewsCard item /> }).collect_view()}</ul> }.into_any()
}
