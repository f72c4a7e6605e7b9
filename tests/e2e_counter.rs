//! The visitor counter (counter/, the real `portal-counter` binary) behind
//! Debian's nginx with the shipped deploy/nginx/portal-counter.conf, and the
//! release build in Chromium: a visitor's first page moves "Hôm nay" and
//! "Tổng"; page views inside the visit, and a second tab of the same
//! browser, move nothing; a second browser (another visitor) raises
//! "online", and the first visitor's box shows it at its next poll.
//!
//! The counter binary comes from `cargo test -p portal-counter` (run by
//! scripts/test.sh before this), or from PORTAL_COUNTER_BIN.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)] // the server alone: its HTTP helpers serve e2e_hosting.rs
#[path = "support/nginx.rs"]
mod nginx;
mod schema_check;
mod support;

use portal::core::stats::{parse_stats, STATS_DOCUMENT};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{Browser, Build, Session, Viewport};

const POLL_SECONDS: u64 = 2;
const START_TOTAL: u64 = 3_314_815;

/// A running portal-counter with the embedded store, killed when dropped.
struct Counter {
    child: Child,
    addr: SocketAddr,
    dir: PathBuf,
}

/// Where `cargo test -p portal-counter` left the counter's binary: the same
/// profile folder as this test's own executable (`<target>/debug/deps/…`).
/// Asking the executable, rather than assuming `./target`, keeps the test
/// right when CARGO_TARGET_DIR points elsewhere, as it does in CI.
fn counter_beside_this_test() -> PathBuf {
    let test_binary = std::env::current_exe().expect("the test's own path");
    let profile_dir =
        test_binary.parent().and_then(|deps| deps.parent()).expect("a test binary lives in <target>/<profile>/deps");
    profile_dir.join(format!("portal-counter{}", std::env::consts::EXE_SUFFIX))
}

