//! Relative URLs between documents, so that an archive works wherever it is
//! hosted (site root or sub-path): every URL inside a document is relative to
//! that document's own URL, as the format pages say.

/// The URL of `target` relative to the document at `from` (both site-relative
/// paths such as "data/tin/1019.json" and "data/anh/1019-1.svg" → "../anh/1019-1.svg").
pub fn relative(from: &str, target: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let target_parts: Vec<&str> = target.split('/').collect();
    let common = from_dirs.iter().zip(&target_parts).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from_dirs.len() - common);
    out.push_str(&target_parts[common..].join("/"));
    out
}

/// Where an article document lives.
pub fn article_document(data_dir: &str, id: &str) -> String {
    format!("{data_dir}/tin/{id}.json")
}

/// Where page `page` of the latest-news feed lives: 1 is the newest
/// articles, 2 the rest of the newest archive block (`lists::write_latest`).
pub fn latest_page(data_dir: &str, page: usize) -> String {
    format!("{data_dir}/tin-moi/{page}.json")
}

/// Where block `block` of the latest-news archive lives, counted from the
/// oldest articles (1), so that a block's name and items do not move when
/// news is published.
pub fn latest_block(data_dir: &str, block: usize) -> String {
    format!("{data_dir}/tin-moi/luu-tru/{block}.json")
}

/// Where page `page` (from 1) of a category's feed lives.
pub fn category_page(data_dir: &str, slug: &str, page: usize) -> String {
    format!("{data_dir}/chuyen-muc/{slug}/{page}.json")
}

/// Where the categories document lives.
pub fn categories_document(data_dir: &str) -> String {
    format!("{data_dir}/chuyen-muc.json")
}

/// Where an image named `name` lives.
pub fn image(data_dir: &str, name: &str) -> String {
    format!("{data_dir}/anh/{name}.svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_only_as_far_as_needed() {
        assert_eq!(relative("data/tin/1019.json", "data/anh/a.svg"), "../anh/a.svg");
        assert_eq!(relative("data/chuyen-muc/x/1.json", "tin/1/slug"), "../../../tin/1/slug");
        assert_eq!(relative("data/tin-moi/1.json", "data/tin-moi/2.json"), "2.json");
        assert_eq!(relative("data/chuyen-muc.json", "data/chuyen-muc/x/1.json"), "chuyen-muc/x/1.json");
    }
}
