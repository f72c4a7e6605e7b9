//! A registry's paged lists (docs/formats/van-ban.md, nhiem-vu.md): the
//! list of everything and of each facet value, in pages of
//! [`REGISTRY_PAGE_SIZE`], each page naming the next. The legal documents
//! and the tasks write them the same way, with their own items.

use crate::writer::Output;
use serde::Serialize;
use std::io;

/// Entries per list page (the issue: pages of 20), whatever `--page-size`
/// says for the news.
pub const REGISTRY_PAGE_SIZE: usize = 20;

#[derive(Serialize)]
struct ListDoc<'a, I> {
    version: u64,
    list: &'a str,
    title: &'a str,
    page: usize,
    total_pages: usize,
    total_items: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_url: Option<String>,
    items: Vec<I>,
}

/// The pages of the list `list` of `members` under `{data_dir}/{folder}/ds/`,
/// each member drawn by `item`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_paged_list<'a, E, I: Serialize>(
    folder: &str,
    version: u64,
    list: &str,
    title: &str,
    members: &[&'a E],
    item: impl Fn(&'a E) -> I,
    data_dir: &str,
    out: &mut Output<'_>,
) -> io::Result<()> {
    let total_pages = members.len().div_ceil(REGISTRY_PAGE_SIZE).max(1);
    for page in 1..=total_pages {
        let path = format!("{data_dir}/{folder}/ds/{list}/{page}.json");
        let start = ((page - 1) * REGISTRY_PAGE_SIZE).min(members.len());
        let chunk = &members[start..(start + REGISTRY_PAGE_SIZE).min(members.len())];
        let document = ListDoc {
            version,
            list,
            title,
            page,
            total_pages,
            total_items: members.len(),
            next_url: (page < total_pages).then(|| format!("{}.json", page + 1)),
            items: chunk.iter().map(|member| item(member)).collect(),
        };
        out.emit(&path, &document)?;
    }
    Ok(())
}
