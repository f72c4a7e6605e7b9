//! The command line (and REDIS_URL): `portal-counter --help` lists it.

use crate::store::Rules;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str = "\
portal-counter: counts the portal's visits and serves its statistics document

  portal-counter [--listen 127.0.0.1:8090] [options]

  POST /luot-truy-cap   the page-view beacon (text/plain JSON, at most 1 KB)
  GET  /thong-ke.json   the statistics document (docs/formats/statistics.md)
  GET  /healthz         the counter's state, as JSON

With REDIS_URL=redis://host:6379/0 in the environment the figures live in
Redis (any number of instances may share them); without it, in memory,
written to --state-file every --snapshot-seconds.

Options:
  --listen ADDR            address and port (default 127.0.0.1:8090; port 0: any)
  --state-file PATH        embedded store: its snapshot; with Redis: where page
                           views held at shutdown while Redis is away are kept
                           (default portal-counter.state)
  --snapshot-seconds N     embedded store: how often the snapshot is written (default 1)
  --allow-origin ORIGIN    a portal origin (https://example.vn) whose pages may read
                           the figures and send beacons; repeat for more. Without
                           any, no CORS headers and beacons from any page.
  --online-minutes N       window of \"online\" (default 5)
  --visit-minutes N        a visitor's session starts within this much of their last
                           visit are the same visit (default 30)
  --start-total N          added to \"total\": an old counter's figure (default 0)
  --rate-per-minute N      beacons a client address may send per minute (default 60; 0: no limit)
  --rate-burst N           and at once (default 60)
  --client-ip-header NAME  behind a proxy: the header with the client address the
                           proxy sets (e.g. X-Real-IP); the last address in it counts
  --max-age N              Cache-Control max-age of thong-ke.json, seconds (default 5)
  --redis-prefix TEXT      prefix of the Redis keys (default portal-counter:)
  --drain-seconds N        at shutdown, how long to wait for Redis to take the page
                           views held before they go to --state-file (default 10)
";

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub state_file: PathBuf,
    pub snapshot: Duration,
    pub origins: Vec<String>,
    pub rules: Rules,
    pub rate_per_minute: u32,
    pub rate_burst: u32,
    pub client_ip_header: Option<String>,
    pub max_age: u32,
    pub redis_url: Option<String>,
    pub redis_prefix: String,
    pub drain: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            listen: "127.0.0.1:8090".parse().expect("a valid address"),
            state_file: PathBuf::from("portal-counter.state"),
            snapshot: Duration::from_secs(1),
            origins: Vec::new(),
            rules: Rules::default(),
            rate_per_minute: 60,
            rate_burst: 60,
            client_ip_header: None,
            max_age: 5,
            redis_url: None,
            redis_prefix: "portal-counter:".into(),
            drain: Duration::from_secs(10),
        }
    }
}

/// What the command line asked for.
pub enum Parsed {
    Run(Box<Config>),
    Help,
}

pub fn parse(args: impl IntoIterator<Item = String>, redis_url: Option<String>) -> Result<Parsed, String> {
    let mut config = Config { redis_url: redis_url.filter(|url| !url.is_empty()), ..Config::default() };
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Ok(Parsed::Help);
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |what: &str| value.parse::<u64>().map_err(|_| format!("{what}: `{value}` is not a whole number"));
        match flag.as_str() {
            "--listen" => config.listen = value.parse().map_err(|_| format!("--listen: `{value}` is not ADDR:PORT"))?,
            "--state-file" => config.state_file = PathBuf::from(&value),
            "--snapshot-seconds" => config.snapshot = Duration::from_secs(number(&flag)?.max(1)),
            "--allow-origin" => {
                if !(value.starts_with("https://") || value.starts_with("http://")) || value.ends_with('/') {
                    return Err(format!("--allow-origin: `{value}` is not an origin like https://example.vn"));
                }
                config.origins.push(value.clone());
            }
            "--online-minutes" => config.rules.online_window_ms = number(&flag)?.max(1) as i64 * 60_000,
            "--visit-minutes" => config.rules.visit_window_ms = number(&flag)?.max(1) as i64 * 60_000,
            "--start-total" => config.rules.start_total = number(&flag)?,
            "--rate-per-minute" => config.rate_per_minute = number(&flag)?.min(u32::MAX.into()) as u32,
            "--rate-burst" => config.rate_burst = number(&flag)?.clamp(1, u32::MAX.into()) as u32,
            "--client-ip-header" => config.client_ip_header = Some(value.to_ascii_lowercase()),
            "--max-age" => config.max_age = number(&flag)?.min(3600) as u32,
            "--redis-prefix" => config.redis_prefix = value.clone(),
            "--drain-seconds" => config.drain = Duration::from_secs(number(&flag)?),
            _ => return Err(format!("unknown option {flag} (see --help)")),
        }
    }
    Ok(Parsed::Run(Box::new(config)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Config, String> {
        match parse(args.iter().map(|a| a.to_string()), None)? {
            Parsed::Run(config) => Ok(*config),
            Parsed::Help => Err("help".into()),
        }
    }

    #[test]
    fn options_are_read_and_checked() {
        let config =
            run(&["--listen", "0.0.0.0:9000", "--start-total", "3314815", "--allow-origin", "https://a.vn"]).unwrap();
        assert_eq!(config.listen.port(), 9000);
        assert_eq!(config.rules.start_total, 3_314_815);
        assert_eq!(config.origins, ["https://a.vn"]);
        assert!(run(&["--allow-origin", "https://a.vn/"]).is_err());
        assert!(run(&["--listen"]).is_err());
        assert!(run(&["--bogus", "1"]).is_err());
        assert!(run(&["--start-total", "-1"]).is_err());
    }
}
