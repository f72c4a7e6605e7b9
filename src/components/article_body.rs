//! The article body: feed HTML, sanitised, then placed in the page.

use leptos::prelude::*;

/// The body of an article. Only what the sanitiser rebuilds reaches the page.
#[cfg(not(feature = "ssr"))]
#[component]
pub fn ArticleBody(html: String, document_url: String) -> impl IntoView {
    use crate::sanitize::sanitize;
    use leptos::html::Div;
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

/// Sanitises article HTML natively, for the prerender: `(html, document_url)`
/// to safe markup. The prerender provides it, since the HTML parser it needs
/// must never enter the wasm.
#[derive(Clone)]
pub struct NativeSanitizer(pub std::sync::Arc<SanitizeFn>);

/// `(html, document_url)` → safe markup.
pub type SanitizeFn = dyn Fn(&str, &str) -> String + Send + Sync;

/// The body of an article, sanitised natively by the same allow-list.
#[cfg(feature = "ssr")]
#[component]
pub fn ArticleBody(html: String, document_url: String) -> impl IntoView {
    let sanitizer = expect_context::<NativeSanitizer>();
    let safe = (sanitizer.0)(&html, &document_url);
    view! { <div class="article-body" inner_html=safe></div> }
}
