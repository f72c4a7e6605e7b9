//! The running counter, with each store: crawlers are answered but not
//! counted, the carried-over total, the document's format and headers,
//! CORS for the portal's origin only, the per-client rate limit, health.

mod support;

use support::{beacon_body, beacon_request, get, raw, send_beacon, Counter, Redis};

const ORIGIN: &str = "https://skhcn.quangtri.gov.vn";

fn start(redis: Option<&Redis>, extra: &[&str]) -> (Counter, std::path::PathBuf) {
    let dir = support::temp_dir("service");
    let state = dir.join("state");
    let mut args = vec!["--state-file", state.to_str().unwrap(), "--allow-origin", ORIGIN, "--start-total", "3314815"];
    args.extend_from_slice(extra);
    let prefix = format!("service{}:", support::unique());
    let with_prefix = ["--redis-prefix", prefix.as_str()];
    if redis.is_some() {
        args.extend_from_slice(&with_prefix);
    }
    (Counter::start(&args, redis.map(|r| r.url()).as_deref()), dir)
}

fn crawlers_and_the_carried_over_total(counter: &Counter) {
    let figures = counter.figures();
    assert_eq!((figures.online, figures.today, figures.total), (0, 0, 3_314_815));
    for agent in [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
    ] {
        let request = String::from_utf8(beacon_request(&beacon_body("crawler-01", true), "")).unwrap();
        let request = request.replace(support::BROWSER, agent);
        assert_eq!(raw(counter.addr, request.as_bytes()).unwrap().status, 204, "{agent}");
    }
    let no_agent = String::from_utf8(beacon_request(&beacon_body("crawler-02", true), "")).unwrap();
    let no_agent = no_agent.replace(&format!("User-Agent: {}\r\n", support::BROWSER), "");
    assert_eq!(raw(counter.addr, no_agent.as_bytes()).unwrap().status, 204);
    let figures = counter.figures();
    assert_eq!((figures.online, figures.today, figures.total), (0, 0, 3_314_815), "a crawler was counted");
    assert!(matches!(send_beacon(counter.addr, "person-01", true), Some(204 | 202)));
    if counter.health()["store"] == "redis" {
        counter.wait_until_written();
        std::thread::sleep(std::time::Duration::from_millis(1100)); // figures are read at most once a second
    }
    let figures = counter.figures();
    assert_eq!((figures.online, figures.today, figures.total), (1, 1, 3_314_816));
}

fn the_document_and_its_headers(counter: &Counter) {
    let response = get(counter.addr, "/thong-ke.json");
    assert_eq!(response.header("content-type").as_deref(), Some("application/json"));
    assert_eq!(response.header("cache-control").as_deref(), Some("public, max-age=5"));
    assert_eq!(response.header("access-control-allow-origin"), None, "no Origin, no CORS header");
    let body = String::from_utf8(response.body).unwrap();
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 5, "{body}");
    assert_eq!(value["version"], 1);
    let at = value["counted_at"].as_str().unwrap();
    assert!(at.len() == 25 && at.ends_with("+07:00") && at.as_bytes()[10] == b'T', "{at}");

    let cors = raw(
        counter.addr,
        format!("GET /thong-ke.json HTTP/1.1\r\nHost: c\r\nOrigin: {ORIGIN}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .unwrap();
    assert_eq!(cors.status, 200);
    assert_eq!(cors.header("access-control-allow-origin").as_deref(), Some(ORIGIN));
    assert_eq!(cors.header("vary").as_deref(), Some("Origin"));
    let preflight = raw(
        counter.addr,
        format!(
            "OPTIONS /luot-truy-cap HTTP/1.1\r\nHost: c\r\nOrigin: {ORIGIN}\r\nAccess-Control-Request-Method: POST\r\n\
             Connection: close\r\n\r\n"
        )
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(preflight.status, 204);
    assert_eq!(preflight.header("access-control-allow-origin").as_deref(), Some(ORIGIN));
    let from_portal = beacon_request(&beacon_body("person-02", false), &format!("Origin: {ORIGIN}\r\n"));
    let answer = raw(counter.addr, &from_portal).unwrap();
    assert!(matches!(answer.status, 204 | 202));
    assert_eq!(answer.header("access-control-allow-origin").as_deref(), Some(ORIGIN));
}

#[test]
fn the_embedded_counter_serves_and_counts_by_the_rules() {
    let (counter, dir) = start(None, &[]);
    assert_eq!(counter.health()["store"], "embedded");
    crawlers_and_the_carried_over_total(&counter);
    the_document_and_its_headers(&counter);
    drop(counter);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_redis_counter_serves_and_counts_by_the_rules() {
    let redis = Redis::start();
    let (counter, dir) = start(Some(&redis), &[]);
    assert_eq!(counter.health()["store"], "redis");
    crawlers_and_the_carried_over_total(&counter);
    the_document_and_its_headers(&counter);
    drop(counter);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn one_client_cannot_inflate_the_figures() {
    let (counter, dir) = start(None, &["--rate-per-minute", "60", "--rate-burst", "10"]);
    let statuses: Vec<Option<u16>> =
        (0..30).map(|i| send_beacon(counter.addr, &format!("inflated-{i:03}"), true)).collect();
    assert_eq!(statuses.iter().filter(|s| **s == Some(204)).count(), 10, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == Some(429)).count(), 20, "{statuses:?}");
    assert_eq!(counter.figures().total, 3_314_815 + 10);
    drop(counter);

    // Behind a proxy that names the client: each address has its own bucket.
    let _ = std::fs::remove_dir_all(dir);
    let (counter, dir) =
        start(None, &["--rate-per-minute", "60", "--rate-burst", "2", "--client-ip-header", "X-Real-IP"]);
    let from = |ip: &str, i: usize| {
        let request = beacon_request(
            &beacon_body(&format!("proxied-{}-{i}", ip.replace('.', "-")), true),
            &format!("X-Real-IP: {ip}\r\n"),
        );
        raw(counter.addr, &request).unwrap().status
    };
    let statuses: Vec<u16> = (0..3).flat_map(|i| [from("192.0.2.1", i), from("192.0.2.2", i)]).collect();
    assert_eq!(statuses, [204, 204, 204, 204, 429, 429]);
    drop(counter);
    let _ = std::fs::remove_dir_all(dir);
}
