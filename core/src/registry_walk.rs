//! A registry's page (legal documents at `/van-ban`, science and technology
//! tasks at `/nhiem-vu`) from what its address asks: which documents to
//! read, the walk over the list's pages for several filters, and the page
//! drawn as one HTML string with its title.
//!
//! The fetching is the caller's, handed in as `fetch_all`, so one walk
//! serves both sides: the registries' Web Worker (`registry-worker/`, what a
//! visitor's browser runs) and the native prerender (the app's view with
//! `ssr`). The app's own wasm carries none of it (README, "The registries in
//! a worker").

use crate::config::Sources;
use crate::date::Date;
use crate::error::{DocError, Problem};
use crate::facets::{pages_at_once, parse_facets, plan, FacetIndex, Filters, ALL_LIST};
use crate::nhiem_vu::{parse_task, parse_task_list, Task, TASK_FACET_KEYS};
use crate::nhiem_vu_html::{task_list_html, task_page_html};
use crate::routes;
use crate::titles::{page_title, TitleOf};
use crate::van_ban::{parse_detail, parse_list_page, LegalDoc, FACET_KEYS, VAN_BAN_LIMIT_BYTES};
use crate::van_ban_html::{document_page_html, list_body_html, ListView};
use std::future::Future;
use std::rc::Rc;

/// The largest registry document read (a list page, an entry, a facet index).
pub const REGISTRY_LIMIT_BYTES: usize = if VAN_BAN_LIMIT_BYTES > crate::nhiem_vu::NHIEM_VU_LIMIT_BYTES {
    VAN_BAN_LIMIT_BYTES
} else {
    crate::nhiem_vu::NHIEM_VU_LIMIT_BYTES
};

/// Entries shown on one page of a list.
const PER_PAGE: usize = 20;

/// Which registry: the legal documents (`/van-ban`) or the tasks (`/nhiem-vu`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Registry {
    VanBan,
    NhiemVu,
}

impl Registry {
    /// Its address, and its name in the worker's messages.
    pub fn root(self) -> &'static str {
        match self {
            Registry::VanBan => routes::VAN_BAN,
            Registry::NhiemVu => routes::NHIEM_VU,
        }
    }

    /// The facets its list can be filtered by.
    pub fn facet_keys(self) -> &'static [&'static str] {
        match self {
            Registry::VanBan => &FACET_KEYS,
            Registry::NhiemVu => &TASK_FACET_KEYS,
        }
    }

    /// The list's title, with the chosen filters' names, without the site's.
    pub fn list_title(self, filters: Option<&str>) -> String {
        match self {
            Registry::VanBan => page_title(TitleOf::VanBanList(filters), ""),
            Registry::NhiemVu => page_title(TitleOf::NhiemVuList(filters), ""),
        }
    }
}

/// What an address asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Asked {
    /// A page of the list (0: no such page), with the address's filters.
    List(Filters, u32),
    Entry(String),
}

/// One document the walk needs: what a visitor would call it (for errors)
/// and its URL, resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wanted {
    pub name: String,
    pub url: String,
}

/// A page of a registry: its HTML and its title (without the site's name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub html: String,
    pub title: String,
}

/// Where a page's documents are and how its links are written.
pub struct Setting<'a> {
    pub sources: &'a Sources,
    /// A source (relative to the site, or absolute) as the URL to fetch.
    pub resolve: &'a dyn Fn(&str) -> String,
    /// A route as the link the page writes (the site's base path before it).
    pub href: &'a dyn Fn(&str) -> String,
    pub today: Date,
}

