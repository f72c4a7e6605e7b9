//! The programme's pages (core::episodes): which there are, and their heads,
//! with schema.org `VideoObject` for each episode. The document's fields the
//! app does not read (air date, duration, summary) are read here, natively.

use crate::head::{script_safe, short_description, PageMeta};
use crate::store::Store;
use portal::context::Portal;
use portal::core::episodes::youtube_embed;
use portal::core::titles::{page_title, TitleOf};
use portal::core::url::resolve;
use serde_json::{json, Value};

/// The programme's heading (src/pages/episodes.rs).
const PROGRAMME: &str = "Chuyên mục KH&CN";

/// Every episode's (id, address), newest first; `None` when the site has
/// no programme document.
pub fn list(store: &Store, url: &str) -> Option<Result<Vec<(String, String)>, String>> {
    let text = match store.read(url) {
        Ok(text) => text,
        Err(portal::core::error::Problem::NotFound) => return None,
        Err(problem) => return Some(Err(format!("{problem:?}"))),
    };
    let parsed = portal::core::episodes::parse_programme("Chuyên mục KH&CN", url, &text).map_err(|e| e.english());
    Some(parsed.map(|programme| programme.episodes.into_iter().map(|episode| (episode.id, episode.path)).collect()))
}

pub fn fill(
    meta: &mut PageMeta,
    id: Option<&str>,
    portal: &Portal,
    store: &Store,
    documents: &[(String, std::rc::Rc<str>)],
) {
    let site = &portal.config.site;
    let url = portal.url(&portal.config.sources.episodes);
    let document: Option<Value> =
        documents.iter().find(|(known, _)| *known == url).and_then(|(_, text)| serde_json::from_str(text).ok());
    let episode = id.and_then(|id| {
        let episodes = document.as_ref()?.get("episodes")?.as_array()?;
        episodes.iter().find(|episode| episode["id"].as_str() == Some(id)).cloned()
    });
    let Some(episode) = episode else {
        meta.title = page_title(TitleOf::Agency(PROGRAMME), &site.short_name);
        meta.description = format!("Các số của {PROGRAMME}, chương trình truyền hình của {}", site.short_name);
        return;
    };
    let text = |key: &str| episode[key].as_str().unwrap_or_default().to_string();
    let heading = format!("{}: {}", text("label"), text("title"));
    meta.title = page_title(TitleOf::Agency(&heading), &site.short_name);
    meta.description = short_description(&match text("summary") {
        summary if summary.is_empty() => heading.clone(),
        summary => summary,
    });
    let absolute = |relative: &str| store.absolute(&resolve(&url, relative));
    meta.image = episode["poster"].as_str().map(absolute);
    let mut video = json!({
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": heading,
        "description": meta.description,
        "uploadDate": text("aired"),
        "inLanguage": "vi",
        "thumbnailUrl": meta.image.iter().collect::<Vec<_>>(),
        "publisher": { "@type": "GovernmentOrganization", "name": site.short_name },
    });
    if let Some(duration) = episode["duration"].as_str() {
        video["duration"] = json!(duration);
    }
    let file = episode["video"]["mp4"].as_str().or(episode["video"]["webm"].as_str());
    if let Some(file) = file {
        video["contentUrl"] = json!(absolute(file));
    }
    if let Some(id) = episode["youtube"].as_str() {
        video["embedUrl"] = json!(youtube_embed(id).replace("?autoplay=1", ""));
    }
    meta.json_ld = Some(script_safe(&video.to_string()));
}
