#!/usr/bin/env bash
# Builds the release and prints what a visitor downloads: raw, gzip -9 and
# brotli -q 11 bytes of the wasm, the JS and the CSS, and the compressed
# totals. Fails when a total is over its ceiling in size-budget.toml.
#
#   bash scripts/size-report.sh               # scripts/release-build.sh, then report dist/
#   bash scripts/size-report.sh --no-build    # report the dist/ that is there
#   bash scripts/size-report.sh --no-build --dist dist-portal
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
cd "$PORTAL_ROOT"

build=1
dist=dist
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0 ;;
        --dist) dist="$2"; shift ;;
        *) echo "size-report: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

if [ "$build" = 1 ]; then
    bash "$PORTAL_ROOT/scripts/release-build.sh" --dist "$dist" >/dev/null 2>&1 || bash "$PORTAL_ROOT/scripts/release-build.sh" --dist "$dist"
fi
if [ ! -f "$dist/index.html" ]; then
    echo "size-report: no build in $dist/: run without --no-build" >&2
    exit 1
fi

budget() {
    awk -F= -v key="$1" '$1 ~ "^[ \t]*" key "[ \t]*$" { gsub(/[ \t_]/, "", $2); print $2 }' size-budget.toml
}
gz() { gzip -9 -c "$1" | wc -c; }
br() { brotli -q 11 -c "$1" | wc -c; }

# What index.html loads: the wasm, trunk's JS glue plus any snippets, the CSS.
# Reading offline has its own ceiling: the service worker (sw.js at the root)
# and the script that registers it (offline-<hash>.js). The search worker
# (tim-kiem-worker*: loader, JS glue, wasm) and the registries' worker
# (tra-cuu-worker*) are listed apart and in no total: each is downloaded
# only when a visitor searches, or opens a registry page in the app.
# The editor (quan-tri/, Decap CMS, 5.8 MB of its own) is fetched only by the
# office staff at /quan-tri/, never by a visitor: in no figure here.
# The parts of the app's wasm that only some views need (part-*_bg.wasm,
# docs/wasm-parts.md) are listed apart too, in no total: each is fetched
# the first time one of its views is drawn. Their loader (parts-<hash>.js)
# is imported by the app's glue at start, so it is in the total.
mapfile -t wasm_files < <(find "$dist" -name '*.wasm' ! -name 'tim-kiem-worker*' ! -name 'tra-cuu-worker*' ! -name 'part-*' ! -path "$dist/quan-tri/*" | sort)
mapfile -t part_files < <(find "$dist" -maxdepth 1 -name 'part-*_bg.wasm' | sort)
mapfile -t js_files < <(find "$dist" -name '*.js' ! -path "$dist/sw.js" ! -name 'offline-*.js' ! -name 'tim-kiem-worker*' ! -name 'tra-cuu-worker*' ! -path "$dist/quan-tri/*" | sort)
mapfile -t sw_files < <(find "$dist" -maxdepth 1 \( -name 'sw.js' -o -name 'offline-*.js' \) | sort)
mapfile -t search_files < <(find "$dist" -maxdepth 1 -name 'tim-kiem-worker*' \( -name '*.js' -o -name '*.wasm' \) | sort)
mapfile -t registry_files < <(find "$dist" -maxdepth 1 -name 'tra-cuu-worker*' \( -name '*.js' -o -name '*.wasm' \) | sort)
mapfile -t css_files < <(find "$dist" -name '*.css' ! -path "$dist/quan-tri/*" | sort)

declare -A raw_sum=() gz_sum=() br_sum=()
printf '%-6s %-44s %10s %10s %10s\n' kind file raw gzip brotli
report() {
    local kind="$1" file r g b
    shift
    for file in "$@"; do
        r=$(wc -c <"$file"); g=$(gz "$file"); b=$(br "$file")
        raw_sum[$kind]=$((${raw_sum[$kind]:-0} + r))
        gz_sum[$kind]=$((${gz_sum[$kind]:-0} + g))
        br_sum[$kind]=$((${br_sum[$kind]:-0} + b))
        printf '%-6s %-44s %10d %10d %10d\n' "$kind" "${file#"$dist"/}" "$r" "$g" "$b"
    done
}
report wasm "${wasm_files[@]}"
report js "${js_files[@]}"
report css "${css_files[@]}"
report worker "${sw_files[@]}"
report search "${search_files[@]}"
report registry "${registry_files[@]}"
report parts "${part_files[@]}"

