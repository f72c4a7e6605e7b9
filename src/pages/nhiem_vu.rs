//! The science and technology tasks registry (`/nhiem-vu`): the
//! registries' one view (`registry.rs`) for its list with the summary
//! above it, its pages and each task.

use super::registry::{registry_view, Registry};
use leptos::prelude::*;

/// The registry's view, for `/nhiem-vu/:id?/:slug?`.
#[component]
pub fn NhiemVuPage() -> impl IntoView {
    registry_view(Registry::NhiemVu)
}
