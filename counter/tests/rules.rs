//! The counting rules (docs/formats/visitor-counting.md) against both
//! stores, with a clock of the test's own: the online window, visits as
//! session starts (a second tab or a resent beacon is the same visit),
//! midnight in Vietnam, and the carried-over total. The Redis store runs
//! on Debian's real redis-server.

mod support;

use portal_counter::embedded::Embedded;
use portal_counter::redis_store::RedisStore;
use portal_counter::store::{Figures, Hit, Rules, Store};
use std::sync::Arc;
use std::time::Duration;

const MINUTE: i64 = 60_000;
/// 2023-10-19 08:05:00 in Vietnam.
const MORNING: i64 = 1_697_677_500_000;
/// 2023-10-19 23:59:30 in Vietnam (16:59:30 UTC).
const LATE: i64 = 1_697_734_770_000;

fn rules() -> Rules {
    Rules { online_window_ms: 5 * MINUTE, visit_window_ms: 30 * MINUTE, start_total: 3_314_815 }
}

/// The same checks, run once per store.
async fn counting_rules(store: Store, settle: impl Fn() -> tokio::task::JoinHandle<()>) {
    let record = |visitor: &str, first: bool, at_ms: i64| {
        let store = store.clone();
        let hit = Hit { visitor: visitor.into(), first, at_ms };
        async move { store.record(hit).await.expect("accepted") }
    };
    let figures = |now: i64| {
        let store = store.clone();
        let settled = settle();
        async move {
            settled.await.unwrap();
            let Figures { online, today, total, .. } = store.figures(now).await.expect("figures");
            (online, today, total)
        }
    };
    let start = 3_314_815;
    assert_eq!(figures(MORNING).await, (0, 0, start), "nothing counted: the carried-over total alone");

    // A visit is a session start; the page views after it are not visits.
    record("visitor-a1", true, MORNING).await;
    record("visitor-a1", false, MORNING + 1000).await;
    record("visitor-a1", false, MORNING + 2000).await;
    assert_eq!(figures(MORNING + 3000).await, (1, 1, start + 1));
    // A second tab (a new session) within the visit window: the same visit.
    record("visitor-a1", true, MORNING + 10 * MINUTE).await;
    // A page view without a session start from someone not seen before:
    // online, but no visit (the counter started in the middle of a session).
    record("visitor-b2", false, MORNING + 10 * MINUTE).await;
    assert_eq!(figures(MORNING + 11 * MINUTE).await, (2, 1, start + 1));

    // The online window: seen within the last 5 minutes; exactly 5 minutes ago is out.
    assert_eq!(figures(MORNING + 14 * MINUTE).await.0, 2);
    record("visitor-b2", false, MORNING + 12 * MINUTE).await;
    assert_eq!(figures(MORNING + 15 * MINUTE).await.0, 1, "a1 was last seen 5 minutes ago");
    assert_eq!(figures(MORNING + 17 * MINUTE + 1).await, (0, 1, start + 1), "nobody online, the counts stay");
    // An old beacon written late (Redis away) does not move anyone's last-seen time back.
    record("visitor-b2", false, MORNING + 16 * MINUTE).await;
    record("visitor-b2", false, MORNING + 11 * MINUTE).await;
    assert_eq!(figures(MORNING + 20 * MINUTE).await.0, 1);

    // After the visit window, a session start is a new visit.
    record("visitor-a1", true, MORNING + 41 * MINUTE).await;
    assert_eq!(figures(MORNING + 42 * MINUTE).await, (1, 2, start + 2));
    // The same beacon twice (sent again, or written twice): one visit.
    record("visitor-c3", true, MORNING + 43 * MINUTE).await;
    record("visitor-c3", true, MORNING + 43 * MINUTE).await;
    assert_eq!(figures(MORNING + 44 * MINUTE).await, (2, 3, start + 3));

    // Midnight in Vietnam (17:00 UTC): "today" starts again, "total" does not.
    record("visitor-d4", true, LATE).await;
    assert_eq!(figures(LATE + 20_000).await, (1, 4, start + 4));
    assert_eq!(figures(LATE + 40_000).await, (1, 0, start + 4), "00:00:10 in Vietnam: a new day");
    record("visitor-e5", true, LATE + 50_000).await;
    // d4's new session just after midnight is within its visit window: the same visit.
    record("visitor-d4", true, LATE + 60_000).await;
    assert_eq!(figures(LATE + 70_000).await, (2, 1, start + 5));
    // 07:00 in Vietnam is midnight UTC: not a new day.
    let utc_midnight = LATE + 7 * 3_600_000 + 30_000;
    record("visitor-f6", true, utc_midnight - 1000).await;
    record("visitor-g7", true, utc_midnight + 1000).await;
    assert_eq!(figures(utc_midnight + 2000).await, (2, 3, start + 7));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counting_rules_with_the_embedded_store() {
    let embedded = Arc::new(Embedded::open(rules(), None).unwrap());
    counting_rules(Store::Embedded(embedded), || tokio::spawn(async {})).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counting_rules_with_redis() {
    let redis = support::Redis::start();
    let store =
        Arc::new(RedisStore::open(rules(), &redis.url(), "rules:".into(), None).unwrap().with_figures_fresh_ms(0));
    let writer = tokio::spawn({
        let store = Arc::clone(&store);
        async move { store.write_forever().await }
    });
    let settled = Arc::clone(&store);
    counting_rules(Store::Redis(Arc::clone(&store)), move || {
        let store = Arc::clone(&settled);
        tokio::spawn(async move {
            while store.pending() > 0 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
    })
    .await;
    writer.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embedded_snapshot_keeps_counts_and_visits_across_a_restart() {
    let dir = support::temp_dir("snapshot");
    let file = dir.join("state");
    let first = Embedded::open(rules(), Some(file.clone())).unwrap();
    let now = portal_counter::clock::now_ms();
    first.record(Hit { visitor: "visitor-a1".into(), first: true, at_ms: now });
    first.record(Hit { visitor: "visitor-b2".into(), first: true, at_ms: now });
    first.write_snapshot().await.unwrap();
    drop(first);
    let second = Embedded::open(rules(), Some(file.clone())).unwrap();
    assert_eq!(second.figures(now + 1000).online, 2);
    assert_eq!(second.figures(now + 1000).total, 3_314_815 + 2);
    // The visit of a1 is remembered: its second tab after the restart is the same visit.
    second.record(Hit { visitor: "visitor-a1".into(), first: true, at_ms: now + 2000 });
    assert_eq!(second.figures(now + 3000).total, 3_314_815 + 2);
    std::fs::write(&file, "something else\n").unwrap();
    assert!(Embedded::open(rules(), Some(file)).is_err(), "a damaged file must stop the start, not zero the counts");
    let _ = std::fs::remove_dir_all(dir);
}
