//! An archive as the writer takes it: categories and articles, independent of
//! where they came from (hand-written sources or the synthetic generator).

use super::blocks::Block;

/// A category, in the order the categories document lists it.
#[derive(Clone, Debug)]
pub struct CategoryDef {
    pub slug: String,
    pub name: String,
    /// The section it belongs to, as the breadcrumb shows it ("Tin tức - Sự kiện").
    pub section: String,
    pub description: String,
    /// Whether the home page shows a block for it.
    pub on_home: bool,
}

/// One article with its full body.
#[derive(Clone, Debug)]
pub struct ArticleDef {
    pub id: String,
    pub title: String,
    /// The slug of its category, which must be one of the archive's.
    pub category: String,
    /// RFC 3339, Vietnam time ("2023-10-19T08:00:00+07:00").
    pub published: String,
    pub modified: Option<String>,
    /// The lead paragraph.
    pub summary: String,
    pub body: Vec<Block>,
    /// Ids of related articles, most related first.
    pub related: Vec<String>,
    /// The author/source line as printed under the article.
    pub source: String,
    pub tags: Vec<String>,
    pub featured: bool,
}

/// The words that say what an archive is (sample, synthetic) in its feed titles.
#[derive(Clone, Debug)]
pub struct Labels {
    /// Title of the latest-news feed.
    pub latest_title: String,
    /// Appended to each category feed's title (" (nội dung mẫu)").
    pub title_suffix: String,
    /// Every feed's description.
    pub description: String,
    /// Title of the categories document.
    pub categories_title: String,
}

/// Everything the writer needs.
#[derive(Clone, Debug)]
pub struct Archive {
    pub labels: Labels,
    pub categories: Vec<CategoryDef>,
    pub articles: Vec<ArticleDef>,
}
