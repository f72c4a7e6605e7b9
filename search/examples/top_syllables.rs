//! The syllables in the most articles of an index folder (every segment's
//! term shards and heavy terms' files read through), most frequent first, one per line, folded:
//! scripts/bench-search.sh times queries of the 20 most frequent.
//!
//! `cargo run --release -p portal-search --example top_syllables -- DIR/tim-kiem 20`

use portal_search::codec::Reader;
use portal_search::manifest::Manifest;
use std::collections::HashMap;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: top_syllables INDEX_DIR [N]")?);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let manifest = std::fs::read_to_string(dir.join("manifest.txt")).map_err(|e| e.to_string())?;
    let manifest = Manifest::parse(&manifest)?;
    let mut articles: HashMap<String, u64> = HashMap::new();
    for segment in &manifest.segments {
        let shards = (0..segment.shards).map(|n| format!("{}/t/{n}.bin", segment.name));
        let own_files = (0..segment.heavy.len()).map(|n| format!("{}/h/{n}.bin", segment.name));
        for path in shards.chain(own_files) {
            let bytes = std::fs::read(dir.join(path)).map_err(|e| e.to_string())?;
            let mut reader = Reader::new(&bytes[4..]);
            let terms = reader.varint().map_err(|e| e.0)?;
            for _ in 0..terms {
                let term = reader.str().map_err(|e| e.0)?.to_string();
                let header = reader.varint().map_err(|e| e.0)?;
                // A list's article count follows its kind byte.
                let count = |list: &[u8]| Reader::new(&list[1..]).varint().map_err(|e| e.0);
                let mut total = 0;
                if header & 1 == 1 {
                    // Shared: the union's count is the term's.
                    total = count(reader.bytes().map_err(|e| e.0)?)?;
                }
                for _ in 0..header >> 1 {
                    reader.bytes().map_err(|e| e.0)?;
                    let list = reader.bytes().map_err(|e| e.0)?;
                    if header & 1 == 0 {
                        total += count(list)?;
                    }
                }
                if !term.contains([' ', '*', '#']) {
                    *articles.entry(term).or_default() += total;
                }
            }
        }
    }
    let mut ranked: Vec<(String, u64)> = articles.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (term, _) in ranked.into_iter().take(count) {
        println!("{term}");
    }
    Ok(())
}
