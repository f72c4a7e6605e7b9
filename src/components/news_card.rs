//! One news item in a list: title link, date, and optionally image and summary.

use crate::context::site_href;
use crate::core::date::VietnamTime;
use crate::core::feed::NewsItem;
use crate::core::routes;
use leptos::prelude::*;

/// A row of a news list. `with_summary` adds the excerpt and the thumbnail.
#[component]
pub fn NewsCard(item: NewsItem, #[prop(optional)] with_summary: bool) -> impl IntoView {
    let href = routes::article(&item.id, &item.title);
    let date = VietnamTime::from_unix_seconds(item.published).date.dashed();
    let thumbnail = item.image.clone().filter(|_| with_summary).map(|src| {
        view! {
            <img class="news-card-image" src=src alt="" width="160" height="100" loading="lazy" decoding="async" />
        }
    });
    let summary = with_summary.then(|| item.content_text.clone().or(item.summary.clone())).flatten();
    view! {
        <li class="news-list-item news-card" class:news-card-rich=with_summary>
            {thumbnail}
            <div class="news-card-text">
                <a href=site_href(&href) class="news-card-title">{item.title}</a>
                <span class="news-card-date">{date}</span>
                {summary.map(|text| view! { <p class="news-card-summary">{text}</p> })}
            </div>
        </li>
    }
}
