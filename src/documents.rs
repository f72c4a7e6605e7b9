//! Every document the app reads, fetched and parsed: what the views, the
//! visitor box and the start-up ask for by name. `net` does the fetching;
//! nothing else calls it.

use crate::context::Portal;
use crate::core::agency::{parse_agency_pages, AgencyPage, AGENCY_LIMIT_BYTES};
use crate::core::agenda::{nearest_weeks, week_reach};
use crate::core::config::{parse_config, Config, CONFIG_DOCUMENT, CONFIG_LIMIT_BYTES};
use crate::core::episodes::{parse_programme, Programme, EPISODES_LIMIT_BYTES};
use crate::core::error::DocError;
use crate::core::feed::{
    parse_article, parse_categories, parse_feed, CategoryEntry, FeedPage, NewsItem, FEED_LIMIT_BYTES,
};
#[cfg(feature = "ssr")]
use crate::core::registry_walk::{draw, Asked, Drawn, Registry, Setting, Wanted, REGISTRY_LIMIT_BYTES};
use crate::core::schedule::{expect_week, parse_index, parse_week, ScheduleIndex, WeekSchedule, SCHEDULE_LIMIT_BYTES};
use crate::core::stats::{parse_stats, VisitorStats, STATS_DOCUMENT, STATS_LIMIT_BYTES};
use crate::core::week::IsoWeek;
use crate::net::{fetch_parsed, fetch_text, fetch_uncached, from_cache_only};
use futures::future::{join, join_all};
use futures::FutureExt;
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

/// The pages of the department's own document: Giới thiệu, Liên hệ,
/// English, the site map (the builder draws them; core::agency).
pub async fn agency_pages(portal: &Portal) -> Result<Vec<AgencyPage>, DocError> {
    let url = portal.url(&portal.config.sources.agency);
    let name = "thông tin giới thiệu Sở";
    fetch_parsed(name, &url, AGENCY_LIMIT_BYTES, |text| parse_agency_pages(name, text)).await
}

/// The "Chuyên mục KH&CN" programme's episodes, newest first.
pub async fn programme(portal: &Portal) -> Result<Programme, DocError> {
    let url = portal.url(&portal.config.sources.episodes);
    let name = "danh sách Chuyên mục KH&CN";
    fetch_parsed(name, &url, EPISODES_LIMIT_BYTES, |text| parse_programme(name, &url, text)).await
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

/// What there is to show for a week.
#[derive(Clone, Debug, PartialEq)]
pub enum WeekOutcome {
    Published(WeekSchedule),
    /// No document for the week (404): the closest weeks that have one, and
    /// the weeks the schedule's links reach (`core::agenda::week_reach`),
    /// when the index of weeks could be read.
    Missing {
        earlier: Option<IsoWeek>,
        later: Option<IsoWeek>,
        reach: Option<(IsoWeek, IsoWeek)>,
    },
}

/// The week's document, or the nearest published weeks when it has none;
/// `this_week` is the week of now in Vietnam.
pub async fn week_or_neighbours(portal: &Portal, week: IsoWeek, this_week: IsoWeek) -> Result<WeekOutcome, DocError> {
    match week_schedule(portal, week).await {
        Ok(schedule) => Ok(WeekOutcome::Published(schedule)),
        Err(error) if error.is_not_found() => {
            // Without the index the message still stands, just without links.
            let index = match week_index(portal).await {
                Ok(index) => index,
                Err(error) => {
                    crate::net::report(&error);
                    return Ok(WeekOutcome::Missing { earlier: None, later: None, reach: None });
                }
            };
            let (earlier, later) = nearest_weeks(&index, week);
            Ok(WeekOutcome::Missing { earlier, later, reach: Some(week_reach(&index, this_week)) })
        }
        Err(error) => Err(error),
    }
}

/// One week's document. A body that fails to parse is dropped from the visit
/// cache, so "Thử lại" fetches it again.
pub async fn week_schedule(portal: &Portal, week: IsoWeek) -> Result<WeekSchedule, DocError> {
    let url = portal.url(&portal.config.sources.week_url(week));
    let name = format!("lịch công tác tuần {}/{}", week.week(), week.year());
    fetch_parsed(&name, &url, SCHEDULE_LIMIT_BYTES, |text| {
        parse_week(&name, &url, text).and_then(|schedule| expect_week(&name, schedule, week))
    })
    .await
}

/// The index of published weeks.
pub async fn week_index(portal: &Portal) -> Result<ScheduleIndex, DocError> {
    let url = portal.url(&portal.config.sources.schedule_index);
    let name = "danh sách các tuần có lịch công tác";
    fetch_parsed(name, &url, SCHEDULE_LIMIT_BYTES, |text| parse_index(name, &url, text)).await
}

/// The visitor statistics at `url`, never from a cache (they are polled),
/// with the text they were read from (shared with the site's other tabs).
/// A mapped future, not an `async fn`: no state machine of its own in the wasm.
pub fn statistics(url: &str) -> impl Future<Output = Result<(VisitorStats, String), DocError>> + '_ {
    fetch_uncached(STATS_DOCUMENT, url, STATS_LIMIT_BYTES)
        .map(|fetched| fetched.and_then(|text| Ok((parse_stats(STATS_DOCUMENT, &text)?, text))))
}

/// The statistics at `url` if they are already at hand (read by the
/// prerender, or embedded in the prerendered page the app takes over);
/// nothing is requested.
pub fn statistics_at_hand(url: &str) -> Option<VisitorStats> {
    let fetched = from_cache_only(|| fetch_text(STATS_DOCUMENT, url, STATS_LIMIT_BYTES).now_or_never());
    fetched.and_then(Result::ok).and_then(|text| parse_stats(STATS_DOCUMENT, &text).ok())
}

/// The site's `config.json` at `url` (beside `index.html`): `None` when
/// there is none, for the defaults to serve. A mapped future, as `statistics`.
pub fn config(url: &str) -> impl Future<Output = Result<Option<Config>, DocError>> + '_ {
    fetch_text(CONFIG_DOCUMENT, url, CONFIG_LIMIT_BYTES).map(|fetched| match fetched {
        Ok(text) => parse_config(&text).map(Some),
        Err(error) if error.is_not_found() => Ok(None),
        Err(error) => Err(error),
    })
}

/// A registry's page drawn here, natively: the prerender (`ssr`) runs the
/// core's walk over `net`'s documents. In the browser the registries'
/// worker draws it (`crate::registry_worker`), so the app's wasm carries
/// none of the walk, the registries' parsers or their HTML.
#[cfg(feature = "ssr")]
pub async fn registry_page(
    portal: &Portal,
    registry: Registry,
    asked: &Asked,
    today: crate::core::date::Date,
    href: &dyn Fn(&str) -> String,
) -> Result<Drawn, DocError> {
    let resolve = |source: &str| portal.url(source);
    let setting = Setting { sources: &portal.config.sources, resolve: &resolve, href, today };
    let fetch_all = |wanted: Vec<Wanted>| async move {
        let mut answers = Vec::with_capacity(wanted.len());
        for document in wanted {
            answers.push(fetch_text(&document.name, &document.url, REGISTRY_LIMIT_BYTES).await);
            // The app takes a registry's page over from its markup, and the
            // worker fetches what it draws: nothing would read a copy.
            crate::net::not_to_embed(&document.url);
        }
        answers
    };
    draw(registry, asked, &setting, fetch_all).await
}
