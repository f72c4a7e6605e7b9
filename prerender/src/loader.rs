//! How a prerendered page starts the app: after its content is painted.
//!
//! trunk's shell starts the wasm as early as it can (a `<link rel=preload>`
//! of the wasm, a preload of config.json, the glue script imported and
//! preloaded from the head, the wasm fetched as soon as the glue has loaded):
//! right for an empty shell, whose content waits for the app. A prerendered
//! page is readable without the app, so there the glue (9 KB), the parts'
//! loader, the wasm (175 KB) and the documents all wait for the first
//! contentful paint: they do not compete with the page's own requests for a
//! phone's bandwidth, and the largest paint stays the first one (Lighthouse's
//! simulation counts every request made before it: with the glue and the
//! loader preloaded, its largest paint came up to 10% after the same page's
//! without code; imported after the paint, at the same time). The
//! Subresource Integrity hashes trunk put on those two preloads move to an
//! import map, which holds the later `import()` to them.
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

/// The wasm compiled in one task, and made ready and started in a later one:
/// in one, the end of its compiling, its instantiation and the app's first
/// steps made a task of 10-13 ms on this machine, which Lighthouse's 4x
/// slower phone counts as 40-52 ms, over the 50 ms of a long task. Where the
/// server does not say `application/wasm`, compiling from the whole file
/// (the glue does the same in that case).
const COMPILE_THEN_START: &str = "const compiledApart = async url => { \
    const module = await WebAssembly.compileStreaming(fetch(url)).catch(() => \
    fetch(url).then(response => response.arrayBuffer()).then(bytes => WebAssembly.compile(bytes))); \
    await new Promise(go => setTimeout(go, 0)); return module; };";

/// trunk's shell with the app's start moved after the first paint. A shell
/// whose glue is not imported as trunk 0.21 writes it keeps its imports and
/// preloads (only the wasm's preload goes, and the wasm waits).
pub fn start_after_first_paint(shell: &str) -> String {
    let lines: Vec<&str> = shell.lines().collect();
    // The glue's import as the first line of the loader's module script:
    // only then is the import map put before that script.
    let opens_loader = |index: usize| {
        lines[index].trim() == "<script type=\"module\">"
            && lines.get(index + 1).is_some_and(|next| glue_imported_by(next).is_some())
    };
    let glue = (0..lines.len()).find(|&index| opens_loader(index)).and_then(|index| glue_imported_by(lines[index + 1]));
    let modules = if glue.is_some() { preloaded_modules(shell) } else { Vec::new() };
    let mut out = String::with_capacity(shell.len() + 1024);
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("<link rel=\"preload\"") && !trimmed.contains("><") {
            continue;
        }
        if glue.is_some() && opens_loader(index) && !modules.is_empty() {
            out.push_str(&import_map(&modules));
            out.push('\n');
        }
        if glue.is_some() && glue_imported_by(line).is_some() {
            continue;
        }
        if trimmed.starts_with(INIT_START) {
            out.push_str(AFTER_FIRST_PAINT);
            out.push('\n');
            out.push_str(COMPILE_THEN_START);
            out.push('\n');
            if let Some(glue) = glue {
                out.push_str(&format!("const bindings = await import('{glue}'); const init = bindings.default;\n"));
            }
            out.push_str(&compiled_apart(line));
            out.push('\n');
            continue;
        }
        out.push_str(&without_preloads(line, glue.is_some()));
        out.push('\n');
    }
    out
}

/// The glue's path in trunk's `import init, * as bindings from '/p.js';`.
fn glue_imported_by(line: &str) -> Option<&str> {
    let path = line.trim().strip_prefix("import init, * as bindings from '")?.strip_suffix("';")?;
    (!path.is_empty() && !path.contains('\'')).then_some(path)
}

/// (href, integrity) of each `<link rel="modulepreload">` in the shell.
fn preloaded_modules(shell: &str) -> Vec<(String, String)> {
    let mut modules = Vec::new();
    let mut rest = shell;
    while let Some(start) = rest.find("<link rel=\"modulepreload\"") {
        let tag_end = rest[start..].find('>').map_or(rest.len(), |end| start + end + 1);
        let tag = &rest[start..tag_end];
        if let (Some(href), Some(integrity)) = (attribute(tag, "href"), attribute(tag, "integrity")) {
            modules.push((href.to_string(), integrity.to_string()));
        }
        rest = &rest[tag_end..];
    }
    modules
}

/// The value of `name="…"` in a tag.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// An import map holding each module to the hash its preload carried. It
/// stands before the page's Content-Security-Policy, whose script-src allows
/// no inline script but the text-size one.
fn import_map(modules: &[(String, String)]) -> String {
    let integrity: serde_json::Map<String, serde_json::Value> =
        modules.iter().map(|(href, hash)| (href.clone(), serde_json::Value::from(hash.as_str()))).collect();
    format!("<script type=\"importmap\">{}</script>", serde_json::json!({ "integrity": integrity }))
}

