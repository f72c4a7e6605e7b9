#!/usr/bin/env bash
# The portal's speed benchmark (issue 7). Builds the release, lays out two
# sites in bench-out/ (the bundled sample, and the same app over a synthetic
# 100 000-article archive), serves each as a CDN would (nginx with the shipped
# rules over HTTPS and HTTP/2, or SERVER=python for scripts/cdn_server.py:
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
#   FLOOR=1 RUNS=3 bash scripts/bench.sh       # against the same markup with no code (issue 28)
#   FLOOR=1 NO_BUILD=1 COMPARE="dist-a dist-b" bash scripts/bench.sh  # and other builds, in the same run
#
# FLOOR=1 measures the release against its "no code" copy (scripts/no_code.py:
# every <script>, embedded document and code preload cut from each HTML
# file), both served the same way, their runs interleaved page by page so
# that the machine's noise falls on both; COMPARE adds already built sites
# (e.g. before a change), each named by its folder, to the same loop. It prints FCP, LCP, TBT,
# the Performance score and the bytes with the ratios to the floor, then
# the app's wasm+JS brotli bytes of each build. No archives, no route timing.
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
# The two registries (issue 25: Lighthouse SEO 100 on their lists and
# details), measured on the sample after the pages above.
REGISTRY_PAGES=("/van-ban" "/van-ban/2023-65-kh-ubnd/ke-hoach-so-65-kh-ubnd" "/nhiem-vu"
    "/nhiem-vu/bao-ton-nguon-gen-cay-duoc-lieu/bao-ton-nguon-gen-mot-so-cay-duoc-lieu-quy-tren-dia-ban-tinh-quang-tri")
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

FLOOR="${FLOOR:-0}"
if [ "${NO_BUILD:-0}" = 1 ] && [ -f "$SAMPLE/index.html" ]; then
    say "measuring the release already in $SAMPLE"
else
    say "building the release"
    rm -rf "$SAMPLE"
    mkdir -p "$OUT"
    bash scripts/release-build.sh --dist "$SAMPLE" >"$OUT/trunk.log" 2>&1 || { cat "$OUT/trunk.log"; exit 1; }
fi


# The builder writes the archive's documents over the sample's; whatever it does not
# make (schedule, statistics, a category it lacks) stays, so that the sites
# differ in the archive's size, not in what the page asks for.
lay_out_archive() {
    local articles="$1" dir="$2"
    say "laying out the app over a synthetic archive of $articles articles"
    rm -rf "$dir"
    cp -r "$SAMPLE" "$dir"
    # Sources as the office writes them, then the builder, as for the real site.
    cargo run -q --profile prerender -p portal-builder --bin generate_archive -- --articles "$articles" --content "$dir.content"
    cargo run -q --profile prerender -p portal-builder -- --content "$dir.content" --out "$dir/data"
    # The archive's own pages, as a deployment would have them; the summary
    # line (pages, files, bytes, seconds) is the prerender's scale figure.
    say "prerendering the $articles-article archive"
    /usr/bin/time -f "bench: prerender of $articles articles: %e s, peak memory %M KB" \
        cargo run -q --profile prerender -p prerender -- --site "$dir" --base-url https://skhcn.quangtri.gov.vn/
    # nginx prefers X.br whenever it exists: the sample's copies of files the
    # archive rewrote go (those are then compressed on the fly), and the home
    # page, measured below, gets its own.
    find "$dir" \( -name '*.br' -o -name '*.gz' \) -print0 |
        while IFS= read -r -d '' copy; do if [ "${copy%.*}" -nt "$copy" ]; then rm -f "$copy"; fi; done
    brotli -f -k -q 11 "$dir/index.html"
    gzip -f -k -9 "$dir/index.html"
}
if [ "$FLOOR" != 1 ]; then
    lay_out_archive "$SMALL_ARTICLES" "$SMALL_ARCHIVE"
    lay_out_archive "$ARTICLES" "$ARCHIVE"
fi

# The servers started below are stopped on exit (scale-common.sh).
source "$PORTAL_ROOT/scripts/scale-common.sh"

