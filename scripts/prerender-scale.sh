#!/usr/bin/env bash
# The prerender at archive scale: cold run, unchanged re-run, and re-runs
# after publishing one article the way a CMS does (scripts/publish_one.py),
# each incremental figure the median of three. Prints time, peak memory,
# files and bytes.
#
#   bash scripts/prerender-scale.sh                 # 100 000 articles
#   ARTICLES=20000 OUT=/tmp/scale bash scripts/prerender-scale.sh
#
# Needs a release build in dist/ (scripts/release-build.sh) for the app shell.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$PORTAL_ROOT"
ARTICLES="${ARTICLES:-100000}"
OUT="${OUT:-$PORTAL_ROOT/bench-out/scale}"
SITE="$OUT/site"
BASE_URL="https://skhcn.quangtri.gov.vn/"
[ -f dist/app.html ] || { echo "prerender-scale: build dist/ first (bash scripts/release-build.sh)" >&2; exit 1; }

rm -rf "$SITE"
mkdir -p "$SITE"
cargo run -q --profile prerender -p portal-builder --bin generate_archive -- --articles "$ARTICLES" --out "$SITE"
# The app shell and what the generator does not make (schedule, statistics).
cp dist/app.html "$SITE/"
cp -rn dist/data/. "$SITE/data/"
cargo build -q --profile prerender -p prerender

timed() { # label, then prints "label: S s, peak M MB" and the prerender's summary
    local label="$1" log
    log="$(mktemp)"
    /usr/bin/time -f "%e %M" -o "$log.time" target/prerender/prerender --site "$SITE" --base-url "$BASE_URL" >"$log"
    read -r seconds peak_kb <"$log.time"
    echo "$label: $seconds s, peak $((peak_kb / 1024)) MB | $(tail -1 "$log")"
    echo "$seconds" >>"$OUT/$label.times"
    rm -f "$log" "$log.time"
}
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

rm -f "$OUT"/*.times
timed "cold"
for _ in 1 2 3; do timed "unchanged"; done
for _ in 1 2 3; do
    python3 scripts/publish_one.py "$SITE"
    timed "one-article-added"
done
echo
echo "prerender-scale: $ARTICLES articles: $(find "$SITE" -name '*.html' | wc -l) HTML files, $(du -sb --exclude=data "$SITE" | cut -f1) bytes outside data/"
echo "prerender-scale: cold $(median "$OUT/cold.times") s; unchanged median $(median "$OUT/unchanged.times") s; one article added median $(median "$OUT/one-article-added.times") s"
