//! The Quảng Trị science-and-technology portal: a Leptos single-page app.
//!
//! `core` is the pure logic (tested natively); `net` fetches documents;
//! `context` holds the run-time config; `components` and `pages` render.

pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod archive;
pub mod components;
pub mod context;
pub mod core;
pub mod documents;
pub mod net;
pub mod pages;
pub mod sanitize;
#[cfg(not(feature = "ssr"))]
pub mod takeover;
