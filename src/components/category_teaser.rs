//! A category's newest few items, as the home page's blocks and the sidebar's
//! magazine column show them.

use crate::components::news_card::NewsCard;
use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::use_portal;
use crate::documents;
use leptos::prelude::*;

/// The first `count` items of the category `slug`'s first page, with its own
/// loading placeholder and its own error and retry.
#[component]
pub fn CategoryTeaser(#[prop(into)] slug: String, count: usize) -> impl IntoView {
    let portal = use_portal();
    region(
        move || view! { <ListSkeleton rows=count /> }.into_any(),
        move || {
            let portal = portal.clone();
            let slug = slug.clone();
            async move { documents::category_page(&portal, &slug, None).await }
        },
        move |page| {
            let items = page.items.into_iter().take(count);
            view! { <ul class="news-list">{items.map(|item| view! { <NewsCard item /> }).collect_view()}</ul> }
                .into_any()
        },
        OnFailure::ErrorBox,
    )
}
