//! Slugs: the unaccented, lower-case, hyphenated form of a Vietnamese title.
//!
//! The portal's URLs carry a slug after the article id (`/tin/1019/doan-kiem-tra-...`),
//! so that a link read aloud or pasted in a chat still says what it points to.

use super::text::vietnamese_base;

/// Turns a Vietnamese title into a URL slug: `Đoàn Kiểm tra` → `doan-kiem-tra`.
///
/// Every run of characters that is not an ASCII letter or digit after the accents
/// are removed becomes one hyphen; there is none at either end.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    let mut pending_hyphen = false;
    // No `char::to_lowercase`: its Unicode tables would cost the wasm bundle
    // kilobytes, and `unaccent` knows both cases of every letter it keeps.
    for ch in title.chars() {
        if is_combining_mark(ch) {
            // Decomposed text: the mark belongs to the letter before it.
            continue;
        }
        match unaccent(ch) {
            Some(base) => {
                if pending_hyphen && !slug.is_empty() {
                    slug.push('-');
                }
                pending_hyphen = false;
                slug.push(base);
            }
            None => pending_hyphen = true,
        }
    }
    slug
}

/// The lower-case ASCII base letter of a Latin or Vietnamese letter (either
/// case), or `None` for anything else (spaces, punctuation, symbols).
pub fn unaccent(ch: char) -> Option<char> {
    if ch.is_ascii_alphanumeric() {
        return Some(ch.to_ascii_lowercase());
    }
    // Decomposed input (base letter + combining marks) needs no table:
    // `slugify` skips the marks.
    vietnamese_base(ch)
}

/// Whether `ch` is a combining diacritical mark (U+0300–U+036F), as found in
/// decomposed (NFD) text typed on some keyboards.
pub fn is_combining_mark(ch: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_title_gives_the_expected_slug() {
        assert_eq!(
            slugify("Đoàn Kiểm tra Công tác cải cách hành chính năm 2023"),
            "doan-kiem-tra-cong-tac-cai-cach-hanh-chinh-nam-2023"
        );
    }

    #[test]
    fn every_vietnamese_vowel_and_d_lose_their_marks() {
        assert_eq!(slugify("ĂÂÊÔƠƯĐ ăâêôơưđ"), "aaeooud-aaeooud");
        assert_eq!(slugify("Ỷ Ỹ ỵ"), "y-y-y");
        assert_eq!(slugify("ẮẰẲẴẶ ẾỀỂỄỆ ỐỒỔỖỘ ỚỜỞỠỢ ỨỪỬỮỰ"), "aaaaa-eeeee-ooooo-ooooo-uuuuu");
        assert_eq!(slugify("Khoa học, Công nghệ & Đổi mới"), "khoa-hoc-cong-nghe-doi-moi");
    }

    #[test]
    fn punctuation_runs_collapse_and_ends_are_trimmed() {
        assert_eq!(slugify("  –KH&CN: số 5/2016!  "), "kh-cn-so-5-2016");
        assert_eq!(slugify(""), "");
        assert_eq!(slugify("— … —"), "");
    }

    #[test]
    fn decomposed_input_still_folds() {
        // "Sở" written as S + o + combining horn + combining grave.
        assert_eq!(slugify("So\u{031B}\u{0300} KH"), "so-kh");
        assert_eq!(slugify("Đo\u{0300}an"), "doan");
    }

    /// Slugs and search read letters from one table: every letter search
    /// sees a diacritic on is one a slug keeps, as the letter search folds it
    /// to, and a slug keeps no other character outside ASCII.
    #[test]
    fn slugs_unaccent_as_search_folds() {
        let mut vietnamese = 0;
        for code in 0x80..0x2000u32 {
            let Some(ch) = char::from_u32(code) else { continue };
            let letter = crate::text::letter(ch);
            let marked = letter.is_some_and(|l| l.tone != crate::text::TONE_NONE || l.marked != l.folded);
            vietnamese += usize::from(marked);
            if marked || unaccent(ch).is_some() {
                assert_eq!(unaccent(ch), letter.map(|l| l.folded), "{ch}");
            }
        }
        // 12 vowels with 5 tones, 5 more with a quality mark, đ: 67 a case.
        assert_eq!(vietnamese, 134);
        assert_eq!(unaccent('Ự'), Some('u'));
        assert_eq!(unaccent('Ω'), None);
    }
}
