//! A static file server for the end-to-end tests, in the test process itself.
//!
//! It serves a trunk `dist/` folder the way a static host would (SPA fallback,
//! real 404s for missing files, right content types), optionally under a
//! sub-path, and lets a test replace any path's answer while the browser is on
//! the page: a different document, a 500, truncated JSON, a slow reply. Plain
//! std threads and a few dozen lines of HTTP/1.1 keep it free of dependencies;
//! every reply closes its connection, which keeps the parser trivial.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server answers instead of the file, for one path.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
    pub content_type: String,
    /// Waited before answering, to show loading states and time-outs.
    pub delay: Duration,
}

impl Reply {
    pub fn json(body: impl Into<Vec<u8>>) -> Self {
        Reply { status: 200, body: body.into(), content_type: "application/json".into(), delay: Duration::ZERO }
    }

    pub fn status(status: u16) -> Self {
        Reply { status, body: Vec::new(), content_type: "text/plain; charset=utf-8".into(), delay: Duration::ZERO }
    }

    /// The file's own bytes cut to `keep`, as a dropped connection leaves them.
    pub fn truncated(file: &Path, keep: usize) -> Self {
        let mut body = std::fs::read(file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        body.truncate(keep);
        Reply::json(body)
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    pub fn with_content_type(mut self, content_type: &str) -> Self {
        self.content_type = content_type.into();
        self
    }

    pub fn with_delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

/// One request as the server saw it, for tests that check what was fetched.
#[derive(Clone, Debug)]
pub struct Served {
    pub path: String,
    pub status: u16,
}

struct Shared {
    root: PathBuf,
    prefix: String,
    overrides: Mutex<HashMap<String, Reply>>,
    log: Mutex<Vec<Served>>,
    stopping: AtomicBool,
    /// Answer every app address with the app shell, as if no page had been
    /// prerendered: the app then fetches its documents itself.
    shell_only: AtomicBool,
    /// Close every connection unanswered, as a site out of reach.
    down: AtomicBool,
}

/// Serves `root` on 127.0.0.1 at a free port until dropped.
pub struct StaticServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl StaticServer {
    /// `prefix` is the sub-path the site lives under: "/" or e.g. "/portal/".
    pub fn start(root: &Path, prefix: &str) -> Self {
        assert!(prefix.starts_with('/') && prefix.ends_with('/'), "prefix must be /…/, got {prefix}");
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding the test server");
        let addr = listener.local_addr().expect("test server address");
        let shared = Arc::new(Shared {
            root: root.to_path_buf(),
            prefix: prefix.to_string(),
            overrides: Mutex::new(HashMap::new()),
            log: Mutex::new(Vec::new()),
            stopping: AtomicBool::new(false),
            shell_only: AtomicBool::new(false),
            down: AtomicBool::new(false),
        });
        let accepting = Arc::clone(&shared);
        thread::spawn(move || {
            for stream in listener.incoming() {
                if accepting.stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let per_connection = Arc::clone(&accepting);
                thread::spawn(move || handle(stream, &per_connection));
            }
        });
        StaticServer { addr, shared }
    }

    /// The absolute URL of a site path such as "/tin/1019" (prefix added).
    pub fn url(&self, site_path: &str) -> String {
        format!("http://{}{}{}", self.addr, self.shared.prefix.trim_end_matches('/'), site_path)
    }

    /// The origin alone, `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// From now on, answer `site_path` (without the prefix, query ignored) with `reply`.
    pub fn set_reply(&self, site_path: &str, reply: Reply) {
        self.shared.overrides.lock().unwrap().insert(site_path.to_string(), reply);
    }

    /// Back to serving the real file at `site_path`.
    pub fn clear_reply(&self, site_path: &str) {
        self.shared.overrides.lock().unwrap().remove(site_path);
    }

    /// Every request served so far, in order (full paths, prefix included).
    /// From now on, every address of the app gets the app shell and no
    /// prerendered page: for tests of what the app does with the documents it
    /// fetches (a page drawn later, or a host that serves no prerender).
    pub fn serve_app_shell_only(&self) {
        self.shared.shell_only.store(true, Ordering::SeqCst);
    }

    /// While `down`, every connection is closed without an answer (the
    /// browser sees a network error, as offline) and nothing is logged.
    pub fn set_down(&self, down: bool) {
        self.shared.down.store(down, Ordering::SeqCst);
    }

    pub fn served(&self) -> Vec<Served> {
        self.shared.log.lock().unwrap().clone()
    }

    /// Waits until `site_path` has been answered, failing after `wait`.
    pub async fn wait_until_served(&self, site_path: &str, wait: Duration) {
        let deadline = std::time::Instant::now() + wait;
        while !self.served().iter().any(|served| served.path == site_path) {
            assert!(std::time::Instant::now() < deadline, "{site_path} never asked for");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees the flag and ends.
        let _ = TcpStream::connect(self.addr);
    }
}

fn handle(mut stream: TcpStream, shared: &Shared) {
    if shared.down.load(Ordering::SeqCst) {
        return;
    }
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Some((method, target)) = read_request_head(&stream) else { return };
    // Firefox opens connections ahead of its requests: one opened before the
    // server went down must not answer after.
    if shared.down.load(Ordering::SeqCst) {
        return;
    }
    let path = decode_path(target.split(['?', '#']).next().unwrap_or("/"));
    let (status, content_type, body, delay) = answer(shared, &method, &path);
    shared.log.lock().unwrap().push(Served { path, status });
    if !delay.is_zero() {
        thread::sleep(delay);
    }
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        reason(status),
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
    let _ = stream.flush();
}

/// Reads the request line and skips the headers; GET and HEAD carry no body.
fn read_request_head(stream: &TcpStream) -> Option<(String, String)> {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    let mut parts = request_line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    Some((method, target))
}

fn answer(shared: &Shared, method: &str, path: &str) -> (u16, String, Vec<u8>, Duration) {
    if method != "GET" && method != "HEAD" {
        return (405, "text/plain".into(), b"method not allowed".to_vec(), Duration::ZERO);
    }
    let Some(site_path) = strip_prefix(path, &shared.prefix) else {
        return not_found();
    };
    if let Some(reply) = shared.overrides.lock().unwrap().get(&site_path) {
        return (reply.status, reply.content_type.clone(), reply.body.clone(), reply.delay);
    }
    match resolve(&shared.root, &site_path, shared.shell_only.load(Ordering::SeqCst)) {
        Some(file) => match std::fs::read(&file) {
            Ok(body) => (200, content_type(&file).into(), body, Duration::ZERO),
            Err(_) => not_found(),
        },
        None => not_found(),
    }
}

fn not_found() -> (u16, String, Vec<u8>, Duration) {
    (404, "text/plain; charset=utf-8".into(), b"not found".to_vec(), Duration::ZERO)
}

/// "/portal/tin/1" under "/portal/" is "/tin/1"; "/portal" alone is the site root.
fn strip_prefix(path: &str, prefix: &str) -> Option<String> {
    if path == prefix.trim_end_matches('/') {
        return Some("/".into());
    }
    path.strip_prefix(prefix.trim_end_matches('/')).filter(|rest| rest.starts_with('/')).map(str::to_string)
}

/// The file for a site path, as the shipped host configurations answer: the
/// file itself; for an address without extension its prerendered page
/// ("/tin/1019/slug" → "tin/1019/slug.html", "/en/" → "en/index.html"), else the app shell (`app.html`,
/// which the prerender keeps; `index.html` in a build without prerender);
/// None for a missing file with an extension.
fn resolve(root: &Path, site_path: &str, shell_only: bool) -> Option<PathBuf> {
    let relative = Path::new(site_path.trim_start_matches('/'));
    // Refuse "..": a test server must not read outside its dist folder either.
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let candidate = root.join(relative);
    let is_page = candidate.extension().is_some_and(|e| e == "html");
    if candidate.is_file() && !(shell_only && is_page) {
        return Some(candidate);
    }
    let looks_like_file = relative.extension().is_some();
    if looks_like_file {
        return None;
    }
    let page = match site_path.trim_matches('/') {
        "" => root.join("index.html"),
        // A folder's address (`/en/`): its index.html, as every host answers.
        route if site_path.ends_with('/') => root.join(route).join("index.html"),
        route => root.join(format!("{route}.html")),
    };
    if page.is_file() && !shell_only {
        return Some(page);
    }
    let shell = root.join("app.html");
    Some(if shell.is_file() { shell } else { root.join("index.html") })
}

/// `raw` with its `%XX` escapes decoded (as UTF-8, lossily).
pub fn decode_path(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        // A legal document's file, opened by the browser's own viewer.
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
