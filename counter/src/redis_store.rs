//! The Redis store: the figures live in Redis, shared by every counter
//! instance that names the same Redis and key prefix.
//!
//! Keys (prefix `portal-counter:` unless set):
//! - `total`: visits counted (the carried-over start is added when read);
//! - `today:DAY`: visits on one Vietnamese day (DAY = days since 1970-01-01
//!   in UTC+7), kept two days;
//! - `online`: a sorted set of visitor ids scored by the last time seen (ms),
//!   trimmed to the online window when read;
//! - `visit:ID`: when the visitor's last visit was counted, kept twice the
//!   visit window; it is what keeps two instances from counting one visit twice.
//!
//! Page views go into a queue in memory; one task writes them in batches,
//! each batch one Lua script (atomic in Redis: it runs whole or not at all).
//! A request waits for its batch while Redis answers (204); while Redis is
//! away it is answered 202 at once and its page view waits in the queue,
//! written, in order, when Redis is back. Writing a batch twice (an answer
//! lost with the connection) counts nothing twice: a visit is counted only
//! if the visitor's stored last visit is older than the visit window before
//! it, and a second write of the same page view finds its own time there.

use crate::clock::vietnam_day;
use crate::store::{Accepted, Figures, Full, Hit, Rules};
use redis::aio::MultiplexedConnection;
use redis::{AsyncConnectionConfig, Client, Script};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::{oneshot, Notify};

/// ARGV: prefix, visit window (ms), then per page view: id, first (0/1),
/// time (ms), Vietnamese day. Returns the visits counted.
const RECORD: &str = r#"
local p = ARGV[1]
local window = tonumber(ARGV[2])
local counted = 0
for i = 3, #ARGV, 4 do
  local id, first, at, day = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), ARGV[i + 3]
  redis.call('ZADD', p .. 'online', 'GT', at, id)
  if first == '1' then
    local key = p .. 'visit:' .. id
    local last = tonumber(redis.call('GET', key))
    if (not last) or last <= at - window then
      redis.call('SET', key, at, 'PX', 2 * window)
      redis.call('INCR', p .. 'total')
      redis.call('INCR', p .. 'today:' .. day)
      redis.call('EXPIRE', p .. 'today:' .. day, 172800)
      counted = counted + 1
    end
  end
end
return counted
"#;

/// Page views per script call: large enough to keep up with a burst, small
/// enough that one call holds Redis for well under a millisecond.
const BATCH: usize = 256;
/// Beyond this many page views held (Redis away for long), beacons get 503.
const MAX_HELD: usize = 2_000_000;
/// A request whose batch takes longer than this is answered 202 (held).
const WAIT_FOR_WRITE: Duration = Duration::from_millis(1000);
/// Figures read from Redis serve the polls of the next second.
pub const FIGURES_FRESH_MS: i64 = 1000;

struct Queued {
    hit: Hit,
    written: Option<oneshot::Sender<()>>,
}

pub struct RedisStore {
    rules: Rules,
    prefix: String,
    client: Client,
    script: Script,
    queue: Mutex<VecDeque<Queued>>,
    wake: Notify,
    up: AtomicBool,
    stopping: AtomicBool,
    drained: Notify,
    /// Held page views written here at shutdown if Redis is away, read back at start.
    spill: Option<PathBuf>,
    /// Set while page views read back from the spill file are not all written.
    spill_loaded: AtomicBool,
    /// The last figures read, for polls within a second and while Redis is away.
    last: Mutex<Option<Figures>>,
    reader: tokio::sync::Mutex<Option<MultiplexedConnection>>,
    fresh_ms: i64,
    /// When reading the figures last failed: for a second after, polls get
    /// the last figures at once instead of each waiting for a time-out.
    read_failed_at: AtomicI64,
}

impl RedisStore {
    pub fn open(rules: Rules, url: &str, prefix: String, spill: Option<PathBuf>) -> Result<RedisStore, String> {
        let client = Client::open(url).map_err(|e| format!("REDIS_URL: {e}"))?;
        let mut queue = VecDeque::new();
        if let Some(path) = &spill {
            for hit in read_spill(path)? {
                queue.push_back(Queued { hit, written: None });
            }
            if !queue.is_empty() {
                eprintln!("portal-counter: {} page views from {} to write", queue.len(), path.display());
            }
        }
        let loaded = !queue.is_empty();
        Ok(RedisStore {
            rules,
            prefix,
            client,
            script: Script::new(RECORD),
            queue: Mutex::new(queue),
            wake: Notify::new(),
            up: AtomicBool::new(false),
            stopping: AtomicBool::new(false),
            drained: Notify::new(),
            spill_loaded: AtomicBool::new(loaded),
            spill,
            last: Mutex::new(None),
            reader: tokio::sync::Mutex::new(None),
            fresh_ms: FIGURES_FRESH_MS,
            read_failed_at: AtomicI64::new(i64::MIN),
        })
    }

