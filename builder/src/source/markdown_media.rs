//! The photos and files of a body: media paths resolved from the article
//! file, images sized from their files, and a photo alone in its paragraph
//! drawn as a figure with its title as the caption (content-sources.md).

use super::markdown::Walk;
use super::media::{image_size, is_media_reference, resolve, Media};
use pulldown_cmark::{Event, Tag};
use std::ops::Range;

impl Walk<'_, '_> {
    /// A media file's URL from the article document, or `None` (reported).
    pub(super) fn media_url(&mut self, reference: &str, offset: usize) -> Option<String> {
        match resolve(reference, self.source.from_dir, self.source.content_dir) {
            Ok(media) => {
                let url = format!("../{}", media.path);
                self.body.media.push(media.path);
                Some(url)
            }
            Err(why) => {
                self.problem(offset, why);
                None
            }
        }
    }

    /// `<img …>` with its size; `None` when the image cannot be used.
    fn image(&mut self, events: &[(Event<'_>, Range<usize>)], offset: usize) -> Option<(String, String)> {
        let Event::Start(Tag::Image { dest_url, title, .. }) = &events[0].0 else { return None };
        let alt = alt_text(&events[1..]);
        if alt.trim().is_empty() {
            self.warn(offset, "an image without alt text (the words in ![…]): readers of screen readers miss it");
        }
        if !is_media_reference(dest_url) || dest_url.starts_with('/') && !dest_url.starts_with("/anh/") {
            self.problem(offset, format!("an image must be a photo under /anh/, not \"{dest_url}\""));
            return None;
        }
        let url = self.media_url(dest_url, offset)?;
        let path = self.body.media.last().cloned().unwrap_or_default();
        let media = Media { path };
        let (width, height) = match image_size(self.source.content_dir, &media) {
            Ok(size) => size,
            Err(why) => {
                self.problem(offset, why);
                return None;
            }
        };
        let (width, height) = (width.to_string(), height.to_string());
        self.out.open("img", &[("src", &url), ("width", &width), ("height", &height), ("alt", &alt)]);
        Some((url, title.trim().to_string()))
    }

    pub(super) fn inline_image(&mut self, events: &[(Event<'_>, Range<usize>)], offset: usize) {
        self.image(events, offset);
    }

    /// A photo alone in its paragraph: a figure, its title the caption.
    pub(super) fn figure(&mut self, events: &[(Event<'_>, Range<usize>)], offset: usize) {
        self.out.open("figure", &[]);
        if let Some((url, caption)) = self.image(events, offset) {
            if !caption.is_empty() {
                self.out.open("figcaption", &[]);
                self.out.text(&caption);
                self.out.close("figcaption");
                self.body.captions.push((url, caption));
            }
        }
        self.out.close("figure");
    }
}

fn alt_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut alt = String::new();
    for (event, _) in events {
        match event {
            Event::Text(text) | Event::Code(text) => alt.push_str(text),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    alt
}
