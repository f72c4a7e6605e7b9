//! The sidebar's magazine column ("Chuyên mục KH&CN") reads the category
//! `chuyen-muc-khcn`. An office that removes that category from its
//! categories must still get every page, only without the column: before,
//! the column fetched the missing category's feed and the prerender refused
//! the home page and every page with a sidebar.

mod support;

use serde_json::Value;
use support::{prerender, sample_site};

#[test]
fn a_site_without_the_magazine_category_is_drawn_without_its_box() {
    let site = sample_site("no-magazine");
    let categories_file = site.join("data/chuyen-muc.json");
    let mut categories: Value = serde_json::from_str(&std::fs::read_to_string(&categories_file).unwrap()).unwrap();
    let items = categories["items"].as_array_mut().unwrap();
    let before = items.len();
    items.retain(|item| item["id"] != "chuyen-muc-khcn");
    assert_eq!(items.len(), before - 1, "the sample has the magazine category");
    std::fs::write(&categories_file, categories.to_string()).unwrap();
    std::fs::remove_dir_all(site.join("data/chuyen-muc/chuyen-muc-khcn")).unwrap();

    let (_, printed) = prerender(&site);
    let home = std::fs::read_to_string(site.join("index.html")).unwrap_or_default();
    assert!(home.contains("Lịch công tác tuần"), "the home page is drawn, with its sidebar:\n{printed}");
    assert!(!home.contains("Chuyên mục KH&amp;CN</a></h2>"), "no magazine box");
    assert!(!home.contains("role=\"alert\""), "and no error box in its place");
    let _ = std::fs::remove_dir_all(&site);
}
