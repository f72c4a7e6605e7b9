//! Which pages the site has, read from its documents by following them as
//! the app does: the latest-news feed page by page (every article), the
//! categories document (every category), the schedule index (every week).
//! Each list is walked once and never held whole: an article page costs one
//! small record.

use crate::head::{short_description, ArticleFacts, LegislationFacts, PageMeta};
use crate::listing::Listing;
use crate::store::Store;
use portal::context::Portal;
use portal::core::agency::parse_agency;
use portal::core::agency_pages::{Part, ABOUT_PARTS, OTHER_PARTS};
use portal::core::agenda::week_reach;
use portal::core::error::{DocError, Problem};
use portal::core::facets::ALL_LIST;
use portal::core::feed::{parse_article, parse_categories, parse_feed, NewsItem};
use portal::core::route_table::{route_at, PageKind};
use portal::core::routes::{self, FeedFormat};
use portal::core::schedule::parse_index;
use portal::core::sections::group_sections;
use portal::core::titles::{page_title, TitleOf};
use portal::core::url::resolve;
use portal::core::van_ban::{parse_detail, parse_list_page};
use portal::core::week::IsoWeek;

/// One page to write.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    Home,
    /// An article by id; its canonical address (`route`) carries the
    /// title's slug, made once when its feed page is skimmed
    /// (`listing::skim_feed`) and kept between runs with the listing: a run
    /// asks each page its address several times, and 100 000 slugs are not free.
    Article {
        id: String,
        route: String,
        lastmod: i64,
    },
    /// One page of the news related to an article.
    Related {
        id: String,
        page: u32,
    },
    /// A category's first page (1) or one page of its archive.
    Category {
        slug: String,
        page: u32,
    },
    /// `/lich-cong-tac` (None) or one week that has a document.
    Schedule(Option<(i32, u32)>),
    /// A week without a document that a page links to (`core::agenda::week_reach`):
    /// it says so and links to the nearest weeks that have one. Not in the sitemap.
    EmptyWeek(i32, u32),
    /// `/danh-muc` (None) or one section's page, by slug and name.
    Sections(Option<(String, String)>),
    /// `/tim-kiem`: the search page, its box ready before the app runs.
    Search,
    /// `/rss`: the list of the RSS and Atom feeds.
    Feeds,
    /// A page of the legal documents registry's list (`/van-ban`, `/van-ban/trang/N`).
    VanBanList(u32),
    /// One legal document, its canonical address made once.
    VanBan {
        id: String,
        route: String,
    },
    /// A page of the tasks registry's list (`/nhiem-vu`, `/nhiem-vu/trang/N`).
    NhiemVuList(u32),
    /// One science and technology task, its canonical address made once.
    NhiemVu {
        id: String,
        route: String,
    },
    /// One of the department's own pages (core::agency_pages).
    Agency(Part),
    /// The programme's list (None), or one episode by id and address.
    Episodes(Option<(String, String)>),
    NotFound,
}

impl Page {
    /// Which view of the route table draws it; `None` for the not-found
    /// page, which no route answers.
    pub fn kind(&self) -> Option<PageKind> {
        Some(match self {
            Page::Home => PageKind::Home,
            Page::Article { .. } => PageKind::Article,
            Page::Related { .. } => PageKind::Related,
            Page::Category { .. } => PageKind::Category,
            Page::Schedule(_) | Page::EmptyWeek(..) => PageKind::Schedule,
            Page::Sections(_) => PageKind::Sections,
            Page::Search => PageKind::Search,
            Page::Feeds => PageKind::Feeds,
            Page::VanBanList(_) | Page::VanBan { .. } => PageKind::VanBan,
            Page::NhiemVuList(_) | Page::NhiemVu { .. } => PageKind::NhiemVu,
            Page::Agency(_) => PageKind::Agency,
            Page::Episodes(_) => PageKind::Episodes,
            Page::NotFound => return None,
        })
    }

    /// Whether the sitemap lists it, given its `route()` (made once per page,
    /// 205 000 at 100 000 articles): its address is a route of its own kind
    /// that the table has prerendered (the not-found page's is none). A week
    /// without a schedule has a page for the links, but nothing to find.
    pub fn in_sitemap_at(&self, route: &str) -> bool {
        !matches!(self, Page::EmptyWeek(..))
            && route_at(route).is_some_and(|route| route.prerendered && Some(route.kind) == self.kind())
    }

