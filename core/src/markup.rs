//! Small pieces of HTML built as strings, for the few lists drawn with
//! `inner_html` (a view per row costs kilobytes of wasm; see the navigation
//! and the page list).

/// Text made safe inside HTML and its attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(escape(r#"KH&CN <b>"x"</b>"#), "KH&amp;CN &lt;b&gt;&quot;x&quot;&lt;/b&gt;");
        assert_eq!(escape("Tin tức"), "Tin tức");
    }
}
