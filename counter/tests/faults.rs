//! Faults, with the real binary and Debian's real redis-server: two
//! instances sharing one Redis count a visitor once; Redis killed and
//! restarted mid-stream loses nothing accepted; SIGTERM mid-stream loses
//! nothing (embedded store; Redis store, with Redis there or away); SIGKILL loses at
//! most the snapshot interval.

mod support;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{send_beacon, Counter, Redis};

/// Beacons from `threads` clients, each a new visitor's session start,
/// until `stop`: when each accepted one was answered, and its status.
#[derive(Clone, Default)]
struct Stream {
    accepted: Arc<Mutex<Vec<(Instant, u16)>>>,
    stop: Arc<AtomicBool>,
}

impl Stream {
    fn start(addr: SocketAddr, threads: usize, tag: &'static str) -> (Stream, Vec<std::thread::JoinHandle<()>>) {
        let stream = Stream::default();
        let handles = (0..threads)
            .map(|thread| {
                let stream = stream.clone();
                std::thread::spawn(move || {
                    let mut i = 0;
                    while !stream.stop.load(Ordering::SeqCst) {
                        i += 1;
                        let status = send_beacon(addr, &format!("{tag}-{thread}-{i}"), true);
                        match status {
                            Some(status @ (202 | 204)) => {
                                stream.accepted.lock().unwrap().push((Instant::now(), status))
                            }
                            Some(other) => panic!("beacon answered {other}"),
                            None => std::thread::sleep(Duration::from_millis(5)), // refused while stopping
                        }
                        std::thread::sleep(Duration::from_millis(1));
                    }
                })
            })
            .collect();
        (stream, handles)
    }

    fn finish(&self, handles: Vec<std::thread::JoinHandle<()>>) -> Vec<(Instant, u16)> {
        self.stop.store(true, Ordering::SeqCst);
        for handle in handles {
            handle.join().expect("a client thread failed");
        }
        self.accepted.lock().unwrap().clone()
    }