    /// The route the app draws it at (without the site's sub-path); the
    /// tests below hold it to the route table.
    pub fn route(&self) -> String {
        match self {
            Page::Home => "/".into(),
            Page::Article { route, .. } => route.clone(),
            Page::Related { id, page } => routes::related(id, *page),
            Page::Category { slug, page } => routes::category_archive(slug, *page),
            Page::Schedule(None) => routes::SCHEDULE.into(),
            Page::Schedule(Some((year, week))) | Page::EmptyWeek(year, week) => {
                format!("{}/{year}/{week}", routes::SCHEDULE)
            }
            Page::Sections(None) => routes::SECTIONS.into(),
            Page::Sections(Some((slug, _))) => routes::section(slug),
            Page::Search => routes::SEARCH.into(),
            Page::Feeds => routes::FEEDS.into(),
            Page::VanBanList(page) => routes::van_ban_archive(*page),
            Page::VanBan { route, .. } => route.clone(),
            Page::NhiemVuList(page) => routes::registry_archive(routes::NHIEM_VU, *page),
            Page::NhiemVu { route, .. } => route.clone(),
            Page::Agency(part) => part.route(),
            Page::Episodes(None) => routes::EPISODES.into(),
            Page::Episodes(Some((_, route))) => route.clone(),
            // An address no route matches: the app's not-found view.
            Page::NotFound => "/khong-tim-thay".into(),
        }
    }

    /// The files it is written to, relative to the site folder: the
    /// canonical address first, then any other address that must reach it
    /// (written as a small page that leads to the first).
    pub fn files(&self) -> Vec<String> {
        let mut files = vec![self.first_file(&self.route())];
        if let Page::Article { id, .. } = self {
            files.push(format!("tin/{id}.html"));
        }
        files
    }

    /// The first of [`Page::files`], given the page's `route()` (made once
    /// for each of 205 000 pages at 100 000 articles, not twice).
    pub fn first_file(&self, route: &str) -> String {
        match self {
            Page::Home => "index.html".into(),
            Page::NotFound => "404.html".into(),
            // `/en/` is a folder's address: every static host answers it
            // with the folder's index.html.
            Page::Agency(Part::English) => "en/index.html".into(),
            _ => file_of_route(route),
        }
    }

    /// A page that this page asked for when drawn (`context::prerender_also`):
    /// the later pages of an article's related news, asked for by its first.
    pub fn asked_for(&self, route: &str) -> Option<Page> {
        let Page::Related { id, .. } = self else { return None };
        let page = route.rsplit_once("/trang/")?.1.parse().ok()?;
        (routes::related(id, page) == route).then(|| Page::Related { id: id.clone(), page })
    }
}

/// "/tin/1019/doan-kiem-tra" → "tin/1019/doan-kiem-tra.html": static hosts
/// (nginx with `try_files $uri.html`, Netlify, Cloudflare Pages, GitHub
/// Pages) answer the address without ".html" from that file.
pub fn file_of_route(route: &str) -> String {
    format!("{}.html", route.trim_matches('/'))
}

