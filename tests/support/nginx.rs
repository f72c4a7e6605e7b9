//! Debian's real nginx serving a release build with the shipped rules
//! (deploy/nginx/), for `e2e_hosting.rs`. Included with `#[path]`.
//!
//! The harness writes a small top-level nginx.conf into a temporary folder
//! (pid, logs and temp paths there, one process in the foreground, the
//! brotli_static module loaded as Debian installs it) whose one server
//! listens on a free loopback port and includes `portal-at-root.conf` or
//! `portal-under-subpath.conf` exactly as a webmaster's server block does;
//! `deploy/nginx` is linked into the folder as `portal/`, where those files
//! expect it (/etc/nginx/portal/ on a server). The process is killed when
//! the value is dropped, also when a test panics.

use crate::support::Build;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NGINX: &str = "/usr/sbin/nginx";
/// Where Debian's libnginx-mod-http-brotli-static puts the module.
const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
/// What the sub-path server's own block adds after the include, as
/// portal.conf's HTTPS server shows; the root server leaves HSTS off.
pub const TEST_HSTS: &str = "max-age=31536000";

pub struct Nginx {
    child: Child,
    dir: PathBuf,
    port: u16,
    pub build: Build,
}

impl Nginx {
    pub fn start(build: Build) -> Nginx {
        Nginx::serve(&build.dist(), build)
    }

    /// Serves `dist`, a build made for `build`'s prefix, as `start` does.
    pub fn serve(dist: &Path, build: Build) -> Nginx {
        Nginx::serve_with(dist, build, "")
    }

