//! The pure core: models, parsing, dates, weeks, slugs, paths and titles.
//!
//! Nothing here imports leptos, web-sys or gloo, so all of it compiles and is
//! tested natively with `cargo test`.

pub mod agenda;
pub mod config;
pub mod date;
pub mod error;
pub mod feed;
pub mod html_policy;
pub mod ical;
pub mod json;
pub mod json_text;
pub mod keyed;
pub mod markup;
pub mod nav;
pub mod number;
pub mod pager;
pub mod poll;
pub mod related;
pub mod routes;
pub mod schedule;
pub mod search;
pub mod sections;
pub mod share;
pub mod slug;
pub mod small_sort;
pub mod stats;
pub mod stats_display;
pub mod titles;
pub mod url;
pub mod week;
