//! The stand-in picture shipped in place of a photo the sample does not have:
//! it says plainly, in Vietnamese, that it is a stand-in.

/// An SVG of the given size saying "Ảnh minh hoạ thay thế – ảnh gốc của bài viết".
pub fn stand_in_svg(width: u32, height: u32) -> String {
    let (centre_x, centre_y) = (width / 2, height / 2);
    let font = (width / 26).clamp(12, 28);
    format!(
        concat!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="Ảnh minh hoạ thay thế – ảnh gốc của bài viết">"##,
            "\n",
            r##"<rect width="{w}" height="{h}" fill="#e7edf2"/>"##,
            "\n",
            r##"<rect x="8" y="8" width="{iw}" height="{ih}" fill="none" stroke="#8da4b8" stroke-width="2" stroke-dasharray="10 6"/>"##,
            "\n",
            r##"<g font-family="sans-serif" text-anchor="middle" fill="#2f4b63">"##,
            "\n",
            r##"<text x="{cx}" y="{y1}" font-size="{f1}">Ảnh minh hoạ thay thế</text>"##,
            "\n",
            r##"<text x="{cx}" y="{y2}" font-size="{f2}">ảnh gốc của bài viết</text>"##,
            "\n</g>\n</svg>\n"
        ),
        w = width,
        h = height,
        iw = width.saturating_sub(16),
        ih = height.saturating_sub(16),
        cx = centre_x,
        y1 = centre_y.saturating_sub(font / 3),
        y2 = centre_y + font,
        f1 = font,
        f2 = font * 2 / 3,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_in_says_what_it_is_and_stays_small() {
        let svg = stand_in_svg(640, 427);
        assert!(svg.contains(r#"width="640" height="427""#));
        assert!(svg.contains("Ảnh minh hoạ thay thế"));
        assert!(svg.len() < 2048, "{} bytes", svg.len());
    }
}
