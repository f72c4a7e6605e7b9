//! A browser driven through its WebDriver server, one browser per test:
//! Chromium by default, Firefox or WebKit where a test asks (engine.rs).
//!
//! Each session starts its own driver on a free port in its own process
//! group, so that closing the session, or dropping it when a test panics,
//! takes the driver and every browser process it started down with it.

pub use super::engine::Engine;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long a wait-for gives the page before the test fails. Generous: on a
/// loaded two-core machine a cold Chromium has been seen to take over 15 s to
/// fetch and start the app, and a passing test never waits this long.
pub const WAIT: Duration = Duration::from_secs(40);
const POLL: Duration = Duration::from_millis(50);

/// Two cores here: more browsers at once only make each one slower.
const MAX_BROWSERS: usize = 2;
static RUNNING: Mutex<usize> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

#[derive(Clone, Copy, Debug)]
pub enum Viewport {
    Phone,
    Desktop,
}

impl Viewport {
    /// The page's width and height in CSS pixels.
    pub fn size(self) -> (u32, u32) {
        match self {
            Viewport::Phone => (412, 915),
            Viewport::Desktop => (1366, 900),
        }
    }
}

/// A browser session: the WebDriver client plus what it takes to end it.
pub struct Session {
    pub client: Client,
    driver: Driver,
}

struct Driver {
    /// Each leads its own process group (engine.rs), the driver first.
    children: Vec<Child>,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The browser stays in its driver's group: one signal ends them all.
        for child in &mut self.children {
            let _ = Command::new("kill").arg("-KILL").arg("--").arg(format!("-{}", child.id())).status();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.profile);
        let mut running = RUNNING.lock().unwrap();
        *running -= 1;
        FREED.notify_one();
    }
}

impl Session {
    pub async fn start(viewport: Viewport) -> Session {
        Session::start_with(viewport, true).await
    }

    /// A session whose Chromium runs script or not, as a reader without
    /// JavaScript would see the site.
    pub async fn start_with(viewport: Viewport, javascript: bool) -> Session {
        Session::start_in(Engine::Chromium, viewport, javascript).await
    }

    /// A session in `engine`, its page `viewport` wide.
    /// Starting the browser is tried up to three times, each with a new
    /// driver on a new port: on a loaded machine a driver has, rarely,
    /// dropped the connection of its first request ("webdriver server did
    /// not respond … SendRequest", seen once in a new machine's run). Only
    /// the start is tried again, never a test's step.
    pub async fn start_in(engine: Engine, viewport: Viewport, javascript: bool) -> Session {
        const ATTEMPTS: u32 = 3;
        let mut attempt = 1;
        let (client, driver) = loop {
            take_browser_slot();
            let profile = std::env::temp_dir().join(format!("portal-e2e-{}-{}", std::process::id(), unique()));
            std::fs::create_dir_all(&profile).expect("creating the browser's profile folder");
            let port = free_port();
            // From here on, dropping `driver` cleans up, even if connecting fails.
            let mut driver = Driver { children: Vec::new(), profile };
            driver.children = engine.start_driver(port, &driver.profile);
            wait_for_port(port, engine);
            let connected = ClientBuilder::new(HttpConnector::new())
                .capabilities(engine.capabilities(viewport.size(), &driver.profile, javascript))
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            match connected {
                Ok(client) => break (client, driver),
                Err(e) if attempt < ATTEMPTS => {
                    eprintln!("starting {} through its WebDriver server failed ({e}); trying again", engine.name());
                    drop(driver);
                    attempt += 1;
                }
                Err(e) => panic!("starting {} through its WebDriver server, {ATTEMPTS} times: {e}", engine.name()),
            }
        };
        let session = Session { client, driver };
        if engine != Engine::Chromium {
            let (width, height) = viewport.size();
            set_page_size(&session.client, width, height).await;
        }
        session
    }

    /// Ends the WebDriver session politely, then the processes.
    pub async fn close(self) {
        let Session { client, driver } = self;
        let _ = tokio::time::timeout(Duration::from_secs(5), client.close()).await;
        drop(driver);
    }
}

