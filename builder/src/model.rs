//! An archive as the writer takes it: categories and articles as read from
//! `content/` (or, in the tests, made in memory), every field already checked.

use serde::{Deserialize, Serialize};

/// A category, in the order the categories document lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CategoryDef {
    pub slug: String,
    pub name: String,
    /// The section it belongs to, as the breadcrumb shows it ("Tin tức - Sự kiện").
    pub section: Option<String>,
    pub description: Option<String>,
    /// Whether the home page shows a block for it.
    pub on_home: bool,
}

/// What every document that lists an article needs of it. The body is not
/// here: only the article's own document carries it ([`ArticleBody`]), so
/// a run that leaves that document alone never reads the body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ArticleDef {
    pub id: String,
    pub title: String,
    /// Its page's address (`/tin/1019/doan-kiem-tra-…`), made once when its
    /// source is read: the slug of 100 000 titles, made again for each list
    /// item, was a quarter of a run that publishes one article.
    pub route: String,
    /// The slug of its category, which is one of the archive's.
    pub category: String,
    /// RFC 3339, Vietnam time ("2023-10-19T08:00:00+07:00").
    pub published: String,
    /// Unix seconds of `published`, for ordering.
    pub published_at: i64,
    /// The list pages' `content_text`: the summary (or the body's text), cut short.
    pub excerpt: String,
    /// The author/source line as printed under the article.
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// The lead photo, its path from `content/` and under the data folder ("anh/1019-1.svg").
    pub image: Option<String>,
    pub featured: bool,
    /// Ids of related articles, most related first.
    pub related: Vec<String>,
    /// The document numbers its summary and body name, folded
    /// (`cite_links::cited_numbers`): which registry pages it cites.
    pub cites: Vec<String>,
}

/// An article's body as its document carries it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleBody {
    /// The lead paragraph, shown above the body. Only the article's own
    /// document carries it, so it is read with the body, not cached.
    pub summary: Option<String>,
    /// `content_html`, its URLs relative to the article document.
    pub html: String,
    /// Each figure's caption: the image URL as in `html`, and the text.
    pub captions: Vec<(String, String)>,
}

/// The words that name the lists.
#[derive(Clone, Debug)]
pub struct Labels {
    /// Title of the latest-news feed.
    pub latest_title: String,
    /// Every feed's description, if any.
    pub description: Option<String>,
    /// Title of the categories document.
    pub categories_title: String,
}

impl Default for Labels {
    fn default() -> Labels {
        Labels { latest_title: "Tin mới".into(), description: None, categories_title: "Chuyên mục".into() }
    }
}

/// Everything the writer needs but the bodies.
#[derive(Clone, Debug, Default)]
pub struct Archive {
    pub labels: Labels,
    pub categories: Vec<CategoryDef>,
    pub articles: Vec<ArticleDef>,
    /// The registry's page of each document number it holds once (folded
    /// number → route), linked where an article names it.
    pub doc_links: std::collections::HashMap<String, String>,
}
