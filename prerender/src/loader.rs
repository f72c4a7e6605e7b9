//! How a prerendered page starts the app: after its content is painted.
//!
//! trunk's shell starts the wasm as early as it can (a `<link rel=preload>`
//! of the wasm, a preload of config.json, the wasm fetched as soon as the
//! glue script has loaded): right for an empty shell, whose content waits for
//! the app. A prerendered page is readable without the app, so there the
//! wasm (190 KB) and the documents wait for the first contentful paint: they
//! do not compete with the page's own requests for a phone's bandwidth, and
//! the largest paint stays the first one (Lighthouse's simulation counts every
//! request made before it). The glue script (8 KB) still loads early, through
//! trunk's `modulepreload`, which carries its Subresource Integrity hash.
//! `app.html`, the shell for addresses not prerendered, keeps trunk's start.

/// The loader line that fetches and starts the wasm.
const INIT_START: &str = "const wasm = await init(";

/// Waits until the content is painted (the first contentful paint; a frame
/// alone may be blank) and the page's images have loaded (the largest paint
/// is often a photo), then for one more frame; at most 3 s, since a tab in
/// the background paints nothing; where the browser cannot say, the load.
const AFTER_FIRST_PAINT: &str = "await new Promise(go => { setTimeout(go, 3000); \
    const loaded = new Promise(done => document.readyState === 'complete' ? done() : addEventListener('load', done)); \
    const painted = new Promise(done => { try { new PerformanceObserver(list => \
    list.getEntriesByName('first-contentful-paint').length && done()).observe({ type: 'paint', buffered: true }); } \
    catch { done(); } }); \
    Promise.all([loaded, painted]).then(() => requestAnimationFrame(() => setTimeout(go, 0))); });";

/// trunk's shell with the app's start moved after the first paint.
pub fn start_after_first_paint(shell: &str) -> String {
    let mut out = String::with_capacity(shell.len() + 256);
    for line in shell.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("<link rel=\"preload\"") && !trimmed.contains("><") {
            continue;
        }
        if trimmed.starts_with(INIT_START) {
            out.push_str(AFTER_FIRST_PAINT);
            out.push('\n');
        }
        out.push_str(&without_wasm_preload(line));
        out.push('\n');
    }
    out
}

/// `line` without trunk's `<link rel="preload" href="…_bg.wasm">` (written on
/// one line with the glue's `modulepreload`, which stays).
fn without_wasm_preload(line: &str) -> String {
    let mut line = line.to_string();
    let mut from = 0;
    while let Some(start) = line[from..].find("<link ").map(|found| from + found) {
        let end = line[start..].find('>').map_or(line.len(), |end| start + end + 1);
        let tag = &line[start..end];
        if tag.contains("rel=\"preload\"") && tag.contains("_bg.wasm\"") {
            line.replace_range(start..end, "");
        } else {
            from = end;
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<head>\n  <link rel=\"preload\" href=\"config.json\" as=\"fetch\" crossorigin>\n\
        <script type=\"module\">\nimport init, * as bindings from '/p-1.js';\n\
        const wasm = await init({ module_or_path: '/p-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script>\n\
        <link rel=\"modulepreload\" href=\"/p-1.js\"><link rel=\"preload\" href=\"/p-1_bg.wasm\" as=\"fetch\">\
        <link rel=\"stylesheet\" href=\"/p.css\">\n</head>";

    #[test]
    fn the_wasm_is_fetched_after_the_first_paint() {
        let page = start_after_first_paint(SHELL);
        assert!(!page.contains("rel=\"preload\""), "{page}");
        assert!(page.contains("<link rel=\"modulepreload\" href=\"/p-1.js\">"), "{page}");
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/p.css\">"), "{page}");
        let import = page.find("import init, * as bindings from '/p-1.js';").unwrap();
        let wait = page.find("first-contentful-paint").unwrap();
        let init = page.find("const wasm = await init(").unwrap();
        assert!(import < wait && wait < init, "{page}");
    }
}