    /// As `serve`, with `directives` added to the server block after the
    /// portal's include (e2e_counter.rs: the counter behind the same origin).
    pub fn serve_with(dist: &Path, build: Build, directives: &str) -> Nginx {
        assert!(
            Path::new(NGINX).is_file() && Path::new(BROTLI_MODULE).is_file(),
            "no {NGINX} with {BROTLI_MODULE}: `bash scripts/setup.sh` installs Debian's nginx and \
             libnginx-mod-http-brotli-static"
        );
        // A port freed just before nginx binds it can be taken meanwhile:
        // then nginx exits at once, and the next port is tried.
        let mut last_log = String::new();
        for _attempt in 0..3 {
            let dir = std::env::temp_dir().join(format!("portal-nginx-{}-{}", std::process::id(), unique()));
            std::fs::create_dir_all(&dir).expect("creating the nginx folder");
            let port = free_port();
            write_config(&dir, dist, build, port, directives);
            let child = nginx_in(&dir)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("starting {NGINX}: {e}"));
            // From here on, dropping `server` stops nginx and removes the folder.
            let mut server = Nginx { child, dir, port, build };
            if server.wait_until_listening() {
                return server;
            }
            last_log = server.error_log();
        }
        panic!("nginx did not start; its error log:\n{last_log}");
    }

    /// The absolute URL of a site path such as "/tin/1019" (prefix added).
    pub fn url(&self, site_path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.path(site_path))
    }

    /// The request path of a site path: "/tin/1019" is "/portal/tin/1019" under /portal/.
    pub fn path(&self, site_path: &str) -> String {
        format!("{}{}", self.build.prefix().trim_end_matches('/'), site_path)
    }

    /// GETs `path` (a full request path, prefix included) with the given
    /// Accept-Encoding (None: none sent).
    pub fn get(&self, path: &str, accept_encoding: Option<&str>) -> Response {
        let headers: Vec<(&str, &str)> = accept_encoding.map(|e| ("Accept-Encoding", e)).into_iter().collect();
        http_get(self.port, path, &headers)
    }

    /// GETs `path` with these request headers (e.g. a `Range`).
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        http_get(self.port, path, headers)
    }

    pub fn error_log(&self) -> String {
        std::fs::read_to_string(self.dir.join("error.log")).unwrap_or_default()
    }

    fn wait_until_listening(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return false;
            }
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `nginx -t` on a top-level configuration whose http block includes
/// `file` from deploy/nginx (as `include portal/FILE;`): Ok, or nginx's
/// own words.
pub fn check_config(file: &str) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("portal-nginx-t-{}-{}", std::process::id(), unique()));
    std::fs::create_dir_all(&dir).expect("creating the nginx folder");
    std::os::unix::fs::symlink(crate::support::repo("deploy/nginx"), dir.join("portal")).unwrap();
    let config = nginx_conf(&dir, "", &format!("include portal/{file};"));
    std::fs::write(dir.join("nginx.conf"), config).expect("writing nginx.conf");
    let output = nginx_in(&dir).arg("-t").output().unwrap_or_else(|e| panic!("starting {NGINX}: {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

fn write_config(dir: &Path, dist: &Path, build: Build, port: u16, directives: &str) {
    let rules = crate::support::repo("deploy/nginx");
    std::os::unix::fs::symlink(&rules, dir.join("portal")).expect("linking deploy/nginx into the nginx folder");
    let (root, include, extra) = match build {
        Build::Root => (dist.to_path_buf(), "portal-at-root.conf", String::new()),
        Build::SubPath => {
            // The server's root holds the build as its folder portal/.
            let site = dir.join("site");
            std::fs::create_dir_all(&site).unwrap();
            std::os::unix::fs::symlink(dist, site.join("portal")).unwrap();
            (site, "portal-under-subpath.conf", format!("set $portal_hsts \"{TEST_HSTS}\";"))
        }
    };
    let server = format!(
        "server {{\n\
             listen 127.0.0.1:{port};\n\
             root {root};\n\
             include portal/{include};\n\
             {extra}\n\
             {directives}\n\
         }}",
        root = root.display()
    );
    let config = nginx_conf(dir, "daemon off;\nmaster_process off;\nworker_processes 1;\n", &server);
    std::fs::write(dir.join("nginx.conf"), config).expect("writing nginx.conf");
}

/// nginx run on `dir`'s nginx.conf, with every path it writes under `dir`.
fn nginx_in(dir: &Path) -> Command {
    let mut command = Command::new(NGINX);
    command.arg("-p").arg(dir).arg("-c").arg(dir.join("nginx.conf")).arg("-e").arg(dir.join("error.log"));
    command
}

/// A top-level nginx.conf: the brotli module, `main` directives, and an http
/// block holding `http` with every file nginx writes kept under `dir`.
fn nginx_conf(dir: &Path, main: &str, http: &str) -> String {
    let d = dir.display();
    format!(
        "load_module {BROTLI_MODULE};\n\
         {main}\
         pid {d}/nginx.pid;\n\
         error_log {d}/error.log warn;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n\
             access_log off;\n\
             client_body_temp_path {d}/body;\n\
             proxy_temp_path {d}/proxy;\n\
             fastcgi_temp_path {d}/fastcgi;\n\
             uwsgi_temp_path {d}/uwsgi;\n\
             scgi_temp_path {d}/scgi;\n\
             {http}\n\
         }}\n"
    )
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("finding a free port").port()
}

/// An HTTP answer: status, headers (names lower-cased; a repeated header
/// keeps every value), and the body as sent (still compressed, de-chunked).
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: BTreeMap<String, Vec<String>>,
    pub body: Vec<u8>,
}

impl Response {
    /// The header's only value; None if absent. A header sent twice fails
    /// the test: two Cache-Control or CSP headers are a configuration bug.
    pub fn header(&self, name: &str) -> Option<&str> {
        let values = self.headers.get(&name.to_ascii_lowercase())?;
        assert_eq!(values.len(), 1, "{name} sent {} times: {values:?}", values.len());
        Some(values[0].as_str())
    }
}

/// A plain HTTP/1.1 GET (HTTP/1.0 would turn nginx's compression off).
fn http_get(port: u16, path: &str, headers: &[(&str, &str)]) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connecting to nginx");
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let headers: String = headers.iter().map(|(name, value)| format!("{name}: {value}\r\n")).collect();
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{headers}Connection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("sending the request");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("reading the answer");
    parse_response(&raw).unwrap_or_else(|| panic!("no HTTP answer to {path}: {:?}", String::from_utf8_lossy(&raw)))
}

fn parse_response(raw: &[u8]) -> Option<Response> {
    let head_end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..head_end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let mut headers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in lines {
        let (name, value) = line.split_once(':')?;
        headers.entry(name.trim().to_ascii_lowercase()).or_default().push(value.trim().to_string());
    }
    let rest = &raw[head_end + 4..];
    let chunked = headers.get("transfer-encoding").is_some_and(|v| v.iter().any(|e| e.eq_ignore_ascii_case("chunked")));
    let body = if chunked { dechunk(rest)? } else { rest.to_vec() };
    Some(Response { status, headers, body })
}

fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}
