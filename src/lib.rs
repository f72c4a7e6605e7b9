//! The Quảng Trị science-and-technology portal: a Leptos single-page app.
//!
//! `core` is the pure logic (tested natively); `net` fetches documents;
//! `components` and `pages` render them.

pub mod core;
