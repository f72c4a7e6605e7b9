//! A file a registry entry carries (a legal document's signed PDF, a task's
//! final report): its name as the office wrote it, and its size and type
//! as the file itself says, so that what the page announces ("PDF, 12,3
//! KB") is what the reader downloads. Shared by every registry.

use serde::Serialize;
use std::path::Path;

/// What the documents say about one attached file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct FileFacts {
    /// Its path from `content/` and under the data folder ("tep/van-ban/65-kh-ubnd.pdf").
    pub path: String,
    pub name: String,
    pub size: u64,
    pub mime: String,
}

/// The media type of each kind of attachment content-sources.md allows,
/// with the bytes a file of that kind starts with.
const KINDS: [(&str, &str, &[u8]); 7] = [
    ("pdf", "application/pdf", b"%PDF-"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    ("odt", "application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    ("zip", "application/zip", b"PK\x03\x04"),
    ("doc", "application/msword", b"\xD0\xCF\x11\xE0"),
    ("xls", "application/vnd.ms-excel", b"\xD0\xCF\x11\xE0"),
];

/// Reads the size and type of `content/<path>`: the type from its
/// extension, checked against the file's first bytes (a Word file renamed
/// `.pdf` would open as a broken PDF in the reader's viewer).
pub fn read_file_facts(content_dir: &Path, path: &str, name: String) -> Result<FileFacts, String> {
    let extension = path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    let Some((_, mime, magic)) = KINDS.iter().find(|(ext, ..)| *ext == extension) else {
        return Err(format!("content/{path}: attachments are PDF, DOC(X), XLS(X), ODT or ZIP files"));
    };
    let bytes = std::fs::read(content_dir.join(path)).map_err(|error| format!("content/{path}: {error}"))?;
    if !bytes.starts_with(magic) {
        return Err(format!("content/{path}: not a .{extension} file (its first bytes say otherwise)"));
    }
    let name = if name.is_empty() { path.rsplit('/').next().unwrap_or(path).to_string() } else { name };
    Ok(FileFacts { path: path.to_string(), name, size: bytes.len() as u64, mime: (*mime).to_string() })
}

/// An attachment as a document carries it (core::attachment reads it).
#[derive(Serialize)]
pub struct AttachmentDoc<'a> {
    pub name: &'a str,
    /// Relative to the document that carries it.
    pub url: String,
    pub size: u64,
    #[serde(rename = "type")]
    pub mime: &'a str,
}

impl FileFacts {
    /// As the document at `document_path` (from the site root) carries it.
    pub fn doc(&self, document_path: &str, data_dir: &str) -> AttachmentDoc<'_> {
        let url = crate::paths::relative(document_path, &format!("{data_dir}/{}", self.path));
        AttachmentDoc { name: &self.name, url, size: self.size, mime: &self.mime }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::media::tempdir::TempContent;

    #[test]
    fn size_and_type_come_from_the_file() {
        let dir = TempContent::new();
        dir.write("tep/a.pdf", b"%PDF-1.4\n...");
        dir.write("tep/b.pdf", b"PK\x03\x04 a zip");
        dir.write("tep/c.exe", b"MZ");
        let facts = read_file_facts(dir.path(), "tep/a.pdf", String::new()).unwrap();
        assert_eq!((facts.size, facts.mime.as_str(), facts.name.as_str()), (12, "application/pdf", "a.pdf"));
        assert!(read_file_facts(dir.path(), "tep/b.pdf", "B".into()).unwrap_err().contains("not a .pdf"));
        assert!(read_file_facts(dir.path(), "tep/c.exe", "C".into()).unwrap_err().contains("attachments are"));
    }
}
