//! Vietnamese text: the one table of its letters, which slugs
//! (`slug::unaccent`) and search share, and text as search sees it: every letter taken apart into its base
//! letter, its vowel-quality mark (ă â ê ô ơ ư, and đ) and its tone, whether
//! it came precomposed (NFC) or as a base letter and combining marks (NFD).
//!
//! Why a table and not the `unicode-normalization` crate: Vietnamese needs 134
//! precomposed letters and 8 combining marks, a few hundred bytes of table;
//! the crate's composition tables are tens of KB of wasm in a worker that
//! should load in one short request. Letters of other scripts are only
//! lower-cased, which is all a Vietnamese portal's search needs of them.
//!
//! Two keys per syllable:
//! - the folded key: lower case, every diacritic gone, đ → d ("Đà" → "da");
//! - the accented key: lower case, vowel-quality marks and đ kept, the tone
//!   moved to one trailing digit, 0 for none ("hòa" and "hoà" → "hoa2",
//!   "thủy" and "thuỷ" → "thuy3", "công" → "công0"): old and new tone
//!   placement give the same key.

/// Tones, as the trailing digit of an accented key.
pub const TONE_NONE: u8 = 0;
pub const TONE_SAC: u8 = 1; // acute
pub const TONE_HUYEN: u8 = 2; // grave
pub const TONE_HOI: u8 = 3; // hook above
pub const TONE_NGA: u8 = 4; // tilde
pub const TONE_NANG: u8 = 5; // dot below

/// Each row: a vowel with its quality mark, then its five toned forms, in
/// tone order (sắc, huyền, hỏi, ngã, nặng); lower case then upper case.
const LOWER: [&str; 12] = [
    "aáàảãạ",
    "ăắằẳẵặ",
    "âấầẩẫậ",
    "eéèẻẽẹ",
    "êếềểễệ",
    "iíìỉĩị",
    "oóòỏõọ",
    "ôốồổỗộ",
    "ơớờởỡợ",
    "uúùủũụ",
    "ưứừửữự",
    "yýỳỷỹỵ",
];
const UPPER: [&str; 12] = [
    "AÁÀẢÃẠ",
    "ĂẮẰẲẴẶ",
    "ÂẤẦẨẪẬ",
    "EÉÈẺẼẸ",
    "ÊẾỀỂỄỆ",
    "IÍÌỈĨỊ",
    "OÓÒỎÕỌ",
    "ÔỐỒỔỖỘ",
    "ƠỚỜỞỠỢ",
    "UÚÙỦŨỤ",
    "ƯỨỪỬỮỰ",
    "YÝỲỶỸỴ",
];
/// The plain letter under each row.
const BASE: [char; 12] = ['a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y'];

/// One letter taken apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Letter {
    /// Lower case, no diacritic: what the folded key holds.
    pub folded: char,
    /// Lower case with its quality mark (ă â ê ô ơ ư đ), no tone.
    pub marked: char,
    pub tone: u8,
    pub upper: bool,
}

/// The plain lower-case letter under a precomposed Vietnamese letter of
/// either case (đ and Đ give d), or `None` for any other character: what a
/// slug keeps of a letter (`slug::unaccent`). It scans the rows rather than
/// searching the sorted table below: slugs are short titles, made in the
/// app's wasm, where the sorted table's building and sorting code would
/// cost more bytes than the scan costs time.
pub fn vietnamese_base(c: char) -> Option<char> {
    if c == 'đ' || c == 'Đ' {
        return Some('d');
    }
    // Every letter of the table lies between À and ỹ: quotes, dashes and
    // other scripts skip the scan. The scan compares chars, not
    // `str::contains`, whose substring search made slugs a quarter of the
    // builder's and half of the prerender's time over 100 000 titles.
    if !('À'..='ỹ').contains(&c) {
        return None;
    }
    let row = LOWER.iter().chain(&UPPER).position(|letters| letters.chars().any(|letter| letter == c))?;
    Some(BASE[row % BASE.len()])
}

