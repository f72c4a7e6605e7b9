//! Property: an article always finds itself by its own title, typed with
//! accents, without, decomposed (NFD), in capitals, or still being typed.
#![cfg(not(target_arch = "wasm32"))]

use portal_search::text::{decompose, fold, syllables};
use portal_search::{publish, search_with, Doc, Engine, Options, Query};
use proptest::prelude::*;
use std::collections::HashMap;

fn title() -> impl Strategy<Value = String> {
    let words = proptest::sample::select(vec![
        "Đà", "Nẵng", "hoà", "hòa", "thuỷ", "thủy", "ủy", "uỷ", "ban", "công", "nghệ", "khoa", "học", "Quảng", "Trị",
        "đo", "lường", "cải", "cách", "hành", "chính", "số", "2023", "QĐ", "UBND", "nghiệm", "thu", "tiếng", "Việt",
        "ĐỔI", "MỚI", "x", "Techfest",
    ]);
    let separators = proptest::sample::select(vec![" ", " ", " ", ", ", " – ", "/", ": "]);
    proptest::collection::vec((words, separators), 1..12)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect::<String>().trim().to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn an_article_finds_itself_by_its_title(titles in proptest::collection::vec(title(), 1..40), pick in 0usize..40) {
        let docs: Vec<Doc> = titles
            .iter()
            .enumerate()
            .map(|(n, t)| Doc {
                id: n.to_string(),
                title: t.clone(),
                summary: String::new(),
                tags: vec![],
                category_slug: "tin".into(),
                category_name: "Tin".into(),
                published: 1_600_000_000 + n as i64 * 3600,
                ..Doc::default()
            })
            .collect();
        let publication = publish(&docs, &|_| None, &Options::default());
        let files: HashMap<String, Vec<u8>> = publication.files.into_iter().collect();
        let doc = &docs[pick % docs.len()];
        prop_assume!(!syllables(&doc.title).is_empty());
        for (text, typing) in [
            (doc.title.clone(), false),
            (fold(&doc.title), false),
            (decompose(&doc.title), false),
            (doc.title.to_uppercase(), false),
            (doc.title.clone(), true),
            (fold(&doc.title), true),
        ] {
            let query = Query { text: text.clone(), typing, per_page: 1000, ..Query::default() };
            let results = search_with(&mut Engine::new(), &query, &mut |p| files.get(p).cloned().ok_or_else(|| "404".into()))
                .unwrap();
            prop_assert!(results.hits.iter().any(|h| h.id == doc.id), "{:?} (typing {}) does not find {:?}", text, typing, doc.title);
            // Its own title, with its own accents, is an exact match.
            if !typing && text == doc.title && syllables(&text).iter().any(|s| s.marked) {
                let own = results.hits.iter().find(|h| h.id == doc.id).unwrap();
                prop_assert!(own.exact);
                prop_assert!(results.hits[0].exact);
            }
        }
    }
}
