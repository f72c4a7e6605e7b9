//! The Netlify and Cloudflare Pages files in deploy/ (`_headers`,
//! `_redirects`), read and applied the way each platform documents, to the
//! table of addresses the nginx test uses (support/hosting.rs) and to every
//! file of the release build: each address must get its status, its file,
//! the security headers and its Cache-Control, exactly once.
//!
//! What each platform does, as its documentation says (docs/hosting.md has
//! the links):
//! - Netlify: `/x` is answered from `x`, `x.html` or `x/index.html`; a
//!   `_redirects` rule applies only where no file answers, unless forced
//!   with `!`; first match wins; `:name` is one segment, `*` the rest; a
//!   status 200 rewrites, 404 answers with the rule's file. Unknown
//!   addresses get `404.html` with 404. In `_headers`, a path is matched as
//!   Netlify's parser compiles it (`/x/*` also matches `/x` and `/x.html`).
//! - Cloudflare Pages: `_redirects` rules apply even where a file exists;
//!   first match wins; `/x` is answered from `x.html`, and `/x.html` is
//!   redirected (308) to `/x`; unknown addresses get `404.html` with 404.
//!   In `_headers`, `*` matches any characters, `:name` one segment.
//! - Both: every matching `_headers` rule applies. A header set by two rules
//!   for one address fails here: Netlify and Cloudflare merge them
//!   differently, and neither result is wanted (two Content-Security-Policy
//!   values are two policies, both enforced). Cloudflare alone can take a
//!   header off (`! Name`): it removes what the rules above it set.
//! - The editor in `/quan-tri/` gets its own CSP (its `<meta>` plus framing
//!   by the site alone), never the visitors'; every other file gets the
//!   visitors'. Netlify cannot take a header off, so there the visitors'
//!   policy is on each rule of their files, and an unknown address (404.html)
//!   gets none.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/hosting.rs"]
mod hosting;
mod support;

use hosting::{build_files, cache_of, cases, expected, header_policy, meta_policy, Kind, SECURITY_HEADERS};
use hosting::{MISSING_ADDRESSES, ROUTE_ADDRESSES};
use portal::core::route_table::{route_at, ROUTES};
use std::collections::{BTreeMap, BTreeSet};
use support::{repo, Build};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Platform {
    Netlify,
    Cloudflare,
}

impl Platform {
    fn folder(self) -> &'static str {
        match self {
            Platform::Netlify => "deploy/netlify",
            Platform::Cloudflare => "deploy/cloudflare-pages",
        }
    }
}

/// What the two workers are made of in the build (index.html, search-worker/,
/// registry-worker/).
const WORKER_FILES: [&str; 6] = [
    "tim-kiem-worker_loader.js",
    "tim-kiem-worker.js",
    "tim-kiem-worker_bg.wasm",
    "tra-cuu-worker_loader.js",
    "tra-cuu-worker.js",
    "tra-cuu-worker_bg.wasm",
];

// ---- patterns -------------------------------------------------------------

/// A compiled path pattern: what each platform's `*` and `:name` mean.
#[derive(Clone, Debug, PartialEq)]
enum Token {
    Char(char),
    /// Any characters, none included (`.*`).
    Any,
    /// One segment: one or more characters other than '/' (`[^/]+`).
    Segment,
    /// An optional '/' (`/?`).
    OptionalSlash,
}

fn matches(tokens: &[Token], text: &[char]) -> bool {
    match tokens.split_first() {
        None => text.is_empty(),
        Some((Token::Char(c), rest)) => text.first() == Some(c) && matches(rest, &text[1..]),
        Some((Token::Any, rest)) => (0..=text.len()).any(|n| matches(rest, &text[n..])),
        Some((Token::Segment, rest)) => {
            let run = text.iter().take_while(|c| **c != '/').count();
            (1..=run).any(|n| matches(rest, &text[n..]))
        }
        Some((Token::OptionalSlash, rest)) => {
            (text.first() == Some(&'/') && matches(rest, &text[1..])) || matches(rest, text)
        }
    }
}

