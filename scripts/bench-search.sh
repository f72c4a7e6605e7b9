#!/usr/bin/env bash
# The search index at archive scale (docs/formats/search-index.md): build
# time, file count and bytes at 100 000 articles; what a cold (first) and a
# warm query fetch, in requests and bytes (raw and brotli -q 11, what a CDN
# sends), counted natively by the query engine recording the files it asks
# for (a range of the result records counted as sent, uncompressed), and
# what typing the query key by key fetches; the bytes one published
# article rewrites; the query engine's wasm size.
#
#   bash scripts/bench-search.sh                    # 100 000 articles
#   ARTICLES=20000 bash scripts/bench-search.sh
#   AGAIN=1 bash scripts/bench-search.sh            # keep the index built by a previous run
#   BROWSER=1 bash scripts/bench-search.sh          # then the queries typed in Chromium too (needs dist/)
#   BROWSER=1 SERVER=nginx bash scripts/bench-search.sh   # served by nginx over HTTP/2, as a CDN
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
cd "$PORTAL_ROOT"
ARTICLES="${ARTICLES:-100000}"
OUT="${OUT:-$PORTAL_ROOT/bench-out/search}"
SITE="$OUT/site"
CONTENT="$SITE.content"
# The prerender as cargo builds it, wherever the target folder is.
PRERENDER="${CARGO_TARGET_DIR:-$PORTAL_ROOT/target}/prerender/prerender"
BUILDER="${CARGO_TARGET_DIR:-$PORTAL_ROOT/target}/prerender/portal-builder"
BASE_URL="https://skhcn.quangtri.gov.vn/"

if [ ! -f "$SITE/.articles-$ARTICLES" ]; then
    rm -rf "$SITE"
    mkdir -p "$SITE"
    cargo run -q --profile prerender -p portal-builder --bin generate_archive -- --articles "$ARTICLES" --content "$CONTENT"
    cargo run -q --profile prerender -p portal-builder -- --content "$CONTENT" --out "$SITE/data"
    touch "$SITE/.articles-$ARTICLES"
fi
[ -n "${AGAIN:-}" ] || rm -rf "$SITE/tim-kiem"
cargo build -q --profile prerender -p prerender -p portal-builder
CARGO_TARGET_DIR="$PORTAL_ROOT/target-search" cargo build -q --release -p portal-search --example query_cost

if [ -z "${AGAIN:-}" ]; then
    echo "--- build ($ARTICLES articles)"
    /usr/bin/time -f "build: %e s, peak %M KB" "$PRERENDER" --site "$SITE" --base-url "$BASE_URL" --search-index-only
fi
served_files() { find "$SITE/tim-kiem" -type f ! -name ids.txt ! -name '*.br' ! -name '*.gz' "$@"; }
echo "files: $(served_files | wc -l) served (+ $(find "$SITE/tim-kiem" -name ids.txt | wc -l) ids.txt for the writer only)"
echo "bytes: $(served_files -printf '%s\n' | awk '{s+=$1} END {print s}') served, largest file $(served_files -printf '%s\n' | sort -n | tail -1)"

echo "--- publishing one article (scripts/publish_one.py), three times (the queries below then see a recent segment, as on a live site)"
for _ in 1 2 3; do
    python3 scripts/publish_one.py "$CONTENT" >/dev/null
    "$BUILDER" --content "$CONTENT" --out "$SITE/data" >/dev/null
    "$PRERENDER" --site "$SITE" --base-url "$BASE_URL" --search-index-only
done

