//! `content/thong-tin-chung.yml`: the site's name, slogan and footer lines,
//! which become `site` in `config.json` (content-sources.md, "Site settings").

use super::fields::Fields;
use super::problem::Problem;
use super::yaml;
use portal_core::config::Site;

/// The site settings over the built-in defaults (for the two optional
/// fields), or every problem found.
pub fn read_site(text: &str, shown: &str) -> Result<(Site, FeedOptions), Vec<Problem>> {
    let node = yaml::parse(text, shown, 1).map_err(|problem| vec![problem])?;
    let mut fields = Fields::of(&node, shown, "", "the site settings").map_err(|problem| vec![problem])?;
    let defaults = Site::default();
    let name = fields.required_text("name");
    let short_name = fields.text("short_name").unwrap_or(defaults.short_name);
    let slogan = fields.text("slogan").unwrap_or(defaults.slogan);
    let owner = fields.required_text("owner");
    let responsible = fields.required_text("responsible");
    let address = fields.required_text("address");
    let phone = fields.required_text("phone");
    let feeds = FeedOptions { full_text: fields.flag("feeds_full_text") };
    let problems = fields.finish();
    match (name, owner, responsible, address, phone) {
        (Some(name), Some(owner), Some(responsible), Some(address), Some(phone)) if problems.is_empty() => {
            Ok((Site { name, short_name, slogan, owner, responsible, address, phone }, feeds))
        }
        _ => Err(problems),
    }
}

/// How the prerender writes the RSS and Atom feeds (config.json's `feeds`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FeedOptions {
    /// Each item's whole text, not its summary (`feeds_full_text: true`).
    pub full_text: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_lines_are_required_and_optional_ones_default() {
        let text = "name: N\nowner: O\nresponsible: R\naddress: 'Địa chỉ: A'\nphone: P\n";
        let (site, feeds) = read_site(text, "s.yml").unwrap();
        assert_eq!((site.address.as_str(), site.short_name), ("Địa chỉ: A", Site::default().short_name));
        assert!(!feeds.full_text, "summaries unless asked");
        let (_, feeds) = read_site(&format!("{text}feeds_full_text: true\n"), "s.yml").unwrap();
        assert!(feeds.full_text);
        let problems = read_site("name: N\nowner: O\n", "s.yml").unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
    }
}