/// trunk's `const wasm = await init({ module_or_path: '/p_bg.wasm' });` with
/// the wasm compiled apart first; the line as it was if it is not that shape.
fn compiled_apart(line: &str) -> String {
    const PATH_KEY: &str = "module_or_path: ";
    let Some(key) = line.find(PATH_KEY) else { return line.to_string() };
    let value_start = key + PATH_KEY.len();
    let Some(value_len) = line[value_start..].find([' ', '}']) else { return line.to_string() };
    let value = &line[value_start..value_start + value_len];
    if !(value.starts_with('\'') && value.ends_with('\'') && value.len() > 2) {
        return line.to_string();
    }
    format!("{}await compiledApart({value}){}", &line[..value_start], &line[value_start + value_len..])
}

/// `line` without trunk's `<link rel="preload" href="…_bg.wasm">`, and, when
/// the glue is imported after the paint, without its `modulepreload`s (trunk
/// writes them on one line with it).
fn without_preloads(line: &str, modules_too: bool) -> String {
    let mut line = line.to_string();
    let mut from = 0;
    while let Some(start) = line[from..].find("<link ").map(|found| from + found) {
        let end = line[start..].find('>').map_or(line.len(), |end| start + end + 1);
        let tag = &line[start..end];
        let wasm = tag.contains("rel=\"preload\"") && tag.contains("_bg.wasm\"");
        let module = modules_too && tag.contains("rel=\"modulepreload\"");
        if wasm || module {
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
        <meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">\n\
        <link rel=\"modulepreload\" href=\"/p-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-glue\">\
        <link rel=\"modulepreload\" href=\"/parts-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-loader\">\
        <link rel=\"preload\" href=\"/p-1_bg.wasm\" as=\"fetch\"><link rel=\"stylesheet\" href=\"/p.css\">\n</head>";

    #[test]
    fn the_glue_and_the_wasm_are_fetched_after_the_first_paint() {
        let page = start_after_first_paint(SHELL);
        assert!(!page.contains("rel=\"preload\""), "{page}");
        assert!(!page.contains("modulepreload"), "{page}");
        assert!(!page.contains("import init"), "a static import is fetched at once: {page}");
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/p.css\">"), "{page}");
        let wait = page.find("first-contentful-paint").unwrap();
        let import = page.find("const bindings = await import('/p-1.js'); const init = bindings.default;").unwrap();
        let init = page.find("const wasm = await init(").unwrap();
        assert!(wait < import && import < init, "{page}");
        assert!(page.contains("window.wasmBindings = bindings;"), "{page}");
    }

    #[test]
    fn the_preloads_hashes_hold_the_imports_from_an_import_map_before_the_policy() {
        let page = start_after_first_paint(SHELL);
        let map = r#"<script type="importmap">{"integrity":{"/p-1.js":"sha384-glue","/parts-1.js":"sha384-loader"}}</script>"#;
        let at = page.find(map).unwrap_or_else(|| panic!("no import map {map} in {page}"));
        assert!(at < page.find("<script type=\"module\">").unwrap(), "{page}");
        assert!(at < page.find("Content-Security-Policy").unwrap(), "{page}");
    }

    #[test]
    fn the_wasm_is_compiled_in_a_task_before_the_one_that_starts_it() {
        let page = start_after_first_paint(SHELL);
        assert!(
            page.contains("const wasm = await init({ module_or_path: await compiledApart('/p-1_bg.wasm') });"),
            "{page}"
        );
        let helper = page.find("const compiledApart = async url =>").unwrap();
        assert!(helper < page.find("const wasm = await init(").unwrap(), "{page}");
    }

    #[test]
    fn a_glue_imported_otherwise_keeps_its_import_and_preloads() {
        let shell = SHELL.replace("import init, * as bindings from '/p-1.js';", "import init from '/p-1.js';");
        let page = start_after_first_paint(&shell);
        assert!(page.contains("import init from '/p-1.js';"), "{page}");
        assert!(page.contains("modulepreload"), "{page}");
        assert!(!page.contains("importmap") && !page.contains("await import("), "{page}");
        assert!(!page.contains("rel=\"preload\""), "{page}");
    }

    #[test]
    fn a_glue_imported_outside_a_loader_script_of_its_own_keeps_its_import_and_preloads() {
        let shell =
            SHELL.replace("<script type=\"module\">\n", "<script type=\"module\">\nconst started = Date.now();\n");
        let page = start_after_first_paint(&shell);
        assert!(page.contains("import init, * as bindings from '/p-1.js';"), "{page}");
        assert!(page.contains("modulepreload"), "{page}");
        assert!(!page.contains("importmap") && !page.contains("await import("), "{page}");
    }

    #[test]
    fn an_init_line_of_another_shape_is_left_as_it_is() {
        let line = "const wasm = await init('/p-1_bg.wasm');";
        assert_eq!(compiled_apart(line), line);
        let line = "const wasm = await init({ module_or_path: wasmUrl });";
        assert_eq!(compiled_apart(line), line);
    }
}