/// `*` is any characters, `:name` one segment, the rest literal: Cloudflare's
/// rules (headers and redirects) and Netlify's redirects.
fn compile_simple(pattern: &str) -> Vec<Token> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '*' => tokens.push(Token::Any),
            ':' if chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                tokens.push(Token::Segment);
                while chars.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_') {
                    i += 1;
                }
            }
            c => tokens.push(Token::Char(c)),
        }
        i += 1;
    }
    tokens
}

/// Netlify's `_headers` paths, as its headers parser compiles them
/// (`^/part/part/?$`, a `*` part being `?(.*)`, which makes the slash before
/// it optional; `:name` one segment; a `*` inside a part any characters).
fn compile_netlify_headers(pattern: &str) -> Vec<Token> {
    let mut tokens = vec![Token::Char('/')];
    for (index, part) in pattern.split('/').map(str::trim_end).filter(|p| !p.is_empty()).enumerate() {
        if index > 0 {
            tokens.push(Token::Char('/'));
        }
        if part == "*" {
            tokens.pop();
            tokens.push(Token::OptionalSlash);
            tokens.push(Token::Any);
        } else if part.starts_with(':') {
            tokens.push(Token::Segment);
        } else {
            tokens.extend(part.chars().map(|c| if c == '*' { Token::Any } else { Token::Char(c) }));
        }
    }
    tokens.push(Token::OptionalSlash);
    tokens
}

// ---- the files ------------------------------------------------------------

#[derive(Debug)]
struct Redirect {
    from: String,
    to: String,
    status: u16,
    force: bool,
}

#[derive(Debug)]
struct HeaderRule {
    pattern: String,
    /// (name, value), in order; no value: Cloudflare's detach (`! Name`).
    headers: Vec<(String, Option<String>)>,
}

/// The subset of `_redirects` these files use: `from to [status[!]]`,
/// comments and blank lines. Anything else (conditions, query matches)
/// fails the test rather than being read wrong.
fn parse_redirects(text: &str, platform: Platform) -> Vec<Redirect> {
    let mut rules = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert!((2..=3).contains(&fields.len()), "_redirects line this test cannot read: {line}");
        let (status, force) = match fields.get(2) {
            Some(code) => {
                let force = code.ends_with('!');
                let status = code.trim_end_matches('!').parse().unwrap_or_else(|_| panic!("status in {line}"));
                (status, force)
            }
            // The documented defaults.
            None => (if platform == Platform::Netlify { 301 } else { 302 }, false),
        };
        assert!(platform == Platform::Netlify || !force, "Cloudflare Pages has no forced rules (`!`): {line}");
        assert!(
            platform == Platform::Netlify || matches!(status, 200 | 301 | 302 | 303 | 307 | 308),
            "Cloudflare Pages accepts only 200 and redirect statuses: {line}"
        );
        rules.push(Redirect { from: fields[0].into(), to: fields[1].into(), status, force });
    }
    rules
}

/// `_headers`: an unindented path line opens a rule, indented `Name: value`
/// (or, on Cloudflare, `! Name`) lines follow; comments and blank lines.
fn parse_headers(text: &str, platform: Platform) -> Vec<HeaderRule> {
    let mut rules: Vec<HeaderRule> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            assert!(trimmed.starts_with('/'), "_headers path must start with /: {line}");
            rules.push(HeaderRule { pattern: trimmed.into(), headers: Vec::new() });
        } else if let Some(name) = trimmed.strip_prefix('!') {
            assert_eq!(platform, Platform::Cloudflare, "only Cloudflare Pages takes headers off (`!`): {line}");
            let rule = rules.last_mut().unwrap_or_else(|| panic!("a header before any path: {line}"));
            rule.headers.push((name.trim().to_ascii_lowercase(), None));
        } else {
            let (name, value) = trimmed.split_once(':').unwrap_or_else(|| panic!("_headers line: {line}"));
            let rule = rules.last_mut().unwrap_or_else(|| panic!("a header before any path: {line}"));
            rule.headers.push((name.trim().to_ascii_lowercase(), Some(value.trim().into())));
        }
    }
    rules
}

struct Site {
    platform: Platform,
    /// The files the platform holds (relative, '/'-separated).
    files: BTreeSet<String>,
    redirects: Vec<Redirect>,
    headers: Vec<HeaderRule>,
}

