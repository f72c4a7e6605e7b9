//! One category's news, newest first, a page at a time.
//!
//! "Xem thêm" appends the next page of the feed (its `next_url`) and writes
//! the page count into the address (`?trang=3`), so reload and Back show the
//! same list.

use crate::components::news_card::NewsCard;
use crate::components::page_list::PageList;
use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{site_href, use_portal};
use crate::core::feed::FeedPage;
use crate::core::routes::{self, page_from_query, PAGE_QUERY};
use crate::core::titles::{page_title, TitleOf};
use crate::documents;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The category view.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let page_count = Memo::new(move |_| page_from_query(query.read().get(PAGE_QUERY).as_deref()));
    // The category's name, for the title, once its first page is read.
    let name = RwSignal::new(None::<String>);
    let list = region(
        || view! { <div class="skeleton-title skeleton"></div> <ListSkeleton rows=10 /> }.into_any(),
        move || {
            let portal = portal.clone();
            let (slug, count) = (slug.get(), page_count.get());
            async move {
                let pages = documents::feed_pages(count, |url| documents::category_page(&portal, &slug, url)).await?;
                name.set(pages.first().and_then(category_name));
                Ok((slug, pages))
            }
        },
        |(slug, pages)| category_list(&slug, pages),
        OnFailure::NotFoundPage,
    );
    view! {
        <Title text=move || page_title(TitleOf::Category(name.get().as_deref()), &site) />
        <nav class="breadcrumb" aria-label="Vị trí">
            <a href=site_href(routes::HOME)>"Trang chủ"</a>
            " › Chuyên mục"
        </nav>
        {list}
    }
}

fn category_name(page: &FeedPage) -> Option<String> {
    page.category.as_ref().map(|category| category.name.clone())
}

/// The category's name, every item of the loaded pages, and "Xem thêm"
/// while there are more.
fn category_list(slug: &str, pages: Vec<FeedPage>) -> AnyView {
    let name = pages.first().and_then(category_name).unwrap_or_else(|| "Chuyên mục".to_string());
    let has_more = pages.last().is_some_and(|page| page.next_url.is_some());
    let loaded = pages.len() as u32;
    let total = pages.first().and_then(|page| page.total_items);
    let total_pages = pages.first().and_then(|page| page.total_pages).unwrap_or(1) as u32;
    let items: Vec<_> = pages.into_iter().flat_map(|page| page.items).collect();
    let shown = items.len();
    view! {
        <h1 class="page-heading">{name}</h1>
        <ul class="news-list">
            {items.into_iter().map(|item| view! { <NewsCard item with_summary=true /> }).collect_view()}
        </ul>
        <p class="list-count">
            {match total {
                Some(total) => format!("Đang hiển thị {shown} / {total} tin"),
                None => format!("Đang hiển thị {shown} tin"),
            }}
        </p>
        {has_more
            .then(|| {
                view! {
                    <a href=site_href(routes::category(slug, loaded + 1)) data-noscroll="" class="more-button">
                        "Xem thêm"
                    </a>
                }
            })}
        {(total_pages > 1).then(|| view! { <PageList slug=slug.to_string() current=1 total=total_pages every_page=true /> })}
    }
    .into_any()
}
