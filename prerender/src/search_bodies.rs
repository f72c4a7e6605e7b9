//! What the search index takes of each article's own document
//! (`data/tin/<id>.json`, written by the builder): the body as text, its
//! captions and table cells included, the author and source line, and the
//! whole lead (a feed page's `content_text` is cut at 220 characters). The
//! feed's pages carry no bodies, so an article's document is read when the
//! index writes the article: all of them on a first run, the new and the
//! changed ones on the next.

use crate::manifest::local_signature;
use crate::store::Store;
use portal::context::Portal;
use portal::core::html_text::html_text;
use portal::core::search_messages::kind_of_category;
use portal_search::Doc;
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Reads what the index takes of each article's own document, counting.
pub struct Bodies<'a> {
    portal: &'a Portal,
    store: &'a Store,
    /// Documents read, and those that could not be (their articles are
    /// indexed without body: the page drawing names the document).
    read: AtomicUsize,
    missing: AtomicUsize,
}

impl<'a> Bodies<'a> {
    pub fn new(portal: &'a Portal, store: &'a Store) -> Self {
        Bodies { portal, store, read: AtomicUsize::new(0), missing: AtomicUsize::new(0) }
    }

    /// How many documents were read, and how many of them were unreadable.
    pub fn counts(&self) -> (usize, usize) {
        (self.read.load(Ordering::Relaxed), self.missing.load(Ordering::Relaxed))
    }

    fn url(&self, doc: &Doc) -> Option<String> {
        let news = kind_of_category(&doc.category_slug) == "tin";
        news.then(|| self.portal.url(&self.portal.config.sources.article_url(&doc.id)))
    }

    /// Gives each news article its document's signature (`Doc::source`: its
    /// file's size and time), which stands for the document in the index's
    /// fingerprint, so that only the articles a run writes are read
    /// (`fill`); an article whose document is on another host has none, and
    /// is read now.
    pub fn sign(&self, docs: &mut [Doc]) {
        for doc in docs.iter_mut() {
            let Some(url) = self.url(doc) else { continue };
            match local_signature(self.store, &url) {
                Some(signature) => doc.source = signature.max(1),
                None => self.fill(doc),
            }
        }
    }

    /// Reads `doc`'s own document into it: body, author, whole lead.
    /// Called by the index writer from two threads at once.
    pub fn fill(&self, doc: &mut Doc) {
        let Some(url) = self.url(doc) else { return };
        if !doc.body.is_empty() {
            return;
        }
        self.read.fetch_add(1, Ordering::Relaxed);
        match self.store.read(&url).ok().and_then(|text| read_article(&text)) {
            Some(article) => {
                doc.author = article.author;
                doc.body = article.body;
                if let Some(lead) = article.lead {
                    doc.summary = lead;
                }
            }
            None => {
                self.missing.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

/// What the index takes of an article document.
#[derive(Debug, PartialEq, Eq)]
pub struct Article {
    pub author: String,
    pub body: String,
    pub lead: Option<String>,
}

/// What the index takes of an article document; `None` when it is not one.
pub fn read_article(text: &str) -> Option<Article> {
    #[derive(serde::Deserialize)]
    struct Document<'a> {
        #[serde(borrow)]
        items: Vec<Item<'a>>,
    }
    #[derive(serde::Deserialize)]
    struct Item<'a> {
        #[serde(default, borrow)]
        content_html: Option<Cow<'a, str>>,
        #[serde(default, borrow)]
        content_text: Option<Cow<'a, str>>,
        #[serde(default)]
        summary: Option<String>,
        #[serde(default)]
        authors: Vec<Author>,
        #[serde(default, rename = "_portal")]
        portal: Option<Extension>,
    }
    #[derive(serde::Deserialize)]
    struct Author {
        #[serde(default)]
        name: String,
    }
    #[derive(serde::Deserialize)]
    struct Extension {
        #[serde(default)]
        source: Option<String>,
        #[serde(default)]
        captions: Vec<Caption>,
    }
    #[derive(serde::Deserialize)]
    struct Caption {
        #[serde(default)]
        text: String,
    }
    let document: Document = serde_json::from_str(text).ok()?;
    let item = document.items.into_iter().next()?;
    let mut body = match (&item.content_html, &item.content_text) {
        (Some(html), _) => html_text(html),
        (None, Some(text)) => text.to_string(),
        (None, None) => String::new(),
    };
    let mut author: Vec<String> = item.authors.into_iter().map(|a| a.name).filter(|n| !n.is_empty()).collect();
    if let Some(extension) = item.portal {
        if let Some(source) = extension.source.filter(|s| !author.contains(s)) {
            author.push(source);
        }
        // Captions the body does not already hold (a CMS may keep them apart).
        for caption in extension.captions {
            if !caption.text.is_empty() && !body.contains(&caption.text) {
                body.push('\n');
                body.push_str(&caption.text);
            }
        }
    }
    Some(Article { author: author.join("\n"), body, lead: item.summary.filter(|s| !s.is_empty()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_document_gives_its_author_source_captions_and_body() {
        let text = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","title":"T",
            "content_html":"<p>Thân bài</p>","authors":[{"name":"Hải Yến"}],
            "_portal":{"source":"Theo Báo Quảng Trị","captions":[{"image":"a.svg","text":"Chú thích riêng"}]}}]}"#;
        let article = read_article(text).unwrap();
        assert_eq!(article.author, "Hải Yến\nTheo Báo Quảng Trị");
        assert_eq!(article.body, "Thân bài\n\nChú thích riêng");
        assert_eq!(article.lead, None);
        let with_lead = text.replace("\"content_html\"", "\"summary\":\"Sa pô đầy đủ\",\"content_html\"");
        assert_eq!(read_article(&with_lead).unwrap().lead.as_deref(), Some("Sa pô đầy đủ"));
        assert_eq!(read_article("{}"), None);
        assert_eq!(read_article("not json"), None);
    }
}

#[cfg(test)]
#[path = "search_sample_tests.rs"]
mod sample_tests;
