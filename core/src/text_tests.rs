use super::*;

#[test]
fn folded_keys_drop_every_diacritic_and_map_d_bar_to_d() {
    assert_eq!(fold("Đà Nẵng"), "da nang");
    assert_eq!(fold("Tin hoạt động Sở"), "tin hoat dong so");
    assert_eq!(fold("CẢI CÁCH hành chính 2023"), "cai cach hanh chinh 2023");
    assert_eq!(fold("Số 12/QĐ-UBND"), "so 12 qd ubnd");
    assert_eq!(fold("  ...!!  "), "");
    assert_eq!(fold("Trường Sơn"), "truong son");
}

#[test]
fn accented_keys_unify_tone_placement() {
    assert_eq!(accented("hòa"), accented("hoà"));
    assert_eq!(accented("thủy"), accented("thuỷ"));
    assert_eq!(accented("ủy"), accented("uỷ"));
    assert_eq!(accented("Hoà"), "hoa2");
    assert_eq!(accented("Công nghệ"), "công0 nghê5");
    assert_ne!(accented("đà"), accented("da"));
    assert_ne!(accented("đà"), accented("đá"));
    // A digit in a syllable never reads as a tone: the tone is always last.
    assert_ne!(accented("a1"), accented("á"));
}

#[test]
fn decomposed_input_gives_the_same_keys() {
    for word in ["Đà Nẵng", "Quảng Trị", "nghiệm thu", "thuỷ lợi", "ƯỚC TÍNH", "Hồ Chí Minh"] {
        let nfd = decompose(word);
        assert_ne!(nfd, word);
        assert_eq!(fold(&nfd), fold(word));
        assert_eq!(accented(&nfd), accented(word));
        assert_eq!(compose(&nfd), word);
    }
    // Marks in the other order (tone before quality) are the same letter.
    assert_eq!(accented("e\u{301}\u{302}"), accented("ế"));
}

#[test]
fn syllables_know_where_they_are() {
    let text = "Sở KH&CN: tiếp\u{301}";
    let found: Vec<_> = syllables(text).into_iter().map(|s| &text[s.range]).collect();
    assert_eq!(found, ["Sở", "KH", "CN", "tiếp\u{301}"]);
    assert!(syllables("Sở")[0].marked);
    assert!(!syllables("so")[0].marked);
    assert!(syllables("đo")[0].marked);
}

#[test]
fn other_scripts_are_lower_cased_and_stray_marks_ignored() {
    assert_eq!(fold("Ωmega ÜBER"), "ωmega über");
    assert_eq!(fold("\u{301}a"), "a");
    assert_eq!(fold("مرحبا"), "مرحبا");
    assert_eq!(fold("😀 <script>"), "script");
}