/// Every page of the site, in a stable order, and the documents that could
/// not be read while listing them.
pub fn list_pages(portal: &Portal, store: &Store, listing: &mut Listing) -> (Vec<Page>, Vec<DocError>) {
    let mut pages = vec![Page::Home, Page::NotFound, Page::Search, Page::Feeds];
    let mut failures = Vec::new();
    let sources = &portal.config.sources;

    let categories_url = portal.url(&sources.categories);
    match read_parsed(store, "danh sách chuyên mục", &categories_url, parse_categories) {
        Ok(entries) => {
            pages.push(Page::Sections(None));
            let sections = group_sections(&entries).into_iter().map(|section| Some((section.slug, section.name)));
            pages.extend(sections.map(Page::Sections));
            for entry in entries {
                // Its archive pages, as many as its first page says it has.
                let first_url =
                    entry.feed_url.unwrap_or_else(|| portal.url(&sources.category_url(&entry.category.slug)));
                let total = match read_parsed(store, "chuyên mục", &first_url, parse_feed) {
                    Ok(first) => first.total_pages.unwrap_or(1).min(u64::from(u32::MAX)) as u32,
                    Err(error) => {
                        failures.push(error);
                        1
                    }
                };
                let slug = entry.category.slug;
                pages.extend((1..=total.max(1)).map(|page| Page::Category { slug: slug.clone(), page }));
            }
        }
        Err(error) => failures.push(error),
    }

    listing.walk(store, portal.url(&sources.latest_feed));
    for item in listing.items() {
        pages.push(Page::Article { id: item.id.clone(), route: item.route.clone(), lastmod: item.lastmod });
        // Its related news' first page; the later ones it asks for when drawn.
        pages.push(Page::Related { id: item.id.clone(), page: 1 });
    }
    failures.extend(listing.failure.clone());

    list_van_ban(portal, store, &mut pages, &mut failures);
    crate::task_head::list(portal, store, &mut pages, &mut failures);
    match read_parsed(store, "thông tin giới thiệu Sở", &portal.url(&sources.agency), parse_agency) {
        Ok(agency) => {
            let parts = [Part::Overview].into_iter().chain(ABOUT_PARTS).chain(OTHER_PARTS);
            pages.extend(parts.chain(agency.units.iter().map(|unit| Part::Unit(unit.slug.clone()))).map(Page::Agency));
        }
        // A site without the department's document has no such pages.
        Err(error) if error.is_not_found() => {}
        Err(error) => failures.push(error),
    }

    match crate::episode_head::list(store, &portal.url(&sources.episodes)) {
        Some(Ok(episodes)) => {
            pages.push(Page::Episodes(None));
            pages.extend(episodes.into_iter().map(|episode| Page::Episodes(Some(episode))));
        }
        Some(Err(problem)) => failures.push(DocError::new("Chuyên mục KH&CN", Problem::Malformed { detail: problem })),
        None => {}
    }

    pages.push(Page::Schedule(None));
    let index_url = portal.url(&sources.schedule_index);
    match read_parsed(store, "danh sách các tuần có lịch công tác", &index_url, parse_index) {
        Ok(index) => {
            let this_week = IsoWeek::current_in_vietnam(portal::clock::now_unix());
            let (first, last) = week_reach(&index, this_week);
            let mut week = first;
            while week <= last {
                let (year, number) = (week.year(), week.week());
                let published = index.weeks.binary_search(&week).is_ok();
                pages.push(if published {
                    Page::Schedule(Some((year, number)))
                } else {
                    Page::EmptyWeek(year, number)
                });
                week = week.next();
            }
        }
        Err(error) => failures.push(error),
    }
    (pages, failures)
}

/// The registry's list pages and every document, walking the list of
/// everything page by page (a page is never held longer than its turn).
fn list_van_ban(portal: &Portal, store: &Store, pages: &mut Vec<Page>, failures: &mut Vec<DocError>) {
    let sources = &portal.config.sources;
    let mut page = 1;
    loop {
        let url = portal.url(&sources.van_ban_list_url(ALL_LIST, page));
        let list = match read_parsed(store, "danh sách văn bản", &url, |name, _, text| parse_list_page(name, text))
        {
            Ok(list) => list,
            // A site without a registry has no list: not a failure.
            Err(error) if page == 1 && error.is_not_found() => return,
            Err(error) => {
                failures.push(error);
                return;
            }
        };
        pages.push(Page::VanBanList(page));
        for doc in &list.items {
            pages.push(Page::VanBan { id: doc.id.clone(), route: routes::van_ban(&doc.id, &doc.title()) });
        }
        if page >= list.total_pages {
            return;
        }
        page += 1;
    }
}

fn read_parsed<T>(
    store: &Store,
    name: &str,
    url: &str,
    parse: impl FnOnce(&str, &str, &str) -> Result<T, DocError>,
) -> Result<T, DocError> {
    let text = store.read(url).map_err(|problem| DocError::new(name, problem))?;
    parse(name, url, &text)
}

