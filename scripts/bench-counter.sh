#!/usr/bin/env bash
# The visitor counter under load (issue 14), not a timed test: on loopback,
# BEACONS beacons (100 000) from CLIENTS concurrent clients (200), each on a
# keep-alive connection and each beacon a new visitor's session start, against
# the release build of portal-counter with the embedded store and with
# Redis (Debian's redis-server, started here on a free port, append-only
# file with fsync every second). RUNS runs (3) of each; prints each run and
# the medians: beacons per second, p50 and p99 latency, lost counts (the
# counter's total minus the beacons accepted: must be 0), and the memory that
# BEACONS distinct visitors take (the counter's RSS growth for the embedded
# store; Redis's used_memory growth for Redis).
#
#   bash scripts/bench-counter.sh
#   RUNS=5 BEACONS=100000 CLIENTS=200 bash scripts/bench-counter.sh
#
# The rate limit stays on, with a ceiling no run reaches (all clients are
# 127.0.0.1 here), so that its cost is measured too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
cd "$PORTAL_ROOT"
RUNS="${RUNS:-3}"
BEACONS="${BEACONS:-100000}"
CLIENTS="${CLIENTS:-200}"
TARGET="${CARGO_TARGET_DIR:-$PORTAL_ROOT/target}"

# The workspace's `prerender` profile (opt-level 2, no LTO): fast native code,
# quick to build; `release` is tuned for the wasm's size.
cargo build --quiet --profile prerender -p portal-counter --bin portal-counter --example load
COUNTER="$TARGET/prerender/portal-counter"
LOAD="$TARGET/prerender/examples/load"

WORK="$(mktemp -d)"
COUNTER_PID="" REDIS_PID=""
stop() {
    if [ -n "$COUNTER_PID" ]; then kill "$COUNTER_PID" 2>/dev/null || true; wait "$COUNTER_PID" 2>/dev/null || true; fi
    if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
    COUNTER_PID="" REDIS_PID=""
}
trap 'stop; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
get() { curl -fsS "http://$1$2"; }

# One run: prints "per_second p50_ms p99_ms lost memory_bytes".
run_once() {
    local store="$1" run="$2" dir="$WORK/$1-$2" redis_url="" port addr before after result total accepted
    mkdir -p "$dir"
    if [ "$store" = redis ]; then
        port="$(free_port)"
        redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly yes \
            --appendfsync everysec --daemonize no --logfile redis.log >/dev/null 2>&1 &
        REDIS_PID=$!
        until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.05; done
        redis_url="redis://127.0.0.1:$port/0"
    fi
    REDIS_URL="$redis_url" "$COUNTER" --listen 127.0.0.1:0 --state-file "$dir/state" \
        --rate-per-minute 1000000000 --rate-burst 1000000000 >"$dir/out" 2>"$dir/err" &
    COUNTER_PID=$!
    until grep -q 'listening on' "$dir/out" 2>/dev/null; do sleep 0.05; done
    addr="$(sed -n 's|.*http://\([^ ]*\).*|\1|p' "$dir/out" | head -1)"
    get "$addr" /thong-ke.json >/dev/null
    if [ "$store" = redis ]; then before="$(redis-cli -p "$port" info memory | awk -F: '/^used_memory:/ { print $2+0 }')"
    else before=$(( $(rss_kb "$COUNTER_PID") * 1024 )); fi
    result="$("$LOAD" "$addr" "$BEACONS" "$CLIENTS" "run$run")"
    until get "$addr" /healthz | grep -q '"held":0'; do sleep 0.05; done
    sleep 1.1 # past the one second for which the Redis store reuses figures
    total="$(get "$addr" /thong-ke.json | sed 's/.*"total":\([0-9]*\).*/\1/')"
    if [ "$store" = redis ]; then after="$(redis-cli -p "$port" info memory | awk -F: '/^used_memory:/ { print $2+0 }')"
    else after=$(( $(rss_kb "$COUNTER_PID") * 1024 )); fi
    stop
    accepted="$(sed 's/.*"accepted":\([0-9]*\).*/\1/' <<<"$result")"
    echo "  $store run $run: $result total=$total memory_growth=$((after - before))B" >&2
    python3 - "$result" "$total" "$accepted" "$((after - before))" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); total, accepted, memory = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(r["per_second"], r["p50_ms"], r["p99_ms"], total - accepted, r["refused"] + r["failed"], memory)
PY
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "bench-counter: $BEACONS beacons from $CLIENTS clients, $RUNS runs per store, $(nproc) cores"
for store in embedded redis; do
    : >"$WORK/$store.results"
    for run in $(seq 1 "$RUNS"); do
        run_once "$store" "$run" >>"$WORK/$store.results"
    done
    col() { awk -v c="$1" '{ print $c }' "$WORK/$store.results" | median; }
    lost_max="$(awk '{ print ($4 < 0 ? -$4 : $4) }' "$WORK/$store.results" | sort -g | tail -1)"
    refused_max="$(awk '{ print $5 }' "$WORK/$store.results" | sort -g | tail -1)"
    printf '%-9s median of %s: %8.0f beacons/s  p50 %6.2f ms  p99 %6.2f ms  lost (max over runs) %s  refused or failed %s  memory per %s visitors %.1f MB\n' \
        "$store" "$RUNS" "$(col 1)" "$(col 2)" "$(col 3)" "$lost_max" "$refused_max" "$BEACONS" "$(echo "$(col 6) / 1000000" | bc -l)"
done
