//! Home: the featured article, the latest news and a block per main category.
//!
//! It fetches only the first page of each list it shows, so its cost stays
//! the same however large the archive grows.

use crate::components::category_teaser::CategoryTeaser;
use crate::components::news_card::NewsCard;
use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{site_href, use_portal};
use crate::core::date::VietnamTime;
use crate::core::feed::{CategoryEntry, NewsItem};
use crate::core::routes;
use crate::core::titles::{page_title, TitleOf};
use crate::documents;
use leptos::prelude::*;
use leptos_meta::Title;

/// How many latest items the home page lists under the featured one.
const LATEST_COUNT: usize = 8;
/// How many items each category block shows.
const BLOCK_COUNT: usize = 4;

/// The home view.
#[component]
pub fn HomePage() -> impl IntoView {
    let portal = use_portal();
    let title = page_title(TitleOf::Home, &portal.config.site.short_name);
    let latest = region(
        || view! { <div class="featured skeleton"></div> <ListSkeleton rows=LATEST_COUNT /> }.into_any(),
        {
            let portal = portal.clone();
            move || {
                let portal = portal.clone();
                async move { documents::latest_page(&portal, None).await }
            }
        },
        |page| latest_news(page.items),
        OnFailure::ErrorBox,
    );
    let blocks = region(
        || view! { <ListSkeleton rows=BLOCK_COUNT /> }.into_any(),
        move || {
            let portal = portal.clone();
            async move { documents::categories(&portal).await }
        },
        |entries| {
            entries
                .into_iter()
                .filter(|entry| entry.on_home)
                .map(|entry| view! { <CategoryBlock entry /> })
                .collect_view()
                .into_any()
        },
        OnFailure::ErrorBox,
    );
    view! {
        <Title text=title />
        <h1 class="visually-hidden">"Trang chủ"</h1>
        <section class="home-latest" aria-labelledby="home-latest-heading">
            <h2 id="home-latest-heading" class="section-heading">"Tin mới nhất"</h2>
            {latest}
        </section>
        {blocks}
    }
}

/// The featured item (the first one flagged, else the newest) and the rest.
fn latest_news(mut items: Vec<NewsItem>) -> AnyView {
    let featured_index = items.iter().position(|item| item.featured).unwrap_or(0);
    if items.is_empty() {
        return view! { <p class="empty">"Chưa có tin nào."</p> }.into_any();
    }
    let featured = items.remove(featured_index);
    view! {
        <FeaturedArticle item=featured />
        <ul class="news-list">
            {items.into_iter().take(LATEST_COUNT).map(|item| view! { <NewsCard item /> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The lead story: large image, title, date and summary.
#[component]
fn FeaturedArticle(item: NewsItem) -> impl IntoView {
    let href = routes::article(&item.id, &item.title);
    let date = VietnamTime::from_unix_seconds(item.published).date.dashed();
    let summary = item.summary.clone().or(item.content_text.clone());
    view! {
        <article class="featured">
            {item.image.map(|src| {
                // Usually the page's largest element (its LCP): asked for
                // first among the images and decoded without waiting.
                view! { <img class="featured-image" src=src alt="" width="640" height="360" fetchpriority="high" /> }
            })}
            <div class="featured-text">
                <h3 class="featured-title">
                    <a href=site_href(&href)>{item.title}</a>
                </h3>
                <p class="news-card-date">{date}</p>
                {summary.map(|text| view! { <p class="featured-summary">{text}</p> })}
            </div>
        </article>
    }
}

/// A category's newest items with a "Xem thêm" link to the category view.
#[component]
fn CategoryBlock(entry: CategoryEntry) -> impl IntoView {
    let heading_id = format!("khoi-{}", entry.category.slug);
    let more = routes::category(&entry.category.slug, 1);
    view! {
        <section class="category-block" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone() class="section-heading">
                <a href=site_href(&more)>{entry.category.name.clone()}</a>
            </h2>
            <CategoryTeaser slug=entry.category.slug.clone() count=BLOCK_COUNT newest=entry.newest />
            <a href=site_href(&more) class="more-link">"Xem thêm"</a>
        </section>
    }
}
