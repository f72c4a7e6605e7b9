//! The load generator of scripts/bench-counter.sh: N beacons from C
//! concurrent clients, each on its own keep-alive connection, every beacon a
//! new visitor's session start (so the counter's total must grow by exactly
//! the number accepted). Prints one JSON line: counts, seconds, beacons per
//! second, latency percentiles.
//!
//!   cargo run --release -p portal-counter --example load -- ADDR [BEACONS] [CLIENTS] [TAG]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const AGENT: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr = args.first().expect("usage: load ADDR [BEACONS] [CLIENTS] [TAG]").clone();
    let beacons: usize = args.get(1).map_or(100_000, |n| n.parse().expect("BEACONS"));
    let clients: usize = args.get(2).map_or(200, |n| n.parse().expect("CLIENTS"));
    let tag = args.get(3).cloned().unwrap_or_else(|| "load".into());
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let (next, addr, tag) = (Arc::clone(&next), addr.clone(), tag.clone());
            tokio::spawn(async move { client(&addr, &next, beacons, &tag).await })
        })
        .collect();
    let mut latencies = Vec::with_capacity(beacons);
    let (mut accepted, mut refused, mut failed) = (0usize, 0usize, 0usize);
    for task in tasks {
        let outcome = task.await.expect("a client task");
        latencies.extend(outcome.latencies);
        accepted += outcome.accepted;
        refused += outcome.refused;
        failed += outcome.failed;
    }
    let seconds = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let percentile = |p: f64| {
        latencies.get(((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1)).map_or(0.0, |d| ms(*d))
    };
    println!(
        "{{\"beacons\":{beacons},\"clients\":{clients},\"accepted\":{accepted},\"refused\":{refused},\"failed\":{failed},\
         \"seconds\":{seconds:.3},\"per_second\":{:.0},\"p50_ms\":{:.3},\"p99_ms\":{:.3},\"max_ms\":{:.3}}}",
        accepted as f64 / seconds,
        percentile(0.50),
        percentile(0.99),
        percentile(1.0)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Outcome {
    latencies: Vec<Duration>,
    accepted: usize,
    refused: usize,
    failed: usize,
}

async fn client(addr: &str, next: &AtomicUsize, beacons: usize, tag: &str) -> Outcome {
    let mut outcome = Outcome { latencies: Vec::new(), accepted: 0, refused: 0, failed: 0 };
    let mut connection: Option<TcpStream> = None;
    let mut buffer = vec![0u8; 4096];
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= beacons {
            return outcome;
        }
        let body = format!(r#"{{"path":"/tin/1019/doan-kiem-tra","version":1,"visitor":"{tag}-{i:08}","first":true}}"#);
        let request = format!(
            "POST /luot-truy-cap HTTP/1.1\r\nHost: counter\r\nContent-Type: text/plain;charset=UTF-8\r\n\
             User-Agent: {AGENT}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let sent = Instant::now();
        let status = match connection.as_mut() {
            Some(stream) => exchange(stream, request.as_bytes(), &mut buffer).await,
            None => match TcpStream::connect(addr).await {
                Ok(stream) => {
                    let _ = stream.set_nodelay(true);
                    exchange(connection.insert(stream), request.as_bytes(), &mut buffer).await
                }
                Err(e) => Err(e),
            },
        };
        match status {
            Ok(status) => {
                outcome.latencies.push(sent.elapsed());
                if status == 204 || status == 202 {
                    outcome.accepted += 1;
                } else {
                    outcome.refused += 1;
                }
            }
            Err(_) => {
                outcome.failed += 1;
                connection = None;
            }
        }
    }
}

/// Writes one request and reads its answer (head, then Content-Length bytes).
async fn exchange(stream: &mut TcpStream, request: &[u8], buffer: &mut [u8]) -> std::io::Result<u16> {
    stream.write_all(request).await?;
    let mut read = 0;
    loop {
        let n = stream.read(&mut buffer[read..]).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        read += n;
        if let Some(end) = buffer[..read].windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buffer[..end]).to_ascii_lowercase();
            let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            let length: usize = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            let mut have = read - end - 4;
            while have < length {
                let n = stream.read(&mut buffer[..]).await?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                have += n;
            }
            return Ok(status);
        }
        if read == buffer.len() {
            return Err(std::io::Error::other("answer head too large"));
        }
    }
}
