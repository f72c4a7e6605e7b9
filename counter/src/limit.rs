//! The per-client rate limit: a token bucket per client address, in memory
//! only (never written anywhere), forgotten once it is full again.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::net::IpAddr;
use std::sync::Mutex;

const SHARDS: usize = 16;

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    at_ms: i64,
}

pub struct Limiter {
    /// Beacons a client may send per minute, on average; 0 turns the limit off.
    per_minute: u32,
    /// How many it may send at once after a quiet spell.
    burst: u32,
    shards: Vec<Mutex<HashMap<IpAddr, Bucket>>>,
}

impl Limiter {
    pub fn new(per_minute: u32, burst: u32) -> Limiter {
        Limiter { per_minute, burst: burst.max(1), shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect() }
    }

    /// Takes one token from the client's bucket, or says no.
    pub fn allow(&self, client: IpAddr, now_ms: i64) -> bool {
        if self.per_minute == 0 {
            return true;
        }
        let mut shard = self.shard(&client).lock().unwrap();
        let bucket = shard.entry(client).or_insert(Bucket { tokens: f64::from(self.burst), at_ms: now_ms });
        let refill = (now_ms - bucket.at_ms).max(0) as f64 * f64::from(self.per_minute) / 60_000.0;
        bucket.tokens = (bucket.tokens + refill).min(f64::from(self.burst));
        bucket.at_ms = now_ms.max(bucket.at_ms);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Forgets clients whose bucket has filled up again: they are as if new.
    pub fn sweep(&self, now_ms: i64) {
        let full_after_ms = (f64::from(self.burst) * 60_000.0 / f64::from(self.per_minute.max(1))) as i64;
        for shard in &self.shards {
            shard.lock().unwrap().retain(|_, bucket| now_ms - bucket.at_ms < full_after_ms);
        }
    }

    pub fn clients(&self) -> usize {
        self.shards.iter().map(|shard| shard.lock().unwrap().len()).sum()
    }

    fn shard(&self, client: &IpAddr) -> &Mutex<HashMap<IpAddr, Bucket>> {
        let mut hasher = DefaultHasher::new();
        client.hash(&mut hasher);
        &self.shards[hasher.finish() as usize % SHARDS]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_its_burst_then_its_rate() {
        let limiter = Limiter::new(60, 3);
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        assert!((0..3).all(|_| limiter.allow(a, 0)));
        assert!(!limiter.allow(a, 0), "the fourth at once is refused");
        assert!(limiter.allow(b, 0), "another client has its own bucket");
        assert!(!limiter.allow(a, 999) && limiter.allow(a, 1000), "one more per second at 60 a minute");
        limiter.sweep(1000 + 3000);
        assert_eq!(limiter.clients(), 0);
        assert!(Limiter::new(0, 1).allow(a, 0));
    }
}