/// What the platform answers.
#[derive(Debug, PartialEq)]
enum Answer {
    File(u16, String),
    Redirect(u16, String),
}

impl Site {
    /// The platform's files for `build`, its rules read from deploy/; under
    /// a sub-path every rule's paths get the prefix (docs/hosting.md).
    fn load(platform: Platform, build: Build) -> Site {
        let prefix = build.prefix().trim_end_matches('/');
        let mut files: BTreeSet<String> = build_files(&build.dist())
            .into_iter()
            .map(|f| format!("{}{f}", build.prefix()).trim_start_matches('/').to_string())
            .collect();
        if platform == Platform::Cloudflare {
            // Uploaded without the dot files (docs/hosting.md): no rule can hide them there.
            files.retain(|f| !f.split('/').any(|part| part.starts_with('.')));
        }
        let read = |name: &str| {
            let path = repo(&format!("{}/{name}", platform.folder()));
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
        };
        let mut redirects = parse_redirects(&read("_redirects"), platform);
        let mut headers = parse_headers(&read("_headers"), platform);
        for rule in &mut redirects {
            rule.from = format!("{prefix}{}", rule.from);
            rule.to = format!("{prefix}{}", rule.to);
        }
        for rule in &mut headers {
            rule.pattern = format!("{prefix}{}", rule.pattern);
        }
        Site { platform, files, redirects, headers }
    }

    fn answer(&self, path: &str) -> Answer {
        match self.platform {
            Platform::Netlify => self.netlify(path),
            Platform::Cloudflare => self.cloudflare(path),
        }
    }

    fn netlify_file(&self, path: &str) -> Option<String> {
        let relative = path.trim_matches('/');
        let candidates = if relative.is_empty() {
            vec!["index.html".to_string()]
        } else {
            vec![relative.to_string(), format!("{relative}.html"), format!("{relative}/index.html")]
        };
        candidates.into_iter().find(|c| self.files.contains(c))
    }

    fn netlify(&self, path: &str) -> Answer {
        let normalised = if path.len() > 1 { path.trim_end_matches('/') } else { path };
        let text: Vec<char> = normalised.chars().collect();
        let file = self.netlify_file(path);
        let rule = self
            .redirects
            .iter()
            .filter(|r| file.is_none() || r.force)
            .find(|r| matches(&compile_simple(&r.from), &text));
        match (rule, file) {
            (Some(rule), _) => match rule.status {
                200 | 404 => {
                    let target = self.netlify_file(&rule.to).unwrap_or_else(|| panic!("{} names no file", rule.to));
                    Answer::File(rule.status, target)
                }
                status => Answer::Redirect(status, rule.to.clone()),
            },
            (None, Some(file)) => Answer::File(200, file),
            (None, None) => Answer::File(404, self.not_found_page()),
        }
    }

    /// Pages' route matching for an address that no rule took.
    fn cloudflare_asset(&self, path: &str) -> Answer {
        let relative = path.trim_start_matches('/');
        if let Some(stem) = relative.strip_suffix(".html") {
            if self.files.contains(relative) {
                let pretty = stem.strip_suffix("index").unwrap_or(stem);
                return Answer::Redirect(308, format!("/{pretty}"));
            }
        }
        if relative.is_empty() || relative.ends_with('/') {
            let index = format!("{relative}index.html");
            if self.files.contains(&index) {
                return Answer::File(200, index);
            }
        } else if self.files.contains(relative) {
            return Answer::File(200, relative.to_string());
        } else if self.files.contains(&format!("{relative}.html")) {
            return Answer::File(200, format!("{relative}.html"));
        } else if self.files.contains(&format!("{relative}/index.html")) {
            return Answer::Redirect(308, format!("{path}/"));
        }
        Answer::File(404, self.not_found_page())
    }

    fn cloudflare(&self, path: &str) -> Answer {
        let text: Vec<char> = path.chars().collect();
        match self.redirects.iter().find(|r| matches(&compile_simple(&r.from), &text)) {
            Some(rule) if rule.status == 200 => match self.cloudflare_asset(&rule.to) {
                Answer::File(200, file) => Answer::File(200, file),
                other => panic!("{path}: the rewrite to {} gives {other:?}, not a file", rule.to),
            },
            Some(rule) => Answer::Redirect(rule.status, rule.to.clone()),
            None => self.cloudflare_asset(path),
        }
    }

