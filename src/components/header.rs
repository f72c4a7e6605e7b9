//! The banner with the site's name and slogan, and the main navigation.

use crate::components::site_nav::SiteNav;
use crate::context::{site_href, use_portal};
use crate::core::routes;
use leptos::prelude::*;

/// The banner and the navigation bar, the same on every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_portal().config.site.clone();
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <a href=site_href(routes::HOME) class="site-header-brand">
                    <span class="site-header-emblem" aria-hidden="true">"KH&CN"</span>
                    <span class="site-header-name">{site.name}</span>
                </a>
                <p class="site-header-slogan">{site.slogan}</p>
                // The English page (Nghị định 42/2022, Điều 7.2), named in English.
                <a href=site_href(routes::ENGLISH) class="site-header-lang" lang="en" hreflang="en">"English"</a>
            </div>
        </header>
        // Beside the banner, not in it: on phones the bar stays at the top
        // of the screen while the page scrolls (a sticky element only sticks
        // inside its parent).
        <SiteNav />
    }
}
