//! Every bad request from a table gets its own clear 4xx from the running
//! counter, and no figure moves: not the totals, not "online".

mod support;

use support::{beacon_body, beacon_request, raw, Counter};

const ORIGIN: &str = "https://skhcn.quangtri.gov.vn";

fn request(head: &str, body: &str) -> Vec<u8> {
    format!("{head}\r\nHost: counter\r\nConnection: close\r\n\r\n{body}").into_bytes()
}

fn beacon_with(body: &str) -> Vec<u8> {
    beacon_request(body, "")
}

fn bad_requests() -> Vec<(&'static str, Vec<u8>, u16)> {
    let good = beacon_body("visitor-bad0", true);
    let big = format!(r#"{{"path":"/{}","version":1,"visitor":"visitor-big0","first":true}}"#, "x".repeat(1100));
    let chunked_big = format!(
        "POST /luot-truy-cap HTTP/1.1\r\nHost: counter\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\
         Connection: close\r\n\r\n{:x}\r\n{big}\r\n0\r\n\r\n",
        big.len()
    );
    let deep = format!("{}{}", "[".repeat(600), "]".repeat(300));
    vec![
        ("GET of the beacon address", request("GET /luot-truy-cap HTTP/1.1", ""), 405),
        ("DELETE of the beacon address", request("DELETE /luot-truy-cap HTTP/1.1", ""), 405),
        ("PUT of the statistics", request("PUT /thong-ke.json HTTP/1.1\r\nContent-Length: 2", "{}"), 405),
        ("POST to the statistics", beacon_request(&good, "").replacen("/luot-truy-cap".as_bytes(), b"/thong-ke.json"), 405),
        ("an unknown address", request("GET /admin HTTP/1.1", ""), 404),
        ("a beacon to an unknown address", beacon_request(&good, "").replacen("/luot-truy-cap".as_bytes(), b"/luot-xem"), 404),
        ("not JSON", beacon_with("hello"), 400),
        ("an empty body", beacon_with(""), 400),
        ("truncated JSON", beacon_with(r#"{"path":"/","version":1,"visi"#), 400),
        ("a JSON array", beacon_with(r#"["/",1,"visitor-x1"]"#), 400),
        ("JSON nested 600 deep", beacon_with(&deep), 400),
        ("no visitor id", beacon_with(r#"{"path":"/","version":1,"first":true}"#), 400),
        ("a visitor id too short", beacon_with(&beacon_body("abc", true)), 400),
        ("a visitor id with markup", beacon_with(&beacon_body("<script>alert(1)</script>", true)), 400),
        ("a visitor id that is a number", beacon_with(r#"{"path":"/","version":1,"visitor":12345678}"#), 400),
        ("another format version", beacon_with(r#"{"path":"/","version":2,"visitor":"visitor-v2x"}"#), 400),
        ("a path that is not one", beacon_with(r#"{"path":"tin/1","version":1,"visitor":"visitor-p1x"}"#), 400),
        ("first as a string", beacon_with(r#"{"path":"/","version":1,"visitor":"visitor-f1x","first":"true"}"#), 400),
        ("a body that is not UTF-8", {
            let mut request = beacon_request("12345", "");
            let at = request.len() - 5;
            request.splice(at.., [0xff, 0xfe, 0xfd, 0x00, 0x7b]);
            request
        }, 400),
        ("a body over 1 KB", beacon_with(&big), 413),
        ("a chunked body over 1 KB", chunked_big.into_bytes(), 413),
        ("JSON sent as application/json", beacon_request(&good, "").replacen(b"text/plain;charset=UTF-8", b"application/json"), 415),
        ("no Content-Type", beacon_request(&good, "").replacen(b"Content-Type: text/plain;charset=UTF-8\r\n", b""), 415),
        ("a beacon from another site", beacon_request(&good, "Origin: https://evil.example\r\n"), 403),
        ("a preflight from another site", request("OPTIONS /luot-truy-cap HTTP/1.1\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: POST", ""), 403),
        ("the statistics read from another site", request("GET /thong-ke.json HTTP/1.1\r\nOrigin: https://evil.example", ""), 403),
        ("headers of 16 KB", beacon_request(&good, &format!("X-Padding: {}\r\n", "a".repeat(16 * 1024))), 431),
        ("an address of 4 KB", request(&format!("GET /thong-ke.json?{} HTTP/1.1", "q".repeat(4096)), ""), 414),
        ("a malformed request line", b"HELLO\r\n\r\n".to_vec(), 400),
        ("a Content-Length that is not a number", b"POST /luot-truy-cap HTTP/1.1\r\nHost: c\r\nContent-Type: text/plain\r\nContent-Length: many\r\n\r\n".to_vec(), 400),
    ]
}

trait Replace {
    fn replacen(self, from: &[u8], to: &[u8]) -> Vec<u8>;
}

impl Replace for Vec<u8> {
    fn replacen(self, from: &[u8], to: &[u8]) -> Vec<u8> {
        let at = self.windows(from.len()).position(|w| w == from).expect("the text to replace");
        [&self[..at], to, &self[at + from.len()..]].concat()
    }
}

#[test]
fn every_bad_input_is_refused_with_a_4xx_and_changes_no_figure() {
    let dir = support::temp_dir("bad");
    let state = dir.join("state");
    let counter = Counter::start(
        &["--state-file", state.to_str().unwrap(), "--allow-origin", ORIGIN, "--rate-per-minute", "0"],
        None,
    );
    // One real visit first, so that "no change" is not "still zero".
    assert_eq!(support::send_beacon(counter.addr, "visitor-good1", true), Some(204));
    let before = counter.figures();
    assert_eq!((before.online, before.today, before.total), (1, 1, 1));
    let table = bad_requests();
    assert!(table.len() >= 20);
    let mut wrong = Vec::new();
    for (name, request, expected) in &table {
        let response = raw(counter.addr, request).unwrap_or_else(|e| panic!("{name}: {e}"));
        if response.status != *expected {
            wrong.push(format!("{name}: {} instead of {expected}", response.head.lines().next().unwrap_or("")));
        }
        let after = counter.figures();
        assert_eq!((after.online, after.today, after.total), (1, 1, 1), "{name} changed a figure");
    }
    assert!(wrong.is_empty(), "wrong answers:\n{}", wrong.join("\n"));
    // And the counter still counts.
    assert_eq!(support::send_beacon(counter.addr, "visitor-good2", true), Some(204));
    assert_eq!(counter.figures().total, 2);
    drop(counter);
    let _ = std::fs::remove_dir_all(dir);
}
