//! A file attached to a registry entry (a legal document's PDF, a task's
//! final report): its name, address, size and type, as the builder read
//! them from the file itself. Shared by every registry.

use super::error::DocError;
use super::json::Node;
use super::url::resolve;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// What the link says ("Kế hoạch 65/KH-UBND (bản ký số)").
    pub name: String,
    /// Absolute (resolved against the document that names it).
    pub url: String,
    /// Bytes.
    pub size: u64,
    /// Media type ("application/pdf").
    pub mime: String,
}

impl Attachment {
    /// "PDF", "DOCX", … from the media type, for the download link.
    pub fn type_label(&self) -> &'static str {
        match self.mime.as_str() {
            "application/pdf" => "PDF",
            "application/msword" => "DOC",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "DOCX",
            "application/vnd.ms-excel" => "XLS",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "XLSX",
            "application/vnd.oasis.opendocument.text" => "ODT",
            "application/zip" => "ZIP",
            _ => "Tệp",
        }
    }

    /// Whether the browser's own viewer can show it in the page.
    pub fn is_pdf(&self) -> bool {
        self.mime == "application/pdf"
    }
}

/// Reads `{name, url, size, type}`; `url` resolved against `document_url`.
/// A URL with a scheme must be http(s): a `javascript:` URL never reaches
/// an href. (The scheme is checked as written, not after resolving: the
/// prerender reads documents from the site's folder, not over http.)
pub fn read_attachment(node: Node<'_>, document_url: &str) -> Result<Attachment, DocError> {
    let url = node.with_required("url", |field| {
        let written = field.string()?;
        let written = written.trim();
        let scheme = written.split_once(':').map(|(scheme, _)| scheme).filter(|scheme| !scheme.contains('/'));
        match scheme {
            Some(scheme) if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") => {
                Err(field.invalid("an http(s) or relative URL"))
            }
            _ => Ok(resolve(document_url, written)),
        }
    })?;
    Ok(Attachment {
        name: node.required_string("name")?,
        url,
        size: node.required_unsigned("size")?,
        mime: node.required_string("type")?,
    })
}

/// "812 B", "12,3 KB", "1,4 MB": Vietnamese decimal comma, 1 KB = 1024 B.
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    let (whole, unit) = match bytes {
        b if b < KB => return format!("{b} B"),
        b if b < KB * KB => (b * 10 / KB, "KB"),
        b => (b * 10 / (KB * KB), "MB"),
    };
    match whole % 10 {
        0 => format!("{} {unit}", whole / 10),
        tenth => format!("{},{tenth} {unit}", whole / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_document;

    #[test]
    fn sizes_read_the_vietnamese_way() {
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(2048), "2 KB");
        assert_eq!(human_size(12_595), "12,2 KB");
        assert_eq!(human_size(1_500_000), "1,4 MB");
    }

    #[test]
    fn an_attachment_is_read_and_its_url_resolved() {
        let text = r#"{"name":"Bản ký số","url":"../tep/a.pdf","size":1234,"type":"application/pdf","x":1}"#;
        let value = parse_document("d", text, 1000).unwrap();
        let file = read_attachment(Node::root("d", &value), "https://a.vn/data/van-ban/1.json").unwrap();
        assert_eq!(file.url, "https://a.vn/data/tep/a.pdf");
        assert_eq!((file.size, file.type_label(), file.is_pdf()), (1234, "PDF", true));
        let bad = r#"{"name":"x","url":"javascript:alert(1)","size":1,"type":"application/pdf"}"#;
        let value = parse_document("d", bad, 1000).unwrap();
        assert!(read_attachment(Node::root("d", &value), "https://a.vn/").is_err());
        for bad in ["JavaScript:alert(1)", " data:text/html,x", "vbscript:x"] {
            let text = format!(r#"{{"name":"x","url":"{bad}","size":1,"type":"t"}}"#);
            let value = parse_document("d", &text, 1000).unwrap();
            assert!(read_attachment(Node::root("d", &value), "https://a.vn/").is_err(), "{bad}");
        }
        // Read from the site's folder, as the prerender does.
        let value = parse_document("d", text, 1000).unwrap();
        let file = read_attachment(Node::root("d", &value), "/srv/site/data/van-ban/1.json").unwrap();
        assert_eq!(file.url, "/srv/site/data/tep/a.pdf");
        let missing = parse_document("d", r#"{"name":"x","url":"a.pdf","type":"t"}"#, 1000).unwrap();
        assert!(read_attachment(Node::root("d", &missing), "https://a.vn/").is_err());
    }
}