/// The RSS and Atom feeds of the latest news (`None`) or of a category
/// (slug, name), for a page's head: (title, format, absolute address).
pub fn feed_links(store: &Store, category: Option<(&str, &str)>, site: &str) -> Vec<(String, FeedFormat, String)> {
    let title = match category {
        None => format!("Tin mới nhất - {site}"),
        Some((_, name)) => format!("{name} - {site}"),
    };
    let base = store.base_url.trim_end_matches('/');
    FeedFormat::BOTH
        .into_iter()
        .map(|format| {
            let file = routes::feed_file(format, category.map(|(slug, _)| slug));
            (format!("{title} ({})", format.name()), format, format!("{base}{file}"))
        })
        .collect()
}

/// The page's absolute canonical address.
pub fn canonical(store: &Store, page: &Page) -> String {
    canonical_at(store, &page.route())
}

/// The absolute address of the page at `route`.
pub fn canonical_at(store: &Store, route: &str) -> String {
    format!("{}{}", store.base_url.trim_end_matches('/'), route)
}

/// What the page's head says, from the documents it was drawn from.
pub fn meta_of(page: &Page, portal: &Portal, store: &Store, documents: &[(String, std::rc::Rc<str>)]) -> PageMeta {
    let site = &portal.config.site;
    let canonical = canonical(store, page);
    let mut meta = PageMeta { canonical, description: site.slogan.clone(), ..PageMeta::default() };
    // Every page names the latest news's feeds; a category's page its own too.
    meta.feeds = feed_links(store, None, &site.short_name);
    match page {
        Page::Home => {
            meta.title = page_title(TitleOf::Home, &site.short_name);
            meta.description = format!("{}. {}", site.name, site.slogan);
            meta.image = first_feed_image(portal, documents).map(|image| store.absolute(&image));
        }
        Page::Article { id, .. } => {
            let url = portal.url(&portal.config.sources.article_url(id));
            let item = documents
                .iter()
                .find(|(known, _)| *known == url)
                .and_then(|(_, text)| parse_article("bài viết", &url, text).ok());
            if let Some(item) = item {
                fill_article(&mut meta, &item, &url, &site.short_name);
                meta.image = meta.image.map(|image| store.absolute(&image));
            }
        }
        Page::Related { id, page } => {
            let url = portal.url(&portal.config.sources.article_url(id));
            let title = documents
                .iter()
                .find(|(known, _)| *known == url)
                .and_then(|(_, text)| parse_article("bài viết", &url, text).ok())
                .map(|item| item.title);
            let mut heading = page_title(TitleOf::Related(title.as_deref()), &site.short_name);
            if *page > 1 {
                heading = format!("{heading} – Trang {page}");
            }
            meta.title = heading;
            meta.description = match title {
                Some(title) => short_description(&format!("Các tin liên quan đến bài: {title}")),
                None => "Tin liên quan".into(),
            };
        }
        Page::Category { slug, page } => {
            let mut name = category_name(portal, documents, slug).unwrap_or_else(|| slug.clone());
            if *page > 1 {
                name = format!("{name} – Trang {page}");
            }
            meta.title = page_title(TitleOf::Category(Some(&name)), &site.short_name);
            meta.description = format!("Tin {name} – {}", site.name);
            let plain_name = category_name(portal, documents, slug).unwrap_or_else(|| slug.clone());
            meta.feeds.extend(feed_links(store, Some((slug, &plain_name)), &site.short_name));
        }
        Page::Schedule(_) | Page::EmptyWeek(..) => {
            // `/lich-cong-tac` shows the current week, as the app's title says.
            let shown = match page {
                Page::Schedule(Some((year, week))) | Page::EmptyWeek(year, week) => IsoWeek::new(*year, *week),
                _ => Some(IsoWeek::current_in_vietnam(portal::clock::now_unix())),
            };
            meta.title = match shown {
                Some(week) => page_title(TitleOf::ScheduleWeek(&week.heading()), &site.short_name),
                None => page_title(TitleOf::NotFound, &site.short_name),
            };
            meta.description = format!("Lịch công tác tuần của lãnh đạo {}", site.name);
            meta.noindex = matches!(page, Page::EmptyWeek(..));
        }
        Page::Sections(section) => {
            let name = section.as_ref().map(|(_, name)| name.as_str());
            meta.title = page_title(TitleOf::Sections(name), &site.short_name);
            meta.description = format!("{}: các chuyên mục tin – {}", name.unwrap_or("Danh mục"), site.name);
        }
        Page::Search => {
            meta.title = page_title(TitleOf::Search(""), &site.short_name);
            meta.description = format!("Tìm kiếm trong toàn bộ tin bài của {}", site.name);
        }
        Page::Feeds => {
            meta.title = page_title(TitleOf::Feeds, &site.short_name);
            meta.description = format!("Các kênh tin RSS và Atom của {}: tin mới nhất và từng chuyên mục", site.name);
        }
        Page::VanBanList(page) => {
            let mut title = page_title(TitleOf::VanBanList(None), &site.short_name);
            if *page > 1 {
                title = format!("{title} – Trang {page}");
            }
            meta.title = title;
            meta.description =
                format!("Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành và dự thảo lấy ý kiến – {}", site.name);
        }
        Page::VanBan { id, .. } => {
            let url = portal.url(&portal.config.sources.van_ban_url(id));
            let detail = documents
                .iter()
                .find(|(known, _)| *known == url)
                .and_then(|(_, text)| parse_detail("văn bản", &url, text).ok());
            if let Some(detail) = detail {
                let doc = &detail.doc;
                let title = doc.title();
                meta.title = page_title(TitleOf::VanBan(Some(&title)), &site.short_name);
                meta.description = short_description(&format!("{title}: {}", doc.summary));
                let today = portal::core::date::VietnamTime::from_unix_seconds(portal::clock::now_unix()).date;
                meta.legislation = Some(LegislationFacts {
                    name: title,
                    identifier: doc.number.clone(),
                    date: doc.issued.to_string(),
                    kind: doc.kind.clone(),
                    passed_by: doc.issuer.clone(),
                    legal_force: doc.status_on(today).schema_org().into(),
                    expires: doc.expires.map(|date| date.to_string()),
                });
            }
        }
        Page::NhiemVuList(page) => crate::task_head::fill(&mut meta, None, *page, portal, documents),
        Page::NhiemVu { id, .. } => crate::task_head::fill(&mut meta, Some(id), 1, portal, documents),
        Page::Agency(part) => crate::agency_head::fill(&mut meta, part, portal, store, documents),
        Page::Episodes(episode) => {
            let id = episode.as_ref().map(|(id, _)| id.as_str());
            crate::episode_head::fill(&mut meta, id, portal, store, documents);
        }
        Page::NotFound => {
            meta.title = page_title(TitleOf::NotFound, &site.short_name);
        }
    }
    meta
}