code_raw=$((${raw_sum[wasm]:-0} + ${raw_sum[js]:-0}))
code_gz=$((${gz_sum[wasm]:-0} + ${gz_sum[js]:-0}))
code_br=$((${br_sum[wasm]:-0} + ${br_sum[js]:-0}))
code_max=$(budget wasm_js_brotli_max_bytes)
css_max=$(budget css_brotli_max_bytes)
sw_max=$(budget sw_brotli_max_bytes)
echo
printf '%-51s %10d %10d %10d\n' "total wasm+JS" "$code_raw" "$code_gz" "$code_br"
printf '%-51s %10d %10d %10d\n' "total CSS" "${raw_sum[css]:-0}" "${gz_sum[css]:-0}" "${br_sum[css]:-0}"
echo
echo "budget wasm+JS brotli: $code_br of $code_max bytes ($((code_br * 100 / code_max)) %)"
echo "budget CSS brotli:     ${br_sum[css]:-0} of $css_max bytes ($((${br_sum[css]:-0} * 100 / css_max)) %)"
echo "budget offline brotli: ${br_sum[worker]:-0} of $sw_max bytes ($((${br_sum[worker]:-0} * 100 / sw_max)) %) (sw.js + offline.js)"
echo "search worker brotli:  ${br_sum[search]:-0} bytes (tim-kiem-worker*, on the first search only; no budget)"
echo "registries' worker brotli: ${br_sum[registry]:-0} bytes (tra-cuu-worker*, on the first registry page drawn in the app; no budget)"
echo "parts of the app's wasm brotli: ${br_sum[parts]:-0} bytes (part-*, each when one of its views is first drawn; no budget)"

# Which crates the bytes come from, when twiggy is there (optional: `cargo
# install twiggy`). trunk's output has no names left, so this reads the wasm
# that cargo built for it, before wasm-bindgen and wasm-opt.
named_wasm="${CARGO_TARGET_DIR:-$PORTAL_ROOT/target}/wasm32-unknown-unknown/release/portal.wasm"
echo
if ! command -v twiggy >/dev/null 2>&1; then
    echo "(each crate's share of the wasm: install twiggy with \`cargo install twiggy\` to see it)"
elif [ ! -f "$named_wasm" ]; then
    echo "(each crate's share of the wasm: no $named_wasm; run without --no-build)"
else
    echo "each crate's share of the wasm's code and data (cargo's release wasm, before wasm-opt):"
    # Optional: a wasm that cargo is rewriting right now must not fail the report.
    shares_csv="$(mktemp)"
    if twiggy top -n 1000000 -f csv "$named_wasm" >"$shares_csv" 2>/dev/null; then
        python3 "$PORTAL_ROOT/scripts/crate_shares.py" 15 <"$shares_csv" || echo "(could not sum the shares)"
    else
        echo "(twiggy could not read $named_wasm)"
    fi
    rm -f "$shares_csv"
fi

failed=0
if [ "$code_br" -gt "$code_max" ]; then
    echo "FAIL: wasm+JS is $code_br bytes brotli, over the budget of $code_max" >&2
    failed=1
fi
if [ "${br_sum[css]:-0}" -gt "$css_max" ]; then
    echo "FAIL: CSS is ${br_sum[css]} bytes brotli, over the budget of $css_max" >&2
    failed=1
fi
if [ "${br_sum[worker]:-0}" -gt "$sw_max" ]; then
    echo "FAIL: sw.js + offline.js are ${br_sum[worker]} bytes brotli, over the budget of $sw_max" >&2
    failed=1
fi
exit "$failed"
