//! What queries cost against an index folder, as a browser would fetch it:
//! for each query, the files a cold engine fetches (a first visit), then what
//! the same engine fetches for the next query (warm), and the time the
//! engine takes; then (typed) what a new visitor's engine fetches when every
//! keystroke of the query is searched, as the page does for a slow typist. Prints one line per query and file for scripts/bench-search.sh.
//!
//! `cargo run --release -p portal-search --example query_cost -- DIR/tim-kiem "đà nẵng" "cai cach" …`

use portal_search::{search_with_ranges, split_range, Engine, Query};
use std::io::{Read, Seek, SeekFrom};
use std::time::Instant;

/// A request's bytes: a whole file, or the range of one (`split_range`).
fn read(dir: &std::path::Path, request: &str) -> Result<Vec<u8>, String> {
    let (file, range) = split_range(request);
    let Some((start, end)) = range else { return std::fs::read(dir.join(file)).map_err(|e| e.to_string()) };
    let mut opened = std::fs::File::open(dir.join(file)).map_err(|e| e.to_string())?;
    opened.seek(SeekFrom::Start(start)).map_err(|e| e.to_string())?;
    let mut bytes = vec![0; (end - start + 1) as usize];
    opened.read_exact(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: query_cost INDEX_DIR QUERY…"));
    let queries: Vec<String> = args.collect();
    let mut warm = Engine::new();
    for (n, text) in queries.iter().enumerate() {
        for (label, engine) in [("cold", &mut Engine::new()), ("warm", &mut warm)] {
            if label == "warm" && n == 0 {
                // The warm engine's first query makes it warm.
                let _ = search_with_ranges(engine, &Query { text: text.clone(), ..Query::default() }, &mut |p| {
                    read(&dir, p)
                });
                continue;
            }
            let mut fetched = Vec::new();
            let started = Instant::now();
            let results = search_with_ranges(engine, &Query { text: text.clone(), ..Query::default() }, &mut |path| {
                fetched.push(path.to_string());
                read(&dir, path)
            });
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let total = results.map(|r| r.total).unwrap_or(0);
            println!("query\t{label}\t{text}\t{total}\t{}\t{ms:.1}", fetched.len());
            for path in fetched {
                println!("file\t{label}\t{text}\t{path}");
            }
        }
        typed(&dir, text);
    }
}

/// The same query typed key by key into a new page, every keystroke searched:
/// one line, then the files fetched.
fn typed(dir: &std::path::Path, text: &str) {
    let mut engine = Engine::new();
    let mut files = Vec::new();
    let mut total = 0;
    for (end, _) in text.char_indices().skip(1).chain([(text.len(), ' ')]) {
        let keystroke = Query { text: text[..end].to_string(), typing: true, ..Query::default() };
        total = search_with_ranges(&mut engine, &keystroke, &mut |path| {
            files.push(path.to_string());
            read(dir, path)
        })
        .map(|r| r.total)
        .unwrap_or(0);
    }
    println!("query\ttyped\t{text}\t{total}\t{}\t-", files.len());
    for path in files {
        println!("file\ttyped\t{text}\t{path}");
    }
}
