//! The documents the pages are drawn from, read from the built site's folder
//! at the URLs the app would fetch them from, or, for documents a config.json
//! places on another host (a CMS's own feed), fetched over HTTP(S).

use portal::core::error::Problem;
use portal::core::url::split_origin;
use std::path::{Path, PathBuf};

/// Where the site's files are, and the absolute URL they are served at.
#[derive(Clone)]
pub struct Store {
    pub site_dir: PathBuf,
    /// The site's absolute base URL, ending in '/': "https://skhcn.quangtri.gov.vn/".
    pub base_url: String,
}

impl Store {
    pub fn new(site_dir: PathBuf, base_url: String) -> Store {
        Store { site_dir, base_url }
    }

    /// The site's root as a path ("/" or "/portal/"): what the pages' views
    /// resolve documents against, so every URL they draw is on the host that
    /// serves them, whatever its name (a staging copy, a test server).
    pub fn site_path(&self) -> String {
        split_origin(&self.base_url).1.to_string()
    }

    /// `url` made absolute on the site's host, for Open Graph and JSON-LD.
    pub fn absolute(&self, url: &str) -> String {
        match url.strip_prefix('/') {
            Some(path) => format!("{}/{path}", split_origin(&self.base_url).0),
            None => url.to_string(),
        }
    }

    /// The part of `url` under the site's root, if it lies on this site.
    fn under_site<'a>(&self, url: &'a str) -> Option<&'a str> {
        url.strip_prefix(&self.base_url).or_else(|| url.strip_prefix(&self.site_path()))
    }

    /// The file behind `url`, if it lies on this site.
    pub fn file_of(&self, url: &str) -> Option<PathBuf> {
        let relative = self.under_site(url)?;
        let relative = relative.split(['?', '#']).next().unwrap_or_default();
        let relative = percent_decode(relative);
        if relative.split('/').any(|segment| segment == ".." || segment.starts_with('.')) {
            return None;
        }
        Some(self.site_dir.join(relative))
    }

    /// Reads the document at `url`; a problem in the app's own words when it cannot.
    pub fn read(&self, url: &str) -> Result<String, Problem> {
        match self.file_of(url) {
            Some(file) => read_file(&file),
            None if url.starts_with("https://") || url.starts_with("http://") => fetch(url),
            None => Err(Problem::Network(format!("{url} is neither in the site folder nor an http(s) address"))),
        }
    }

    /// Whether `url` is read from the site folder (its file's size and time
    /// then stand for its content in the manifest).
    pub fn is_local(&self, url: &str) -> bool {
        self.file_of(url).is_some()
    }

    /// `url` relative to the site's base URL, as the page embeds it, or the
    /// URL itself when it lies elsewhere.
    pub fn site_relative<'a>(&self, url: &'a str) -> &'a str {
        self.under_site(url).unwrap_or(url)
    }
}

fn read_file(file: &Path) -> Result<String, Problem> {
    match std::fs::read(file) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| Problem::Network(format!("{} is not UTF-8", file.display()))),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(Problem::NotFound),
        Err(error) => Err(Problem::Network(format!("{}: {error}", file.display()))),
    }
}

/// How long one document may take, as the app's default request time-out.
const FETCH_TIMEOUT_SECONDS: u32 = 15;

/// A document on another host, with the app's size limit and time-out.
fn fetch(url: &str) -> Result<String, Problem> {
    let agent = ureq::Agent::config_builder()
        .timeout_global(Some(std::time::Duration::from_secs(FETCH_TIMEOUT_SECONDS.into())))
        .http_status_as_error(false)
        .build()
        .new_agent();
    let mut response = agent.get(url).call().map_err(|error| match error {
        ureq::Error::Timeout(_) => Problem::Timeout { seconds: FETCH_TIMEOUT_SECONDS },
        other => Problem::Network(format!("{url}: {other}")),
    })?;
    let limit = portal::core::feed::FEED_LIMIT_BYTES;
    let announced = response.headers().get("content-length").and_then(|length| length.to_str().ok());
    if let Some(problem) = Problem::of_answer(response.status().as_u16(), announced, limit) {
        return Err(problem);
    }
    let body = response.body_mut().with_config().limit(limit as u64 + 1).read_to_vec();
    let bytes = body.map_err(|error| Problem::Network(format!("{url}: {error}")))?;
    if bytes.len() > limit {
        return Err(Problem::TooLarge { limit_bytes: limit, actual_bytes: bytes.len() });
    }
    String::from_utf8(bytes).map_err(|_| Problem::Network(format!("{url} is not UTF-8")))
}

/// "%C4%91" → "đ", so an encoded category slug names its folder.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match (bytes[index], hex(index + 1), hex(index + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                index += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        Store { site_dir: PathBuf::from("/srv/site"), base_url: "https://h.vn/portal/".into() }
    }

    #[test]
    fn urls_on_the_site_map_to_files_and_others_do_not() {
        let store = store();
        assert_eq!(
            store.file_of("https://h.vn/portal/data/tin/1.json"),
            Some(PathBuf::from("/srv/site/data/tin/1.json"))
        );
        assert_eq!(
            store.file_of("https://h.vn/portal/data/a%20b.json?x=1"),
            Some(PathBuf::from("/srv/site/data/a b.json"))
        );
        assert_eq!(store.file_of("https://cms.vn/feed.json"), None);
        assert_eq!(store.file_of("https://h.vn/portal/../etc/passwd"), None);
        assert_eq!(store.site_relative("https://h.vn/portal/data/x.json"), "data/x.json");
        assert_eq!(store.file_of("/portal/data/tin/1.json"), Some(PathBuf::from("/srv/site/data/tin/1.json")));
        assert_eq!(store.site_relative("/portal/data/x.json"), "data/x.json");
        assert_eq!(store.site_path(), "/portal/");
        assert_eq!(store.absolute("/portal/data/anh/1.svg"), "https://h.vn/portal/data/anh/1.svg");
    }
}
