//! All news related to one article, ranked, a page at a time:
//! `/tin/:id/lien-quan` and its later pages `/tin/:id/lien-quan/trang/:page`,
//! each an address of its own that the prerender draws.

use crate::components::news_card::NewsCard;
use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{site_href, use_portal};
use crate::core::error::{DocError, Problem};
use crate::core::feed::NewsItem;
use crate::core::related::{paginate, rank_related};
use crate::core::routes;
use crate::core::titles::{page_title, TitleOf};
use crate::documents;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Items per page of related news.
const PER_PAGE: usize = 10;
/// How many explicitly related articles are fetched one by one at most.
const MAX_EXPLICIT: usize = 20;

/// The related-news view, `/tin/:id/lien-quan`.
#[component]
pub fn RelatedPage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let page = Memo::new(move |_| {
        let params = params.read();
        routes::archive_page_from_segments(params.get("trang").as_deref(), params.get("page").as_deref()).unwrap_or(1)
    });
    // The article's title, for the page title, once it is read.
    let title = RwSignal::new(None::<String>);
    let list = region(
        || view! { <div class="skeleton-title skeleton"></div> <ListSkeleton rows=PER_PAGE /> }.into_any(),
        move || {
            let portal = portal.clone();
            let (id, current) = (id.get(), page.get());
            async move {
                let article = documents::article(&portal, &id).await?;
                title.set(Some(article.title.clone()));
                let candidates = documents::neighbourhood(&portal, &article, MAX_EXPLICIT).await;
                let related = rank_related(&article, &candidates);
                let pages = paginate(&related, current, PER_PAGE).1;
                if current == 0 || current > pages {
                    return Err(DocError::new(format!("trang {current} của tin liên quan"), Problem::NotFound));
                }
                #[cfg(feature = "ssr")]
                if current == 1 {
                    crate::context::prerender_also((2..=pages).map(|page| routes::related(&id, page)));
                }
                Ok((article, related, current))
            }
        },
        |(article, related, current)| related_list(&article, &related, current),
        OnFailure::NotFoundPage,
    );
    view! {
        <Title text=move || page_title(TitleOf::Related(title.get().as_deref()), &site) />
        {list}
    }
}

/// One page of the ranked list, with the pager.
fn related_list(article: &NewsItem, related: &[NewsItem], current: u32) -> AnyView {
    let (shown, pages) = paginate(related, current, PER_PAGE);
    let shown = shown.to_vec();
    let id = article.id.clone();
    let article_href = site_href(routes::article(&article.id, &article.title));
    let article_title = article.title.clone();
    view! {
        <h1 class="page-heading">"Tin liên quan"</h1>
        <p class="related-context">
            "Các tin liên quan đến bài: "
            <a href=article_href>{article_title}</a>
        </p>
        <ul class="news-list">
            {shown.into_iter().map(|item| view! { <NewsCard item with_summary=true /> }).collect_view()}
        </ul>
        <nav class="pager" aria-label="Phân trang">
            {(current > 1).then(|| view! { <a href=site_href(routes::related(&id, current - 1))>"← Trang trước"</a> })}
            <span class="pager-position">{format!("Trang {current} / {pages}")}</span>
            {(current < pages).then(|| view! { <a href=site_href(routes::related(&id, current + 1))>"Trang sau →"</a> })}
        </nav>
    }
    .into_any()
}