/// The page `asked` of `registry`. `fetch_all` reads several documents at
/// once and answers each, in order (a body over `REGISTRY_LIMIT_BYTES`
/// refused); a body that does not parse is the page's error.
pub async fn draw<F, Fut>(
    registry: Registry,
    asked: &Asked,
    setting: &Setting<'_>,
    fetch_all: F,
) -> Result<Drawn, DocError>
where
    F: Fn(Vec<Wanted>) -> Fut,
    Fut: Future<Output = Vec<Result<Rc<str>, DocError>>>,
{
    let walk = Walk { registry, setting, fetch_all };
    let href = |route: &str| (setting.href)(route);
    match (registry, asked) {
        (Registry::VanBan, Asked::Entry(id)) => {
            let name = format!("văn bản “{id}”");
            let (url, text) = walk.one(name.clone(), &setting.sources.van_ban_url(id)).await?;
            let detail = parse_detail(&name, &url, &text)?;
            let title = page_title(TitleOf::VanBan(Some(&detail.doc.title())), "");
            Ok(Drawn { html: document_page_html(&detail, setting.today, href), title })
        }
        (Registry::NhiemVu, Asked::Entry(id)) => {
            let name = format!("nhiệm vụ “{id}”");
            let (url, text) = walk.one(name.clone(), &setting.sources.nhiem_vu_url(id)).await?;
            let detail = parse_task(&name, &url, &text)?;
            let title = page_title(TitleOf::NhiemVu(Some(&detail.task.name)), "");
            Ok(Drawn { html: task_page_html(&detail, href), title })
        }
        (_, Asked::List(filters, page)) => {
            let shown = walk.shown(filters, *page).await?;
            let title = registry.list_title(filter_names(filters, &shown.facets).as_deref());
            let (facets, total, total_pages) = (&shown.facets, shown.total, shown.total_pages);
            let html = match &shown.entries {
                Entries::Docs(items) => {
                    let view = ListView { filters, page: *page, facets, items, total, total_pages };
                    list_body_html(&view, setting.today, href)
                }
                Entries::Tasks(items) => {
                    let view = ListView { filters, page: *page, facets, items, total, total_pages };
                    task_list_html(&view, href)
                }
            };
            Ok(Drawn { html, title })
        }
    }
}

/// The names of the chosen filters' values ("Kế hoạch, 2023"), if any.
fn filter_names(filters: &Filters, facets: &FacetIndex) -> Option<String> {
    let names: Vec<&str> =
        filters.0.iter().filter_map(|(key, slug)| facets.value(key, slug).map(|value| value.name.as_str())).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Entries of one registry or the other. One type for both, so that the
/// walk over a registry's list pages is compiled once: generic over the
/// entry, it was two copies of the same future.
#[derive(Clone, Debug)]
enum Entries {
    Docs(Vec<LegalDoc>),
    Tasks(Vec<Task>),
}

impl Entries {
    fn len(&self) -> usize {
        match self {
            Entries::Docs(docs) => docs.len(),
            Entries::Tasks(tasks) => tasks.len(),
        }
    }

    /// Adds `other`'s entries that have every `(facet, slug)` of `filters`.
    fn extend_matching(&mut self, other: Entries, filters: &[(String, String)]) {
        match (self, other) {
            (Entries::Docs(docs), Entries::Docs(more)) => docs.extend(more.into_iter().filter(|d| d.matches(filters))),
            (Entries::Tasks(tasks), Entries::Tasks(more)) => {
                tasks.extend(more.into_iter().filter(|t| t.matches(filters)))
            }
            _ => {}
        }
    }

    /// Entries `start..end` (clamped).
    fn window(&self, start: usize, end: usize) -> Entries {
        let end = end.min(self.len());
        let start = start.min(end);
        match self {
            Entries::Docs(docs) => Entries::Docs(docs[start..end].to_vec()),
            Entries::Tasks(tasks) => Entries::Tasks(tasks[start..end].to_vec()),
        }
    }
}

/// One page of a registry's list: its entries, and the list's size.
struct Listed {
    entries: Entries,
    total_items: u64,
    total_pages: u32,
}

/// What a registry's list shows for some filters and a page.
struct Shown {
    facets: FacetIndex,
    entries: Entries,
    /// Entries matching the filters, when known: always for no filter or
    /// one; for several, once the narrowest list has been read to its end.
    total: Option<u64>,
    total_pages: u32,
}

struct Walk<'a, F> {
    registry: Registry,
    setting: &'a Setting<'a>,
    fetch_all: F,
}

