//! Answers queries against an index folder and prints each one's first
//! page, for looking at the ranking by eye.
//!
//! `cargo run -p portal-search --example ask -- DIR/tim-kiem "cải cách hành chính 2023" …`

use portal_search::{search_with, Engine, Query};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: ask INDEX_DIR QUERY…"));
    for text in args {
        let query = Query { text: text.clone(), ..Query::default() };
        let results = search_with(&mut Engine::new(), &query, &mut |path| {
            std::fs::read(dir.join(path)).map_err(|e| e.to_string())
        });
        match results {
            Ok(results) => {
                println!("{text}\t{} results", results.total);
                for (rank, hit) in results.hits.iter().enumerate() {
                    println!("  {:>2} {:>6} {}{}", rank + 1, hit.id, if hit.exact { "= " } else { "  " }, hit.title);
                }
            }
            Err(error) => println!("{text}\terror {error:?}"),
        }
    }
}
