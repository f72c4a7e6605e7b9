//! The footer: owner, person responsible, address and phone, from config.json.

use crate::context::use_portal;
use leptos::prelude::*;

/// The footer, the same on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_portal().config.site.clone();
    view! {
        <footer class="site-footer">
            <p class="site-footer-owner">{site.owner}</p>
            <p>{site.responsible}</p>
            <p>{site.address} "; " {site.phone}</p>
        </footer>
    }
}