    /// The nearest 404.html: the site's own (under its prefix).
    fn not_found_page(&self) -> String {
        self.files
            .iter()
            .filter(|f| f.ends_with("404.html"))
            .min_by_key(|f| f.len())
            .expect("a 404.html in the build")
            .clone()
    }

    /// The headers `_headers` gives `path`, the rules applied in order (a
    /// detach removes what the rules before it set); a header from two
    /// rules fails.
    fn headers(&self, path: &str) -> BTreeMap<String, String> {
        let text: Vec<char> = path.chars().collect();
        let mut found: BTreeMap<String, (String, String)> = BTreeMap::new();
        for rule in &self.headers {
            let tokens = match self.platform {
                Platform::Netlify => compile_netlify_headers(&rule.pattern),
                Platform::Cloudflare => compile_simple(&rule.pattern),
            };
            if !matches(&tokens, &text) {
                continue;
            }
            for (name, value) in &rule.headers {
                let Some(value) = value else {
                    found.remove(name);
                    continue;
                };
                if let Some((other, _)) = found.insert(name.clone(), (rule.pattern.clone(), value.clone())) {
                    panic!("{:?}: {path} gets {name} from two rules, {other} and {}", self.platform, rule.pattern);
                }
            }
        }
        found.into_iter().map(|(name, (_, value))| (name, value)).collect()
    }
}

// ---- the checks -----------------------------------------------------------

/// The security headers, and `policy` as the CSP; on Netlify an unknown
/// address's 404 (`not_found`) may have none (see the top of this file).
fn check_security_headers(site: &Site, path: &str, headers: &BTreeMap<String, String>, policy: &str, not_found: bool) {
    for (name, value) in SECURITY_HEADERS.iter().filter(|(name, _)| *name != "content-security-policy") {
        let sent = headers.get(*name).unwrap_or_else(|| panic!("{:?}: {path} gets no {name}", site.platform));
        assert!(sent.contains(value), "{:?}: {path}: {name} is {sent:?}", site.platform);
    }
    let sent = headers.get("content-security-policy").map(String::as_str);
    if !(sent.is_none() && not_found && site.platform == Platform::Netlify) {
        assert_eq!(sent, Some(policy), "{:?}: {path}: Content-Security-Policy", site.platform);
    }
}

/// The editor's policy as a header: its own `<meta>` (editor/index.html,
/// copied into quan-tri/ of the build) plus framing by the site alone.
fn editor_header_policy(build: Build) -> String {
    let page = std::fs::read_to_string(build.dist().join("quan-tri/index.html")).expect("the editor in the build");
    format!("{}; frame-ancestors 'self'", meta_policy(&page))
}

/// The visitors' policy as a header (support/hosting.rs).
fn visitors_header_policy(build: Build) -> String {
    header_policy(&meta_policy(&std::fs::read_to_string(build.dist().join("index.html")).unwrap()))
}

/// Where Cloudflare Pages must differ from the table: a route with no
/// prerendered page has no fallback there (a rule would hide the
/// prerendered pages), so it gets 404.html with 404, and the app in that
/// page draws the route (as on GitHub Pages).
fn cloudflare_expected(_path: &str, kind: Kind, table: (u16, String)) -> (u16, String) {
    if kind == Kind::Route && table.1 == "app.html" {
        (404, "404.html".into())
    } else {
        table
    }
}

fn table_is_answered(platform: Platform, build: Build) {
    let dist = build.dist();
    let files = build_files(&dist);
    let policy = visitors_header_policy(build);
    let site = Site::load(platform, build);
    let under = |file: &str| format!("{}{file}", build.prefix()).trim_start_matches('/').to_string();
    for case in cases(&files) {
        let path = format!("{}{}", build.prefix().trim_end_matches('/'), case.path);
        let mut wanted = expected(&case, &files);
        if platform == Platform::Cloudflare {
            wanted = cloudflare_expected(&case.path, case.kind, wanted);
        }
        let (status, file) = wanted;
        assert_eq!(site.answer(&path), Answer::File(status, under(&file)), "{platform:?}: {path}");
        let headers = site.headers(&path);
        check_security_headers(&site, &path, &headers, &policy, status == 404);
        if status == 200 {
            let cache = headers.get("cache-control").map(String::as_str);
            assert_eq!(cache, Some(cache_of(&file).header()), "{platform:?}: {path} ({file}): Cache-Control");
        }
    }
}

