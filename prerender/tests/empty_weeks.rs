//! A week without a schedule has a page, so that the week picker's links
//! and "Tuần trước/Tuần sau" always lead somewhere, but nothing on it is
//! worth a search result: it is kept out of indexes (`noindex`), and a
//! published week is not. Its page also tells the app that the week's
//! document was not found (`data-khong-co`), so that the app draws the same
//! page at once instead of asking for the document again.

mod support;

use support::{prerender, sample_site};

#[test]
fn only_weeks_without_a_schedule_are_kept_out_of_indexes() {
    let site = sample_site("empty-weeks");
    let (succeeded, printed) = prerender(&site);
    assert!(succeeded, "{printed}");
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("data/lich-cong-tac/index.json")).unwrap()).unwrap();
    let published: Vec<String> =
        index["weeks"].as_array().unwrap().iter().map(|week| week.as_str().unwrap().to_string()).collect();
    let (mut empty, mut full) = (0, 0);
    for year in std::fs::read_dir(site.join("lich-cong-tac")).unwrap().flatten().filter(|e| e.path().is_dir()) {
        for page in std::fs::read_dir(year.path()).unwrap().flatten() {
            let name = page.file_name().to_string_lossy().into_owned();
            let Some(week) = name.strip_suffix(".html") else { continue };
            let week = format!("{}-W{:0>2}", year.file_name().to_string_lossy(), week);
            let html = std::fs::read_to_string(page.path()).unwrap();
            let noindex = html.contains(r#"<meta name="robots" content="noindex">"#);
            assert_eq!(noindex, !published.contains(&week), "{week}");
            let absent = format!("data-tai-lieu=\"data/lich-cong-tac/{week}.json\" data-khong-co></script>");
            assert_eq!(html.contains(&absent), noindex, "{week}: its document marked as not found");
            if noindex {
                empty += 1;
            } else {
                full += 1;
            }
        }
    }
    assert!(empty >= 2 && full == published.len(), "{empty} empty weeks, {full} published");
    let _ = std::fs::remove_dir_all(&site);
}
