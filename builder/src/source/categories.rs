//! `content/chuyen-muc.yml`: the sections and the categories, in display
//! order (content-sources.md, "Categories and sections").

use super::fields::Fields;
use super::problem::Problem;
use super::yaml;
use crate::model::CategoryDef;

/// The categories, or every problem found.
pub fn read_categories(text: &str, shown: &str) -> Result<Vec<CategoryDef>, Vec<Problem>> {
    let node = yaml::parse(text, shown, 1).map_err(|problem| vec![problem])?;
    let mut top = Fields::of(&node, shown, "", "the sections and categories").map_err(|problem| vec![problem])?;
    let mut sections: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    for (index, node) in top.list("sections").unwrap_or_default().iter().enumerate() {
        match Fields::of(node, shown, &format!("sections[{index}]."), "a section") {
            Ok(mut fields) => {
                if let Some(name) = fields.required_text("name") {
                    if sections.contains(&name) {
                        fields.report("name", node.line, format!("the section \"{name}\" is listed twice"));
                    }
                    sections.push(name);
                }
                problems.extend(fields.finish());
            }
            Err(problem) => problems.push(problem),
        }
    }
    let line = top.line_of("categories");
    let items = top.list("categories").unwrap_or_default();
    if items.is_empty() {
        top.report("categories", line, "at least one category is required");
    }
    let mut categories: Vec<CategoryDef> = Vec::new();
    for (index, node) in items.iter().enumerate() {
        let mut fields = match Fields::of(node, shown, &format!("categories[{index}]."), "a category") {
            Ok(fields) => fields,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let slug = fields.required_text("slug");
        let name = fields.required_text("name");
        let section = fields.text("section");
        let description = fields.text("description");
        let on_home = fields.flag("on_home");
        if let Some(slug) = &slug {
            if !is_slug(slug) {
                let message = format!("\"{slug}\": a slug is a-z and 0-9 words joined by single '-'");
                fields.report("slug", fields.line_of("slug"), message);
            } else if portal_core::search_messages::kind_of_category(slug) != "tin" {
                // The search index files a registry under its kind's slug.
                let message = format!("\"{slug}\" is the registry's own (search-index.md, kinds): choose another slug");
                fields.report("slug", fields.line_of("slug"), message);
            } else if categories.iter().any(|category| &category.slug == slug) {
                fields.report("slug", fields.line_of("slug"), format!("the slug \"{slug}\" is used twice"));
            }
        }
        if let Some(section) = section.as_ref().filter(|section| !sections.contains(section)) {
            let message = format!("\"{section}\" is not one of the sections listed under `sections`");
            fields.report("section", fields.line_of("section"), message);
        }
        problems.extend(fields.finish());
        if let (Some(slug), Some(name)) = (slug, name) {
            categories.push(CategoryDef { slug, name, section, description, on_home });
        }
    }
    problems.extend(top.finish());
    if problems.is_empty() {
        Ok(categories)
    } else {
        Err(problems)
    }
}

/// `tin-hoat-dong-so`: lower-case letters and digits joined by single hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "sections:\n  - name: Tin tức\ncategories:\n  - slug: tin-so\n    name: Tin Sở\n    section: Tin tức\n    on_home: true\n  - slug: khac\n    name: Khác\n";

    #[test]
    fn categories_keep_their_order_and_fields() {
        let categories = read_categories(GOOD, "c.yml").unwrap();
        assert_eq!(categories.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(), ["tin-so", "khac"]);
        assert_eq!((categories[0].section.as_deref(), categories[0].on_home), (Some("Tin tức"), true));
        assert_eq!((categories[1].section.as_deref(), categories[1].on_home), (None, false));
    }

    #[test]
    fn bad_slugs_repeats_and_unknown_sections_are_named() {
        let text = GOOD.replace("section: Tin tức\n", "section: Tin tuc\n").replace("slug: khac", "slug: Tin-So");
        let problems: Vec<String> =
            read_categories(&text, "c.yml").unwrap_err().iter().map(ToString::to_string).collect();
        assert!(
            problems.contains(
                &"c.yml:6: categories[0].section: \"Tin tuc\" is not one of the sections listed under `sections`"
                    .to_string()
            ),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.starts_with("c.yml:8: categories[1].slug: \"Tin-So\"")), "{problems:?}");
        assert!(read_categories("categories: []\n", "c.yml").is_err());
        assert!(read_categories(&GOOD.replace("slug: khac", "slug: tin-so"), "c.yml").is_err());
        for reserved in ["van-ban", "nhiem-vu"] {
            let problems =
                read_categories(&GOOD.replace("slug: khac", &format!("slug: {reserved}")), "c.yml").unwrap_err();
            assert!(problems[0].to_string().contains("the registry's own"), "{reserved}: {problems:?}");
        }
    }
}
