//! The department's own pages (`/gioi-thieu…`, `/lien-he`, `/lien-ket`,
//! `/thu-tuc-hanh-chinh`, `/tiep-can-thong-tin`, `/en/`, `/so-do-cong`): one
//! view for all. The builder draws each page's HTML into the document
//! (core::agency_pages, natively), so this view only finds the page the
//! address names and draws it through the article body's sanitiser: drawn
//! here instead, the pages cost 12 KB of wasm brotli (measured).

use crate::components::article_body::ArticleBody;
use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::{site_href, use_portal};
use crate::core::agency::find_page;
use crate::core::titles::{page_title, TitleOf};
use crate::documents;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

/// Every page of the department's; which one, the address says.
#[component]
pub fn AgencyPage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let location = use_location();
    let title = RwSignal::new(String::new());
    let content = region(
        || view! { <ListSkeleton rows=6 /> }.into_any(),
        move || {
            let portal = portal.clone();
            let path = location.pathname.get();
            async move {
                let pages = documents::agency_pages(&portal).await?;
                // The address without the site's sub-path, as the pages name it.
                let base = site_href("/");
                let route = path.strip_prefix(base.trim_end_matches('/')).unwrap_or(&path);
                Ok((find_page(pages, route), portal.url(&portal.config.sources.agency)))
            }
        },
        move |(page, document_url)| {
            let Some(page) = page else {
                return view! { <NotFound /> }.into_any();
            };
            title.set(match page.lang.as_str() {
                "vi" => page_title(TitleOf::Agency(&page.title), &site),
                _ => page.title.clone(),
            });
            set_page_lang(&page.lang);
            view! {
                <div class="agency" lang=page.lang>
                    <h1 class="page-heading">{page.title}</h1>
                    <ArticleBody html=page.html document_url />
                </div>
            }
            .into_any()
        },
        OnFailure::ErrorBox,
    );
    on_cleanup(|| set_page_lang("vi"));
    view! {
        <Title text=move || title.get() />
        {content}
    }
}

/// The English page is English to the browser and to screen readers; the
/// prerender writes its `<html lang>`, the app keeps it true as it navigates.
fn set_page_lang(lang: &str) {
    #[cfg(not(feature = "ssr"))]
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang);
    }
    #[cfg(feature = "ssr")]
    let _ = lang;
}
