//! Placeholders the size of the content they stand for, so nothing shifts
//! when the content arrives.

use leptos::prelude::*;

/// `rows` grey lines the height of news-list rows.
#[component]
pub fn ListSkeleton(rows: usize) -> impl IntoView {
    view! {
        <ul class="news-list skeleton" aria-hidden="true">
            {(0..rows).map(|_| view! { <li class="news-list-item skeleton-row"></li> }).collect_view()}
        </ul>
        <p class="visually-hidden" role="status">"Đang tải…"</p>
    }
}

/// A block the height of a full article while it loads.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="article-skeleton skeleton" aria-hidden="true">
            <div class="skeleton-line skeleton-line-short"></div>
            <div class="skeleton-title"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-block"></div>
        </div>
        <p class="visually-hidden" role="status">"Đang tải bài viết…"</p>
    }
}
