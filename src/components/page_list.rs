//! The links to the pages of a category's archive: plain links to pages
//! that are prerendered, so they work before the app runs and without it.
//! One kind of row for every entry (a gap is a link without `href`): every
//! other shape of markup costs wasm, 2.4 KB brotli for the first version.

use crate::context::site_href;
use crate::core::pager::page_links;
use crate::core::routes;
use leptos::prelude::*;

/// The pages of category `slug`'s archive, `current` marked; `every_page`
/// lists them all (the category's first page), otherwise a window around
/// `current` with the previous and next page.
pub fn page_list(slug: &str, current: u32, total: u32, every_page: bool) -> impl IntoView {
    let rows = page_links(current, total, every_page)
        .into_iter()
        .map(|link| {
            let href = link.page.map(|page| site_href(routes::category_archive(slug, page)));
            let gap = link.page.is_none().then_some("true");
            view! {
                <li aria-hidden=gap>
                    <a href=href aria-current=link.current.then_some("page")>{link.label}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="page-list" aria-label="Các trang của chuyên mục">
            <ul>{rows}</ul>
        </nav>
    }
}
