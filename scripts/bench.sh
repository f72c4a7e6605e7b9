#!/usr/bin/env bash
# The portal's speed benchmark (issue 7). Builds the release, lays out two
# sites in bench-out/ (the bundled sample, and the same app over a synthetic
# 100 000-article archive), serves each as a CDN would (scripts/cdn_server.py:
# brotli, SPA fallback, long cache on hashed assets), runs Lighthouse 12.2.3
# (mobile, simulated throttling) in Debian's Chromium on four pages, and
# prints the scores, timings and bytes, the time a route change takes
# between already fetched views, then the size report. Not part of
# the test command. About 3 to 5 minutes here.
#
#   bash scripts/bench.sh                 # one Lighthouse run per page
#   RUNS=3 bash scripts/bench.sh          # medians of three
#   ARTICLES=50000 bash scripts/bench.sh  # another archive size
#   THROTTLING=devtools bash scripts/bench.sh  # throttle the real load
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
cd "$PORTAL_ROOT"

RUNS="${RUNS:-1}"
ARTICLES="${ARTICLES:-100000}"
LIGHTHOUSE_VERSION="12.2.3"
OUT="$PORTAL_ROOT/bench-out"
SAMPLE="$OUT/sample"
SMALL_ARTICLES=50
SMALL_ARCHIVE="$OUT/archive-small"
ARCHIVE="$OUT/archive"
# The seed article at its canonical address: /tin/1019 is a small page that
# leads there.
PAGES=("/" "/tin/1019/doan-kiem-tra-cong-tac-cai-cach-hanh-chinh-nam-2023-cua-tinh-lam-viec-tai-so-khoa-hoc-va-cong-nghe"
    "/chuyen-muc/tin-hoat-dong-so" "/lich-cong-tac")
# Lighthouse's default "simulate" replays a fast local load: when the wasm
# arrives before the first paint here, the simulation counts it before the
# largest paint even on a prerendered page. THROTTLING=devtools throttles the
# real load instead (1.6 Mbit/s, 150 ms, CPU 4x), so the prerendered paint
# comes first as on a phone.
THROTTLING="${THROTTLING:-simulate}"
BENCH_STARTED=$(date +%s)

say() { echo "bench: $* ($(($(date +%s) - BENCH_STARTED)) s)"; }

# Lighthouse 13 needs Node 22; 12.2.3 runs on the Node 20 here.
if ! lighthouse --version 2>/dev/null | grep -qx "$LIGHTHOUSE_VERSION"; then
    say "installing lighthouse@$LIGHTHOUSE_VERSION into .tools/"
    npm install --prefix "$PORTAL_TOOLS" --no-audit --no-fund -E "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

say "building the release"
rm -rf "$SAMPLE"
mkdir -p "$OUT"
bash scripts/release-build.sh --dist "$SAMPLE" >"$OUT/trunk.log" 2>&1 || { cat "$OUT/trunk.log"; exit 1; }

# What a deployment would pre-compress once: the app's own files. Documents
# are compressed by the server on first request (a CDN's edge cache).
precompress() {
    find "$1" -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) \
        -exec brotli -f -k -q 11 {} \;
}
precompress "$SAMPLE"

# The generator writes its documents over the sample's; whatever it does not
# make (schedule, statistics, a category it lacks) stays, so that the sites
# differ in the archive's size, not in what the page asks for.
lay_out_archive() {
    local articles="$1" dir="$2"
    say "laying out the app over a synthetic archive of $articles articles"
    rm -rf "$dir"
    cp -r "$SAMPLE" "$dir"
    cargo run -q --release --example generate_archive -- --articles "$articles" --out "$dir"
    # The archive's own pages, as a deployment would have them; the summary
    # line (pages, files, bytes, seconds) is the prerender's scale figure.
    say "prerendering the $articles-article archive"
    /usr/bin/time -f "bench: prerender of $articles articles: %e s, peak memory %M KB" \
        cargo run -q --profile prerender -p prerender -- --site "$dir" --base-url https://skhcn.quangtri.gov.vn/
}
lay_out_archive "$SMALL_ARTICLES" "$SMALL_ARCHIVE"
lay_out_archive "$ARTICLES" "$ARCHIVE"

