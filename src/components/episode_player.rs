//! An episode's video: a file of the department's own in the browser's
//! `<video>` (captions as WebVTT tracks), or a YouTube video that is loaded
//! only when the reader asks for it, from youtube-nocookie.com, the one
//! frame the site's Content-Security-Policy allows. Before the click no
//! request leaves for YouTube; without JavaScript, a link opens it there.
//!
//! Drawn as HTML strings (core::episodes) with one click handler: the same
//! as typed views (`<video>`, `<track>`, `<iframe>`, a signal) cost about
//! 10 KB of wasm brotli (measured on the release build).

use crate::core::episodes::{player_html, youtube_frame_html, Episode};
use leptos::prelude::*;

pub fn episode_player(episode: &Episode) -> AnyView {
    let html = player_html(episode);
    let frame = episode.youtube.as_ref().map(|id| youtube_frame_html(id, &episode.title));
    view! { <div class="episode-player" inner_html=html on:click=move |event| play(&event, frame.as_deref())></div> }
        .into_any()
}

/// The poster's button was clicked: YouTube's player takes its place.
fn play(event: &leptos::ev::MouseEvent, frame: Option<&str>) {
    #[cfg(not(feature = "ssr"))]
    {
        use wasm_bindgen::JsCast;
        let target = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        let button = target.and_then(|target| target.closest(".episode-play").ok().flatten());
        if let (Some(button), Some(frame)) = (button, frame) {
            button.set_outer_html(frame);
        }
    }
    #[cfg(feature = "ssr")]
    let _ = (event, frame);
}
