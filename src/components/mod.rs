//! Pieces the views are made of.

pub mod article_body;
pub mod category_teaser;
pub mod config_notice;
pub mod episode_player;
pub mod error_box;
pub mod footer;
pub mod header;
pub mod news_card;
pub mod not_found;
pub mod page_list;
pub mod region;
pub mod schedule_download;
pub mod schedule_picker;
pub mod schedule_table;
pub mod schedule_today;
pub mod scroll_memory;
pub mod share;
pub mod sidebar;
pub mod site_nav;
pub mod skeleton;
pub mod text_size;
pub mod visitor_widget;
