//! A minimal PDF writer: one or more A4 pages of plain text in Helvetica,
//! enough for the sample registries' attachments to be real PDFs that a
//! browser's own viewer opens.
//!
//! Why not a PDF crate: the sample needs a page of text, and this is 100
//! lines of the PDF 1.4 file structure (objects, a content stream, the
//! cross-reference table) that a reader can check against the
//! specification; a crate (printpdf, lopdf) brings fonts, images and
//! dozens of dependencies for nothing the sample uses.
//!
//! The standard fonts have no Vietnamese letters beyond Latin-1, and a PDF
//! that embeds a font is far beyond this: Vietnamese text is written
//! without its diacritics ("Ke hoach so 65/KH-UBND"). The pages say they
//! are samples; a department's real PDFs are uploaded, never generated.

use portal_core::text::letter;

const PAGE_WIDTH: u32 = 595;
const PAGE_HEIGHT: u32 = 842;
const LINES_PER_PAGE: usize = 46;
const MARGIN: u32 = 64;

/// A PDF whose pages show `lines` in order (a title first, at 16 pt);
/// `title` also goes into the document's information.
pub fn text_pdf(title: &str, lines: &[String]) -> Vec<u8> {
    let pages: Vec<&[String]> = if lines.is_empty() { vec![&[]] } else { lines.chunks(LINES_PER_PAGE).collect() };
    // Objects: 1 catalog, 2 page tree, 3 font, 4 info, then per page its
    // page object and its content stream.
    let mut objects: Vec<Vec<u8>> = Vec::new();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..pages.len()).map(|n| format!("{} 0 R", 5 + 2 * n)).collect();
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()).into_bytes());
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec());
    let mut info = b"<< /Producer (portal-builder) /Title ".to_vec();
    info.extend(pdf_string(title));
    info.extend(b" >>");
    objects.push(info);
    for (index, page_lines) in pages.iter().enumerate() {
        let content = content_stream(page_lines, index == 0);
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
                 /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                6 + 2 * index
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend(content);
        stream.extend(b"\nendstream");
        objects.push(stream);
    }
    // No binary comment after the header: the file is all ASCII (the text
    // is WinAnsi printable ASCII), so it reads as text everywhere, and the
    // specification asks for that line only when there is binary data.
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (index, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", index + 1).into_bytes());
        pdf.extend(object);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        // Each entry is exactly 20 bytes, its line end included.
        pdf.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .into_bytes(),
    );
    pdf
}

/// The text operators of one page: the first line of the first page larger.
fn content_stream(lines: &[String], first_page: bool) -> Vec<u8> {
    let mut out = format!("BT\n/F1 11 Tf\n15 TL\n{MARGIN} {} Td\n", PAGE_HEIGHT - MARGIN).into_bytes();
    for (index, line) in lines.iter().enumerate() {
        let heading = first_page && index == 0;
        if heading {
            out.extend(b"/F1 16 Tf\n");
        }
        out.extend(pdf_string(line));
        out.extend(b" Tj T*\n");
        if heading {
            out.extend(b"/F1 11 Tf T*\n");
        }
    }
    out.extend(b"ET");
    out
}

/// `(text)` in WinAnsi: Vietnamese letters lose their diacritics (keeping
/// their case), anything else outside printable ASCII becomes `?`, and
/// `\`, `(` and `)` are escaped.
fn pdf_string(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        let plain = match c {
            ' '..='~' => c,
            '–' | '—' => '-',
            _ => match letter(c) {
                Some(found) if found.upper => found.folded.to_ascii_uppercase(),
                Some(found) => found.folded,
                None => '?',
            },
        };
        if matches!(plain, '\\' | '(' | ')') {
            out.push(b'\\');
        }
        out.push(plain as u8);
    }
    out.push(b')');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where `needle` starts in `bytes`.
    fn find(bytes: &[u8], needle: &str) -> usize {
        bytes.windows(needle.len()).position(|w| w == needle.as_bytes()).unwrap_or_else(|| panic!("no {needle}"))
    }

    #[test]
    fn the_cross_reference_table_points_at_every_object() {
        let lines: Vec<String> = (0..60).map(|n| format!("Dòng {n} (mẫu) \\ Đ")).collect();
        let pdf = text_pdf("Kế hoạch số 65/KH-UBND", &lines);
        assert!(pdf.starts_with(b"%PDF-1.4\n") && pdf.ends_with(b"%%EOF\n"));
        assert!(pdf.is_ascii(), "a text PDF is plain ASCII");
        let after = find(&pdf, "startxref\n") + 10;
        let end = after + pdf[after..].iter().position(|b| *b == b'\n').unwrap();
        let xref: usize = std::str::from_utf8(&pdf[after..end]).unwrap().parse().unwrap();
        assert!(pdf[xref..].starts_with(b"xref\n0 9\n"), "two pages: 4 + 2×2 objects");
        let table = std::str::from_utf8(&pdf[xref..]).unwrap();
        for (index, entry) in table.lines().skip(3).take(8).enumerate() {
            let offset: usize = entry[..10].parse().unwrap();
            assert!(pdf[offset..].starts_with(format!("{} 0 obj", index + 1).as_bytes()), "object {}", index + 1);
        }
        find(&pdf, "(Dong 0 \\(mau\\) \\\\ D) Tj");
        find(&pdf, "/Title (Ke hoach so 65/KH-UBND)");
    }

    #[test]
    fn each_stream_length_is_its_byte_count() {
        let pdf = text_pdf("T", &["a".into()]);
        let at = find(&pdf, "/Length ") + 8;
        let digits = pdf[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        let length: usize = std::str::from_utf8(&pdf[at..at + digits]).unwrap().parse().unwrap();
        let start = find(&pdf, "stream\n") + 7;
        assert_eq!(&pdf[start + length..start + length + 10], b"\nendstream");
    }
}