/// Every file of the build, at the address that serves it, is answered with
/// itself, the Cache-Control of its kind and its CSP (the editor's in
/// quan-tri/, else the visitors'): a file the rules forgot (a new hashed
/// asset, a new folder) fails here.
fn every_file_is_served_with_its_cache_rule(platform: Platform, build: Build) {
    let (visitors, editor) = (visitors_header_policy(build), editor_header_policy(build));
    let site = Site::load(platform, build);
    let prefix = build.prefix().trim_start_matches('/');
    for file in site.files.clone() {
        let relative = file.strip_prefix(prefix).unwrap();
        if relative.split('/').any(|part| part.starts_with('.')) {
            assert_eq!(
                site.answer(&format!("/{file}")),
                Answer::File(404, site.not_found_page()),
                "{platform:?}: /{file}"
            );
            continue;
        }
        let address = match (platform, relative.strip_suffix(".html")) {
            (Platform::Cloudflare, Some("index")) => format!("/{prefix}"),
            (Platform::Cloudflare, Some(stem)) => format!("/{prefix}{stem}"),
            _ => format!("/{file}"),
        };
        assert_eq!(site.answer(&address), Answer::File(200, file.clone()), "{platform:?}: {address}");
        let headers = site.headers(&address);
        let cache = headers.get("cache-control").cloned();
        assert_eq!(cache.as_deref(), Some(cache_of(&file).header()), "{platform:?}: {address}: Cache-Control");
        let policy = if relative.starts_with("quan-tri/") { &editor } else { &visitors };
        check_security_headers(&site, &address, &headers, policy, false);
    }
}

/// The editor's addresses get its own CSP, once, and never the visitors':
/// a browser enforces every policy it is sent, and theirs forbids the
/// inline styles and blob: URLs that Decap needs.
fn the_editor_has_its_own_policy(platform: Platform, build: Build) {
    let (visitors, editor) = (visitors_header_policy(build), editor_header_policy(build));
    assert_ne!(visitors, editor);
    let site = Site::load(platform, build);
    let under = |path: &str| format!("{}{path}", build.prefix().trim_end_matches('/'));
    let page = under("/quan-tri/index.html").trim_start_matches('/').to_string();
    assert_eq!(site.answer(&under("/quan-tri/")), Answer::File(200, page), "{platform:?}: the editor's page");
    for address in ["/quan-tri/", "/quan-tri/index.html", "/quan-tri/config.yml", "/quan-tri/decap-cms.js"] {
        let path = under(address);
        let headers = site.headers(&path);
        check_security_headers(&site, &path, &headers, &editor, false);
        assert_eq!(headers.get("cache-control").map(String::as_str), Some("no-cache"), "{platform:?}: {path}");
    }
    // The visitors' pages keep theirs. (Netlify's "/quan-tri/*" also reaches
    // "/quan-tri…" addresses, all unknown, so 404s: that page keeps its
    // <meta> policy, which a browser enforces with any header's.)
    for address in ["/", "/tin/1019", "/khong-co", "/data/tin/1019.json"] {
        let csp = site.headers(&under(address)).get("content-security-policy").cloned();
        assert!(csp.is_none() || csp.as_ref() == Some(&visitors), "{platform:?}: {address}: {csp:?}");
    }
}

#[test]
fn netlify_gives_the_editor_its_own_policy() {
    the_editor_has_its_own_policy(Platform::Netlify, Build::Root);
    the_editor_has_its_own_policy(Platform::Netlify, Build::SubPath);
}

#[test]
fn cloudflare_gives_the_editor_its_own_policy() {
    the_editor_has_its_own_policy(Platform::Cloudflare, Build::Root);
    the_editor_has_its_own_policy(Platform::Cloudflare, Build::SubPath);
}