/// The table's letters, sorted, for a binary search: (letter, row, tone, upper).
fn sorted_table() -> &'static [(char, u8, u8, bool)] {
    static TABLE: std::sync::OnceLock<Vec<(char, u8, u8, bool)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::with_capacity(144);
        for (row, (lower, upper)) in LOWER.iter().zip(UPPER.iter()).enumerate() {
            for (tone, c) in lower.chars().enumerate() {
                table.push((c, row as u8, tone as u8, false));
            }
            for (tone, c) in upper.chars().enumerate() {
                table.push((c, row as u8, tone as u8, true));
            }
        }
        table.sort_unstable_by_key(|entry| entry.0);
        table
    })
}

fn row_of(c: char) -> Option<(usize, u8, bool)> {
    if c.is_ascii() {
        return None;
    }
    let table = sorted_table();
    let at = table.binary_search_by_key(&c, |entry| entry.0).ok()?;
    let (_, row, tone, upper) = table[at];
    Some((usize::from(row), tone, upper))
}

fn first_char(row: &str) -> char {
    row.chars().next().unwrap_or(' ')
}

/// A precomposed letter (or any other character) taken apart; `None` for a
/// character that is not a letter or digit.
pub fn letter(c: char) -> Option<Letter> {
    if c.is_ascii_alphanumeric() {
        let lower = c.to_ascii_lowercase();
        return Some(Letter { folded: lower, marked: lower, tone: TONE_NONE, upper: c.is_ascii_uppercase() });
    }
    if let Some((row, tone, upper)) = row_of(c) {
        return Some(Letter { folded: BASE[row], marked: first_char(LOWER[row]), tone, upper });
    }
    match c {
        'đ' => Some(Letter { folded: 'd', marked: 'đ', tone: TONE_NONE, upper: false }),
        'Đ' => Some(Letter { folded: 'd', marked: 'đ', tone: TONE_NONE, upper: true }),
        _ if c.is_alphanumeric() => {
            let lower = c.to_lowercase().next().unwrap_or(c);
            Some(Letter { folded: lower, marked: lower, tone: TONE_NONE, upper: lower != c })
        }
        _ => None,
    }
}

/// What a combining mark does to the letter before it.
enum Mark {
    Tone(u8),
    /// The marked letter it makes of a plain one: circumflex, breve, horn.
    Quality(fn(char) -> Option<char>),
    /// Any other combining mark: dropped.
    Other,
}

fn combining(c: char) -> Option<Mark> {
    Some(match c {
        '\u{301}' | '\u{341}' => Mark::Tone(TONE_SAC),
        '\u{300}' | '\u{340}' => Mark::Tone(TONE_HUYEN),
        '\u{309}' => Mark::Tone(TONE_HOI),
        '\u{303}' => Mark::Tone(TONE_NGA),
        '\u{323}' => Mark::Tone(TONE_NANG),
        '\u{302}' => Mark::Quality(|c| match c {
            'a' => Some('â'),
            'e' => Some('ê'),
            'o' => Some('ô'),
            _ => None,
        }),
        '\u{306}' => Mark::Quality(|c| if c == 'a' { Some('ă') } else { None }),
        '\u{31b}' => Mark::Quality(|c| match c {
            'o' => Some('ơ'),
            'u' => Some('ư'),
            _ => None,
        }),
        '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' => {
            Mark::Other
        }
        _ => return None,
    })
}

/// The letters of `text`, combining marks folded into the letter before
/// them, with each letter's byte range in `text`; `None` marks a separator.
pub fn letters(text: &str) -> Vec<(Option<Letter>, std::ops::Range<usize>)> {
    let mut out: Vec<(Option<Letter>, std::ops::Range<usize>)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if let Some(mark) = combining(c) {
            if let Some((Some(previous), range)) = out.last_mut() {
                match mark {
                    Mark::Tone(tone) => previous.tone = tone,
                    Mark::Quality(make) => {
                        if let Some(marked) = make(previous.marked) {
                            previous.marked = marked;
                        }
                    }
                    Mark::Other => {}
                }
                range.end = end;
            }
            // A mark after a separator, or at the start, marks nothing.
            continue;
        }
        out.push((letter(c), at..end));
    }
    out
}

