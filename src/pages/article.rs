//! Article detail: breadcrumb, date, title, lead, safe body, source line,
//! sharing, "Tin khác" and previous/next in the category.

use crate::components::article_body::ArticleBody;
use crate::components::news_card::NewsCard;
use crate::components::region::{region, OnFailure};
use crate::components::share::ShareLinks;
use crate::components::skeleton::{ArticleSkeleton, ListSkeleton};
use crate::context::{site_href, use_portal};
use crate::core::date::VietnamTime;
use crate::core::feed::{Neighbour, NewsItem};
use crate::core::related::{neighbours, shown_other_news, OTHER_NEWS_COUNT};
use crate::core::routes::{self, is_canonical_slug};
use crate::core::titles::{page_title, TitleOf};
use crate::documents;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

/// The article view, for `/tin/:id` and `/tin/:id/:slug`.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // The article shown, for the title, the meta tags and the slug check.
    let shown = RwSignal::new(None::<NewsItem>);
    let content = region(
        || view! { <ArticleSkeleton /> }.into_any(),
        move || {
            let portal = portal.clone();
            let id = id.get();
            async move {
                let item = documents::article(&portal, &id).await?;
                shown.set(Some(item.clone()));
                Ok(item)
            }
        },
        |item| view! { <ArticleView item /> }.into_any(),
        OnFailure::NotFoundPage,
    );
    // A missing or outdated slug: show the canonical address instead, without
    // adding a history entry.
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(item) = shown.get() {
            let slug = params.read_untracked().get("slug");
            if item.id == id.get_untracked() && !is_canonical_slug(slug.as_deref(), &item.title) {
                let options = NavigateOptions { replace: true, scroll: false, ..Default::default() };
                navigate(&routes::article(&item.id, &item.title), options);
            }
        }
    });
    view! {
        <Title text=move || page_title(TitleOf::Article(shown.get().as_ref().map(|item| item.title.as_str())), &site) />
        <Meta name="description" content=move || shown.get().and_then(|item| item.summary).unwrap_or_default() />
        <Meta property="og:title" content=move || shown.get().map(|item| item.title).unwrap_or_default() />
        <Meta property="og:type" content="article" />
        <Meta property="og:image" content=move || shown.get().and_then(|item| item.image).unwrap_or_default() />
        {content}
    }
}

/// A loaded article and the lists beside it.
#[component]
fn ArticleView(item: NewsItem) -> impl IntoView {
    let portal = use_portal();
    let document_url = portal.url(&portal.config.sources.article_url(&item.id));
    let date = VietnamTime::from_unix_seconds(item.published).date.dashed();
    let breadcrumb = item.category.clone().map(|category| {
        view! {
            <nav class="breadcrumb" aria-label="Vị trí">
                {(!category.section.is_empty()).then(|| view! { <span>{category.section}</span> ": " })}
                <a href=site_href(routes::category(&category.slug, 1))>{category.name}</a>
            </nav>
        }
    });
    let body = item.content_html.clone().unwrap_or_default();
    let related_href = routes::related(&item.id, 1);
    let page_url = crate::context::current_page_url();
    view! {
        <article class="article" data-url=page_url>
            {breadcrumb}
            <p class="article-date">"Ngày đăng: " {date}</p>
            <h1 class="article-title">{item.title.clone()}</h1>
            {item.summary.clone().map(|lead| view! { <p class="article-lead">{lead}</p> })}
            <ArticleBody html=body document_url />
            {item.source.clone().map(|source| view! { <p class="article-source">{source}</p> })}
            <ShareLinks title=item.title.clone() />
        </article>
        <AroundArticle item />
        <p class="more-link-line">
            <a href=site_href(&related_href) class="more-link">"Xem tất cả tin liên quan"</a>
        </p>
    }
}

/// "Tin khác" and previous/next in the category, loaded after the article.
#[component]
fn AroundArticle(item: NewsItem) -> impl IntoView {
    let portal = use_portal();
    let article = item.clone();
    let list = region(
        || view! { <ListSkeleton rows=OTHER_NEWS_COUNT /> }.into_any(),
        move || {
            let portal = portal.clone();
            let article = article.clone();
            async move {
                // An article that lists its own "Tin khác" needs nothing more.
                if !article.other_news.is_empty() {
                    return Ok(Vec::new());
                }
                Ok(documents::neighbourhood(&portal, &article, OTHER_NEWS_COUNT).await)
            }
        },
        move |candidates| around_list(&item, &candidates),
        OnFailure::ErrorBox,
    );
    view! {
        <section class="other-news" aria-labelledby="tin-khac">
            <h2 id="tin-khac" class="section-heading">"Tin khác"</h2>
            {list}
        </section>
    }
}

/// Previous/next in the category, then "Tin khác".
fn around_list(item: &NewsItem, candidates: &[NewsItem]) -> AnyView {
    let (newer, older) = neighbours(item, candidates);
    let step = |label: &'static str, other: Option<Neighbour>| {
        other.map(|other| {
            let href = routes::article(&other.id, &other.title);
            view! {
                <a href=site_href(&href) class="article-step">
                    <span class="article-step-label">{label}</span>
                    {other.title}
                </a>
            }
        })
    };
    let others = shown_other_news(item, candidates, OTHER_NEWS_COUNT);
    view! {
        <nav class="article-steps" aria-label="Tin trước và tin sau trong chuyên mục">
            {step("← Tin mới hơn", newer)}
            {step("Tin cũ hơn →", older)}
        </nav>
        <ul class="news-list">
            {others.into_iter().map(|other| view! { <NewsCard item=other /> }).collect_view()}
        </ul>
    }
    .into_any()
}
