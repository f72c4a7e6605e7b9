#!/usr/bin/env bash
# The builder and the prerender at archive scale, through the same path as
# the office's content: the synthetic generator writes content files, the
# builder turns them into documents, the prerender draws the pages and the
# search index. Measures the builder cold, the builder with nothing
# changed, and then, after publishing one article the way the editor does
# (scripts/publish_one.py), the builder and the prerender together; each
# repeated figure the median of three. Prints time, peak memory, files.
#
#   bash scripts/prerender-scale.sh                 # 100 000 articles
#   ARTICLES=20000 OUT=/tmp/scale bash scripts/prerender-scale.sh
#   AGAIN=1 OUT=/tmp/scale bash scripts/prerender-scale.sh   # only the one-article
#       runs, on the archive a previous run left (for a quieter moment)
#
# Each line also gives the CPU time (user + system): on a shared machine it
# moves less than the wall time when other work competes for the cores.
#   VAN_BAN=20000 bash scripts/prerender-scale.sh   # with 20 000 legal documents
#
# Needs a release build in dist/ (scripts/release-build.sh) for the app shell.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$PORTAL_ROOT"
ARTICLES="${ARTICLES:-100000}"
OUT="${OUT:-$PORTAL_ROOT/bench-out/scale}"
CONTENT="$OUT/content"
SITE="$OUT/site"
BASE_URL="https://skhcn.quangtri.gov.vn/"
source scripts/scale-common.sh
scale_prepare prerender-scale
AGAIN="${AGAIN:-}"
if [ -n "$AGAIN" ] && [ ! -f "$SITE/.prerender-manifest" ]; then
    echo "prerender-scale: AGAIN=1 needs the archive of a previous run in $OUT" >&2
    exit 1
fi
if [ -z "$AGAIN" ]; then
    rm -rf "$SITE" "$CONTENT"
    mkdir -p "$SITE"
    # VAN_BAN=20000 adds a legal documents registry of that size (issue 25).
    "$BIN/generate_archive" --articles "$ARTICLES" --content "$CONTENT" --van-ban "${VAN_BAN:-0}"
    cp dist/app.html "$SITE/" # the app shell
fi

timed() { # label, command…: prints "label: S s, peak M MB" and the command's last line
    local label="$1" log
    shift
    log="$(mktemp)"
    run_timed "$log" "$@"
    echo "$label: $TOOK s (CPU $CPU s), peak $PEAK_MB MB | $LAST_LINE"
    echo "$CPU" >>"$OUT/$label.cpu"
    echo "$TOOK" >>"$OUT/$label.times"
    rm -f "$log" "$log.log" "$log.time"
}
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Commands, not functions: /usr/bin/time runs a program.
builder=("$BIN/portal-builder" --content "$CONTENT" --out "$SITE/data")
prerender=("$BIN/prerender" --site "$SITE" --base-url "$BASE_URL")

rm -f "$OUT"/*.times "$OUT"/*.cpu
if [ -z "$AGAIN" ]; then
    timed "builder-cold" "${builder[@]}"
    # What the synthetic archive lacks and every page asks for (the schedule's
    # weeks, the statistics, the sidebar's magazine category): the sample's,
    # never over the builder's own files.
    cp -rn dist/data/. "$SITE/data/"
    for _ in 1 2 3; do timed "builder-unchanged" "${builder[@]}"; done
    timed "prerender-cold" "${prerender[@]}"
fi
for _ in 1 2 3; do timed "prerender-unchanged" "${prerender[@]}"; done
for _ in 1 2 3; do
    python3 scripts/publish_one.py "$CONTENT"
    timed "builder-one-article" "${builder[@]}"
    timed "prerender-one-article" "${prerender[@]}"
    # Documents, pages and search index: what a publication waits for.
    echo "$(tail -1 "$OUT/builder-one-article.times") $(tail -1 "$OUT/prerender-one-article.times")" |
        awk '{ print $1 + $2 }' >>"$OUT/one-article.times"
    echo "$(tail -1 "$OUT/builder-one-article.cpu") $(tail -1 "$OUT/prerender-one-article.cpu")" |
        awk '{ print $1 + $2 }' >>"$OUT/one-article.cpu"
done
echo
echo "prerender-scale: $ARTICLES articles: $(find "$SITE/data" -type f | wc -l) documents, $(find "$SITE" -name '*.html' | wc -l) HTML files"
if [ -z "$AGAIN" ]; then
    echo "prerender-scale: builder cold $(median "$OUT/builder-cold.times") s; unchanged median $(median "$OUT/builder-unchanged.times") s"
    echo "prerender-scale: prerender cold $(median "$OUT/prerender-cold.times") s"
fi
echo "prerender-scale: prerender unchanged median $(median "$OUT/prerender-unchanged.times") s"
echo "prerender-scale: one article added: builder median $(median "$OUT/builder-one-article.times") s, prerender median $(median "$OUT/prerender-one-article.times") s"
echo "prerender-scale: one article published, builder and prerender together: $(sort -n "$OUT/one-article.times" | tr '\n' ' ')s, median $(median "$OUT/one-article.times") s (CPU median $(median "$OUT/one-article.cpu") s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
