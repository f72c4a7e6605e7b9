//! How a prerendered page starts the app: after its content is painted.
//!
//! trunk's shell starts the wasm as early as it can (a `<link rel=preload>`
//! of the wasm, a `modulepreload` and a static `import` of its glue script,
//! a preload of config.json): right for an empty shell, whose content waits
//! for the app. A prerendered page is readable without the app, so there the
//! app's requests wait for the first contentful paint instead: they do not
//! compete with the page's own requests for a phone's bandwidth, and the
//! largest paint stays the first one (Lighthouse's simulation counts every
//! request made before it). `app.html`, the shell for addresses not
//! prerendered, keeps trunk's early start.

/// The loader line that imports the glue script, as trunk writes it.
const IMPORT_START: &str = "import init, * as bindings from '";
/// The loader line that fetches and starts the wasm.
const INIT_START: &str = "const wasm = await init(";

/// Waits until the content is painted (the first contentful paint; a frame
/// alone may be blank), at most 3 s (a background tab paints nothing), at
/// once where the browser cannot say.
const AFTER_FIRST_PAINT: &str = "await new Promise(painted => { setTimeout(painted, 3000); try { \
    new PerformanceObserver(list => list.getEntriesByName('first-contentful-paint').length && painted())\
    .observe({ type: 'paint', buffered: true }); } catch { painted(); } });";

/// trunk's shell with the app's start moved after the first paint.
pub fn start_after_first_paint(shell: &str) -> String {
    let mut glue = None;
    let mut out = String::with_capacity(shell.len() + 256);
    for line in shell.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("<link rel=\"preload\"") && !trimmed.contains("><") {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix(IMPORT_START) {
            glue = rest.split('\'').next().map(str::to_string);
            continue;
        }
        if trimmed.starts_with(INIT_START) {
            out.push_str(AFTER_FIRST_PAINT);
            out.push('\n');
            if let Some(glue) = &glue {
                out.push_str(&format!("const bindings = await import('{glue}');\nconst init = bindings.default;\n"));
            }
        }
        out.push_str(&without_early_fetches(line));
        out.push('\n');
    }
    out
}

/// `line` without the `<link>` tags that would fetch the app early: the
/// wasm's preload and the glue's modulepreload (trunk writes both on one line).
fn without_early_fetches(line: &str) -> String {
    let mut line = line.to_string();
    let mut from = 0;
    while let Some(start) = line[from..].find("<link ").map(|found| from + found) {
        let end = line[start..].find('>').map_or(line.len(), |end| start + end + 1);
        let tag = &line[start..end];
        let early =
            tag.contains("rel=\"modulepreload\"") || (tag.contains("rel=\"preload\"") && tag.contains("_bg.wasm\""));
        if early {
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
    fn the_app_is_fetched_after_the_first_paint() {
        let page = start_after_first_paint(SHELL);
        assert!(!page.contains("preload"), "{page}");
        assert!(!page.contains("import init"), "{page}");
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/p.css\">"), "{page}");
        let wait = page.find("first-contentful-paint").unwrap();
        let import = page.find("await import('/p-1.js')").unwrap();
        let init = page.find("const wasm = await init(").unwrap();
        assert!(wait < import && import < init, "{page}");
        assert!(page.contains("window.wasmBindings = bindings;"));
    }
}
