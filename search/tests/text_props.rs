//! Properties of the Vietnamese text handling, over generated text.
#![cfg(not(target_arch = "wasm32"))]

use portal_search::text::{accented, compose, decompose, fold, syllables};
use proptest::prelude::*;

/// Text in Vietnamese letters (every precomposed one), ASCII, punctuation and spaces.
fn vietnamese() -> impl Strategy<Value = String> {
    let letters: Vec<char> = "aáàảãạăắằẳẵặâấầẩẫậeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵđ\
        AÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬEÉÈẺẼẸÊẾỀỂỄỆIÍÌỈĨỊOÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢUÚÙỦŨỤƯỨỪỬỮỰYÝỲỶỸỴĐ\
        bcghklmnpqrstvxBCGHKLMNPQRSTVX0123456789 ,.-/"
        .chars()
        .collect();
    proptest::collection::vec(proptest::sample::select(letters), 0..40).prop_map(|c| c.into_iter().collect())
}

proptest! {
    #[test]
    fn folding_is_idempotent(text in vietnamese()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert!(once.is_ascii(), "{:?}", once);
    }

    #[test]
    fn folding_is_idempotent_on_any_text(text in any::<String>()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn nfd_and_nfc_give_the_same_keys(text in vietnamese()) {
        let nfd = decompose(&text);
        prop_assert_eq!(fold(&nfd), fold(&text));
        prop_assert_eq!(accented(&nfd), accented(&text));
        prop_assert_eq!(compose(&nfd), text);
    }

    #[test]
    fn case_does_not_matter(text in vietnamese()) {
        prop_assert_eq!(fold(&text.to_uppercase()), fold(&text.to_lowercase()));
        prop_assert_eq!(accented(&text.to_uppercase()), accented(&text.to_lowercase()));
    }

    #[test]
    fn folding_the_accented_key_gives_the_folded_key(text in vietnamese()) {
        for s in syllables(&text) {
            let (letters, tone) = s.accented.split_at(s.accented.len() - 1);
            prop_assert!(tone.as_bytes()[0].is_ascii_digit());
            prop_assert_eq!(fold(letters), s.folded.clone());
            prop_assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
        }
    }
}