#[test]
fn netlify_answers_the_table_at_the_root() {
    table_is_answered(Platform::Netlify, Build::Root);
}

#[test]
fn netlify_answers_the_table_under_the_sub_path() {
    table_is_answered(Platform::Netlify, Build::SubPath);
}

#[test]
fn cloudflare_answers_the_table_at_the_root() {
    table_is_answered(Platform::Cloudflare, Build::Root);
}

#[test]
fn cloudflare_answers_the_table_under_the_sub_path() {
    table_is_answered(Platform::Cloudflare, Build::SubPath);
}

#[test]
fn netlify_serves_every_file_with_its_cache_rule() {
    every_file_is_served_with_its_cache_rule(Platform::Netlify, Build::Root);
}

#[test]
fn cloudflare_serves_every_file_with_its_cache_rule() {
    every_file_is_served_with_its_cache_rule(Platform::Cloudflare, Build::Root);
}

/// The readers themselves, on the documented examples.
/// The table of addresses against the route table: each route address is
/// one the app answers, every route is asked for, and a missing address is
/// one no route answers (else the host's 404 would hide a view).
#[test]
fn the_addresses_are_the_route_tables() {
    for path in ROUTE_ADDRESSES {
        assert!(route_at(path).is_some(), "{path} is no route of core::route_table");
    }
    for route in &ROUTES {
        let asked = ROUTE_ADDRESSES.iter().any(|path| route_at(path) == Some(route));
        assert!(asked, "no address of the hosting table reaches the route {}", route.pattern);
    }
    for path in MISSING_ADDRESSES {
        assert_eq!(route_at(path), None, "{path} is a route, not a missing address");
    }
}

#[test]
fn patterns_match_as_the_platforms_document() {
    let text = |s: &str| s.chars().collect::<Vec<_>>();
    let netlify = |p: &str, s: &str| matches(&compile_netlify_headers(p), &text(s));
    let simple = |p: &str, s: &str| matches(&compile_simple(p), &text(s));
    assert!(netlify("/*", "/") && netlify("/*", "/a/b.js"));
    assert!(netlify("/tin/*", "/tin") && netlify("/tin/*", "/tin/1019") && netlify("/tin/*", "/tin.html"));
    assert!(netlify("/", "/") && !netlify("/", "/a"));
    assert!(netlify("/portal-*", "/portal-abc_bg.wasm") && !netlify("/portal-*", "/portal/x"));
    assert!(simple("/tin/:id", "/tin/1019") && !simple("/tin/:id", "/tin/1019/x") && !simple("/tin/:id", "/tin/"));
    assert!(simple("/static/*", "/static/a/b.css") && !simple("/static/*", "/static"));
    assert!(simple("/portal-*", "/portal-abc.js") && !simple("/lich-cong-tac/*", "/lich-cong-tac"));
    // The search worker's unhashed files: Netlify's index rule takes them
    // (so its _headers has no rule of their own), Cloudflare's does not.
    assert!(netlify("/tim-kiem/*", "/tim-kiem-worker_loader.js") && netlify("/tim-kiem/*", "/tim-kiem/manifest.txt"));
    assert!(simple("/tim-kiem-worker*", "/tim-kiem-worker_bg.wasm") && !simple("/tim-kiem/*", "/tim-kiem-worker.js"));
}

/// The workers' files keep their names from build to build (trunk does
/// not hash a worker's), so every platform must have them asked again; a
/// build without them (made before the workers) fails here.
#[test]
fn the_workers_are_never_kept_unasked() {
    let files = build_files(&Build::Root.dist());
    for platform in [Platform::Netlify, Platform::Cloudflare] {
        let site = Site::load(platform, Build::Root);
        for file in WORKER_FILES {
            assert!(files.contains(file), "no {file} in the build: rebuild it (scripts/release-build.sh)");
            let path = format!("/{file}");
            assert_eq!(site.answer(&path), Answer::File(200, file.to_string()), "{platform:?}: {path}");
            let cache = site.headers(&path).get("cache-control").cloned();
            assert_eq!(cache.as_deref(), Some("no-cache"), "{platform:?}: {path}: Cache-Control");
        }
    }
}
