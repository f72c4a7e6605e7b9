//! The article body: feed HTML, sanitised, then placed in the page.

use crate::sanitize::sanitize;
use leptos::html::Div;
use leptos::prelude::*;

/// The body of an article. Only what the sanitiser rebuilds reaches the page.
#[component]
pub fn ArticleBody(html: String, document_url: String) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(element) = container.get() {
            let document = document();
            let origin = window().location().origin().unwrap_or_default();
            element.set_text_content(None);
            let _ = element.append_child(&sanitize(&html, &document_url, &document, &origin));
        }
    });
    view! { <div class="article-body" node_ref=container></div> }
}
