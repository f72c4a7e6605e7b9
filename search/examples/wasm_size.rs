//! The query engine alone as a wasm module, to measure what a search Web
//! Worker's Rust code costs before any glue (scripts/bench-search.sh builds
//! it for wasm32 and prints its size, raw and brotli). One exported
//! function keeps the engine (text handling, parsing, decoding, ranking) in.

use portal_search::{Engine, Query, Step};

/// Runs `query` (UTF-8 at `ptr`, `len` bytes) against the files handed over
/// so far; the number of results, or -1 when files are still needed.
///
/// # Safety
/// `ptr` must point at `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn search(ptr: *const u8, len: usize) -> i32 {
    let text = String::from_utf8_lossy(unsafe { std::slice::from_raw_parts(ptr, len) }).into_owned();
    let mut engine = Engine::new();
    engine.provide("manifest.txt", Vec::new());
    match engine.run(&Query { text, typing: true, ..Query::default() }) {
        Ok(Step::Done(results)) => {
            results.total as i32 + results.hits.iter().map(|h| h.snippet.len() as i32).sum::<i32>()
        }
        _ => -1,
    }
}
