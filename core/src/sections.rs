//! The navigation's sections: the categories grouped as the categories
//! document names their sections ("Tin tức - Sự kiện", "Hoạt động KH&CN"),
//! each section a menu of its categories and a page of its own
//! (`/danh-muc/{slug}`) for readers without the app.

use super::feed::{Category, CategoryEntry};
use super::slug::slugify;

/// Where categories without a section are listed.
pub const UNNAMED_SECTION: &str = "Chuyên mục";

/// One section and its categories, in the document's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    /// Its address segment: the name's slug, unique among the sections.
    pub slug: String,
    pub categories: Vec<Category>,
}

/// Groups the categories by section, each section where its first category
/// stands; categories without a section share one named [`UNNAMED_SECTION`].
pub fn group_sections(entries: &[CategoryEntry]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for entry in entries {
        let name = match entry.category.section.trim() {
            "" => UNNAMED_SECTION,
            named => named,
        };
        match sections.iter_mut().find(|section| section.name == name) {
            Some(section) => section.categories.push(entry.category.clone()),
            None => {
                let slug = unique_slug(&sections, name);
                sections.push(Section { name: name.to_string(), slug, categories: vec![entry.category.clone()] });
            }
        }
    }
    sections
}

/// The section at `/danh-muc/{slug}`.
pub fn find_section<'a>(sections: &'a [Section], slug: &str) -> Option<&'a Section> {
    sections.iter().find(|section| section.slug == slug)
}

/// "Hoạt động KH&CN" → "hoat-dong-kh-cn"; a second section with the same
/// slug gets "-2", and a name with no letter at all "muc-N".
fn unique_slug(sections: &[Section], name: &str) -> String {
    let base = match slugify(name) {
        slug if slug.is_empty() => format!("muc-{}", sections.len() + 1),
        slug => slug,
    };
    let taken = |slug: &str| sections.iter().any(|section| section.slug == slug);
    let mut slug = base.clone();
    let mut n = 2;
    while taken(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, section: &str) -> CategoryEntry {
        CategoryEntry {
            category: Category { slug: slug.into(), name: slug.to_uppercase(), section: section.into() },
            description: None,
            feed_url: None,
            on_home: false,
            newest: Vec::new(),
        }
    }

    fn slugs(section: &Section) -> Vec<&str> {
        section.categories.iter().map(|category| category.slug.as_str()).collect()
    }

    #[test]
    fn sections_keep_the_order_their_first_category_has() {
        let entries = [
            entry("a", "Tin tức - Sự kiện"),
            entry("b", "Hoạt động KH&CN"),
            entry("c", "Tin tức - Sự kiện"),
            entry("d", "Thông tin KH&CN"),
        ];
        let sections = group_sections(&entries);
        let names: Vec<_> = sections.iter().map(|s| (s.name.as_str(), s.slug.as_str())).collect();
        assert_eq!(
            names,
            [
                ("Tin tức - Sự kiện", "tin-tuc-su-kien"),
                ("Hoạt động KH&CN", "hoat-dong-kh-cn"),
                ("Thông tin KH&CN", "thong-tin-kh-cn")
            ]
        );
        assert_eq!(slugs(&sections[0]), ["a", "c"]);
        assert_eq!(find_section(&sections, "hoat-dong-kh-cn").map(slugs), Some(vec!["b"]));
        assert_eq!(find_section(&sections, "khong-co"), None);
    }

    #[test]
    fn categories_without_a_section_share_one() {
        let sections = group_sections(&[entry("a", ""), entry("b", "  "), entry("c", "Tin")]);
        assert_eq!(sections.len(), 2);
        assert_eq!((sections[0].name.as_str(), sections[0].slug.as_str()), (UNNAMED_SECTION, "chuyen-muc"));
        assert_eq!(slugs(&sections[0]), ["a", "b"]);
    }

    #[test]
    fn section_slugs_are_unique_and_never_empty() {
        let sections =
            group_sections(&[entry("a", "Tin tức"), entry("b", "Tin Tức!"), entry("c", "★★"), entry("d", "—")]);
        let slugs: Vec<_> = sections.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(slugs, ["tin-tuc", "tin-tuc-2", "muc-3", "muc-4"]);
    }

    #[test]
    fn no_categories_no_sections() {
        assert!(group_sections(&[]).is_empty());
    }
}
