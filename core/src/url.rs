//! Resolving the relative URLs that documents carry against the document's own
//! URL, the way a browser resolves a link (RFC 3986, the cases feeds use).

/// Resolves `reference` against the absolute or root-relative URL `base`.
///
/// Handles absolute URLs (kept), scheme-relative (`//host/x`), root-relative
/// (`/x`), query-only (`?page=2`) and path-relative (`2.json`, `../tin/1.json`).
pub fn resolve(base: &str, reference: &str) -> String {
    let reference = reference.trim();
    if has_scheme(reference) {
        return reference.to_string();
    }
    let (origin, base_path) = split_origin(base);
    if let Some(rest) = reference.strip_prefix("//") {
        let scheme = base.split_once(':').map(|(s, _)| s).unwrap_or("https");
        return format!("{scheme}://{rest}");
    }
    let base_path = base_path.split(['?', '#']).next().unwrap_or("");
    if reference.is_empty() {
        return base.to_string();
    }
    if reference.starts_with('?') || reference.starts_with('#') {
        return format!("{origin}{base_path}{reference}");
    }
    let joined = if reference.starts_with('/') {
        reference.to_string()
    } else {
        let directory = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
        format!("{directory}{reference}")
    };
    format!("{origin}{}", remove_dot_segments(&joined))
}

/// Percent-encodes every byte of `text` but ASCII letters, digits and the
/// bytes in `keep` (UTF-8 letters become their bytes: "Đ" → "%C4%90").
pub fn percent_encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || keep.contains(&byte) {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
            out.push(char::from(HEX_DIGITS[usize::from(byte & 0x0F)]));
        }
    }
    out
}

const HEX_DIGITS: &[u8; 16] = b"0123456789ABCDEF";

/// Whether `text` starts with a URL scheme such as `https:`.
pub fn has_scheme(text: &str) -> bool {
    match text.split_once(':') {
        Some((scheme, _)) => {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// "https://host:8080/a/b" → ("https://host:8080", "/a/b"); "/a/b" → ("", "/a/b").
pub fn split_origin(url: &str) -> (&str, &str) {
    if let Some(scheme_end) = url.find("://") {
        let after = scheme_end + 3;
        let path_start = url[after..].find(['/', '?', '#']).map_or(url.len(), |i| after + i);
        (&url[..path_start], &url[path_start..])
    } else {
        ("", url)
    }
}

/// Applies `.` and `..` segments, keeping any query and fragment as they are.
fn remove_dot_segments(path: &str) -> String {
    let (path, tail) = match path.find(['?', '#']) {
        Some(i) => path.split_at(i),
        None => (path, ""),
    };
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').collect();
    for (index, segment) in parts.iter().enumerate() {
        let last = index + 1 == parts.len();
        match *segment {
            "." => {
                if last {
                    segments.push("");
                }
            }
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
                if last {
                    segments.push("");
                }
            }
            other => segments.push(other),
        }
    }
    format!("{}{tail}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::resolve;

    const BASE: &str = "https://example.vn/portal/data/news/latest/1.json";

    #[test]
    fn relative_paths_resolve_against_the_document() {
        assert_eq!(resolve(BASE, "2.json"), "https://example.vn/portal/data/news/latest/2.json");
        assert_eq!(resolve(BASE, "../tin/1019.json"), "https://example.vn/portal/data/news/tin/1019.json");
        assert_eq!(resolve(BASE, "./a/./b.png"), "https://example.vn/portal/data/news/latest/a/b.png");
        assert_eq!(resolve(BASE, "/x.json"), "https://example.vn/x.json");
        assert_eq!(resolve(BASE, "?page=2"), "https://example.vn/portal/data/news/latest/1.json?page=2");
    }

    #[test]
    fn absolute_and_scheme_relative_urls_are_kept() {
        assert_eq!(resolve(BASE, "https://cdn.vn/a.json"), "https://cdn.vn/a.json");
        assert_eq!(resolve(BASE, "//cdn.vn/a.json"), "https://cdn.vn/a.json");
        assert_eq!(resolve(BASE, "mailto:a@b.vn"), "mailto:a@b.vn");
    }

    #[test]
    fn root_relative_bases_work_too() {
        assert_eq!(resolve("/portal/", "data/config.json"), "/portal/data/config.json");
        assert_eq!(resolve("/portal/data/a/1.json", "../../b.json"), "/portal/b.json");
        assert_eq!(resolve("/", "../../b.json"), "/b.json");
    }

    #[test]
    fn too_many_parent_segments_stop_at_the_root() {
        assert_eq!(resolve("https://h.vn/a/b.json", "../../../c.json"), "https://h.vn/c.json");
    }
}
