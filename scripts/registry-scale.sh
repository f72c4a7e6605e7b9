#!/usr/bin/env bash
# The two registries at scale (issue 25, part 4), through the office's path:
# the synthetic generator writes content files, the builder turns them into
# documents, the prerender draws the pages and the search index. Two sites:
# a small one (100 documents, 100 tasks) and a large one (20 000 documents,
# 5 000 tasks). Prints the bytes of what each list's first page reads (flat
# from small to large, or not), the builder's and the prerender's times on
# the large site, then serves it as a CDN would (scripts/cdn_server.py) and
# times in Chromium the list pages, the filters and the search, p50 and p95
# (scripts/registry_timing.mjs). Reported, not asserted: the machine's load
# moves the times.
#
#   bash scripts/registry-scale.sh                  # into bench-out/registries/
#   VAN_BAN=20000 NHIEM_VU=5000 OUT=/tmp/r bash scripts/registry-scale.sh
#   AGAIN=1 bash scripts/registry-scale.sh          # the browser's figures only, on the sites of a previous run
#
# Needs a release build in dist/ (scripts/release-build.sh) for the app.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
cd "$PORTAL_ROOT"
VAN_BAN="${VAN_BAN:-20000}"
NHIEM_VU="${NHIEM_VU:-5000}"
OUT="${OUT:-$PORTAL_ROOT/bench-out/registries}"
BASE_URL="https://skhcn.quangtri.gov.vn/"
source scripts/scale-common.sh
scale_prepare registry-scale

seconds() { # label, command…: prints "label: S s, peak M MB"
    local label="$1"
    shift
    run_timed "$OUT/.run" "$@"
    echo "  $label: $TOOK s, peak $PEAK_MB MB | $LAST_LINE"
}

# make NAME DOCUMENTS TASKS: a site of that size in $OUT/NAME/site.
make_site() {
    local name="$1" documents="$2" tasks="$3" dir="$OUT/$1"
    rm -rf "$dir"
    mkdir -p "$dir/site"
    echo "$name: $documents legal documents, $tasks tasks"
    "$BIN/generate_archive" --articles 20 --content "$dir/content" --van-ban "$documents" --nhiem-vu "$tasks" >/dev/null
    # The app (wasm, JS, CSS, shell) without the sample's documents and pages.
    (cd dist && find . -maxdepth 1 -type f ! -name '*.html' ! -name '*.html.*' ! -name '.prerender-*' \
        -exec cp {} "$dir/site/" \;)
    cp dist/app.html "$dir/site/"
    seconds "builder (cold)" "$BIN/portal-builder" --content "$dir/content" --out "$dir/site/data"
    # What the synthetic content lacks and every page asks for (schedule,
    # statistics): the sample's, never over the builder's own files, and
    # none of its registries' documents.
    (cd dist/data && find . -mindepth 1 -maxdepth 1 ! -name van-ban ! -name nhiem-vu ! -name tep \
        -exec cp -rn {} "$dir/site/data/" \;)
    seconds "prerender (cold)" "$BIN/prerender" --site "$dir/site" --base-url "$BASE_URL"
    seconds "prerender (unchanged)" "$BIN/prerender" --site "$dir/site" --base-url "$BASE_URL"
}

# What a list's first page reads: its list page, the facet index, and the
# prerendered page itself.
first_page_bytes() {
    local site="$1" registry="$2"
    for file in "data/$registry/ds/tat-ca/1.json" "data/$registry/bo-loc.json" "$registry.html"; do
        printf '    %-28s %8d B raw %7d B brotli\n' "$file" "$(wc -c <"$site/$file")" "$(brotli -q 11 -c "$site/$file" | wc -c)"
    done
}

if [ -z "${AGAIN:-}" ]; then
    make_site small 100 100
    make_site large "$VAN_BAN" "$NHIEM_VU"
fi
echo
for registry in van-ban nhiem-vu; do
    for name in small large; do
        total=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["total_items"])' "$OUT/$name/site/data/$registry/bo-loc.json")
        echo "$registry, first page of the $name site ($total entries):"
        first_page_bytes "$OUT/$name/site" "$registry"
    done
done
echo

# The search index compressed ahead, as a CDN keeps it: otherwise the first
# request of each index file waits for the server's brotli -q 11 and the
# search's times measure the compression.
bash scripts/precompress.sh "$OUT/large/site/tim-kiem"
serve_site "$OUT/large/site" "$OUT/server.log"
node scripts/registry_timing.mjs "$SERVED_URL"
echo "registry-scale: load average $(cut -d' ' -f1-3 /proc/loadavg)"
