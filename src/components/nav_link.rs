//! Links that know whether they lead to the page being shown.
//!
//! Every other link in the portal is a plain `<a>`: leptos_router handles
//! clicks on any same-site anchor, and its `<A>` component costs a copy of
//! its reactive code per place it is used (measured: see the commit that
//! introduced this file). Only the main navigation needs `aria-current`.

use crate::core::routes::is_current_page;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A navigation link to `href` (already through `site_href`), marked
/// `aria-current="page"` while its page is shown, or with `exact` false, a
/// page below it.
#[component]
pub fn NavLink(href: String, label: String, #[prop(optional)] exact: bool) -> impl IntoView {
    let location = use_location();
    let link = href.clone();
    let current = move || location.pathname.with(|path| is_current_page(&link, path, exact)).then_some("page");
    view! { <a href=href aria-current=current>{label}</a> }
}