fn fill_article(meta: &mut PageMeta, item: &NewsItem, document_url: &str, site_short_name: &str) {
    meta.title = page_title(TitleOf::Article(Some(&item.title)), site_short_name);
    let summary = item.summary.clone().or_else(|| item.content_text.clone()).unwrap_or_else(|| item.title.clone());
    meta.description = short_description(&summary);
    meta.image = item.image.as_ref().map(|image| resolve(document_url, image));
    meta.article = Some(ArticleFacts {
        headline: item.title.clone(),
        published: item.published,
        modified: item.modified,
        authors: item.authors.clone(),
        section: item.category.as_ref().map(|category| category.name.clone()),
    });
}

fn first_feed_image(portal: &Portal, documents: &[(String, std::rc::Rc<str>)]) -> Option<String> {
    let url = portal.url(&portal.config.sources.latest_feed);
    let (_, text) = documents.iter().find(|(known, _)| *known == url)?;
    let page = parse_feed("bản tin", &url, text).ok()?;
    let item = page.items.iter().find(|item| item.featured).or(page.items.first())?;
    item.image.as_ref().map(|image| resolve(&url, image))
}

fn category_name(portal: &Portal, documents: &[(String, std::rc::Rc<str>)], slug: &str) -> Option<String> {
    let url = portal.url(&portal.config.sources.categories);
    let (_, text) = documents.iter().find(|(known, _)| *known == url)?;
    let entries = parse_categories("chuyên mục", &url, text).ok()?;
    entries.into_iter().find(|entry| entry.category.slug == slug).map(|entry| entry.category.name)
}

#[cfg(test)]
#[path = "pages_tests.rs"]
mod tests;