    /// How long figures read serve later polls (tests with a clock of
    /// their own read every time: 0).
    pub fn with_figures_fresh_ms(mut self, fresh_ms: i64) -> RedisStore {
        self.fresh_ms = fresh_ms;
        self
    }

    pub fn is_up(&self) -> bool {
        self.up.load(Ordering::Acquire)
    }

    pub fn pending(&self) -> usize {
        self.queue.lock().unwrap().len()
    }

    pub async fn record(&self, hit: Hit) -> Result<Accepted, Full> {
        let up = self.is_up();
        let (sender, receiver) = if up {
            let (sender, receiver) = oneshot::channel();
            (Some(sender), Some(receiver))
        } else {
            (None, None)
        };
        {
            let mut queue = self.queue.lock().unwrap();
            if queue.len() >= MAX_HELD {
                return Err(Full);
            }
            queue.push_back(Queued { hit, written: sender });
        }
        self.wake.notify_one();
        match receiver {
            Some(receiver) => match tokio::time::timeout(WAIT_FOR_WRITE, receiver).await {
                Ok(Ok(())) => Ok(Accepted::Stored),
                _ => Ok(Accepted::Held),
            },
            None => Ok(Accepted::Held),
        }
    }

    async fn connect(&self) -> redis::RedisResult<MultiplexedConnection> {
        let config = AsyncConnectionConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(1)))
            .set_response_timeout(Some(Duration::from_secs(2)));
        self.client.get_multiplexed_async_connection_with_config(&config).await
    }

    /// Writes the queue to Redis for as long as the counter runs, and at
    /// shutdown until it is empty or Redis has been away for `drain`.
    pub async fn write_forever(&self) {
        // Connected before the first beacon, so that it is not answered 202.
        let mut connection: Option<MultiplexedConnection> = self.connect().await.ok();
        if connection.is_some() {
            self.up.store(true, Ordering::Release);
        }
        let mut backoff = Duration::from_millis(50);
        loop {
            let batch: Vec<(String, bool, i64)> = {
                let queue = self.queue.lock().unwrap();
                queue.iter().take(BATCH).map(|q| (q.hit.visitor.clone(), q.hit.first, q.hit.at_ms)).collect()
            };
            if batch.is_empty() {
                self.drained.notify_waiters();
                if let Some(path) = self.spill.as_ref().filter(|_| self.spill_loaded.swap(false, Ordering::AcqRel)) {
                    // Everything read back from it is in Redis now.
                    let _ = std::fs::remove_file(path);
                }
                if self.stopping.load(Ordering::Acquire) {
                    return;
                }
                self.wake.notified().await;
                continue;
            }
            let result = match connection.as_mut() {
                Some(con) => self.write_batch(con, &batch).await,
                None => match self.connect().await {
                    Ok(con) => self.write_batch(connection.insert(con), &batch).await,
                    Err(e) => Err(e),
                },
            };
            match result {
                Ok(()) => {
                    self.up.store(true, Ordering::Release);
                    backoff = Duration::from_millis(50);
                    let mut queue = self.queue.lock().unwrap();
                    for queued in queue.drain(..batch.len()) {
                        if let Some(written) = queued.written {
                            let _ = written.send(());
                        }
                    }
                }
                Err(e) => {
                    if self.up.swap(false, Ordering::AcqRel) {
                        eprintln!("portal-counter: Redis out of reach ({e}); holding page views in memory");
                    }
                    connection = None;
                    // Waiting requests are answered 202 now rather than after their time-out.
                    for queued in self.queue.lock().unwrap().iter_mut() {
                        queued.written = None;
                    }
                    self.drained.notify_waiters();
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(1));
                }
            }
        }
    }

    async fn write_batch(
        &self,
        con: &mut MultiplexedConnection,
        batch: &[(String, bool, i64)],
    ) -> redis::RedisResult<()> {
        let mut call = self.script.prepare_invoke();
        call.arg(&self.prefix).arg(self.rules.visit_window_ms);
        for (visitor, first, at_ms) in batch {
            call.arg(visitor).arg(u8::from(*first)).arg(*at_ms).arg(vietnam_day(*at_ms));
        }
        call.invoke_async::<i64>(con).await.map(|_| ())
    }

    /// Reads the figures, at most once a second; while Redis is away, the
    /// last ones read (their `counted_at` tells how old they are).
    pub async fn figures(&self, now_ms: i64) -> Option<Figures> {
        let last = *self.last.lock().unwrap();
        if let Some(figures) = last.filter(|f| now_ms - f.counted_at_ms < self.fresh_ms && now_ms >= f.counted_at_ms) {
            return Some(figures);
        }
        let failed_at = self.read_failed_at.load(Ordering::Acquire);
        if last.is_some() && (0..FIGURES_FRESH_MS).contains(&now_ms.saturating_sub(failed_at)) {
            return last;
        }
        match self.read_figures(now_ms).await {
            Ok(figures) => {
                *self.last.lock().unwrap() = Some(figures);
                Some(figures)
            }
            Err(e) => {
                if self.read_failed_at.swap(now_ms, Ordering::AcqRel) < now_ms - 60_000 {
                    eprintln!("portal-counter: reading the figures from Redis failed ({e}); serving the last ones");
                }
                last
            }
        }
    }

    async fn read_figures(&self, now_ms: i64) -> redis::RedisResult<Figures> {
        let mut reader = self.reader.lock().await;
        if reader.is_none() {
            *reader = Some(self.connect().await?);
        }
        let con = reader.as_mut().expect("connected above");
        let p = &self.prefix;
        let since = now_ms - self.rules.online_window_ms;
        let result: redis::RedisResult<(u64, Option<u64>, Option<u64>)> = redis::pipe()
            .cmd("ZREMRANGEBYSCORE")
            .arg(format!("{p}online"))
            .arg("-inf")
            .arg(since)
            .ignore()
            .cmd("ZCARD")
            .arg(format!("{p}online"))
            .cmd("GET")
            .arg(format!("{p}total"))
            .cmd("GET")
            .arg(format!("{p}today:{}", vietnam_day(now_ms)))
            .query_async(con)
            .await;
        match result {
            Ok((online, total, today)) => Ok(Figures {
                online,
                today: today.unwrap_or(0),
                total: total.unwrap_or(0) + self.rules.start_total,
                counted_at_ms: now_ms,
            }),
            Err(e) => {
                *reader = None;
                Err(e)
            }
        }
    }

    /// Writes what is held; if Redis stays away for `drain`, spills it to
    /// the spill file (or says how many page views are lost without one).
    pub async fn shutdown_within(&self, drain: Duration) {
        self.stopping.store(true, Ordering::Release);
        self.wake.notify_one();
        let deadline = tokio::time::Instant::now() + drain;
        while self.pending() > 0 && tokio::time::Instant::now() < deadline {
            let _ = tokio::time::timeout(Duration::from_millis(100), self.drained.notified()).await;
        }
        let held: Vec<Hit> = self.queue.lock().unwrap().iter().map(|q| q.hit.clone()).collect();
        if held.is_empty() {
            return;
        }
        match &self.spill {
            Some(path) => match write_spill(path, &held) {
                Ok(()) => eprintln!("portal-counter: Redis away; {} page views kept in {}", held.len(), path.display()),
                Err(e) => eprintln!("portal-counter: {} page views lost: {}: {e}", held.len(), path.display()),
            },
            None => eprintln!("portal-counter: Redis away; {} page views lost (no --state-file)", held.len()),
        }
    }
}

fn write_spill(path: &std::path::Path, hits: &[Hit]) -> std::io::Result<()> {
    use std::io::Write;
    let mut text = String::from("portal-counter-held 1\n");
    for hit in hits {
        text.push_str(&format!("{} {} {}\n", hit.visitor, u8::from(hit.first), hit.at_ms));
    }
    let temporary = path.with_extension("tmp");
    let mut file = std::fs::File::create(&temporary)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&temporary, path)
}

fn read_spill(path: &std::path::Path) -> Result<Vec<Hit>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut lines = text.lines();
    if lines.next() != Some("portal-counter-held 1") {
        return Err(format!("{}: not a file of held page views", path.display()));
    }
    lines
        .map(|line| {
            let words: Vec<&str> = line.split(' ').collect();
            match words[..] {
                [visitor, first @ ("0" | "1"), at] => Ok(Hit {
                    visitor: visitor.to_string(),
                    first: first == "1",
                    at_ms: at.parse().map_err(|_| format!("{}: bad line `{line}`", path.display()))?,
                }),
                _ => Err(format!("{}: bad line `{line}`", path.display())),
            }
        })
        .collect()
}
