//! The embedded store: the figures in the counter's memory, written to a
//! file every snapshot interval (and on shutdown), read back at start.
//!
//! The file is text: a header line, `total N`, `today DAY N`, then one line
//! per visitor still inside a window (`v ID LAST_SEEN LAST_VISIT`, `-` for
//! no visit). It is written to a temporary file, synced, and renamed over
//! the old one, so a crash leaves either the old snapshot or the new.

use crate::clock::vietnam_day;
use crate::store::{Figures, Hit, Rules};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

const HEADER: &str = "portal-counter-state 1";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seen {
    last_seen: i64,
    /// None: seen, but no visit counted in memory.
    last_visit: Option<i64>,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct State {
    total: u64,
    day: i64,
    today: u64,
    visitors: HashMap<Box<str>, Seen>,
}

pub struct Embedded {
    rules: Rules,
    file: Option<PathBuf>,
    state: Mutex<State>,
    dirty: AtomicBool,
    /// Set at shutdown: the periodic writes stop, the last one is shutdown's.
    stopped: AtomicBool,
    /// One write at a time: the periodic one and the one at shutdown.
    writing: tokio::sync::Mutex<()>,
}

impl Embedded {
    /// Reads `file` if it exists; a file that is there but unreadable is an
    /// error, never a silent start from zero.
    pub fn open(rules: Rules, file: Option<PathBuf>) -> Result<Embedded, String> {
        let state = match &file {
            Some(path) => match std::fs::read_to_string(path) {
                Ok(text) => parse_state(&text).map_err(|e| format!("{}: {e}", path.display()))?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => State::default(),
                Err(e) => return Err(format!("{}: {e}", path.display())),
            },
            None => State::default(),
        };
        Ok(Embedded {
            rules,
            file,
            state: Mutex::new(state),
            dirty: AtomicBool::new(false),
            stopped: AtomicBool::new(false),
            writing: tokio::sync::Mutex::new(()),
        })
    }

    pub fn record(&self, hit: Hit) {
        let rules = &self.rules;
        let mut state = self.state.lock().unwrap();
        let seen = match state.visitors.get_mut(hit.visitor.as_str()) {
            Some(seen) => seen,
            None => state
                .visitors
                .entry(hit.visitor.into_boxed_str())
                .or_insert(Seen { last_seen: hit.at_ms, last_visit: None }),
        };
        seen.last_seen = seen.last_seen.max(hit.at_ms);
        let new_visit = hit.first && seen.last_visit.is_none_or(|last| last <= hit.at_ms - rules.visit_window_ms);
        if new_visit {
            seen.last_visit = Some(hit.at_ms);
            state.total += 1;
            let day = vietnam_day(hit.at_ms);
            if day > state.day {
                state.day = day;
                state.today = 0;
            }
            if day == state.day {
                state.today += 1;
            }
        }
        drop(state);
        self.dirty.store(true, Ordering::Release);
    }

    pub fn figures(&self, now_ms: i64) -> Figures {
        let state = self.state.lock().unwrap();
        let since = now_ms - self.rules.online_window_ms;
        let online = state.visitors.values().filter(|seen| seen.last_seen > since).count() as u64;
        let today = if state.day == vietnam_day(now_ms) { state.today } else { 0 };
        Figures { online, today, total: state.total + self.rules.start_total, counted_at_ms: now_ms }
    }

    /// Writes the snapshot every `interval` while anything changed.
    pub async fn snapshot_every(&self, interval: Duration) {
        let mut ticks = tokio::time::interval(interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if self.stopped.load(Ordering::Acquire) {
                return;
            }
            if self.dirty.swap(false, Ordering::AcqRel) {
                if let Err(e) = self.write_snapshot().await {
                    self.dirty.store(true, Ordering::Release);
                    eprintln!("portal-counter: writing the snapshot failed: {e}");
                }
            }
        }
    }

    /// The last write, after any periodic one under way (never beside it:
    /// both use the same temporary file).
    pub async fn shutdown(&self) {
        self.stopped.store(true, Ordering::Release);
        match self.write_snapshot().await {
            Ok(()) => {}
            Err(e) => eprintln!("portal-counter: writing the last snapshot failed: {e}"),
        }
    }

    /// Forgets visitors outside both windows, then writes the file.
    pub async fn write_snapshot(&self) -> std::io::Result<()> {
        let Some(path) = self.file.clone() else { return Ok(()) };
        let _one_at_a_time = self.writing.lock().await;
        let text = {
            let mut state = self.state.lock().unwrap();
            let now = crate::clock::now_ms();
            let (online, visit) = (now - self.rules.online_window_ms, now - self.rules.visit_window_ms);
            state.visitors.retain(|_, seen| seen.last_seen > online || seen.last_visit.is_some_and(|at| at > visit));
            render_state(&state)
        };
        tokio::task::spawn_blocking(move || write_atomically(&path, text.as_bytes()))
            .await
            .map_err(std::io::Error::other)?
    }
}

fn render_state(state: &State) -> String {
    let mut text = String::with_capacity(64 + state.visitors.len() * 48);
    text.push_str(&format!("{HEADER}\ntotal {}\ntoday {} {}\n", state.total, state.day, state.today));
    for (id, seen) in &state.visitors {
        let visit = seen.last_visit.map_or_else(|| "-".to_string(), |at| at.to_string());
        text.push_str(&format!("v {id} {} {visit}\n", seen.last_seen));
    }
    text
}

fn parse_state(text: &str) -> Result<State, String> {
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Err(format!("not a portal-counter snapshot (no `{HEADER}` line)"));
    }
    let mut state = State::default();
    let number = |word: Option<&str>, line: &str| -> Result<i64, String> {
        word.and_then(|w| w.parse().ok()).ok_or_else(|| format!("bad line `{line}`"))
    };
    for line in lines {
        let mut words = line.split(' ');
        match words.next() {
            Some("total") => state.total = number(words.next(), line)? as u64,
            Some("today") => {
                state.day = number(words.next(), line)?;
                state.today = number(words.next(), line)? as u64;
            }
            Some("v") => {
                let id = words.next().ok_or_else(|| format!("bad line `{line}`"))?;
                let last_seen = number(words.next(), line)?;
                let last_visit = match words.next() {
                    Some("-") => None,
                    other => Some(number(other, line)?),
                };
                state.visitors.insert(id.into(), Seen { last_seen, last_visit });
            }
            _ => return Err(format!("bad line `{line}`")),
        }
    }
    Ok(state)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = path.with_extension("tmp");
    let mut file = std::fs::File::create(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&temporary, path)?;
    // The rename itself survives a power cut only once the folder is synced.
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(folder)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snapshot_reads_back_as_written() {
        let mut state = State { total: 3_314_815, day: 19_650, today: 2490, visitors: HashMap::new() };
        state.visitors.insert("abcdefgh".into(), Seen { last_seen: 5, last_visit: Some(4) });
        state.visitors.insert("ijklmnop".into(), Seen { last_seen: 7, last_visit: None });
        assert_eq!(parse_state(&render_state(&state)), Ok(state));
        assert!(parse_state("total 5\n").is_err());
        assert!(parse_state(&format!("{HEADER}\ntotal x\n")).is_err());
    }
}
