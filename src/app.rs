//! The app shell: the routes of the one route table (core::route_table),
//! and the header, navigation, sidebar and footer that stay in place while
//! the routes change.

use crate::components::{
    config_notice::ConfigNotice, footer::SiteFooter, header::SiteHeader, scroll_memory::ScrollMemory, sidebar::Sidebar,
};
use crate::context::{provide_portal, Portal};
use crate::pages::{article::ArticlePage, category::CategoryPage, home::HomePage, not_found::NotFound};
// The other views are each in a part of the wasm loaded when first drawn.
use crate::parts::{
    AgencyPage, EpisodesPage, FeedsPage, NhiemVuPage, RelatedPage, SchedulePage, SearchPage, SectionsPage, VanBanPage,
};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole portal.
#[component]
pub fn App(portal: Portal) -> impl IntoView {
    provide_meta_context();
    let base = portal.router_base();
    provide_portal(portal);
    view! {
        <Router base>
            <ScrollMemory />
            <SiteHeader />
            <ConfigNotice />
            <div class="layout">
                <main id="noi-dung" class="layout-main" tabindex="-1">
                    // The route table (core::route_table::ROUTES), in its
                    // order: the first matching route wins, so the fixed
                    // "lien-quan" segment stands before the free slug.
                    // tests/route_table.rs holds these lines to the table.
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=HomePage />
                        // Also its later pages, /tin/:id/lien-quan/trang/:page.
                        <Route path=path!("/tin/:id/lien-quan/:trang?/:page?") view=RelatedPage />
                        // One route with and without the slug: putting the
                        // canonical slug into the address then keeps the view
                        // instead of drawing the article a second time.
                        <Route path=path!("/tin/:id/:slug?") view=ArticlePage />
                        // Also the archive's pages, /chuyen-muc/:slug/trang/:page.
                        <Route path=path!("/chuyen-muc/:slug/:trang?/:page?") view=CategoryPage />
                        <Route path=path!("/lich-cong-tac") view=SchedulePage />
                        <Route path=path!("/lich-cong-tac/:year/:week") view=SchedulePage />
                        <Route path=path!("/danh-muc/:slug?") view=SectionsPage />
                        <Route path=path!("/tim-kiem") view=SearchPage />
                        <Route path=path!("/rss") view=FeedsPage />
                        // The list, its pages (/van-ban/trang/N) and each document.
                        <Route path=path!("/van-ban/:id?/:slug?") view=VanBanPage />
                        // The tasks' list, its pages and each task.
                        <Route path=path!("/nhiem-vu/:id?/:slug?") view=NhiemVuPage />
                        // The department's own pages, from one document.
                        <Route path=path!("/gioi-thieu/:part?/:slug?") view=AgencyPage />
                        <Route path=path!("/lien-he") view=AgencyPage />
                        <Route path=path!("/lien-ket") view=AgencyPage />
                        <Route path=path!("/thu-tuc-hanh-chinh") view=AgencyPage />
                        <Route path=path!("/tiep-can-thong-tin") view=AgencyPage />
                        <Route path=path!("/en") view=AgencyPage />
                        <Route path=path!("/so-do-cong") view=AgencyPage />
                        // The programme's episodes (core::episodes).
                        <Route path=path!("/chuyen-muc-khcn") view=EpisodesPage />
                        <Route path=path!("/chuyen-muc-khcn/:id/:slug?") view=EpisodesPage />
                    </Routes>
                </main>
                <Sidebar />
            </div>
            <SiteFooter />
        </Router>
    }
}
