//! The app shell: one route table, and the header, navigation, sidebar and
//! footer that stay in place while the routes change.

use crate::components::{config_notice::ConfigNotice, footer::SiteFooter, header::SiteHeader, sidebar::Sidebar};
use crate::context::{provide_portal, Portal};
use crate::pages::{
    article::ArticlePage, category::CategoryPage, home::HomePage, not_found::NotFound, related::RelatedPage,
    schedule::SchedulePage,
};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// The whole portal.
#[component]
pub fn App(portal: Portal) -> impl IntoView {
    provide_meta_context();
    let base = portal.router_base();
    provide_portal(portal);
    view! {
        <Router base>
            <FocusOnNavigation />
            <SiteHeader />
            <ConfigNotice />
            <div class="layout">
                <main id="noi-dung" class="layout-main" tabindex="-1">
                    // Order matters: the first matching route wins, so the fixed
                    // "lien-quan" segment stands before the free slug.
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/tin/:id/lien-quan") view=RelatedPage />
                        <Route path=path!("/tin/:id/:slug") view=ArticlePage />
                        <Route path=path!("/tin/:id") view=ArticlePage />
                        <Route path=path!("/chuyen-muc/:slug") view=CategoryPage />
                        <Route path=path!("/lich-cong-tac") view=SchedulePage />
                        <Route path=path!("/lich-cong-tac/:year/:week") view=SchedulePage />
                    </Routes>
                </main>
                <Sidebar />
            </div>
            <SiteFooter />
        </Router>
    }
}

/// Moves keyboard and screen-reader focus to the main region when the path
/// changes, as a full page load would, without stealing it on the first load.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            if let Some(main) = document().get_element_by_id("noi-dung") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        }
        path
    });
}

/// Removes the banner-and-spinner shell that index.html paints before the
/// wasm arrives; the app draws the same banner in the same place.
pub fn remove_static_shell() {
    if let Some(shell) = document().get_element_by_id("tai-trang") {
        shell.remove();
    }
}
