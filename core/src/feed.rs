//! News as JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>), with the portal's
//! own fields in a `_portal` extension object on the feed and on each item.
//!
//! Four kinds of document share this shape: the latest-news feed, one feed per
//! category (both paginated with `next_url`), one single-item feed per article
//! with the full body, and the list of categories (one item per category).
//! `docs/formats/news-feed.md` describes them; this module reads them.

use super::error::{DocError, Problem};
use super::json::{parse_document, Node};
use super::url::resolve;

/// A list page is ~20 items without bodies; 2 MiB leaves room for generous
/// feeds while refusing a runaway document before it is parsed.
pub const FEED_LIMIT_BYTES: usize = 2 * 1024 * 1024;

/// The portal extension's format version this build reads.
pub const PORTAL_FORMAT_VERSION: u64 = 1;

/// A category and the section it belongs to ("Tin tức - Sự kiện: Tin hoạt động Sở");
/// the section is empty when the document names none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub slug: String,
    pub name: String,
    pub section: String,
}

/// A photo caption, keyed by the image URL it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caption {
    pub image: String,
    pub text: String,
}

/// The article just newer or just older in the same category, as the
/// article document names it (`_portal.neighbours`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neighbour {
    pub id: String,
    pub title: String,
}

/// One news item, as a list shows it or, with `content_html`, in full.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewsItem {
    pub id: String,
    pub title: String,
    /// The lead paragraph (JSON Feed `summary`).
    pub summary: Option<String>,
    /// The full body, present in the per-article document.
    pub content_html: Option<String>,
    /// Plain text: in list documents, a short excerpt.
    pub content_text: Option<String>,
    /// The main image, resolved to an absolute URL.
    pub image: Option<String>,
    /// Unix seconds.
    pub published: i64,
    pub modified: Option<i64>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub category: Option<Category>,
    /// Ids of related items, most related first.
    pub related: Vec<String>,
    /// The author/source line as printed under the article.
    pub source: Option<String>,
    pub captions: Vec<Caption>,
    pub featured: bool,
    /// Its neighbours in the category, when the document names them (article
    /// documents do; list items need not).
    pub newer: Option<Neighbour>,
    pub older: Option<Neighbour>,
    /// "Tin khác" as the article document lists it (`_portal.other_news`):
    /// items chosen when the article was published, which do not change as
    /// newer articles arrive. Empty when the document leaves the choice to
    /// the portal.
    pub other_news: Vec<NewsItem>,
}

/// One page of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedPage {
    pub title: String,
    pub items: Vec<NewsItem>,
    /// The next page, resolved to an absolute URL.
    pub next_url: Option<String>,
    /// The category a category feed is about.
    pub category: Option<Category>,
    pub page: Option<u64>,
    pub total_pages: Option<u64>,
    pub total_items: Option<u64>,
}

/// One entry of the categories document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryEntry {
    pub category: Category,
    pub description: Option<String>,
    /// The category's feed, resolved to an absolute URL.
    pub feed_url: Option<String>,
    /// Whether the home page shows a block for it.
    pub on_home: bool,
    /// Its newest items (id, title, date), when the document lists them: the
    /// home page and the sidebar then need no request of their own.
    pub newest: Vec<NewsItem>,
}