    /// Lets the stream run for `at_least`, and on past it until `beacons`
    /// were accepted (a loaded machine is slow; the tests want a real stream
    /// to interrupt, not a fixed time).
    fn run_until(&self, at_least: Duration, beacons: usize) {
        std::thread::sleep(at_least);
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.count() <= beacons && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn count(&self) -> usize {
        self.accepted.lock().unwrap().len()
    }
}

fn state_args(dir: &std::path::Path) -> Vec<String> {
    vec!["--state-file".into(), dir.join("state").to_str().unwrap().into(), "--rate-per-minute".into(), "0".into()]
}

fn start(dir: &std::path::Path, extra: &[&str], redis: Option<&str>) -> Counter {
    let mut args = state_args(dir);
    args.extend(extra.iter().map(|a| a.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Counter::start(&args, redis)
}

#[test]
fn two_instances_on_one_redis_count_each_visit_once_and_exactly() {
    let redis = Redis::start();
    let dir = support::temp_dir("two");
    let (a, b) = (start(&dir, &[], Some(&redis.url())), start(&dir, &[], Some(&redis.url())));
    let visitors = 400;
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| loop {
                let v = next.fetch_add(1, Ordering::SeqCst);
                if v >= visitors {
                    return;
                }
                let id = format!("twice-{v:05}");
                let (first, second) = if v.is_multiple_of(2) { (a.addr, b.addr) } else { (b.addr, a.addr) };
                // The session start reaches both instances at once (a
                // second tab, a load balancer retrying), then page views.
                std::thread::scope(|both| {
                    let id = &id;
                    both.spawn(move || assert!(matches!(send_beacon(first, id, true), Some(204 | 202))));
                    both.spawn(move || assert!(matches!(send_beacon(second, id, true), Some(204 | 202))));
                });
                assert!(matches!(send_beacon(first, &id, false), Some(204 | 202)));
                assert!(matches!(send_beacon(second, &id, false), Some(204 | 202)));
            });
        }
    });
    a.wait_until_written();
    b.wait_until_written();
    std::thread::sleep(Duration::from_millis(1100)); // past the figures' one-second reuse
    let (fa, fb) = (a.figures(), b.figures());
    assert_eq!((fa.online, fa.today, fa.total), (400, 400, 400));
    assert_eq!((fb.online, fb.today, fb.total), (400, 400, 400));
    drop((a, b));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn redis_killed_and_restarted_mid_stream_loses_no_accepted_count() {
    let mut redis = Redis::start();
    let dir = support::temp_dir("redis-restart");
    let counter = start(&dir, &[], Some(&redis.url()));
    let (stream, handles) = Stream::start(counter.addr, 4, "restart");
    std::thread::sleep(Duration::from_millis(800));
    let before = counter.figures();
    assert!(before.total > 0, "nothing counted before the kill");
    redis.kill();
    let killed_at = stream.count();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(stream.count() > killed_at, "beacons must still be accepted while Redis is away");
    // The last figures stay, with the time they were counted.
    let during = counter.figures();
    assert_eq!(during.counted_at, counter.figures().counted_at);
    assert!(during.total >= before.total);
    assert_eq!(counter.health()["backing"], "away");
    redis.restart();
    std::thread::sleep(Duration::from_millis(1000));
    let accepted = stream.finish(handles);
    let held = accepted.iter().filter(|(_, status)| *status == 202).count();
    assert!(held > 0, "no beacon was answered 202 while Redis was away");
    counter.wait_until_written();
    std::thread::sleep(Duration::from_millis(1100));
    let after = counter.figures();
    assert_eq!(after.total, accepted.len() as u64, "{} accepted ({held} while Redis was away)", accepted.len());
    assert_eq!(after.today, accepted.len() as u64);
    drop(counter);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sigterm_mid_stream_keeps_every_accepted_count_embedded() {
    let dir = support::temp_dir("sigterm");
    let mut counter = start(&dir, &["--snapshot-seconds", "60"], None);
    let (stream, handles) = Stream::start(counter.addr, 4, "term");
    stream.run_until(Duration::from_millis(1200), 50);
    let status = counter.terminate();
    let accepted = stream.finish(handles);
    assert!(status.success(), "portal-counter exited with {status}");
    assert!(accepted.len() > 50, "only {} beacons before SIGTERM", accepted.len());
    // A snapshot interval of a minute: only the write at SIGTERM can have kept them.
    let counter = start(&dir, &[], None);
    assert_eq!(counter.figures().total, accepted.len() as u64);
    drop(counter);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sigterm_with_redis_away_keeps_the_held_counts_for_the_next_start() {
    let mut redis = Redis::start();
    let dir = support::temp_dir("sigterm-redis");
    let mut counter = start(&dir, &["--drain-seconds", "1"], Some(&redis.url()));
    assert!(matches!(send_beacon(counter.addr, "before-kill-1", true), Some(204 | 202)));
    counter.wait_until_written();
    redis.kill();
    let (stream, handles) = Stream::start(counter.addr, 2, "away");
    std::thread::sleep(Duration::from_millis(800));
    let status = counter.terminate();
    let accepted = stream.finish(handles);
    assert!(status.success(), "portal-counter exited with {status}");
    assert!(accepted.iter().all(|(_, status)| *status == 202));
    assert!(dir.join("state").is_file(), "the held page views were not written to the state file");
    redis.restart();
    let counter = start(&dir, &[], Some(&redis.url()));
    counter.wait_until_written();
    assert_eq!(counter.figures().total, 1 + accepted.len() as u64);
    assert!(!dir.join("state").exists(), "the state file stays after its page views went to Redis");
    drop(counter);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sigkill_loses_at_most_the_snapshot_interval_embedded() {
    let dir = support::temp_dir("sigkill");
    let mut counter = start(&dir, &["--snapshot-seconds", "1"], None);
    let (stream, handles) = Stream::start(counter.addr, 4, "kill");
    std::thread::sleep(Duration::from_millis(3300));
    counter.kill();
    let killed = Instant::now();
    let accepted = stream.finish(handles);
    let counter = start(&dir, &[], None);
    let kept = counter.figures().total as usize;
    // The stated bound: the last snapshot interval (1 s), plus the time of
    // one write of the file (a margin of 250 ms here).
    let window = Duration::from_millis(1250);
    let recent = accepted.iter().filter(|(at, _)| killed.duration_since(*at) < window).count();
    assert!(accepted.len() > recent, "the stream was too short to tell");
    assert!(kept <= accepted.len(), "{kept} counted, only {} accepted", accepted.len());
    assert!(
        accepted.len() - kept <= recent,
        "{} lost; at most the {recent} accepted in the last {window:?} may be",
        accepted.len() - kept
    );
    eprintln!("SIGKILL: {} accepted, {kept} kept, {recent} in the last {window:?}", accepted.len());
    drop(counter);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sigterm_mid_stream_keeps_every_accepted_count_redis() {
    let redis = Redis::start();
    let dir = support::temp_dir("sigterm-redis-up");
    let mut counter = start(&dir, &[], Some(&redis.url()));
    let (stream, handles) = Stream::start(counter.addr, 4, "term-redis");
    stream.run_until(Duration::from_millis(1200), 50);
    let status = counter.terminate();
    let accepted = stream.finish(handles);
    assert!(status.success(), "portal-counter exited with {status}");
    assert!(accepted.len() > 50, "only {} beacons before SIGTERM", accepted.len());
    assert!(!dir.join("state").exists(), "with Redis there, nothing should be left to spill");
    let counter = start(&dir, &[], Some(&redis.url()));
    assert_eq!(counter.figures().total, accepted.len() as u64);
    drop(counter);
    let _ = std::fs::remove_dir_all(dir);
}