SERVERS=()
stop_servers() {
    local pid
    for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_servers EXIT

# Starts the CDN-like server on a free port; sets SERVED_URL.
serve() {
    local root="$1" log="$2" i
    : >"$log" # exists before the server writes to it, for the first look below
    python3 "$PORTAL_ROOT/scripts/cdn_server.py" "$root" 0 >>"$log" 2>&1 &
    SERVERS+=($!)
    for i in $(seq 100); do
        SERVED_URL=$(sed -n 's#^cdn_server: \(http://[^ ]*\)/ .*#\1#p' "$log")
        [ -n "$SERVED_URL" ] && return
        sleep 0.1
    done
    echo "bench: the server for $root did not start:" >&2
    cat "$log" >&2
    return 1
}
serve "$SAMPLE" "$OUT/server-sample.log"
SAMPLE_URL="$SERVED_URL"
serve "$SMALL_ARCHIVE" "$OUT/server-archive-small.log"
SMALL_ARCHIVE_URL="$SERVED_URL"
serve "$ARCHIVE" "$OUT/server-archive.log"
ARCHIVE_URL="$SERVED_URL"

# The flags that keep Chromium off the closed network and let it run as root.
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking"
CHROME_FLAGS+=" --disable-component-update --disable-sync --no-first-run"
export CHROME_PATH=/usr/bin/chromium

# Runs Lighthouse on one page RUNS times; prints the reports' paths, comma-separated.
measure() {
    local site="$1" url="$2" path="$3" run reports="" name
    name=$(echo "$site$path" | tr -c 'a-z0-9\n' '-')
    for run in $(seq "$RUNS"); do
        local report="$OUT/lighthouse/$name-$run.json"
        mkdir -p "$OUT/lighthouse"
        lighthouse "$url$path" --quiet --output=json --output-path="$report" \
            --only-categories=performance,accessibility,best-practices,seo --throttling-method="$THROTTLING" \
            --chrome-flags="$CHROME_FLAGS" >"$OUT/lighthouse/$name-$run.log" 2>&1 \
            || { cat "$OUT/lighthouse/$name-$run.log" >&2; return 1; }
        reports+="${reports:+,}$report"
    done
    echo "$reports"
}

rm -rf "$OUT/lighthouse" # no report of an earlier run may end up in this table
MANIFEST="$OUT/manifest.tsv"
: >"$MANIFEST"
for path in "${PAGES[@]}"; do
    say "lighthouse: sample $path"
    printf 'sample\t%s\t%s\n' "$path" "$(measure sample "$SAMPLE_URL" "$path")" >>"$MANIFEST"
done
# The archives' own article ids and categories differ from the sample's:
# their home pages are the figures that matter (flat cost as they grow).
for site in small large; do
    if [ "$site" = small ]; then count=$SMALL_ARTICLES url=$SMALL_ARCHIVE_URL; else count=$ARTICLES url=$ARCHIVE_URL; fi
    say "lighthouse: $count articles /"
    printf '%s\t/\t%s\n' "${count}-articles" "$(measure "archive-$count" "$url" /)" >>"$MANIFEST"
done

echo
python3 "$PORTAL_ROOT/scripts/bench_table.py" "$MANIFEST"
echo
say "route changes in the browser"
node "$PORTAL_ROOT/scripts/route_timing.mjs" "$SAMPLE_URL" || echo "(route timing failed; see above)"
echo
echo "sizes (the release in bench-out/sample):"
bash "$PORTAL_ROOT/scripts/size-report.sh" --no-build --dist "$SAMPLE" | grep -v '\.br ' || true
say "done"
