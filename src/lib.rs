//! The Quảng Trị science-and-technology portal: a Leptos single-page app.
//!
//! `core` is the pure logic (tested natively); `net` fetches documents;
//! `context` holds the run-time config; `components` and `pages` render.

// The server rendering (the prerender, `ssr`) works out the layout of each
// part's view made into an AnyView (src/parts.rs): the schedule's nests
// deeper than the compiler's default limit of 128.
#![recursion_limit = "256"]

pub mod app;
pub mod clock;
pub mod components;
pub mod context;
/// The pure core is a crate of its own (core/, `portal-core`); this name keeps
/// `crate::core::…` and `portal::core::…` meaning what they always did.
pub use portal_core as core;
pub mod documents;
pub mod net;
pub mod pages;
pub mod parts;
#[cfg(not(feature = "ssr"))]
pub mod registry_worker;
pub mod sanitize;
pub mod search_worker;
#[cfg(not(feature = "ssr"))]
pub mod takeover;
pub mod worker_link;
