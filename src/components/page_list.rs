//! The links to the pages of a category's archive: plain links to pages
//! that are prerendered, so they work before the app runs and without it.

use crate::context::site_href;
use crate::core::pager::{page_entries, PageEntry};
use crate::core::routes;
use leptos::prelude::*;

/// The pages of category `slug`'s archive, `current` marked. `every_page`
/// lists them all (the category's first page), otherwise a window around
/// `current` with the previous and next page.
#[component]
pub fn PageList(slug: String, current: u32, total: u32, #[prop(optional)] every_page: bool) -> impl IntoView {
    let link = {
        let slug = slug.clone();
        move |page: u32| site_href(routes::category_archive(&slug, page))
    };
    let step = |label: &'static str, page: u32| {
        (!every_page && (1..=total).contains(&page) && page != current)
            .then(|| view! { <a href=link(page) class="page-list-step">{label}</a> })
    };
    let entries = page_entries(current, total, every_page)
        .into_iter()
        .map(|entry| match entry {
            PageEntry::Page(page) => {
                let here = (page == current).then_some("page");
                view! { <li><a href=link(page) aria-current=here>{page}</a></li> }.into_any()
            }
            PageEntry::Gap => view! { <li class="page-list-gap" aria-hidden="true">"…"</li> }.into_any(),
        })
        .collect_view();
    view! {
        <nav class="page-list" aria-label="Các trang của chuyên mục">
            {step("← Trang trước", current.saturating_sub(1))}
            <span class="page-list-label">"Trang:"</span>
            <ul>{entries}</ul>
            {step("Trang sau →", current + 1)}
        </nav>
    }
}
