//! The news documents, fetched and parsed: what the views ask for by name.

use crate::context::Portal;
use crate::core::error::DocError;
use crate::core::feed::{
    parse_article, parse_categories, parse_feed, CategoryEntry, FeedPage, NewsItem, FEED_LIMIT_BYTES,
};
use crate::net::fetch_parsed;
use futures::future::{join, join_all};
use std::future::Future;

/// Fetches and parses one news document (feed size limit).
async fn load<T>(name: &str, url: &str, parse: fn(&str, &str, &str) -> Result<T, DocError>) -> Result<T, DocError> {
    fetch_parsed(name, url, FEED_LIMIT_BYTES, |text| parse(name, url, text)).await
}

/// One page of the latest-news feed; `url` is `None` for the first page.
pub async fn latest_page(portal: &Portal, url: Option<String>) -> Result<FeedPage, DocError> {
    let url = url.unwrap_or_else(|| portal.url(&portal.config.sources.latest_feed));
    load("bản tin mới nhất", &url, parse_feed).await
}

/// One page of a category's feed; `url` is `None` for the first page.
pub async fn category_page(portal: &Portal, slug: &str, url: Option<String>) -> Result<FeedPage, DocError> {
    let url = url.unwrap_or_else(|| portal.url(&portal.config.sources.category_url(slug)));
    let name = format!("chuyên mục “{slug}”");
    load(&name, &url, parse_feed).await
}

/// Page `page` of a category's archive, by `sources.category_page`; page 0
/// does not exist.
pub async fn category_archive_page(portal: &Portal, slug: &str, page: u32) -> Result<FeedPage, DocError> {
    let name = format!("chuyên mục “{slug}”, trang {page}");
    if page == 0 {
        return Err(DocError::new(&name, crate::core::error::Problem::NotFound));
    }
    let url = portal.url(&portal.config.sources.category_page_url(slug, page));
    load(&name, &url, parse_feed).await
}

/// The full article with id `id`.
pub async fn article(portal: &Portal, id: &str) -> Result<NewsItem, DocError> {
    let url = portal.url(&portal.config.sources.article_url(id));
    let name = format!("bài viết số {id}");
    load(&name, &url, parse_article).await
}

/// The list of categories, in the order the portal shows them.
pub async fn categories(portal: &Portal) -> Result<Vec<CategoryEntry>, DocError> {
    let url = portal.url(&portal.config.sources.categories);
    load("danh sách chuyên mục", &url, parse_categories).await
}

/// Pages 1 to `count` of a feed, following `next_url`; stops early at the last page.
pub async fn feed_pages<F, Fut>(count: u32, mut fetch_page: F) -> Result<Vec<FeedPage>, DocError>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<FeedPage, DocError>>,
{
    let mut pages: Vec<FeedPage> = Vec::new();
    let mut next = None;
    for index in 0..count.max(1) {
        if index > 0 && next.is_none() {
            break;
        }
        let page = fetch_page(next.take()).await?;
        next = page.next_url.clone();
        pages.push(page);
    }
    Ok(pages)
}

/// News to rank beside `article`: its own "Tin khác" list when its document
/// gives one, else its category's first page and the latest news; and any
/// related item those do not hold. The two lists are asked for
/// together, then the missing related articles together, so the list costs
/// two round trips on a slow network, not one per article. A failure here
/// costs only the side list, so errors leave items out.
pub async fn neighbourhood(portal: &Portal, article: &NewsItem, max_related: usize) -> Vec<NewsItem> {
    // An article that lists its own "Tin khác" (the portal's builder writes
    // them) is placed by its own document: its related pages then change
    // only when it or the articles it names change, not with every article
    // published, and the prerender does not redraw them all each time.
    if !article.other_news.is_empty() {
        return with_named(portal, article, article.other_news.clone(), max_related).await;
    }
    let category = async {
        match &article.category {
            Some(category) => category_page(portal, &category.slug, None).await.map(|page| page.items),
            None => Ok(Vec::new()),
        }
    };
    let latest = async { latest_page(portal, None).await.map(|page| page.items) };
    let (category, latest) = join(category, latest).await;
    let items: Vec<NewsItem> = category.into_iter().chain(latest).flatten().collect();
    with_named(portal, article, items, max_related).await
}

/// `items` and the articles `article` names as related that they lack, each
/// fetched (at most `max_related`).
async fn with_named(
    portal: &Portal,
    article: &NewsItem,
    mut items: Vec<NewsItem>,
    max_related: usize,
) -> Vec<NewsItem> {
    let missing = article.related.iter().take(max_related).filter(|id| !items.iter().any(|item| item.id == **id));
    let fetched = join_all(missing.map(|id| self::article(portal, id))).await;
    items.extend(fetched.into_iter().flatten());
    items
}
