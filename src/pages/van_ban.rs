//! The legal documents registry (`/van-ban`): the registries' one view
//! (`registry.rs`) for its list, its pages and each document.

use super::registry::{registry_view, Registry};
use leptos::prelude::*;

/// The registry's view, for `/van-ban/:id?/:slug?`.
#[component]
pub fn VanBanPage() -> impl IntoView {
    registry_view(Registry::VanBan)
}
