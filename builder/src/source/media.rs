//! Photos and attachments named by the sources (content-sources.md, "Media
//! paths"): `/anh/x.jpg` from `content/`, or a path relative to the file
//! that names it. Each must stay inside `content/anh/` or `content/tep/`,
//! have a name every host serves, and exist.

use std::path::Path;

/// A media file as the sources name it, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Media {
    /// Its path from `content/` ("anh/1019-1.svg"); also its path under `data/`.
    pub path: String,
}

/// Resolves `reference` as written in a file that lies in `from_dir` (a
/// folder from `content/`, "tin/2023"). `Err` says what is wrong, for the
/// office.
pub fn resolve(reference: &str, from_dir: &str, content_dir: &Path) -> Result<Media, String> {
    let joined = match reference.strip_prefix('/') {
        Some(rooted) => rooted.to_string(),
        None => format!("{from_dir}/{reference}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or_else(|| format!("\"{reference}\" leaves the content folder"))?;
            }
            _ => parts.push(part),
        }
    }
    if !matches!(parts.first(), Some(&"anh") | Some(&"tep")) || parts.len() < 2 {
        return Err(format!("\"{reference}\" is not under /anh/ or /tep/, where photos and attachments live"));
    }
    if let Some(bad) = parts.iter().find(|part| !portable_name(part)) {
        return Err(format!(
            "\"{bad}\" in \"{reference}\": file names use only a-z, 0-9, '-', '_' and '.' (rename the file)"
        ));
    }
    let path = parts.join("/");
    if !content_dir.join(&path).is_file() {
        return Err(format!("missing file: content/{path} does not exist"));
    }
    Ok(Media { path })
}

/// Lower-case ASCII letters, digits, `-`, `_`, `.`, and not hidden.
fn portable_name(name: &str) -> bool {
    !name.starts_with('.')
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
}

/// Whether `reference` names a media file rather than a page or another site.
pub fn is_media_reference(reference: &str) -> bool {
    let lower = reference.to_ascii_lowercase();
    if lower.contains(':') || lower.starts_with("//") || lower.starts_with('#') || lower.starts_with('?') {
        return false;
    }
    // `/tin/1019/...` is a page of the portal; only `/anh/` and `/tep/` are files.
    !lower.starts_with('/') || lower.starts_with("/anh/") || lower.starts_with("/tep/")
}

/// A photo's width and height, read from the file (JPEG, PNG, WebP, GIF, SVG).
pub fn image_size(content_dir: &Path, media: &Media) -> Result<(u32, u32), String> {
    let full = content_dir.join(&media.path);
    if media.path.ends_with(".svg") {
        let text = std::fs::read_to_string(&full).map_err(|e| format!("content/{}: {e}", media.path))?;
        return super::svg_check::checked_size(&text).map_err(|why| format!("content/{}: {why}", media.path));
    }
    let size =
        imagesize::size(&full).map_err(|_| format!("content/{}: not a JPEG, PNG, WebP or GIF image", media.path))?;
    let dimension = |value: usize| u32::try_from(value).ok().filter(|v| *v > 0);
    match (dimension(size.width), dimension(size.height)) {
        (Some(width), Some(height)) => Ok((width, height)),
        _ => Err(format!("content/{}: the image has no size", media.path)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> tempdir::TempContent {
        let dir = tempdir::TempContent::new();
        dir.write("anh/a-1.jpg", b"x");
        dir.write("tep/giay-moi.pdf", b"x");
        dir
    }

    #[test]
    fn rooted_and_relative_paths_resolve_inside_content() {
        let dir = content();
        assert_eq!(resolve("/anh/a-1.jpg", "tin/2023", dir.path()).unwrap().path, "anh/a-1.jpg");
        assert_eq!(resolve("../../anh/a-1.jpg", "tin/2023", dir.path()).unwrap().path, "anh/a-1.jpg");
        assert_eq!(resolve("/tep/giay-moi.pdf", "lich-cong-tac", dir.path()).unwrap().path, "tep/giay-moi.pdf");
    }

    #[test]
    fn escapes_odd_names_other_folders_and_missing_files_are_refused() {
        let dir = content();
        assert!(resolve("/../x.jpg", "tin/2023", dir.path()).unwrap_err().contains("leaves"));
        assert!(resolve("/tin/2023/x.md", "tin", dir.path()).unwrap_err().contains("not under"));
        assert!(resolve("/anh/Ảnh 1.jpg", "tin", dir.path()).unwrap_err().contains("file names"));
        assert!(resolve("/anh/khong-co.jpg", "tin", dir.path()).unwrap_err().contains("missing file"));
    }

    #[test]
    fn only_anh_and_tep_paths_and_relative_ones_are_media() {
        assert!(is_media_reference("/anh/x.jpg") && is_media_reference("../../tep/a.pdf"));
        for other in ["/tin/1019/x", "https://a.vn/x.jpg", "mailto:a@b.vn", "#muc-1", "//cdn.vn/x"] {
            assert!(!is_media_reference(other), "{other}");
        }
    }
}

/// A throw-away content folder for tests.
#[cfg(test)]
pub mod tempdir {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub struct TempContent(PathBuf);

    impl Default for TempContent {
        fn default() -> TempContent {
            TempContent::new()
        }
    }

    impl TempContent {
        pub fn new() -> TempContent {
            static NEXT: AtomicUsize = AtomicUsize::new(0);
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let dir = std::env::temp_dir().join(format!("portal-builder-{}-{n}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempContent(dir)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }

        pub fn write(&self, path: &str, bytes: &[u8]) {
            let full = self.0.join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, bytes).unwrap();
        }

        /// Reads each of the `count` files of `folder` back, in name order,
        /// with `read`, a builder's own source reader (content folder,
        /// path, path shown, text): a generator's output must pass it.
        pub fn assert_each_reads_back<T, E: std::fmt::Debug>(
            &self,
            folder: &str,
            count: usize,
            read: impl Fn(&Path, &str, &str, &str) -> Result<T, E>,
        ) {
            let mut names: Vec<String> = std::fs::read_dir(self.0.join(folder))
                .unwrap()
                .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            assert_eq!(names.len(), count);
            for name in names {
                let path = format!("{folder}/{name}");
                let text = std::fs::read_to_string(self.0.join(&path)).unwrap();
                let read = read(&self.0, &path, &path, &text);
                assert!(read.is_ok(), "{path}: {:?}\n{text}", read.err());
            }
        }
    }

    impl Drop for TempContent {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