/// A syllable of text: its two keys and where it lies in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Syllable {
    pub folded: String,
    pub accented: String,
    /// Whether it carries any diacritic (a tone, a quality mark, đ).
    pub marked: bool,
    pub range: std::ops::Range<usize>,
}

/// The syllables of `text`: runs of letters and digits, split at anything else.
pub fn syllables(text: &str) -> Vec<Syllable> {
    let mut out = Vec::new();
    let mut current: Option<(String, String, u8, bool, std::ops::Range<usize>)> = None;
    let mut finish = |current: &mut Option<(String, String, u8, bool, std::ops::Range<usize>)>| {
        if let Some((folded, mut accented, tone, marked, range)) = current.take() {
            accented.push(char::from(b'0' + tone));
            out.push(Syllable { folded, accented, marked, range });
        }
    };
    for (letter, range) in letters(text) {
        match letter {
            Some(l) => {
                let entry = current.get_or_insert_with(|| (String::new(), String::new(), 0, false, range.clone()));
                entry.0.push(l.folded);
                entry.1.push(l.marked);
                if l.tone != TONE_NONE {
                    entry.2 = l.tone;
                }
                entry.3 |= l.tone != TONE_NONE || l.marked != l.folded;
                entry.4.end = range.end;
            }
            None => finish(&mut current),
        }
    }
    finish(&mut current);
    out
}

/// The folded form of `text`: its folded syllables joined by single spaces.
pub fn fold(text: &str) -> String {
    syllables(text).into_iter().map(|s| s.folded).collect::<Vec<_>>().join(" ")
}

/// The accented keys of `text`, joined by single spaces.
pub fn accented(text: &str) -> String {
    syllables(text).into_iter().map(|s| s.accented).collect::<Vec<_>>().join(" ")
}

/// Vietnamese letters of `text` in composed form (NFC), marks written as
/// combining characters (NFD) put back on their letter, in lower or upper
/// case as written; everything else unchanged. Tone placement is kept.
pub fn compose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (letter, range) in letters(text) {
        let original = &text[range];
        match letter {
            Some(l) if original.chars().count() > 1 || row_of(original.chars().next().unwrap_or(' ')).is_some() => {
                out.push(precomposed(l).unwrap_or_else(|| original.chars().next().unwrap_or(' ')));
            }
            _ => out.push_str(original),
        }
    }
    out
}

fn precomposed(l: Letter) -> Option<char> {
    if l.marked == 'đ' {
        return Some(if l.upper { 'Đ' } else { 'đ' });
    }
    let row = LOWER.iter().position(|row| first_char(row) == l.marked)?;
    let table = if l.upper { UPPER[row] } else { LOWER[row] };
    table.chars().nth(usize::from(l.tone))
}

/// `text` with its Vietnamese letters decomposed (NFD): base letter, then the
/// quality mark, then the tone mark. For tests and for callers that need to
/// check that both forms are handled alike.
pub fn decompose(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        match row_of(c) {
            Some((row, tone, upper)) => {
                let base = if upper { BASE[row].to_ascii_uppercase() } else { BASE[row] };
                out.push(base);
                let quality = match first_char(LOWER[row]) {
                    'ă' => Some('\u{306}'),
                    'â' | 'ê' | 'ô' => Some('\u{302}'),
                    'ơ' | 'ư' => Some('\u{31b}'),
                    _ => None,
                };
                out.extend(quality);
                out.extend(match tone {
                    TONE_SAC => Some('\u{301}'),
                    TONE_HUYEN => Some('\u{300}'),
                    TONE_HOI => Some('\u{309}'),
                    TONE_NGA => Some('\u{303}'),
                    TONE_NANG => Some('\u{323}'),
                    _ => None,
                });
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