/// Reads a feed page. `url` is the document's own URL, against which relative
/// URLs inside it resolve.
pub fn parse_feed(document: &str, url: &str, text: &str) -> Result<FeedPage, DocError> {
    let value = parse_document(document, text, FEED_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    check_version(&root)?;
    let title = root.required_string("title")?;
    let items = root.with_required("items", |items| items.each(|item| read_item(item, url)))?;
    let next_url = root.optional_string("next_url")?.map(|next| resolve(url, &next));
    let (category, page, total_pages, total_items) = root
        .with_field("_portal", |portal| {
            Ok((
                portal.with_field("category", read_category)?,
                portal.optional_unsigned("page")?,
                portal.optional_unsigned("total_pages")?,
                portal.optional_unsigned("total_items")?,
            ))
        })?
        .unwrap_or_default();
    Ok(FeedPage { title, items, next_url, category, page, total_pages, total_items })
}

/// Reads a one-item article document.
pub fn parse_article(document: &str, url: &str, text: &str) -> Result<NewsItem, DocError> {
    let mut page = parse_feed(document, url, text)?;
    if page.items.is_empty() {
        return Err(DocError::new(document, Problem::MissingField { path: "items[0]".into() }));
    }
    Ok(page.items.swap_remove(0))
}

/// Reads the categories document, in the order it lists them.
pub fn parse_categories(document: &str, url: &str, text: &str) -> Result<Vec<CategoryEntry>, DocError> {
    let value = parse_document(document, text, FEED_LIMIT_BYTES)?;
    let root = Node::root(document, &value);
    check_version(&root)?;
    root.required_string("title")?;
    root.with_required("items", |items| {
        items.each(|item| {
            let slug = item.required_string("id")?;
            let name = item.required_string("title")?;
            let description = item.optional_string("content_text")?;
            let (section, feed_url, on_home, newest) = item.with_required("_portal", |portal| {
                Ok((
                    portal.optional_string("section")?.unwrap_or_default(),
                    portal.optional_string("feed_url")?.map(|feed| resolve(url, &feed)),
                    portal.with_field("on_home", |flag| flag.boolean())?.unwrap_or(false),
                    portal.with_field("newest", |teasers| teasers.each(read_teaser))?.unwrap_or_default(),
                ))
            })?;
            let category = Category { slug, name, section };
            let newest = newest.into_iter().map(|teaser| teaser.in_category(&category)).collect();
            Ok(CategoryEntry { category, description, feed_url, on_home, newest })
        })
    })
}

/// JSON Feed requires `version`; the portal reads 1.0 and 1.1 alike.
fn check_version(root: &Node<'_>) -> Result<(), DocError> {
    root.with_required("version", |version| {
        let text = version.string()?;
        if text.starts_with("https://jsonfeed.org/version/1") {
            Ok(())
        } else {
            Err(version.invalid("https://jsonfeed.org/version/1.1"))
        }
    })
}

/// A category's newest item as the categories document lists it: just what a
/// list row shows.
fn read_teaser(node: Node<'_>) -> Result<NewsItem, DocError> {
    Ok(NewsItem {
        id: node.required_string("id")?,
        title: node.required_string("title")?,
        published: node.with_required("date_published", |date| date.instant())?,
        ..NewsItem::default()
    })
}

impl NewsItem {
    fn in_category(self, category: &Category) -> NewsItem {
        NewsItem { category: Some(category.clone()), ..self }
    }
}

fn read_neighbour(node: Node<'_>) -> Result<Neighbour, DocError> {
    Ok(Neighbour { id: node.required_string("id")?, title: node.required_string("title")? })
}

fn read_category(node: Node<'_>) -> Result<Category, DocError> {
    Ok(Category {
        slug: node.required_string("slug")?,
        name: node.required_string("name")?,
        section: node.optional_string("section")?.unwrap_or_default(),
    })
}

fn read_item(item: Node<'_>, url: &str) -> Result<NewsItem, DocError> {
    let id = item.required_string("id")?;
    let title = item.required_string("title")?;
    let content_html = item.optional_string("content_html")?;
    let content_text = item.optional_string("content_text")?;
    if content_html.is_none() && content_text.is_none() {
        // JSON Feed 1.1: one of the two must be present.
        item.required_string("content_html")?;
    }
    let authors = item
        .with_field("authors", |authors| authors.each(|author| author.optional_string("name")))?
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect();
    let portal = item
        .with_field("_portal", |portal| {
            Ok(ItemExtension {
                category: portal.with_field("category", read_category)?,
                related: portal.with_field("related", |ids| ids.strings())?.unwrap_or_default(),
                source: portal.optional_string("source")?,
                captions: portal
                    .with_field("captions", |captions| {
                        captions.each(|caption| {
                            Ok(Caption {
                                image: resolve(url, &caption.required_string("image")?),
                                text: caption.required_string("text")?,
                            })
                        })
                    })?
                    .unwrap_or_default(),
                featured: portal.with_field("featured", |flag| flag.boolean())?.unwrap_or(false),
                neighbours: portal
                    .with_field("neighbours", |sides| {
                        Ok((sides.with_field("newer", read_neighbour)?, sides.with_field("older", read_neighbour)?))
                    })?
                    .unwrap_or_default(),
                other_news: portal
                    .with_field("other_news", |items| items.each(|other| read_item(other, url)))?
                    .unwrap_or_default(),
            })
        })?
        .unwrap_or_default();
    Ok(NewsItem {
        id,
        title,
        summary: item.optional_string("summary")?,
        content_html,
        content_text,
        image: item.optional_string("image")?.map(|image| resolve(url, &image)),
        published: item.with_required("date_published", |date| date.instant())?,
        modified: item.with_field("date_modified", |date| date.instant())?,
        authors,
        tags: item.with_field("tags", |tags| tags.strings())?.unwrap_or_default(),
        category: portal.category,
        related: portal.related,
        source: portal.source,
        captions: portal.captions,
        featured: portal.featured,
        newer: portal.neighbours.0,
        older: portal.neighbours.1,
        other_news: portal.other_news,
    })
}

#[derive(Default)]
struct ItemExtension {
    category: Option<Category>,
    related: Vec<String>,
    source: Option<String>,
    captions: Vec<Caption>,
    featured: bool,
    /// (newer, older)
    neighbours: (Option<Neighbour>, Option<Neighbour>),
    other_news: Vec<NewsItem>,
}

#[cfg(test)]
mod tests {
    use super::*;
    const URL: &str = "https://h.vn/data/tin-moi/1.json";

    fn feed(items: &str) -> String {
        format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Tin mới","next_url":"2.json","items":[{items}]}}"#
        )
    }

    const ITEM: &str = r#"{"id":"1019","title":"Đoàn Kiểm tra","content_text":"Tóm tắt","date_published":"2023-10-19T08:00:00+07:00","image":"../anh/a.svg","_portal":{"category":{"slug":"tin-hoat-dong-so","name":"Tin hoạt động Sở","section":"Tin tức - Sự kiện"},"related":["7"],"featured":true}}"#;

    #[test]
    fn reads_a_list_page_and_resolves_its_urls() {
        let page = parse_feed("bản tin", URL, &feed(ITEM)).unwrap();
        assert_eq!(page.next_url.as_deref(), Some("https://h.vn/data/tin-moi/2.json"));
        let item = &page.items[0];
        assert_eq!(item.image.as_deref(), Some("https://h.vn/data/anh/a.svg"));
        assert_eq!(item.category.as_ref().unwrap().name, "Tin hoạt động Sở");
        assert_eq!(item.related, ["7"]);
        assert!(item.featured);
    }

    #[test]
    fn missing_title_is_named_with_its_path() {
        let broken = ITEM.replace(r#""title":"Đoàn Kiểm tra","#, "");
        let error = parse_feed("bản tin", URL, &feed(&broken)).unwrap_err();
        assert_eq!(error.problem, Problem::MissingField { path: "items[0].title".into() });
        assert_eq!(error.document, "bản tin");
    }

    #[test]
    fn an_item_needs_some_content() {
        let bare = ITEM.replace(r#""content_text":"Tóm tắt","#, "");
        let error = parse_feed("bản tin", URL, &feed(&bare)).unwrap_err();
        assert_eq!(error.problem, Problem::MissingField { path: "items[0].content_html".into() });
    }

    #[test]
    fn wrong_version_and_wrong_types_are_refused() {
        let error = parse_feed("bản tin", URL, r#"{"version":"2","title":"x","items":[]}"#).unwrap_err();
        assert_eq!(error.document, "bản tin");
        assert!(matches!(error.problem, Problem::WrongType { .. }));
        let numeric_id = ITEM.replace(r#""id":"1019""#, r#""id":1019"#);
        assert!(parse_feed("bản tin", URL, &feed(&numeric_id)).is_err());
    }

    const CATEGORIES: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Chuyên mục","items":[
        {"id":"tin-hoat-dong-so","title":"Tin hoạt động Sở","_portal":{"section":"Tin tức - Sự kiện","on_home":true,
         "newest":[{"id":"1019","url":"../tin/1019/doan","title":"Đoàn Kiểm tra","date_published":"2023-10-19T08:00:00+07:00"}]}},
        {"id":"thong-bao","title":"Thông báo","_portal":{"section":"Tin tức - Sự kiện"}}]}"#;

    #[test]
    fn categories_carry_their_newest_items_when_listed() {
        let entries = parse_categories("chuyên mục", URL, CATEGORIES).unwrap();
        let newest = &entries[0].newest;
        assert_eq!(newest.len(), 1);
        assert_eq!((newest[0].id.as_str(), newest[0].title.as_str()), ("1019", "Đoàn Kiểm tra"));
        assert_eq!(newest[0].published, 1_697_677_200);
        assert_eq!(newest[0].category.as_ref().map(|c| c.slug.as_str()), Some("tin-hoat-dong-so"));
        assert!(entries[1].newest.is_empty(), "newest is optional");
        assert!(entries[0].on_home && !entries[1].on_home);
    }

    #[test]
    fn a_broken_newest_item_is_named_with_its_path() {
        let broken =
            CATEGORIES.replace(r#""date_published":"2023-10-19T08:00:00+07:00""#, r#""date_published":"hôm qua""#);
        let error = parse_categories("chuyên mục", URL, &broken).unwrap_err();
        let path = match error.problem {
            Problem::WrongType { path, .. } | Problem::MissingField { path } => path,
            other => panic!("unexpected problem {other:?}"),
        };
        assert_eq!(path, "items[0]._portal.newest[0].date_published");
    }

    #[test]
    fn an_article_names_its_neighbours_in_the_category() {
        let with = ITEM
            .replace(r#""featured":true"#, r#""featured":true,"neighbours":{"older":{"id":"1012","title":"Tin cũ"}}"#);
        let item = parse_article("bài viết", URL, &feed(&with)).unwrap();
        assert_eq!(item.older, Some(Neighbour { id: "1012".into(), title: "Tin cũ".into() }));
        assert_eq!(item.newer, None);
        let broken = with.replace(r#""title":"Tin cũ""#, r#""title":7"#);
        let error = parse_article("bài viết", URL, &feed(&broken)).unwrap_err();
        assert!(
            matches!(error.problem, Problem::WrongType { ref path, .. } if path == "items[0]._portal.neighbours.older.title")
        );
    }

    #[test]
    fn an_article_lists_its_other_news_as_items() {
        let other = r#"{"id":"1012","title":"Tin cũ","content_text":"Tóm tắt","date_published":"2023-10-01T08:00:00+07:00","image":"../anh/b.svg"}"#;
        let with = ITEM.replace(r#""featured":true"#, &format!(r#""featured":true,"other_news":[{other}]"#));
        let item = parse_article("bài viết", URL, &feed(&with)).unwrap();
        assert_eq!(item.other_news.len(), 1);
        assert_eq!((item.other_news[0].id.as_str(), item.other_news[0].title.as_str()), ("1012", "Tin cũ"));
        assert_eq!(item.other_news[0].image.as_deref(), Some("https://h.vn/data/anh/b.svg"));
        let broken = with.replace(r#""date_published":"2023-10-01T08:00:00+07:00""#, r#""date_published":1"#);
        let error = parse_article("bài viết", URL, &feed(&broken)).unwrap_err();
        assert!(
            matches!(error.problem, Problem::WrongType { ref path, .. } if path == "items[0]._portal.other_news[0].date_published"),
            "{error:?}"
        );
    }

    #[test]
    fn empty_article_feed_is_an_error() {
        assert!(parse_article("bài viết", URL, &feed("")).is_err());
        assert_eq!(parse_article("bài viết", URL, &feed(ITEM)).unwrap().id, "1019");
    }
}
