//! The text a reader reads in an article's HTML body, for search: the
//! prerender indexes it, and the search worker takes its snippets from it.
//! Not an HTML parser (the builder writes well-formed HTML, and a stray
//! `<` only costs a word), so that the worker's wasm carries no parser.

/// Tags inside a word: they never split it ("Kế<b>hoạch</b>" is rare, but
/// "<b>65</b>/KH" is one number).
const INLINE: &[&str] =
    &["a", "abbr", "b", "code", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"];

/// The text a reader reads in `html`: every text node, entities decoded,
/// a line break between blocks (paragraphs, cells, captions, list items),
/// the contents of `script` and `style` left out. Not an HTML parser: the
/// builder writes well-formed HTML, and a stray `<` only costs a word.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        decode_into(&mut out, &rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[..close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[close + 1..];
        if !tag.starts_with('/') && (name == "script" || name == "style") {
            let end = format!("</{name}");
            rest = rest.find(&end).map_or("", |at| &rest[at..]);
            continue;
        }
        if !INLINE.contains(&name.as_str()) && !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
    }
    decode_into(&mut out, rest);
    out
}

/// `text` with its character references decoded, onto `out`.
fn decode_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&end| end <= 10);
        let decoded = end.and_then(|end| {
            let name = &after[..end];
            let named = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => None,
            };
            named.or_else(|| {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            })
        });
        match (decoded, end) {
            (Some(c), Some(end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_of_a_body_keeps_words_whole_and_blocks_apart() {
        let html = "<figure><img src=\"a.svg\" alt=\"ảnh\"><figcaption>Đồng chí Lê Quang Vịnh</figcaption></figure>\
                    <p>Kế hoạch số <a href=\"x\">65</a>/KH-UBND &amp; TTHC&nbsp;năm 2023&#46;</p>\
                    <table><tr><td>Trung tâm</td><td>phục vụ</td></tr></table><script>var x = 1;</script><p>hết</p>";
        assert_eq!(
            html_text(html),
            "Đồng chí Lê Quang Vịnh\nKế hoạch số 65/KH-UBND & TTHC năm 2023.\nTrung tâm\nphục vụ\nhết\n"
        );
        assert_eq!(html_text("a &bogus; b & c <p"), "a &bogus; b & c ");
    }
}
