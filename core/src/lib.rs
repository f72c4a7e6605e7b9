//! The portal's pure core (`portal-core`): the documents' formats and their
//! parsers, dates in Vietnam time, weeks, Vietnamese text (slugs and search
//! folding), routes, titles, and the search page's messages.
//!
//! A crate without dependencies, so that nothing here can import leptos,
//! web-sys or gloo: the compiler keeps it pure, and it is tested natively
//! with `cargo test -p portal-core`. The app re-exports it as `portal::core`.

pub mod agency;
pub mod agency_pages;
pub mod agenda;
pub mod agenda_html;
pub mod attachment;
pub mod config;
pub mod date;
pub mod doc_number;
pub mod episodes;
pub mod error;
pub mod facets;
pub mod feed;
pub mod html_policy;
pub mod html_text;
pub mod ical;
pub mod json;
pub mod json_text;
pub mod keyed;
pub mod markup;
pub mod nav;
pub mod nhiem_vu;
pub mod nhiem_vu_html;
pub mod number;
pub mod pager;
pub mod poll;
pub mod registry_messages;
pub mod registry_walk;
pub mod related;
pub mod route_table;
pub mod routes;
pub mod schedule;
pub mod search;
pub mod search_messages;
pub mod sections;
pub mod share;
pub mod slug;
pub mod small_sort;
pub mod stats;
pub mod stats_display;
pub mod text;
pub mod titles;
pub mod url;
pub mod van_ban;
pub mod van_ban_html;
pub mod week;