echo "--- queries (requests, raw bytes, brotli bytes, engine ms); typed: every keystroke searched in a new page"
QUERIES=("Đà Nẵng" "da nang" "Đông Hà" "dong ha" "khoa học" "cải cách hành chính" "cai cach hanh chinh" "thuỷ sản" "thủy sản" "uỷ ban nhân dân" "công nghệ" "nghiệm thu đề tài" "Nguyễn Văn Hùng" "Lê Thị Hoà" "Lê Thị Hòa" "QĐ-UBND" "xã" "năm" "tỉnh")
brotli_size() { brotli -c -q 11 "$1" | wc -c; }
cost() { # queries...: one line per query, cold then warm
    CARGO_TARGET_DIR="$PORTAL_ROOT/target-search" cargo run -q --release -p portal-search --example query_cost -- "$SITE/tim-kiem" "$@" >"$OUT/queries.tsv"
    while IFS=$'\t' read -r kind label text total requests ms; do
        [ "$kind" = query ] || continue
        raw=0; br=0
        while IFS=$'\t' read -r _ l t path; do
            case "$path" in
                *'#'*) # a range of the result records, sent as it is (docs/hosting.md)
                    range="${path#*#}"
                    bytes=$((${range#*-} - ${range%-*} + 1))
                    raw=$((raw + bytes)); br=$((br + bytes)) ;;
                *)
                    raw=$((raw + $(stat -c %s "$SITE/tim-kiem/$path")))
                    br=$((br + $(brotli_size "$SITE/tim-kiem/$path"))) ;;
            esac
        done < <(awk -F'\t' -v l="$label" -v t="$text" '$1 == "file" && $2 == l && $3 == t' "$OUT/queries.tsv")
        printf '%-22s %s: %6s results, %2s requests, %8s B raw, %8s B brotli, %6s ms\n' "$text" "$label" "$total" "$requests" "$raw" "$br" "$ms"
    done <"$OUT/queries.tsv"
}
cost "${QUERIES[@]}"
echo "--- the 20 most frequent syllables of the archive, typed without accents"
mapfile -t TOP < <(CARGO_TARGET_DIR="$PORTAL_ROOT/target-search" cargo run -q --release -p portal-search --example top_syllables -- "$SITE/tim-kiem" 20)
cost "${TOP[@]}"

echo "--- the query engine as wasm (examples/wasm_size.rs: the engine alone, no wasm-bindgen glue; stable toolchain, release profile, wasm-opt -Oz)"
CARGO_TARGET_DIR="$PORTAL_ROOT/target-search" cargo build -q --release -p portal-search --example wasm_size --target wasm32-unknown-unknown
wasm="$PORTAL_ROOT/target-search/wasm32-unknown-unknown/release/examples/wasm_size.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals "$wasm" -o "$OUT/engine.wasm"
echo "engine wasm: $(stat -c %s "$OUT/engine.wasm") B raw, $(brotli -c -q 11 "$OUT/engine.wasm" | wc -c) B brotli"

[ -n "${BROWSER:-}" ] || exit 0
echo "--- in Chromium (scripts/bench-search-browser.mjs): the release's pages and worker (dist/) over this archive's documents and index"
[ -f "$PORTAL_ROOT/dist/tim-kiem.html" ] || { echo "bench-search: no dist/ (bash scripts/release-build.sh)" >&2; exit 1; }
# The index as a CDN sends it, compressed once ahead; an article document
# fetched for a snippet is compressed on its first request by the server.
bash scripts/precompress.sh "$SITE/tim-kiem" >/dev/null
# A real folder: the server refuses what resolves outside its root, so no
# symbolic links; hard links keep the archive's 100 000 documents uncopied.
SERVED="$OUT/served"
rm -rf "$SERVED"
mkdir -p "$SERVED"
for entry in "$PORTAL_ROOT"/dist/*; do
    case "$(basename "$entry")" in
        data | tim-kiem) ;;
        *) cp -a "$entry" "$SERVED/" ;;
    esac
done
cp -al "$SITE/data" "$SERVED/data"
cp -al "$SITE/tim-kiem" "$SERVED/tim-kiem"
source scripts/scale-common.sh
# scripts/cdn_server.py by default (HTTP/1.1: Chromium opens at most six
# connections to it, so a cold query's 8-10 ranges of the result records
# take two rounds); SERVER=nginx: the shipped rules over HTTP/2, every
# request on one connection, as a CDN serves.
if [ "${SERVER:-python}" = nginx ]; then
    NGINX_DIR="$OUT/nginx"
    serve_nginx "$SERVED" "$OUT/server.log"
else
    serve_site "$SERVED" "$OUT/server.log"
fi
browser_queries=("${QUERIES[@]}" "${TOP[@]:0:10}")
for mode in typed whole; do
    if [ "$mode" = whole ]; then export MODE=whole; else unset MODE; fi
    node scripts/bench-search-browser.mjs "$SERVED_URL/" "${browser_queries[@]}" >"$OUT/browser-$mode.tsv"
    for kind in cold first-in-page warm; do
        awk -F'\t' -v k="$kind" -v m="$mode" '$1 == k && $3 >= 0 { print $3 }' "$OUT/browser-$mode.tsv" | sort -n |
            awk -v k="$kind" -v m="$mode" '{ v[NR] = $1 } END {
                if (NR == 0) { print m " " k ": no result"; exit }
                p95 = v[int(0.95 * NR + 0.999)]; if (p95 == "") p95 = v[NR]
                printf "%s %-14s n=%3d  median %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", m, k, NR, v[int((NR + 1) / 2)], p95, v[NR] }'
    done
    failed=$(awk -F'\t' '$3 < 0' "$OUT/browser-$mode.tsv" | wc -l)
    [ "$failed" -eq 0 ] || echo "$mode: $failed queries showed an error or no result in 30 s ($OUT/browser-$mode.tsv)"
done
