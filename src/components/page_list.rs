//! The links to the pages of a category's archive: plain links to pages
//! that are prerendered, so they work before the app runs and without it.
//! The rows are one HTML string from the core (`page_list_html`): a view per
//! row cost 1.4 KB of wasm brotli. The router follows these links as any.

use crate::context::site_href;
use crate::core::pager::{page_links, page_list_html};
use crate::core::routes;
use leptos::prelude::*;

/// The pages of category `slug`'s archive, `current` marked; `every_page`
/// lists them all (the category's first page), otherwise a window around
/// `current` with the previous and next page.
pub fn page_list(slug: &str, current: u32, total: u32, every_page: bool) -> impl IntoView {
    let links = page_links(current, total, every_page);
    let rows = page_list_html(&links, |page| site_href(routes::category_archive(slug, page)));
    view! {
        <nav class="page-list" aria-label="Các trang của chuyên mục">
            <ul inner_html=rows></ul>
        </nav>
    }
}
