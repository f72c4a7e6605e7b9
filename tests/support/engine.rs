//! The three browser engines a visitor comes with, each behind its own
//! WebDriver server: Chromium (chromedriver), Firefox ESR (geckodriver) and
//! WebKitGTK's MiniBrowser (WebKitWebDriver, on an Xvfb display of its own,
//! since MiniBrowser has no headless mode). Every process started here leads
//! its own process group, so that one signal ends it with the browser
//! processes it started (see `Driver` in browser.rs).

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// Starts the engine's WebDriver server on `port`, keeping its files in
    /// `profile`; the processes to end afterwards, the driver first.
    pub fn start_driver(self, port: u16, profile: &Path) -> Vec<Child> {
        match self {
            Engine::Chromium => vec![spawn(Command::new("chromedriver").arg(format!("--port={port}")), "chromedriver")],
            Engine::Firefox => {
                // Firefox's window is at least 500 px wide (its toolbar's
                // `--window-min-width`), wider than a phone: the profile's
                // userChrome.css lifts that, for the window's frame only.
                write(&profile.join("firefox/chrome/userChrome.css"), ":root { --window-min-width: 0px !important; }");
                // geckodriver keeps its own files under TMPDIR: in `profile`,
                // they go when the session does, even after a SIGKILL.
                let mut command = Command::new("geckodriver");
                command.args(["--host", "127.0.0.1", "--port", &port.to_string()]).env("TMPDIR", profile);
                vec![spawn(&mut command, "geckodriver")]
            }
            Engine::WebKit => {
                // MiniBrowser's toolbar (GTK) keeps its window at least 447 px
                // wide: GTK's user style shrinks the toolbar, not the page.
                write(
                    &profile.join("config/gtk-3.0/gtk.css"),
                    "toolbar *, box > button, entry { min-width: 0; min-height: 0; padding: 0; margin: 0; }\n\
                     entry { font-size: 1px; }",
                );
                let (xvfb, display) = start_xvfb();
                // MiniBrowser keeps its caches, storage and service workers
                // under the XDG folders: one set per session, in `profile`.
                let mut command = Command::new("WebKitWebDriver");
                command.arg(format!("--port={port}")).env("DISPLAY", format!(":{display}"));
                for (var, dir) in
                    [("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")]
                {
                    command.env(var, profile.join(dir));
                }
                vec![spawn(&mut command, "WebKitWebDriver"), xvfb]
            }
        }
    }

    /// The capabilities that start this engine's browser for a test.
    pub fn capabilities(self, window: (u32, u32), profile: &Path, javascript: bool) -> serde_json::Map<String, Value> {
        let capabilities = match self {
            Engine::Chromium => chromium(window, profile, javascript),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": std::env::var("FIREFOX_PATH").unwrap_or_else(|_| "/usr/bin/firefox-esr".into()),
                    "args": [
                        "-headless",
                        "-profile", profile.join("firefox"),
                        format!("--width={}", window.0), format!("--height={}", window.1),
                    ],
                    "prefs": {
                        "intl.accept_languages": "vi",
                        "javascript.enabled": javascript,
                        // Reads the profile's userChrome.css (start_driver).
                        "toolkit.legacyUserProfileCustomizations.stylesheets": true,
                    },
                },
            }),
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": minibrowser().to_string_lossy(),
                    "args": ["--automation", format!("--enable-javascript={javascript}")],
                },
            }),
        };
        match capabilities {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }
}

/// The flags keep Chromium off the network (closed here) and let it run as root.
fn chromium(window: (u32, u32), profile: &Path, javascript: bool) -> Value {
    let binary = std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let args = [
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--no-first-run".into(),
        format!("--user-data-dir={}", profile.display()),
        format!("--window-size={},{}", window.0, window.1),
        "--lang=vi".into(),
    ];
    json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": binary,
            "args": args,
            // 2 blocks script on every site, as a browser with JavaScript off.
            "prefs": { "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 } },
        },
        "goog:loggingPrefs": { "browser": "ALL" },
    })
}

fn write(file: &Path, text: &str) {
    std::fs::create_dir_all(file.parent().unwrap()).expect("creating the browser's profile folder");
    std::fs::write(file, text).unwrap_or_else(|e| panic!("writing {}: {e}", file.display()));
}

fn spawn(command: &mut Command, what: &str) -> Child {
    command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("starting {what} from PATH: {e}; `bash scripts/setup.sh` installs it"))
}

/// An Xvfb on a display number it picks itself (`-displayfd`), so that
/// sessions side by side never race for one.
fn start_xvfb() -> (Child, String) {
    let mut xvfb = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("starting Xvfb: {e}; `bash scripts/setup.sh` installs it (Debian xvfb)"));
    let mut display = String::new();
    let stdout = xvfb.stdout.take().expect("Xvfb's output");
    BufReader::new(stdout).read_line(&mut display).expect("reading Xvfb's display number");
    let display = display.trim().to_string();
    assert!(!display.is_empty(), "Xvfb gave no display number");
    (xvfb, display)
}

/// libwebkit2gtk-4.1's MiniBrowser, wherever the architecture puts it.
fn minibrowser() -> PathBuf {
    if let Some(path) = std::env::var_os("MINIBROWSER_PATH") {
        return path.into();
    }
    std::fs::read_dir("/usr/lib")
        .into_iter()
        .flatten()
        .flatten()
        .map(|dir| dir.path().join("webkit2gtk-4.1/MiniBrowser"))
        .find(|path| path.is_file())
        .expect("no /usr/lib/*/webkit2gtk-4.1/MiniBrowser: `bash scripts/setup.sh` installs webkit2gtk-driver")
}
