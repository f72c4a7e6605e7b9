#!/usr/bin/env bash
# Sets up, then runs every test of the portal, fastest first:
#   formatting, clippy (host, wasm32, the core, the builder, prerender,
#   counter, search, the search worker), the pure core's native tests
#   (portal-core), the builder's, the app's own, the search crate's (folding, the index against a
#   brute-force scan), component tests in headless Chromium (wasm-bindgen-test), the
#   prerender's and the visitor counter's tests (real redis-server), the two release
#   builds (dist/ at the root, dist-portal/ under /portal/), every page of dist/
#   through the Nu Html Checker, and last the whole
#   native `cargo test` again, which now includes the end-to-end tests in
#   Chromium against those builds. Stops at the first failure, non-zero.
#
#   bash scripts/test.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$PORTAL_ROOT"

# Plain text in CI logs, whatever the terminal.
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
TEST_STARTED=$(date +%s)
declare -a TIMINGS=()
# Every counted test's output, for the closing count.
TEST_LOG="$(mktemp)"
trap 'rm -f "$TEST_LOG"' EXIT

run() {
    local name="$1" started
    shift
    echo
    echo "=== $name: $*"
    started=$(date +%s)
    "$@"
    TIMINGS+=("$(printf '%-34s %4d s' "$name" $(($(date +%s) - started)))")
}

run "format" cargo fmt --all --check
# The builder and the prerender run in the dev profile here (build-content.sh,
# release-build.sh, the editor's test): the tests compile both crates and
# their dependencies in that profile anyway, so the prerender profile's
# second, optimised compile of them (about 230 s on a new machine) is
# saved. They write the same documents and pages either way; the sample is
# small enough that their speed does not matter, and the benchmarks keep
# the prerender profile.
export PORTAL_NATIVE_PROFILE=dev
# The shipped sample's documents, from content/, before anything reads data/
# (tests/no_panic.rs even at compile time). Six items a page: the sample's
# 47 articles then still give lists of several pages to walk.
export PORTAL_PAGE_SIZE=6
run "content → documents (builder)" bash scripts/build-content.sh
run "clippy (host)" cargo clippy --all-targets -- -D warnings
# The pure core (core/, no dependencies) and the builder (builder/, native).
run "clippy (core)" cargo clippy -p portal-core --all-targets -- -D warnings
run "clippy (builder)" cargo clippy -p portal-builder --all-targets -- -D warnings
# The prerender on its own: it turns on the app's `ssr`, never with `csr`.
run "clippy (prerender)" cargo clippy -p prerender --all-targets -- -D warnings
# The visitor counter (counter/), native only, on its own too.
run "clippy (counter)" cargo clippy -p portal-counter --all-targets -- -D warnings
run "clippy (wasm32)" cargo clippy --lib --bins --target wasm32-unknown-unknown -- -D warnings
# The search crate on its own (its one dependency is portal-core; both build
# for wasm32).
run "clippy (search)" cargo clippy -p portal-search --all-targets -- -D warnings
run "search builds for wasm32" cargo build -q -p portal-search --target wasm32-unknown-unknown
# The search Web Worker (search-worker/), browser only: trunk builds it.
run "clippy (search worker)" cargo clippy -p search-worker --target wasm32-unknown-unknown -- -D warnings
run "clippy (registries' worker)" cargo clippy -p registry-worker --target wasm32-unknown-unknown -- -D warnings
# The pure core first, so that a broken unit fails in seconds, not after builds.
run_core_tests() { cargo test -p portal-core -p portal-builder 2>&1 | tee -a "$TEST_LOG"; }
run "core and builder tests (native)" run_core_tests
run "unit tests (native)" cargo test --lib --bins
# Vietnamese folding (property tests), the index against a brute-force scan.
run_search_tests() { cargo test -p portal-search 2>&1 | tee -a "$TEST_LOG"; }

# wasm-bindgen-test-runner starts chromedriver from PATH; the JSON adds the
# flags that keep Chromium off the network, as everywhere in this project.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PORTAL_ROOT/tests/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
# Like `run` (in this shell, so that its timing is kept), also copying the
# output for the closing count.
run_counted() {
    run "$@" > >(tee -a "$TEST_LOG") 2>&1
}
run "search tests (native)" run_search_tests
run_counted "component tests (Chromium)" cargo test --target wasm32-unknown-unknown --test 'component*'
# The prerender's own tests: its sanitiser, head tags, sitemap, and a re-run
# over a copy of the sample with one article added.
run_counted "prerender tests (native)" cargo test -p prerender
# The visitor counter's own tests, against Debian's real redis-server (each
# test starts its own). They also build target/debug/portal-counter, which
# the end-to-end test tests/e2e_counter.rs runs against the release build.
run_counted "counter tests (native, redis-server)" cargo test -p portal-counter

run "release build (dist/)" bash scripts/release-build.sh --dist dist
run "release build (dist-portal/)" bash scripts/release-build.sh --public-url /portal/ --dist dist-portal
# Every page the prerender wrote, through the Nu Html Checker: zero errors.
run "HTML checker (vnu, dist/)" bash scripts/check-html.sh dist
# The search worker alone in Chromium, against dist/ on a loopback port:
# its replies, errors and retry, malformed requests, and a burst of requests
# to a worker still loading (the overtaken ones are skipped).
check_search_worker() {
    local port server status
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    python3 scripts/cdn_server.py dist "$port" >/dev/null 2>&1 &
    server=$!
    for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
    status=0
    node scripts/check-search-worker.mjs "http://127.0.0.1:$port/" dist || status=$?
    kill "$server" 2>/dev/null || true
    return "$status"
}
# The server above answers HTTP ranges, as CDNs do: the worker reads the
# index's result records (tim-kiem/*/d.dat) by range.
run "CDN-like server's ranges" python3 scripts/test_cdn_server.py
run "search worker (Chromium)" check_search_worker
# The editor at /quan-tri/ (docs/editor.md) through Decap's real UI in
# Chromium, against a real decap-server over a temporary git repository: an
# article, next week's schedule and a deletion through the editorial workflow
# to main, each then built by the real builder and prerender and read in the
# browser; the editor's own CSP; no visitor's file naming it (tests/editor/).
# It reuses the builder and prerender built above (prerender profile).
run_counted "editor (Chromium, decap-server)" node --test --test-reporter=spec tests/editor/
# The bundle's size budget (size-budget.toml), on the build just made.
run "size budget" bash scripts/size-report.sh --no-build

echo
echo "--- timings"
printf '%s\n' "${TIMINGS[@]}"
echo "--- everything before the end-to-end run passed in $(($(date +%s) - TEST_STARTED)) s"

# Last, so that cargo's own summary lines close the output. The unit tests
# run again here: compiled already, they take a moment.
echo
echo "=== all native tests, end-to-end included: cargo test"
cargo test 2>&1 | tee -a "$TEST_LOG" # pipefail: a failure ends the script here

echo
echo "--- scripts/test.sh passed in $(($(date +%s) - TEST_STARTED)) s"
# One line for the whole run (component tests plus every native test), as
# cargo's last summary is often its doc-tests' "0 passed".
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "all tests: %d passed, %d failed\n", p, f }' "$TEST_LOG"
