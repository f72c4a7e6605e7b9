//! What the counter's tests share: Debian's real redis-server and the real
//! `portal-counter` binary, each started on a free loopback port in its own
//! temporary folder and stopped when dropped (also when a test panics), and
//! a few lines of raw HTTP/1.1 to talk to them, bad requests included.
#![allow(dead_code)] // each test file uses its own part

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const REDIS_SERVER: &str = "/usr/bin/redis-server";

pub fn unique() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

pub fn temp_dir(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("portal-counter-{what}-{}-{}", std::process::id(), unique()));
    std::fs::create_dir_all(&dir).expect("creating a temporary folder");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("finding a free port").port()
}

/// Sends SIGTERM or SIGKILL to one process of ours, by its id.
fn signal(child: &Child, name: &str) {
    let status = Command::new("kill").arg(format!("-{name}")).arg(child.id().to_string()).status();
    assert!(status.is_ok_and(|s| s.success()), "kill -{name} {}", child.id());
}

/// A redis-server of our own: loopback only, its files in a temporary
/// folder, an append-only file synced on every write, so that a kill and a
/// restart keep every write Redis acknowledged.
pub struct Redis {
    child: Option<Child>,
    pub port: u16,
    dir: PathBuf,
}

impl Redis {
    pub fn start() -> Redis {
        assert!(
            Path::new(REDIS_SERVER).is_file(),
            "no {REDIS_SERVER}: `bash scripts/setup.sh` installs Debian's redis-server"
        );
        for _attempt in 0..5 {
            let mut redis = Redis { child: None, port: free_port(), dir: temp_dir("redis") };
            if redis.launch() {
                return redis;
            }
        }
        panic!("redis-server did not start");
    }

    fn launch(&mut self) -> bool {
        let child = Command::new(REDIS_SERVER)
            .args(["--bind", "127.0.0.1", "--port", &self.port.to_string(), "--save", "", "--appendonly", "yes"])
            .args(["--appendfsync", "always", "--daemonize", "no", "--logfile", "redis.log"])
            .arg("--dir")
            .arg(&self.dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {REDIS_SERVER}: {e}"));
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(Ok(Some(_))) = self.child.as_mut().map(|c| c.try_wait()) {
                self.child = None;
                return false;
            }
            if self.command("PING").is_ok_and(|answer| answer.starts_with("+PONG")) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// One inline command, its first answer line ("+PONG", ":5", "$3" …).
    pub fn command(&self, command: &str) -> std::io::Result<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        stream.write_all(format!("{command}\r\n").as_bytes())?;
        let mut line = String::new();
        BufReader::new(stream).read_line(&mut line)?;
        Ok(line.trim_end().to_string())
    }

    /// The bytes Redis uses for its data (INFO memory's used_memory).
    pub fn used_memory(&self) -> u64 {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connecting to redis");
        stream.write_all(b"INFO memory\r\n").unwrap();
        let mut reader = BufReader::new(stream);
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if let Some(bytes) = line.strip_prefix("used_memory:") {
                return bytes.trim().parse().unwrap();
            }
        }
    }

    /// SIGKILL: Redis gets no chance to save anything beyond its log.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            signal(&child, "KILL");
            let _ = child.wait();
        }
    }

    /// The same port and folder again: Redis reads its append-only file back.
    pub fn restart(&mut self) {
        self.kill();
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.launch() {
            assert!(Instant::now() < deadline, "redis-server did not start again on port {}", self.port);
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A running `portal-counter`, on a port the system chose (it prints its
/// address on its first line).
pub struct Counter {
    child: Option<Child>,
    pub addr: SocketAddr,
}

impl Counter {
    /// `args` after `--listen 127.0.0.1:0`; `redis`: REDIS_URL.
    pub fn start(args: &[&str], redis: Option<&str>) -> Counter {
        let mut command = Command::new(env!("CARGO_BIN_EXE_portal-counter"));
        command.args(["--listen", "127.0.0.1:0"]).args(args).env_remove("REDIS_URL");
        if let Some(url) = redis {
            command.env("REDIS_URL", url);
        }
        let mut child = command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        // Keep reading, so that the counter never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let Some(addr) = line.split("http://").nth(1).and_then(|rest| rest.split_whitespace().next()) else {
            let _ = child.kill();
            panic!("portal-counter did not start: its first line was {line:?}");
        };
        Counter { addr: addr.parse().unwrap(), child: Some(child) }
    }

    /// SIGTERM, then its exit status.
    pub fn terminate(&mut self) -> ExitStatus {
        let mut child = self.child.take().expect("running");
        signal(&child, "TERM");
        child.wait().unwrap()
    }

    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            signal(&child, "KILL");
            let _ = child.wait();
        }
    }

    pub fn figures(&self) -> Figures {
        figures(self.addr)
    }

    pub fn health(&self) -> Value {
        let response = get(self.addr, "/healthz");
        assert_eq!(response.status, 200);
        serde_json::from_slice(&response.body).unwrap()
    }

    /// Waits until no page view is held in memory (Redis store).
    pub fn wait_until_written(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.health()["held"] != 0 {
            assert!(Instant::now() < deadline, "page views still held: {}", self.health());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        self.kill();
    }
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Response {
    /// A header's value (name in any case), if sent.
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim().to_string())
        })
    }
}

/// Sends `request` as is on a new connection and reads the answer to its end.
pub fn raw(addr: SocketAddr, request: &[u8]) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(request)?;
    let mut bytes = Vec::new();
    // The server may close early on a refused request: what was read counts.
    let _ = stream.read_to_end(&mut bytes);
    let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::UnexpectedEof, format!("no answer ({} bytes)", bytes.len()))
    })?;
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok(Response { status, head, body: bytes[split + 4..].to_vec() })
}

pub const BROWSER: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/// A beacon as Chromium's sendBeacon sends it, with extra header lines.
pub fn beacon_request(body: &str, extra: &str) -> Vec<u8> {
    format!(
        "POST /luot-truy-cap HTTP/1.1\r\nHost: counter\r\nContent-Type: text/plain;charset=UTF-8\r\n\
         User-Agent: {BROWSER}\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n{body}",
        body.len()
    )
    .into_bytes()
}

pub fn beacon_body(visitor: &str, first: bool) -> String {
    format!(r#"{{"path":"/tin/1019/doan-kiem-tra","version":1,"visitor":"{visitor}","first":{first}}}"#)
}

/// Sends one beacon; the status, or None when the connection failed.
pub fn send_beacon(addr: SocketAddr, visitor: &str, first: bool) -> Option<u16> {
    raw(addr, &beacon_request(&beacon_body(visitor, first), "")).ok().map(|r| r.status)
}

pub fn get(addr: SocketAddr, path: &str) -> Response {
    raw(addr, format!("GET {path} HTTP/1.1\r\nHost: counter\r\nConnection: close\r\n\r\n").as_bytes())
        .unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub online: u64,
    pub today: u64,
    pub total: u64,
    pub counted_at: String,
}

pub fn figures(addr: SocketAddr) -> Figures {
    let response = get(addr, "/thong-ke.json");
    assert_eq!(response.status, 200, "{}", String::from_utf8_lossy(&response.body));
    let value: Value = serde_json::from_slice(&response.body).unwrap();
    let count = |name: &str| value[name].as_u64().unwrap_or_else(|| panic!("{name} in {value}"));
    Figures {
        online: count("online"),
        today: count("today"),
        total: count("total"),
        counted_at: value["counted_at"].as_str().unwrap().to_string(),
    }
}
