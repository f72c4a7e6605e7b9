//! The sidebar's "Chuyên mục KH&CN" box shows the programme's latest episode
//! from its own document (core::episodes). A site without that document must
//! still get every page, only without the box and without the programme's
//! pages; and removing the category of the same name changes nothing there.

mod support;

use serde_json::Value;
use support::{prerender, sample_site};

#[test]
fn a_site_without_the_programme_is_drawn_without_its_box() {
    let site = sample_site("no-programme");
    std::fs::remove_file(site.join("data/chuyen-muc-khcn.json")).unwrap();
    // The category of the same name is not what the box reads.
    let categories_file = site.join("data/chuyen-muc.json");
    let mut categories: Value = serde_json::from_str(&std::fs::read_to_string(&categories_file).unwrap()).unwrap();
    categories["items"].as_array_mut().unwrap().retain(|item| item["id"] != "chuyen-muc-khcn");
    std::fs::write(&categories_file, categories.to_string()).unwrap();
    std::fs::remove_dir_all(site.join("data/chuyen-muc/chuyen-muc-khcn")).unwrap();

    let (_, printed) = prerender(&site);
    let home = std::fs::read_to_string(site.join("index.html")).unwrap_or_default();
    assert!(home.contains("Lịch công tác tuần"), "the home page is drawn, with its sidebar:\n{printed}");
    assert!(!home.contains("sidebar-episode"), "no programme box");
    assert!(!home.contains("role=\"alert\""), "and no error box in its place");
    assert!(!site.join("chuyen-muc-khcn.html").exists(), "no programme pages");
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn the_box_shows_the_latest_episode_on_every_page() {
    let site = sample_site("programme-box");
    let (_, printed) = prerender(&site);
    for page in ["index.html", "lien-he.html", "chuyen-muc/tin-hoat-dong-so.html"] {
        let html = std::fs::read_to_string(site.join(page)).unwrap_or_default();
        assert!(html.contains("Chuyên mục KH&amp;CN số 5-2016"), "{page}:\n{printed}");
    }
    let _ = std::fs::remove_dir_all(&site);
}
