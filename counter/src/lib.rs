//! The portal's visitor counter (issue 14): takes the page-view beacon,
//! counts visits by the rules in docs/formats/visitor-counting.md, and
//! serves the statistics document of docs/formats/statistics.md.

pub mod beacon;
pub mod clock;
pub mod config;
pub mod embedded;
pub mod http;
pub mod limit;
pub mod redis_store;
pub mod store;

use config::Config;
use std::sync::Arc;
use std::time::Duration;
use store::Store;

/// Opens the store the configuration names: Redis with REDIS_URL, else embedded.
pub fn open_store(config: &Config) -> Result<Store, String> {
    Ok(match &config.redis_url {
        Some(url) => Store::Redis(Arc::new(redis_store::RedisStore::open(
            config.rules,
            url,
            config.redis_prefix.clone(),
            Some(config.state_file.clone()),
        )?)),
        None => Store::Embedded(Arc::new(embedded::Embedded::open(config.rules, Some(config.state_file.clone()))?)),
    })
}

/// Serves until SIGTERM or SIGINT, then finishes the requests under way
/// and hands the store its last write.
pub async fn run(config: Config) -> Result<(), String> {
    let store = open_store(&config)?;
    let listener = listen(config.listen).map_err(|e| format!("listening on {}: {e}", config.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let background = match &store {
        Store::Embedded(embedded) => {
            let embedded = Arc::clone(embedded);
            let every = config.snapshot;
            tokio::spawn(async move { embedded.snapshot_every(every).await })
        }
        Store::Redis(redis) => {
            let redis = Arc::clone(redis);
            tokio::spawn(async move { redis.write_forever().await })
        }
    };
    let app = Arc::new(http::App {
        store: store.clone(),
        origins: config.origins.clone(),
        limiter: limit::Limiter::new(config.rate_per_minute, config.rate_burst),
        client_ip_header: config.client_ip_header.clone(),
        max_age: config.max_age,
    });
    let sweeper = {
        let app = Arc::clone(&app);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                app.limiter.sweep(clock::now_ms());
            }
        })
    };
    let described = match &store {
        Store::Embedded(_) => {
            format!("embedded, snapshot {} every {} s", config.state_file.display(), config.snapshot.as_secs())
        }
        Store::Redis(_) => format!("redis, key prefix {}", config.redis_prefix),
    };
    println!("portal-counter: listening on http://{address} (store: {described})");
    let service = http::router(app).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(stop_signal()).await.map_err(|e| format!("serving: {e}"))?;
    sweeper.abort();
    // The background task (snapshots, or the Redis writer) runs on until the
    // store has had its last write: aborting it first could cut a write short.
    store.shutdown(config.drain).await;
    background.abort();
    println!("portal-counter: stopped");
    Ok(())
}

/// A backlog of 1024 rather than the 128 of `TcpListener::bind`: with 200
/// clients connecting at once, 128 overflowed, and each dropped SYN cost its
/// client a 1 s retry (measured by scripts/bench-counter.sh).
fn listen(address: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if address.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(1024)
}

async fn stop_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate()).expect("listening for SIGTERM");
    let mut interrupt = signal(SignalKind::interrupt()).expect("listening for SIGINT");
    tokio::select! {
        _ = term.recv() => {}
        _ = interrupt.recv() => {}
    }
}