impl<F, Fut> Walk<'_, F>
where
    F: Fn(Vec<Wanted>) -> Fut,
    Fut: Future<Output = Vec<Result<Rc<str>, DocError>>>,
{
    /// One document, by its source; with its resolved URL.
    async fn one(&self, name: String, source: &str) -> Result<(String, Rc<str>), DocError> {
        let url = (self.setting.resolve)(source);
        let mut answers = (self.fetch_all)(vec![Wanted { name: name.clone(), url: url.clone() }]).await;
        let text = answers.pop().unwrap_or_else(|| Err(DocError::new(name, Problem::NotFound)))?;
        Ok((url, text))
    }

    /// The facet index and the list pages `pages` of list `list`, read at
    /// once (the index only when `with_facets`).
    async fn read(
        &self,
        with_facets: bool,
        list: &str,
        pages: &[u32],
    ) -> Result<(Option<FacetIndex>, Vec<Listed>), DocError> {
        let sources = self.setting.sources;
        let (facets_name, facets_source) = match self.registry {
            Registry::VanBan => ("bộ lọc văn bản", &sources.van_ban_facets),
            Registry::NhiemVu => ("bộ lọc nhiệm vụ", &sources.nhiem_vu_facets),
        };
        let mut wanted = Vec::new();
        if with_facets {
            wanted.push(Wanted { name: facets_name.into(), url: (self.setting.resolve)(facets_source) });
        }
        for &page in pages {
            let (name, source) = match self.registry {
                Registry::VanBan => (format!("danh sách văn bản, trang {page}"), sources.van_ban_list_url(list, page)),
                Registry::NhiemVu => {
                    (format!("danh sách nhiệm vụ, trang {page}"), sources.nhiem_vu_list_url(list, page))
                }
            };
            if page == 0 {
                return Err(DocError::new(name, Problem::NotFound));
            }
            wanted.push(Wanted { name, url: (self.setting.resolve)(&source) });
        }
        let names: Vec<String> = wanted.iter().map(|w| w.name.clone()).collect();
        let mut answers = (self.fetch_all)(wanted).await.into_iter().zip(names);
        let facets = match with_facets {
            true => {
                let (text, name) = answers.next().ok_or_else(|| DocError::new(facets_name, Problem::NotFound))?;
                Some(parse_facets(&name, &text?, REGISTRY_LIMIT_BYTES)?)
            }
            false => None,
        };
        let mut listed = Vec::new();
        for (text, name) in answers {
            let text = text?;
            listed.push(match self.registry {
                Registry::VanBan => parse_list_page(&name, &text).map(|list| Listed {
                    entries: Entries::Docs(list.items),
                    total_items: list.total_items,
                    total_pages: list.total_pages,
                })?,
                Registry::NhiemVu => parse_task_list(&name, &text).map(|list| Listed {
                    entries: Entries::Tasks(list.items),
                    total_items: list.total_items,
                    total_pages: list.total_pages,
                })?,
            });
        }
        Ok((facets, listed))
    }

    /// Page `page` (of 20) of the entries matching `filters`: one list page
    /// for no filter or one; for several, the narrowest list's pages
    /// (`facets::plan`), as many at a time as the counts say the page needs
    /// (`facets::pages_at_once`), until it is full.
    async fn shown(&self, filters: &Filters, page: u32) -> Result<Shown, DocError> {
        let whole = |list: Listed, facets: FacetIndex| Shown {
            facets,
            entries: list.entries,
            total: Some(list.total_items),
            total_pages: list.total_pages,
        };
        let no_facets = || DocError::new("bộ lọc", Problem::NotFound);
        if filters.is_empty() {
            let (facets, mut listed) = self.read(true, ALL_LIST, &[page]).await?;
            let list = listed.pop().ok_or_else(no_facets)?;
            return Ok(whole(list, facets.ok_or_else(no_facets)?));
        }
        let facets = self.read(true, ALL_LIST, &[]).await?.0.ok_or_else(no_facets)?;
        let plan = plan(filters, &facets);
        let mut matching = match self.registry {
            Registry::VanBan => Entries::Docs(Vec::new()),
            Registry::NhiemVu => Entries::Tasks(Vec::new()),
        };
        if plan.list_count.is_none() {
            return Ok(Shown { facets, entries: matching, total: Some(0), total_pages: 1 });
        }
        if plan.remaining.is_empty() {
            let list = self.read(false, &plan.list, &[page]).await?.1.pop().ok_or_else(no_facets)?;
            return Ok(whole(list, facets));
        }
        let wanted = page.max(1) as usize * PER_PAGE;
        // The index says how long the list is and how many pages to read at once.
        let at_once = pages_at_once(&plan, &facets, wanted + 1, PER_PAGE);
        let mut next = 1_u32;
        let mut last = plan.list_count.map(|count| (count as usize).div_ceil(PER_PAGE).max(1) as u32);
        while matching.len() <= wanted && last.is_none_or(|last| next <= last) {
            let batch_end = last.map_or(next, |last| (next + at_once - 1).min(last));
            for fetched in self.read(false, &plan.list, &(next..=batch_end).collect::<Vec<_>>()).await?.1 {
                last = Some(fetched.total_pages);
                matching.extend_matching(fetched.entries, &plan.remaining);
            }
            next = batch_end + 1;
        }
        let complete = last.is_some_and(|last| next > last);
        let start = (page.max(1) as usize - 1) * PER_PAGE;
        let total_pages = if complete { matching.len().div_ceil(PER_PAGE).max(1) as u32 } else { page + 1 };
        let total = complete.then_some(matching.len() as u64);
        Ok(Shown { facets, entries: matching.window(start, start + PER_PAGE), total, total_pages })
    }
}