# SERVER=nginx (the default): Debian's nginx with the shipped rules over
# HTTPS and HTTP/2 (serve_nginx, scale-common.sh), as a CDN serves: one
# connection for every request, as Lighthouse then simulates it.
# SERVER=python: scripts/cdn_server.py (HTTP/1.1, a connection per request).
SERVER="${SERVER:-nginx}"
NGINX_DIR="$OUT/nginx"

# Starts the CDN-like server on a free port; sets SERVED_URL.
serve() {
    if [ "$SERVER" = nginx ]; then
        serve_nginx "$@"
        return
    fi
    serve_site "$@"
}
serve "$SAMPLE" "$OUT/server-sample.log"
SAMPLE_URL="$SERVED_URL"
if [ "$FLOOR" != 1 ]; then
    serve "$SMALL_ARCHIVE" "$OUT/server-archive-small.log"
    SMALL_ARCHIVE_URL="$SERVED_URL"
    serve "$ARCHIVE" "$OUT/server-archive.log"
    ARCHIVE_URL="$SERVED_URL"
fi

# The flags that keep Chromium off the closed network and let it run as root.
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking"
CHROME_FLAGS+=" --disable-component-update --disable-sync --no-first-run"
# The throwaway certificate of SERVER=nginx.
CHROME_FLAGS+=" --ignore-certificate-errors"
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

# FLOOR=1: the release, the same markup with no code, and COMPARE if given,
# one page at a time and one run of each in turn.
if [ "$FLOOR" = 1 ]; then
    NO_CODE="$OUT/no-code"
    say "the same markup with no code in $NO_CODE"
    rm -rf "$NO_CODE"
    cp -r "$SAMPLE" "$NO_CODE"
    python3 "$PORTAL_ROOT/scripts/no_code.py" "$NO_CODE"
    serve "$NO_CODE" "$OUT/server-no-code.log"
    sites=("portal=$SAMPLE=$SAMPLE_URL" "no-code=$NO_CODE=$SERVED_URL")
    # COMPARE: one or more built sites, space-separated, each named by its folder.
    for compare in ${COMPARE:-}; do
        compare=$(realpath "$compare")
        serve "$compare" "$OUT/server-$(basename "$compare").log"
        sites+=("$(basename "$compare")=$compare=$SERVED_URL")
    done
    declare -A runs_of=()
    for path in "${PAGES[@]}"; do
        for run in $(seq "$RUNS"); do
            for site in "${sites[@]}"; do
                IFS== read -r label _ url <<<"$site"
                say "lighthouse: $label $path, run $run of $RUNS"
                report=$(RUNS=1 measure "$label-run$run" "$url" "$path")
                runs_of["$label $path"]+="${runs_of["$label $path"]:+,}$report"
            done
        done
    done
    for path in "${PAGES[@]}"; do
        for site in "${sites[@]}"; do
            IFS== read -r label _ _ <<<"$site"
            printf '%s\t%s\t%s\n' "$label" "$path" "${runs_of["$label $path"]}" >>"$MANIFEST"
        done
    done
    echo
    python3 "$PORTAL_ROOT/scripts/bench_table.py" --floor no-code "$MANIFEST"
    echo
    for site in "${sites[@]}"; do
        IFS== read -r label dir _ <<<"$site"
        [ "$label" = no-code ] && continue
        echo "$label ($dir): $(bash "$PORTAL_ROOT/scripts/size-report.sh" --no-build --dist "$dir" | grep '^total wasm+JS' | awk '{print "wasm+JS " $NF " B brotli"}')"
    done
    say "done"
    exit 0
fi
for path in "${PAGES[@]}" "${REGISTRY_PAGES[@]}"; do
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
say "the last article read, offline"
node "$PORTAL_ROOT/scripts/offline_timing.mjs" "$SAMPLE_URL" "${PAGES[1]}" || echo "(offline timing failed; see above)"
echo
echo "sizes (the release in bench-out/sample):"
bash "$PORTAL_ROOT/scripts/size-report.sh" --no-build --dist "$SAMPLE" | grep -v '\.br ' || true
say "done"
