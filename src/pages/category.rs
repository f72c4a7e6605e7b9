//! One category's news, newest first: `/chuyen-muc/:slug` and the pages of
//! its archive, `/chuyen-muc/:slug/trang/:page`.
//!
//! On the category's own address "Xem thêm" appends the next page of the
//! feed (its `next_url`) and writes the page count into the address
//! (`?trang=3`), so reload and Back show the same list; below it, the list of
//! every page of the archive. Each archive page shows that one feed page, a
//! page of its own (prerendered): a reader without JavaScript walks the
//! archive by plain links. One view for both keeps the wasm small.

use crate::components::news_card::NewsCard;
use crate::components::page_list::page_list;
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

/// The category view, for both addresses.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    // `Some(n)` on an archive page; 0 (no such page) for a segment that is
    // not "trang/<number>".
    let archive_page = Memo::new(move |_| {
        let params = params.read();
        routes::archive_page_from_segments(params.get("trang").as_deref(), params.get("page").as_deref())
    });
    let page_count = Memo::new(move |_| page_from_query(query.read().get(PAGE_QUERY).as_deref()));
    // The heading, for the title, once the feed is read.
    let heading = RwSignal::new(None::<String>);
    let list = region(
        || view! { <div class="skeleton-title skeleton"></div> <ListSkeleton rows=10 /> }.into_any(),
        move || {
            let portal = portal.clone();
            let (slug, archive_page, count) = (slug.get(), archive_page.get(), page_count.get());
            async move {
                let pages = match archive_page {
                    Some(page) => vec![documents::category_archive_page(&portal, &slug, page).await?],
                    None => documents::feed_pages(count, |url| documents::category_page(&portal, &slug, url)).await?,
                };
                heading.set(Some(heading_of(&pages, &slug, archive_page)));
                Ok((slug, archive_page, pages))
            }
        },
        |(slug, archive_page, pages)| category_list(slug, archive_page, pages),
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

/// "Tin hoạt động Sở", or on an archive page "Tin hoạt động Sở – Trang 3".
fn heading_of(pages: &[FeedPage], slug: &str, archive_page: Option<u32>) -> String {
    let name = pages.first().and_then(|page| page.category.as_ref()).map_or(slug, |category| category.name.as_str());
    match archive_page {
        Some(page) => format!("{name} – Trang {page}"),
        None => name.to_string(),
    }
}

/// The heading, every item of the loaded pages, then on the category's
/// address the count, "Xem thêm" while there are more and every page of the
/// archive; on an archive page the pages around it.
fn category_list(slug: String, archive_page: Option<u32>, pages: Vec<FeedPage>) -> AnyView {
    let heading = heading_of(&pages, &slug, archive_page);
    let first = pages.first();
    let total_pages = first.and_then(|page| page.total_pages).map(|total| total as u32);
    let total_items = first.and_then(|page| page.total_items);
    let has_more = pages.last().is_some_and(|page| page.next_url.is_some());
    let loaded = pages.len() as u32;
    let items: Vec<_> = pages.into_iter().flat_map(|page| page.items).collect();
    let shown = items.len();
    let footer = match archive_page {
        Some(page) => {
            let total = total_pages.unwrap_or(page + u32::from(has_more));
            view! {
                {page_list(&slug, page, total, false)}
                <p class="more-link-line">
                    <a href=site_href(routes::category_archive(&slug, 1)) class="more-link">
                        "Danh sách tất cả các trang"
                    </a>
                </p>
            }
            .into_any()
        }
        None => view! {
            <p class="list-count">
                {match total_items {
                    Some(total) => format!("Đang hiển thị {shown} / {total} tin"),
                    None => format!("Đang hiển thị {shown} tin"),
                }}
            </p>
            {has_more
                .then(|| {
                    view! {
                        <a href=site_href(routes::category(&slug, loaded + 1)) data-noscroll="" class="more-button">
                            "Xem thêm"
                        </a>
                    }
                })}
            {total_pages
                .filter(|total| *total > 1)
                .map(|total| page_list(&slug, 1, total, true))}
        }
        .into_any(),
    };
    view! {
        <h1 class="page-heading">{heading}</h1>
        <ul class="news-list">
            {items.into_iter().map(|item| view! { <NewsCard item with_summary=true /> }).collect_view()}
        </ul>
        {footer}
    }
    .into_any()
}
