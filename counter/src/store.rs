//! What both stores share: the counting rules, one page view as a store
//! receives it, the figures it gives back, and the store itself (embedded
//! or Redis). The rules are written down in docs/formats/visitor-counting.md.

use crate::embedded::Embedded;
use crate::redis_store::RedisStore;
use std::sync::Arc;

/// The counting rules a deployment can set.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    /// A visitor seen within this window is online.
    pub online_window_ms: i64,
    /// A session start of a visitor who had a visit within this window is
    /// the same visit (a second tab, a resent beacon, a browser that keeps
    /// no session storage).
    pub visit_window_ms: i64,
    /// Added to `total`: the count a department carries over from its old counter.
    pub start_total: u64,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules { online_window_ms: 5 * 60_000, visit_window_ms: 30 * 60_000, start_total: 0 }
    }
}

/// One counted page view: the random visitor id, whether it began a browser
/// session, and when the counter received it. Nothing else is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub visitor: String,
    pub first: bool,
    pub at_ms: i64,
}

/// The figures of thong-ke.json; `counted_at_ms` is when they were read
/// from the store (older than now while Redis is out of reach).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figures {
    pub online: u64,
    pub today: u64,
    pub total: u64,
    pub counted_at_ms: i64,
}

/// What became of an accepted page view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accepted {
    /// In the store (the embedded state, or written to Redis).
    Stored,
    /// Held in the counter's memory while Redis is out of reach, to be
    /// written when it is back.
    Held,
}

/// More page views are held than the counter will keep in memory.
#[derive(Debug)]
pub struct Full;

#[derive(Clone)]
pub enum Store {
    Embedded(Arc<Embedded>),
    Redis(Arc<RedisStore>),
}

impl Store {
    pub async fn record(&self, hit: Hit) -> Result<Accepted, Full> {
        match self {
            Store::Embedded(store) => {
                store.record(hit);
                Ok(Accepted::Stored)
            }
            Store::Redis(store) => store.record(hit).await,
        }
    }

    /// None only when Redis never answered since the counter started.
    pub async fn figures(&self, now_ms: i64) -> Option<Figures> {
        match self {
            Store::Embedded(store) => Some(store.figures(now_ms)),
            Store::Redis(store) => store.figures(now_ms).await,
        }
    }

    /// For the health endpoint: the store's name, whether its backing is
    /// reachable, and how many page views wait in memory.
    pub fn health(&self) -> (&'static str, bool, usize) {
        match self {
            Store::Embedded(_) => ("embedded", true, 0),
            Store::Redis(store) => ("redis", store.is_up(), store.pending()),
        }
    }

    /// After the last request: the embedded store writes its file; the Redis
    /// store writes what it holds (or, with Redis away, spills it to a file).
    pub async fn shutdown(&self, drain: std::time::Duration) {
        match self {
            Store::Embedded(store) => store.shutdown().await,
            Store::Redis(store) => store.shutdown_within(drain).await,
        }
    }
}