impl Counter {
    fn start() -> Counter {
        let binary = std::env::var_os("PORTAL_COUNTER_BIN").map(PathBuf::from).unwrap_or_else(counter_beside_this_test);
        assert!(
            binary.is_file(),
            "no {}: `cargo test -p portal-counter` builds it (bash scripts/test.sh runs that first)",
            binary.display()
        );
        let dir = std::env::temp_dir().join(format!("portal-e2e-counter-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut child = Command::new(&binary)
            .args(["--listen", "127.0.0.1:0", "--start-total", &START_TOTAL.to_string()])
            .args(["--max-age", "1", "--client-ip-header", "X-Real-IP", "--state-file"])
            .arg(dir.join("state"))
            .env_remove("REDIS_URL")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", binary.display()));
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let addr = line.split("http://").nth(1).and_then(|rest| rest.split_whitespace().next());
        let Some(addr) = addr.and_then(|a| a.parse().ok()) else {
            let _ = child.kill();
            panic!("portal-counter did not start: {line:?}");
        };
        Counter { child, addr, dir }
    }

    /// The statistics document, asked of the counter itself.
    fn document(&self) -> String {
        let mut stream = TcpStream::connect(self.addr).unwrap();
        stream.write_all(b"GET /thong-ke.json HTTP/1.1\r\nHost: counter\r\nConnection: close\r\n\r\n").unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer.split_once("\r\n\r\n").map(|(_, body)| body.to_string()).unwrap_or_default()
    }

    /// (online, today, total).
    fn figures(&self) -> (u64, u64, u64) {
        let body = self.document();
        let value: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
        let count = |name: &str| value[name].as_u64().unwrap();
        (count("online"), count("today"), count("total"))
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// "3.314.816", as the box writes it.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Waits until the visitor box shows these three figures.
async fn wait_for_box(browser: &Browser, online: u64, today: u64, total: u64) {
    let expected = json!([grouped(online), grouped(today), grouped(total)]);
    let condition = format!(
        "JSON.stringify([...document.querySelectorAll('section.visitor-widget dd')].map(d => d.textContent.trim())) === {}",
        json!(expected.to_string())
    );
    browser.wait_until(&format!("the visitor box to show {expected}"), &condition).await;
}

async fn beacons_sent(browser: &Browser) -> u64 {
    let script = "return performance.getEntriesByType('resource').filter(e => e.initiatorType === 'beacon').length;";
    browser.eval(script, vec![]).await.as_u64().unwrap_or(0)
}

async fn wait_for_beacons(browser: &Browser, at_least: u64) {
    let deadline = Instant::now() + support::browser::WAIT;
    while beacons_sent(browser).await < at_least {
        assert!(Instant::now() < deadline, "fewer than {at_least} beacons sent");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_visitor_box_shows_the_counters_real_figures() {
    let counter = Counter::start();
    let config = format!(
        r#"{{"version":1,"stats_poll_seconds":{POLL_SECONDS},"sources":{{"stats":"/thong-ke.json"}},"pageview_url":"/luot-truy-cap"}}"#
    );
    let directives = format!(
        "set $portal_counter {};\n\
         include portal/portal-counter.conf;\n\
         location = /config.json {{ default_type application/json; add_header Cache-Control no-cache; return 200 '{config}'; }}",
        counter.addr
    );
    let server = nginx::Nginx::serve_with(&Build::Root.dist(), Build::Root, &directives);
    assert_eq!(counter.figures(), (0, 0, START_TOTAL));

    // A first visitor opens the portal: one visit.
    let first = Session::start(Viewport::Desktop).await;
    let a = Browser::new(first.client.clone(), server.url(""));
    a.open("/").await;
    wait_for_box(&a, 1, 1, START_TOTAL + 1).await;
    assert_eq!(counter.figures(), (1, 1, START_TOTAL + 1));
    // The random id stays in localStorage; sessionStorage marks the session as reported.
    let stored = "return [localStorage.getItem('luot-truy-cap'), sessionStorage.getItem('luot-truy-cap')];";
    let first_tab = a.eval(stored, vec![]).await;
    let id = first_tab[0].as_str().unwrap_or_default().to_string();
    assert!(id.len() == 16 && id.bytes().all(|b| b.is_ascii_digit()), "visitor id {first_tab}");
    assert_eq!(first_tab[1], "", "no session mark in {first_tab}");

    // More pages in the same visit: page views, not visits.
    a.click("a[href='/lich-cong-tac']").await;
    a.wait_until("the schedule", "location.pathname === '/lich-cong-tac'").await;
    wait_for_beacons(&a, 2).await;
    a.open("/tin/1019").await;
    wait_for_beacons(&a, 1).await; // a new document: its own first beacon
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(counter.figures(), (1, 1, START_TOTAL + 1), "a page view inside a visit was counted as a visit");

    // A second tab of the same browser: the same visitor, the same visit.
    let tab_a = a.client.window().await.unwrap();
    let tab_b = a.client.new_window(true).await.unwrap();
    a.client.switch_to_window(tab_b.handle).await.unwrap();
    a.open("/").await;
    wait_for_beacons(&a, 1).await;
    wait_for_box(&a, 1, 1, START_TOTAL + 1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(counter.figures(), (1, 1, START_TOTAL + 1), "a second tab of one browser was counted again");
    assert_eq!(a.eval(stored, vec![]).await[0], id.as_str(), "the second tab has another visitor id");
    a.client.close_window().await.unwrap();
    a.client.switch_to_window(tab_a).await.unwrap();

    // Another browser (another visitor, its own storage) comes.
    let second = Session::start(Viewport::Phone).await;
    let b = Browser::new(second.client.clone(), server.url(""));
    b.open("/").await;
    let deadline = Instant::now() + support::browser::WAIT;
    while counter.figures() != (2, 2, START_TOTAL + 2) {
        assert!(Instant::now() < deadline, "the second visitor was not counted: {:?}", counter.figures());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let counted = Instant::now();
    // The first visitor's box shows it at its next poll (plus the 1 s the
    // counter's Cache-Control lets the browser reuse an answer).
    wait_for_box(&a, 2, 2, START_TOTAL + 2).await;
    let took = counted.elapsed();
    assert!(took <= Duration::from_millis(POLL_SECONDS * 1000 + 2500), "the box took {took:?} to show the new figures");
    wait_for_box(&b, 2, 2, START_TOTAL + 2).await;
    assert_ne!(b.eval(stored, vec![]).await[0], id.as_str(), "two browsers with one visitor id");

    // What the counter serves is the documented format: its JSON Schema and
    // the portal's own parser take it.
    let text = counter.document();
    let document: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(schema_check::violations(&schema_check::compile("statistics"), &document), Vec::<String>::new());
    let parsed = parse_stats(STATS_DOCUMENT, &text).unwrap_or_else(|e| panic!("{}: {text}", e.vietnamese()));
    assert_eq!((parsed.online, parsed.today, parsed.total), (2, 2, START_TOTAL + 2));

    second.close().await;
    first.close().await;
}
