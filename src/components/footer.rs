//! The footer: owner, person responsible, address and phone, from
//! config.json, and the links the law asks every page to reach (contact,
//! site map, access to information) and the feeds page.

use crate::context::{site_href, use_portal};
use crate::core::routes;
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
            <p class="site-footer-links">
                <a href=site_href(routes::CONTACT)>"Liên hệ"</a>
                " · "
                <a href=site_href(routes::SITE_MAP)>"Sơ đồ cổng"</a>
                " · "
                <a href=site_href(routes::ACCESS)>"Tiếp cận thông tin"</a>
                " · "
                <a href=site_href(routes::FEEDS)>"Tin RSS"</a>
            </p>
        </footer>
    }
}
