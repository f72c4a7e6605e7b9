//! One file per view of the route table.

pub mod agency;
pub mod article;
pub mod category;
pub mod episodes;
pub mod feeds;
pub mod home;
pub mod nhiem_vu;
pub mod not_found;
pub mod registry;
pub mod related;
pub mod schedule;
pub mod search;
pub mod sections;
pub mod van_ban;
