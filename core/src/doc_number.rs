//! Numbers and codes of official documents and tasks ("65/KH-UBND",
//! "42/2022/NĐ-CP", "ĐTKH.01-2023"): one folded key however they are typed,
//! and finding them in running text.
//!
//! Shared by the legal documents registry (số ký hiệu) and the tasks
//! registry (mã số): a reader types "65 kh ubnd", "65/kh" or "65/KH-UBND"
//! and means the same document; an article's text names "Kế hoạch số
//! 65/KH-UBND" and the builder links it.

use super::slug::slugify;

/// The folded key of a number: lower case, no accents, `đ` → `d`, and every
/// run of other characters (`/`, `-`, `.`, spaces) one hyphen:
/// "65/KH-UBND" → "65-kh-ubnd". It is the portal's slug, so a number folds
/// as a title does.
pub fn fold_number(text: &str) -> String {
    slugify(text)
}

/// Whether the number `number` is what a reader typed as `query`: the same
/// folded key, or one that starts with the query's key, the query's last
/// piece possibly cut short ("65/kh" and "65/k" find "65/KH-UBND"; "6"
/// finds every number starting with 6, as a reader still typing expects).
/// A query without any letter or digit finds nothing.
pub fn number_matches(query: &str, number: &str) -> bool {
    let query = fold_number(query);
    !query.is_empty() && fold_number(number).starts_with(&query)
}

/// Whether `query` looks like a document number rather than words: it has
/// a digit and a `/` or `-` between letters or digits ("65/KH", "65-kh").
pub fn looks_like_number(query: &str) -> bool {
    query.bytes().any(|b| b.is_ascii_digit()) && query.trim().contains(['/', '-'])
}

/// The document numbers written in `text`, each with its byte range, in
/// order: a run of digits, `/`, then letters (upper case, as numbers are
/// written), digits, `/`, `-` and `.`, ending on a letter or digit, with at
/// least one upper-case letter ("65/KH-UBND", "42/2022/NĐ-CP",
/// "1234/QĐ-SKHCN"). "3/2023" (a date) and "1/2" are not numbers.
pub fn numbers_in_text(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let part = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, 'Đ' | '/' | '-' | '.');
    let mut index = 0;
    while index < chars.len() {
        let (start, c) = chars[index];
        // A number starts with a digit that does not continue a word.
        let starts_word = index == 0 || !chars[index - 1].1.is_alphanumeric();
        if !c.is_ascii_digit() || !starts_word {
            index += 1;
            continue;
        }
        let mut end_index = index;
        while end_index < chars.len() && part(chars[end_index].1) {
            end_index += 1;
        }
        // Ends on a letter or digit ("65/KH-UBND." keeps its full stop out).
        let mut last = end_index;
        while last > index && matches!(chars[last - 1].1, '/' | '-' | '.') {
            last -= 1;
        }
        let end = chars.get(last).map_or(text.len(), |(at, _)| *at);
        let candidate = &text[start..end];
        let followed_by_letter = chars.get(end_index).is_some_and(|(_, c)| c.is_alphanumeric());
        let has_slash = candidate.contains('/');
        let has_letter = candidate.chars().any(|c| c.is_ascii_uppercase() || c == 'Đ');
        if has_slash && has_letter && !followed_by_letter {
            found.push((start..end, candidate));
        }
        index = end_index.max(index + 1);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_folds_alike_however_it_is_typed() {
        assert_eq!(fold_number("65/KH-UBND"), "65-kh-ubnd");
        assert_eq!(fold_number("65 kh ubnd"), "65-kh-ubnd");
        assert_eq!(fold_number(" 65 / Kh - Ubnd "), "65-kh-ubnd");
        assert_eq!(fold_number("42/2022/NĐ-CP"), "42-2022-nd-cp");
        assert_eq!(fold_number("42/2022/nđ-cp"), "42-2022-nd-cp");
    }

    #[test]
    fn a_query_finds_the_number_it_starts() {
        for query in ["65/KH-UBND", "65 kh ubnd", "65/kh", "65-KH", "65/k", "65 KH UBND "] {
            assert!(number_matches(query, "65/KH-UBND"), "{query}");
        }
        for query in ["66/KH", "65/QĐ", "kh-ubnd", "", " / "] {
            assert!(!number_matches(query, "65/KH-UBND"), "{query}");
        }
        assert!(number_matches("42/2022/nd", "42/2022/NĐ-CP"));
    }

    #[test]
    fn numbers_are_found_in_running_text() {
        let text = "Thực hiện Kế hoạch số 65/KH-UBND ngày 28/3/2023 của UBND tỉnh và Nghị định 42/2022/NĐ-CP.";
        let found: Vec<&str> = numbers_in_text(text).into_iter().map(|(_, number)| number).collect();
        assert_eq!(found, ["65/KH-UBND", "42/2022/NĐ-CP"]);
        let (range, _) = &numbers_in_text(text)[0];
        assert_eq!(&text[range.clone()], "65/KH-UBND");
    }

    #[test]
    fn dates_fractions_and_words_are_not_numbers() {
        for text in ["ngày 28/3/2023", "tỷ lệ 1/2", "mã A65/KH-UBND", "65/kh-ubnd viết thường", "65/KH-UBNDx"]
        {
            assert!(numbers_in_text(text).is_empty(), "{text}");
        }
        assert!(looks_like_number("65/kh") && looks_like_number("65-KH-UBND"));
        assert!(!looks_like_number("kế hoạch") && !looks_like_number("2023"));
    }
}
