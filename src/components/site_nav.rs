//! The main navigation: the home page, one entry per section of the
//! categories document, the schedule, and the text-size control.
//!
//! The WAI-ARIA disclosure navigation pattern, not an ARIA "menu": each
//! section is a button (`aria-expanded`, `aria-controls`) showing a plain
//! list of links. From 1024 px up the sections drop down from one row; below,
//! the button "Danh mục" opens the same list as a panel. Drawn by the
//! prerender, the buttons are plain links instead: "Danh mục" to
//! `/danh-muc`, each section to `/danh-muc/{slug}`, so the navigation works
//! before the app runs and without JavaScript.
//!
//! The list is one HTML string from the core (`core::nav`), and what is open
//! lives in the DOM's own `aria-expanded` and `hidden` (`behaviour`): views
//! and signals for the same cost about 8 KB more wasm brotli.

mod behaviour;

use crate::components::region::{region, OnFailure};
use crate::components::text_size::TextSize;
use crate::context::{site_href, use_portal};
use crate::core::nav::{nav_list_html, SectionsAs};
use crate::core::routes;
use crate::core::sections::group_sections;
use crate::documents;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The id of the list that "Danh mục" opens on narrow screens.
const PANEL_ID: &str = "danh-muc";

/// The navigation bar under the banner, the same on every page.
#[component]
pub fn SiteNav() -> impl IntoView {
    let portal = use_portal();
    let location = use_location();
    let sections_as = if cfg!(feature = "ssr") { SectionsAs::Links } else { SectionsAs::Menus };
    // Without the categories the list keeps the home page and the schedule;
    // the home page's own blocks show the error and the retry.
    let list = region(
        move || list_view(Vec::new(), sections_as, location.pathname.get_untracked()),
        move || {
            let portal = portal.clone();
            async move { Ok(documents::categories(&portal).await.unwrap_or_default()) }
        },
        move |entries| list_view(entries, sections_as, location.pathname.get_untracked()),
        OnFailure::Nothing,
    );
    if !cfg!(feature = "ssr") {
        behaviour::install(location);
    }
    view! {
        <nav class="site-nav" aria-label="Điều hướng chính" on:click=behaviour::on_nav_click on:submit=behaviour::on_nav_submit on:focusin=behaviour::on_nav_focus on:mouseout=behaviour::on_nav_mouse_out>
            <div class="site-nav-bar">
                {panel_toggle()}
                {list}
                <TextSize />
            </div>
        </nav>
        <div class="site-nav-backdrop" hidden></div>
    }
}

fn list_view(entries: Vec<crate::core::feed::CategoryEntry>, sections_as: SectionsAs, path: String) -> AnyView {
    let html = nav_list_html(&group_sections(&entries), sections_as, &path, |route| site_href(route));
    view! { <ul id=PANEL_ID class="site-nav-list" inner_html=html></ul> }.into_any()
}

/// "Danh mục": a button that opens the panel, or for the prerender a link to
/// the page listing every section.
fn panel_toggle() -> AnyView {
    let icon = view! { <span class="site-nav-toggle-icon" aria-hidden="true"></span> };
    if cfg!(feature = "ssr") {
        return view! { <a class="site-nav-toggle" href=site_href(routes::SECTIONS)>{icon} "Danh mục"</a> }.into_any();
    }
    view! {
        <button type="button" class="site-nav-toggle" aria-controls=PANEL_ID aria-expanded="false">
            {icon}
            "Danh mục"
        </button>
    }
    .into_any()
}
