//! Links for sharing an article.

/// Percent-encodes a URL for use as a query value.
pub fn encode_query_value(text: &str) -> String {
    super::url::percent_encode(text, b"-_.~")
}

/// Facebook's sharer page for `page_url`.
pub fn facebook_share_url(page_url: &str) -> String {
    format!("https://www.facebook.com/sharer/sharer.php?u={}", encode_query_value(page_url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_urls_are_encoded_whole() {
        assert_eq!(
            facebook_share_url("https://h.vn/tin/1019/doan?trang=2&x=1"),
            "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fh.vn%2Ftin%2F1019%2Fdoan%3Ftrang%3D2%26x%3D1"
        );
        assert_eq!(encode_query_value("Đ"), "%C4%90");
    }
}
