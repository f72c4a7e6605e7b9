//! The "Chuyên mục KH&CN" programme: `/chuyen-muc-khcn` (every episode, by
//! year, newest first) and `/chuyen-muc-khcn/:id/:slug` (one episode). The
//! list and each episode's details are HTML the builder draws into the
//! document (core::episodes), drawn here through the article sanitiser; the
//! player is this app's own (components::episode_player).

use crate::components::article_body::ArticleBody;
use crate::components::episode_player::episode_player;
use crate::components::region::{region, OnFailure};
use crate::components::skeleton::ListSkeleton;
use crate::context::use_portal;
use crate::core::titles::{page_title, TitleOf};
use crate::documents;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The programme's heading.
pub const PROGRAMME: &str = "Chuyên mục KH&CN";

/// The list, or the episode the address names.
#[component]
pub fn EpisodesPage() -> impl IntoView {
    let portal = use_portal();
    let site = portal.config.site.short_name.clone();
    let params = use_params_map();
    let title = RwSignal::new(String::new());
    let content = region(
        || view! { <ListSkeleton rows=6 /> }.into_any(),
        move || {
            let portal = portal.clone();
            let id = params.read().get("id");
            async move { Ok((id, documents::programme(&portal).await?, portal.url(&portal.config.sources.episodes))) }
        },
        move |(id, programme, document_url)| {
            let Some(id) = id else {
                title.set(page_title(TitleOf::Agency(PROGRAMME), &site));
                return view! {
                    <h1 class="page-heading">{PROGRAMME}</h1>
                    <ArticleBody html=programme.list_html document_url />
                }
                .into_any();
            };
            let Some(episode) = programme.episodes.into_iter().find(|episode| episode.id == id) else {
                return view! { <NotFound /> }.into_any();
            };
            title.set(page_title(TitleOf::Agency(&format!("{}: {}", episode.label, episode.title)), &site));
            view! {
                <article class="episode">
                    <p class="episode-label">{episode.label.clone()}</p>
                    <h1 class="page-heading">{episode.title.clone()}</h1>
                    {episode_player(&episode)}
                    <ArticleBody html=episode.html document_url />
                </article>
            }
            .into_any()
        },
        OnFailure::ErrorBox,
    );
    view! {
        <Title text=move || title.get() />
        {content}
    }
}
