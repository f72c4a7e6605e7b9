//! The views that only some addresses show are kept out of the wasm every
//! page loads: each is the starting point of a *part*, a wasm file of its
//! own that the browser fetches the first time the view is drawn
//! (docs/wasm-parts.md). The home page, the articles and the categories,
//! what most visits are, stay in the main wasm.
//!
//! A release build made with `--cfg portal_split` (scripts/release-build.sh)
//! has scripts/split-wasm.sh cut the parts out, at the functions the
//! `wasm_split` attribute marks. Every other build (tests, `trunk serve`,
//! the prerender) has the same functions, already loaded: the views draw at
//! once, as before.

use crate::components::error_box::ErrorBox;
use crate::components::skeleton::ListSkeleton;
use crate::core::error::{DocError, Problem};
use crate::core::route_table::{route_at, PageKind};
use futures::FutureExt;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsCast;
use wasm_split_helpers::SplitLoaderError;

type Loading<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// A view that lives in a part: how to load the part, and how to draw the
/// view once it is loaded.
#[derive(Clone, Copy)]
pub struct PartView {
    load: fn() -> Loading<()>,
    view: fn() -> Loading<AnyView>,
}

impl PartView {
    /// The view, when its part is loaded (always, in a build not split).
    fn drawn_now(self) -> Option<AnyView> {
        (self.view)().now_or_never()?.ok()
    }
}

/// Declares the view of `$page` as an entry of part `$part`: a `PartView`
/// constant `$name`, from the functions `$draw` and `$load` (names unique
/// in the wasm: the split tool finds them by name), and the route's view
/// `$route_view` (`<InPart>` of it) for app.rs. All views named with one
/// `$part` share its file.
macro_rules! part_view {
    ($name:ident, $route_view:ident, $draw:ident, $load:ident, $part:ident, $page:path) => {
        #[allow(non_snake_case)]
        pub fn $route_view() -> impl IntoView {
            view! { <InPart part=$name /> }
        }

        pub const $name: PartView = {
            #[cfg(portal_split)]
            #[wasm_split_helpers::wasm_split($part, fallible, preload($load))]
            fn $draw() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$page /> }.into_any())
            }
            #[cfg(not(portal_split))]
            async fn $load() -> Result<(), SplitLoaderError> {
                Ok(())
            }
            #[cfg(not(portal_split))]
            async fn $draw() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$page /> }.into_any())
            }
            PartView { load: || Box::pin($load()), view: || Box::pin($draw()) }
        };
    };
}

part_view!(SCHEDULE, SchedulePage, draw_schedule, load_schedule, lich, crate::pages::schedule::SchedulePage);
part_view!(SEARCH, SearchPage, draw_search, load_search, tim_kiem, crate::pages::search::SearchPage);
part_view!(VAN_BAN, VanBanPage, draw_van_ban, load_van_ban, so_tay, crate::pages::van_ban::VanBanPage);
part_view!(NHIEM_VU, NhiemVuPage, draw_nhiem_vu, load_nhiem_vu, so_tay, crate::pages::nhiem_vu::NhiemVuPage);
part_view!(AGENCY, AgencyPage, draw_agency, load_agency, gioi_thieu, crate::pages::agency::AgencyPage);
part_view!(EPISODES, EpisodesPage, draw_episodes, load_episodes, khac, crate::pages::episodes::EpisodesPage);
part_view!(FEEDS, FeedsPage, draw_feeds, load_feeds, khac, crate::pages::feeds::FeedsPage);
part_view!(SECTIONS, SectionsPage, draw_sections, load_sections, khac, crate::pages::sections::SectionsPage);
part_view!(RELATED, RelatedPage, draw_related, load_related, khac, crate::pages::related::RelatedPage);

/// The part that draws a kind of page; `None` for those in the main wasm.
fn part_of(kind: PageKind) -> Option<PartView> {
    match kind {
        PageKind::Home | PageKind::Article | PageKind::Category => None,
        PageKind::Schedule => Some(SCHEDULE),
        PageKind::Search => Some(SEARCH),
        PageKind::VanBan => Some(VAN_BAN),
        PageKind::NhiemVu => Some(NHIEM_VU),
        PageKind::Agency => Some(AGENCY),
        PageKind::Episodes => Some(EPISODES),
        PageKind::Feeds => Some(FEEDS),
        PageKind::Sections => Some(SECTIONS),
        PageKind::Related => Some(RELATED),
    }
}

/// Loads the part that draws `path` (the address inside the site), if it
/// is in one: the app takes a prerendered page over only once its view can
/// be drawn at once, with no placeholder in between. False when the part
/// did not load.
pub async fn load_part_for(path: &str) -> bool {
    match route_at(path).and_then(|route| part_of(route.kind)) {
        Some(part) => (part.load)().await.is_ok(),
        None => true,
    }
}

/// From now on, loads the part of a link's view when the reader points at
/// the link or moves the focus to it: by the click (some 100 ms after a
/// finger touches, more with a mouse) the part is on its way or in.
/// Called once the app has drawn its first view.
pub fn load_parts_on_intent() {
    for event in ["pointerover", "focusin"] {
        // For the rest of the visit: dropping the handle leaves the listener.
        let _listening = window_event_listener_untyped(event, |event| {
            let link = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok());
            let href = link.and_then(|element| element.closest("a[href]").ok().flatten()?.get_attribute("href"));
            if let Some(path) = href.as_deref().and_then(path_in_site) {
                leptos::task::spawn_local(async move {
                    load_part_for(&path).await;
                });
            }
        });
    }
}

/// The path inside the site of a link's `href` (resolved as the browser
/// does, against the page's base); `None` for another site's address.
pub fn path_in_site(href: &str) -> Option<String> {
    let root = crate::context::site_root();
    let url = web_sys::Url::new_with_base(href, &root).ok()?;
    let site = web_sys::Url::new(&root).ok()?;
    if url.origin() != site.origin() {
        return None;
    }
    let path = url.pathname();
    let base = crate::context::router_base_of(&root);
    Some(path.strip_prefix(&base).unwrap_or(&path).to_string())
}

/// A route's view from a part: drawn at once when the part is loaded, else
/// a placeholder while it loads, and a message with a retry if it cannot be.
#[component]
pub fn InPart(part: PartView) -> impl IntoView {
    if let Some(drawn) = part.drawn_now() {
        return drawn;
    }
    // None while loading; then whether it loaded.
    let loaded = RwSignal::new(None::<bool>);
    let attempt = RwSignal::new(0_u32);
    Effect::new(move || {
        attempt.track();
        loaded.set(None);
        leptos::task::spawn_local(async move {
            let outcome = (part.load)().await;
            loaded.try_set(Some(outcome.is_ok()));
        });
    });
    let unloaded = || DocError::new("trang này", Problem::Network("the wasm part of this view did not load".into()));
    (move || match loaded.get() {
        None => view! { <ListSkeleton rows=4 /> }.into_any(),
        Some(true) => part.drawn_now().unwrap_or_else(|| ().into_any()),
        Some(false) => {
            view! { <ErrorBox error=unloaded() on_retry=move || attempt.update(|count| *count += 1) /> }.into_any()
        }
    })
    .into_any()
}
