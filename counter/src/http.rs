//! The HTTP side: the beacon, the statistics document, health, CORS for the
//! configured portal origins, and a clear 4xx for everything else.

use crate::beacon::{is_crawler, parse_beacon, BODY_LIMIT_BYTES};
use crate::clock::{now_ms, rfc3339_vietnam};
use crate::limit::Limiter;
use crate::store::{Accepted, Hit, Store};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

pub const BEACON_PATH: &str = "/luot-truy-cap";
pub const STATS_PATH: &str = "/thong-ke.json";
pub const HEALTH_PATH: &str = "/healthz";
/// All request headers together; a browser's beacon sends about 1 KB.
const HEADERS_LIMIT_BYTES: usize = 8 * 1024;
const URI_LIMIT_BYTES: usize = 2 * 1024;

pub struct App {
    pub store: Store,
    pub origins: Vec<String>,
    pub limiter: Limiter,
    pub client_ip_header: Option<String>,
    pub max_age: u32,
}

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route(BEACON_PATH, post(beacon).options(preflight))
        .route(STATS_PATH, get(statistics).options(preflight))
        .route(HEALTH_PATH, get(health))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(middleware::from_fn(limit_head))
        .with_state(app)
}

fn plain(status: StatusCode, text: &str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], format!("{text}\n")).into_response()
}

/// Oversized headers or address: refused before any handler runs.
async fn limit_head(request: Request, next: Next) -> Response {
    if request.uri().to_string().len() > URI_LIMIT_BYTES {
        return plain(StatusCode::URI_TOO_LONG, "the address is too long");
    }
    let size: usize = request.headers().iter().map(|(name, value)| name.as_str().len() + value.len() + 4).sum();
    if size > HEADERS_LIMIT_BYTES {
        return plain(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "the request headers are too large");
    }
    next.run(request).await
}

async fn not_found() -> Response {
    plain(StatusCode::NOT_FOUND, "no such address: the counter answers POST /luot-truy-cap and GET /thong-ke.json")
}

impl App {
    /// The request's Origin when it is one of the portal's; Err when the
    /// request names another origin and origins are configured.
    fn origin<'a>(&self, headers: &'a HeaderMap) -> Result<Option<&'a str>, ()> {
        let Some(origin) = headers.get(header::ORIGIN) else { return Ok(None) };
        let origin = origin.to_str().map_err(|_| ())?;
        if self.origins.iter().any(|allowed| allowed == origin) {
            Ok(Some(origin))
        } else if self.origins.is_empty() {
            Ok(None)
        } else {
            Err(())
        }
    }

    fn client(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        self.client_ip_header
            .as_deref()
            .and_then(|name| headers.get(name))
            .and_then(|value| value.to_str().ok())
            .and_then(|list| list.rsplit(',').next())
            .and_then(|last| last.trim().parse().ok())
            .unwrap_or(peer.ip())
    }
}

fn with_cors(mut response: Response, origin: Option<&str>) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    if let Some(value) = origin.and_then(|o| HeaderValue::from_str(o).ok()) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
    }
    response
}

fn refused_origin() -> Response {
    plain(StatusCode::FORBIDDEN, "this origin is not one of the portal's")
}

async fn beacon(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Ok(origin) = app.origin(&headers) else { return refused_origin() };
    let answer = |response| with_cors(response, origin);
    let now = now_ms();
    if !app.limiter.allow(app.client(peer, &headers), now) {
        return answer(plain(StatusCode::TOO_MANY_REQUESTS, "too many page views from this address"));
    }
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if !content_type.to_ascii_lowercase().starts_with("text/plain") {
        return answer(plain(StatusCode::UNSUPPORTED_MEDIA_TYPE, "the beacon is text/plain"));
    }
    let beacon = match parse_beacon(&body) {
        Ok(beacon) => beacon,
        Err(problem) => return answer(plain(StatusCode::BAD_REQUEST, &problem)),
    };
    let agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok());
    if is_crawler(agent) {
        // Answered as any beacon: a crawler learns nothing from it.
        return answer(StatusCode::NO_CONTENT.into_response());
    }
    let hit = Hit { visitor: beacon.visitor, first: beacon.first, at_ms: now };
    answer(match app.store.record(hit).await {
        Ok(Accepted::Stored) => StatusCode::NO_CONTENT.into_response(),
        Ok(Accepted::Held) => StatusCode::ACCEPTED.into_response(),
        Err(_) => plain(StatusCode::SERVICE_UNAVAILABLE, "too many page views held while the store is away"),
    })
}

async fn statistics(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    let Ok(origin) = app.origin(&headers) else { return refused_origin() };
    let Some(figures) = app.store.figures(now_ms()).await else {
        return with_cors(plain(StatusCode::SERVICE_UNAVAILABLE, "no figures yet: the store has not answered"), origin);
    };
    let document = format!(
        "{{\"version\":1,\"online\":{},\"today\":{},\"total\":{},\"counted_at\":\"{}\"}}\n",
        figures.online,
        figures.today,
        figures.total,
        rfc3339_vietnam(figures.counted_at_ms)
    );
    let cache = format!("public, max-age={}", app.max_age);
    let response = ([(header::CONTENT_TYPE, "application/json".to_string()), (header::CACHE_CONTROL, cache)], document);
    with_cors(response.into_response(), origin)
}

/// The CORS preflight: only for the portal's origins. A beacon is a simple
/// request and needs none; a page that asks anyway gets its answer.
async fn preflight(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    match app.origin(&headers) {
        Ok(Some(origin)) => {
            let mut response = with_cors(StatusCode::NO_CONTENT.into_response(), Some(origin));
            let h = response.headers_mut();
            h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST"));
            h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("Content-Type"));
            h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
            response
        }
        _ => refused_origin(),
    }
}

async fn health(State(app): State<Arc<App>>) -> Response {
    let (store, up, pending) = app.store.health();
    let body = format!(
        "{{\"status\":\"ok\",\"store\":\"{store}\",\"backing\":\"{}\",\"held\":{pending}}}\n",
        if up { "up" } else { "away" }
    );
    ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")], body).into_response()
}
