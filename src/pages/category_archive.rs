//! One page of a category's archive (`/chuyen-muc/:slug/trang/:page`): the
//! items of that feed page alone, with links to the pages around it. Unlike
//! "Xem thêm" on the category's first page, each archive page is a page of
//! its own, prerendered, so a reader without JavaScript walks the archive by
//! plain links.

use crate::components::news_card::NewsCard;
use crate::components::page_list::PageList;
use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{site_href, use_portal};
use crate::core::feed::FeedPage;
use crate::core::routes;
use crate::core::titles::{page_title, TitleOf};
use crate::documents;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The archive page view.
#[component]
pub fn CategoryArchivePage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    // Not a number, or 0: no such page (the not-found view says so).
    let page = Memo::new(move |_| params.read().get("page").and_then(|text| text.parse::<u32>().ok()).unwrap_or(0));
    let heading = RwSignal::new(None::<String>);
    let list = region(
        || view! { <div class="skeleton-title skeleton"></div> <ListSkeleton rows=10 /> }.into_any(),
        move || {
            let portal = portal.clone();
            let (slug, page) = (slug.get(), page.get());
            async move {
                let feed = documents::category_archive_page(&portal, &slug, page).await?;
                heading.set(Some(archive_heading(&feed, &slug, page)));
                Ok((slug, page, feed))
            }
        },
        |(slug, page, feed)| archive_list(slug, page, feed),
        OnFailure::NotFoundPage,
    );
    view! {
        <Title text=move || page_title(TitleOf::Category(heading.get().as_deref()), &site) />
        <nav class="breadcrumb" aria-label="Vị trí">
            <a href=site_href(routes::HOME)>"Trang chủ"</a>
            " › Chuyên mục"
        </nav>
        {list}
    }
}

/// "Tin hoạt động Sở – Trang 3".
pub fn archive_heading(feed: &FeedPage, slug: &str, page: u32) -> String {
    let name = feed.category.as_ref().map_or(slug, |category| category.name.as_str());
    format!("{name} – Trang {page}")
}

fn archive_list(slug: String, page: u32, feed: FeedPage) -> AnyView {
    let heading = archive_heading(&feed, &slug, page);
    let total = feed.total_pages.map_or(page + u32::from(feed.next_url.is_some()), |total| total as u32);
    let first_page = site_href(routes::category_archive(&slug, 1));
    view! {
        <h1 class="page-heading">{heading}</h1>
        <ul class="news-list">
            {feed.items.into_iter().map(|item| view! { <NewsCard item with_summary=true /> }).collect_view()}
        </ul>
        <PageList slug current=page total />
        <p class="more-link-line">
            <a href=first_page class="more-link">"Danh sách tất cả các trang"</a>
        </p>
    }
    .into_any()
}