fn take_browser_slot() {
    let mut running = RUNNING.lock().unwrap();
    while *running >= MAX_BROWSERS {
        running = FREED.wait(running).unwrap();
    }
    *running += 1;
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("finding a free port").port()
}

fn wait_for_port(port: u16, engine: Engine) {
    let deadline = Instant::now() + WAIT;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{}'s driver did not listen on port {port} within {WAIT:?}", engine.name());
        std::thread::sleep(POLL);
    }
}

/// Sizes the window so that the page itself (`innerWidth` × `innerHeight`)
/// is `width` × `height`: a window's frame and toolbar differ by engine. The
/// window may change size a moment after the command returns (WebKit on X):
/// wait for the page to have the size, setting it again meanwhile.
pub async fn set_page_size(client: &Client, width: u32, height: u32) {
    let sizes = "return [innerWidth, innerHeight, outerWidth, outerHeight];";
    let deadline = Instant::now() + WAIT;
    loop {
        let read = client.execute(sizes, vec![]).await.expect("reading the window's size");
        let [inner_w, inner_h, outer_w, outer_h]: [i64; 4] = serde_json::from_value(read).expect("four numbers");
        if (inner_w, inner_h) == (width.into(), height.into()) {
            return;
        }
        assert!(Instant::now() < deadline, "the page stays {inner_w}×{inner_h}, not {width}×{height}");
        // The frame around the page is the same at any size.
        let window = |page: u32, outer: i64, inner: i64| (i64::from(page) + outer - inner).max(1) as u32;
        let (window_w, window_h) = (window(width, outer_w, inner_w), window(height, outer_h, inner_h));
        client.set_window_size(window_w, window_h).await.expect("resizing the window");
        tokio::time::sleep(POLL * 2).await;
    }
}

/// True once the app has taken the page over: the loading notice, in
/// index.html and in every prerendered page, is gone.
pub const APP_TOOK_OVER: &str = "!document.getElementById('tai-trang')";

/// The page helpers the tests use; cheap to clone into a test's future.
#[derive(Clone)]
pub struct Browser {
    pub client: Client,
    /// Prepended to every site path: the server's origin plus sub-path.
    pub base_url: String,
    /// Console lines read so far: chromedriver hands each one out only once.
    pub console_lines: std::sync::Arc<Mutex<Vec<String>>>,
    /// Whether the page's script runs (the app takes prerendered pages over).
    pub javascript: bool,
    pub engine: Engine,
}

impl Browser {
    pub fn new(client: Client, base_url: String) -> Browser {
        Browser { client, base_url, console_lines: Default::default(), javascript: true, engine: Engine::Chromium }
    }

    pub async fn open(&self, site_path: &str) {
        let url = format!("{}{}", self.base_url, site_path);
        self.client.goto(&url).await.unwrap_or_else(|e| panic!("opening {url}: {e}"));
    }

    pub async fn reload(&self) {
        if self.engine == Engine::Firefox {
            // geckodriver's Refresh skips the service worker (offline it
            // reached Firefox's network error page, where the page's own
            // reload got the worker's copy): reload as a reader does.
            self.eval("window.__reloading = true; setTimeout(() => location.reload());", vec![]).await;
            self.wait_until("the page to reload", "window.__reloading !== true && document.readyState === 'complete'")
                .await;
            return;
        }
        self.client.refresh().await.expect("reloading");
    }

    pub async fn back(&self) {
        self.client.back().await.expect("going back");
    }

    pub async fn title(&self) -> String {
        self.client.title().await.expect("reading document.title")
    }

    /// The path part of the current URL, e.g. "/portal/tin/1019".
    pub async fn path(&self) -> String {
        self.client.current_url().await.expect("reading the URL").path().to_string()
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn eval(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("running script {script:?}: {e}"))
    }

    /// Whether `script` (a function body, as for [`Browser::eval`]) returns true.
    pub async fn holds(&self, script: &str, args: Vec<Value>) -> bool {
        self.eval(script, args).await == Value::Bool(true)
    }

