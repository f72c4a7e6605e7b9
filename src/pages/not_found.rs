//! The view for an address the portal does not have: the router's fallback.
//! It lives with the components, since a region whose document does not
//! exist shows it too (`components::region`), and components use no page.

pub use crate::components::not_found::NotFound;