    /// Trimmed text of the first element matching `css`, or None.
    pub async fn text_of(&self, css: &str) -> Option<String> {
        let found = self
            .eval("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", vec![json!(css)])
            .await;
        found.as_str().map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// Waits until `condition` (a JS expression) is true, or fails saying `what`.
    /// Meanwhile, on a prerendered page the app has not taken over, it moves
    /// the mouse now and then, as a reader does: the app takes such a page
    /// over only when the reader reaches for it (src/takeover/when_reached.rs).
    pub async fn wait_until(&self, what: &str, condition: &str) {
        self.wait_until_with(what, condition, true).await;
    }

    /// [`Browser::wait_until`] without moving the mouse: the page as a
    /// reader leaves it who does not touch it.
    pub async fn wait_untouched(&self, what: &str, condition: &str) {
        self.wait_until_with(what, condition, false).await;
    }

    async fn wait_until_with(&self, what: &str, condition: &str, reach: bool) {
        // 1: the condition holds; 2: it does not, and the page is the
        // prerendered one (or the app shell) still.
        let script = format!("return Boolean({condition}) ? 1 : !({APP_TOOK_OVER}) ? 2 : 0;");
        let deadline = Instant::now() + WAIT;
        for poll in 0.. {
            match self.client.execute(&script, vec![]).await.ok().and_then(|v| v.as_u64()) {
                Some(1) => return,
                Some(2) if reach && self.javascript && poll % 4 == 1 => self.move_mouse(poll / 4).await,
                _ => {}
            }
            // A panicked app never gets there: say so now rather than in 15 s
            // (where the driver hands out the console: chromedriver).
            if poll % 10 == 9 && self.engine == Engine::Chromium {
                if let Some(panic) = self.console().await.into_iter().find(|line| line.contains("panicked at")) {
                    panic!("the app panicked while waiting for {what}: {}", shorten(&panic, 600));
                }
            }
            if Instant::now() > deadline {
                let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
                let main = self.text_of("body").await.unwrap_or_default();
                panic!("waited {WAIT:?} for {what} at {url}; the page says: {}", shorten(&main, 400));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Moves the mouse to a pixel or the next in the page's top left corner
    /// (the banner), as a reader's hand does: `step` after step, it goes back
    /// and forth (a move to where it is already is no move in some engines).
    /// A failed move only delays the wait.
    async fn move_mouse(&self, step: u32) {
        let at = f64::from(1 + step % 2);
        let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveTo { duration: None, x: at, y: at });
        let _ = self.client.perform_actions(mouse).await;
    }

    /// Waits until the app has taken the page over ([`APP_TOOK_OVER`]).
    pub async fn wait_for_app(&self) {
        self.wait_until("the app to take the page over", APP_TOOK_OVER).await;
    }

    /// Waits until the app has taken the page over and `condition` (a JS
    /// expression about the app's page) holds.
    pub async fn wait_for_app_with(&self, condition: &str) {
        let script = format!("{APP_TOOK_OVER} && ({condition})");
        self.wait_until(&format!("the app to take the page over, and {condition}"), &script).await;
    }

    /// Waits until the app has taken the page over and the view in
    /// `<main id="noi-dung">` has loaded (a heading, no placeholder left),
    /// then returns its heading.
    pub async fn settled_heading(&self) -> String {
        let view_loaded = "document.querySelector('main#noi-dung h1')?.textContent.trim() \
                           && !document.querySelector('main#noi-dung .skeleton')";
        self.wait_for_app_with(view_loaded).await;
        self.text_of("main#noi-dung h1").await.unwrap_or_default()
    }

    /// Waits for an element matching `css` and returns its trimmed text.
    pub async fn wait_for(&self, css: &str) -> String {
        let condition = format!("document.querySelector({})", json!(css));
        self.wait_until(&format!("an element `{css}`"), &condition).await;
        self.text_of(css).await.unwrap_or_default()
    }

    /// Waits until the first element matching `css` contains `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) {
        let condition =
            format!("(document.querySelector({}) || {{}}).textContent?.includes({})", json!(css), json!(text));
        self.wait_until(&format!("`{css}` to contain {text:?}"), &condition).await;
    }

    /// Clicks the first element matching `css`. Where script runs, first
    /// waits for the app to take the page over: it replaces the prerendered
    /// markup, and an element found before that would be stale (and a link
    /// clicked before it is a page load, not the app's navigation).
    pub async fn click(&self, css: &str) {
        if self.javascript {
            self.wait_for_app().await;
        }
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("finding `{css}`: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking `{css}`: {e}"));
    }

    /// Sends `keys` (text, or WebDriver's key codes such as Enter) to the
    /// first element matching `css`.
    pub async fn type_into(&self, css: &str, keys: &str) {
        let element = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("finding `{css}`: {e}"));
        element.send_keys(keys).await.unwrap_or_else(|e| panic!("typing into `{css}`: {e}"));
    }

    /// Clicks the main navigation's link to `href`: on a narrow screen it is
    /// in the "Danh mục" panel, opened first.
    pub async fn click_nav_link(&self, href: &str) {
        if self.javascript {
            self.wait_for_app().await;
        }
        let panel_closed = "const toggle = document.querySelector('.site-nav-toggle');
             return !!toggle && toggle.getClientRects().length > 0 && toggle.getAttribute('aria-expanded') === 'false';";
        if self.holds(panel_closed, vec![]).await {
            self.click(".site-nav-toggle").await;
        }
        self.click(&format!(".site-nav-list a[href='{href}']")).await;
    }

    /// Makes the page `width` × `height` CSS pixels: in Chromium by DevTools'
    /// device metrics (its headless window keeps a minimum width), elsewhere
    /// by sizing the window.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        if self.engine == Engine::Chromium {
            let metrics = json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false });
            self.devtools("Emulation.setDeviceMetricsOverride", metrics).await;
        } else {
            set_page_size(&self.client, width, height).await;
        }
    }

    pub async fn screenshot(&self, file: &Path) {
        // WebKit's screenshot is its last painted frame: let the page paint
        // what it has just changed (seen: a notice added just before was missing).
        let painted = "requestAnimationFrame(() => requestAnimationFrame(arguments[arguments.length - 1]));";
        let _ = self.client.execute_async(painted, vec![]).await;
        let png = self.client.screenshot().await.expect("taking a screenshot");
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).expect("creating the screenshot folder");
        }
        std::fs::write(file, png).expect("writing the screenshot");
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// chromedriver's own endpoint for the page's console messages, which W3C
/// WebDriver lacks; it is how a panic of the app reaches a failing test.
#[derive(Debug)]
struct ReadConsole;

impl fantoccini::wd::WebDriverCompatibleCommand for ReadConsole {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_string()))
    }
}

impl Browser {
    /// Every console message of this session so far (errors and panics
    /// included), one line each; empty if chromedriver cannot say.
    pub async fn console(&self) -> Vec<String> {
        if let Ok(Value::Array(entries)) = self.client.issue_cmd(ReadConsole).await {
            let fresh = entries
                .iter()
                .map(|e| format!("{}: {}", e["level"].as_str().unwrap_or("?"), e["message"].as_str().unwrap_or("")));
            self.console_lines.lock().unwrap().extend(fresh);
        }
        self.console_lines.lock().unwrap().clone()
    }
}

/// chromedriver's door to the DevTools protocol, for what WebDriver lacks
/// (see [`Browser::devtools`]).
#[derive(Debug)]
struct DevTools(Value);

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

impl Browser {
    /// Runs `script` at the start of every document opened from now on,
    /// before the page's own scripts (to watch the page from its first frame).
    pub async fn on_every_new_document(&self, script: &str) {
        self.devtools("Page.addScriptToEvaluateOnNewDocument", json!({ "source": script })).await;
    }

    /// Sends one DevTools command (`cmd` with `params`) to the page; its answer.
    pub async fn devtools(&self, cmd: &str, params: Value) -> Value {
        let command = json!({ "cmd": cmd, "params": params });
        self.client.issue_cmd(DevTools(command)).await.unwrap_or_else(|e| panic!("DevTools {cmd}: {e}"))
    }
}
