#!/usr/bin/env bash
# The release build a CDN serves: `trunk build --release` on the pinned
# nightly (RELEASE_TOOLCHAIN in setup.sh) with the standard library rebuilt
# for size, then the prerender, which writes every page as HTML into it.
#
#   bash scripts/release-build.sh                              # dist/
#   bash scripts/release-build.sh --dist out --public-url /portal/
#   bash scripts/release-build.sh --base-url https://skhcn.quangtri.gov.vn/
#   bash scripts/release-build.sh --no-prerender               # the app alone
#
# --base-url is the site's absolute address without the sub-path (for
# canonical links, Open Graph and the sitemap); PORTAL_BASE_URL sets it too.
# Other arguments go to trunk. The builder and the prerender are built with
# the prerender profile, or the one PORTAL_NATIVE_PROFILE names (test.sh: dev).
#
# Why nightly, for the wasm only: stable ships std precompiled with panic
# messages, file locations and Debug formatting that the portal never shows
# (it is built with panic = "abort"). Rebuilding std with
#   -C panic=immediate-abort   no panic machinery or messages,
#   -Z location-detail=none    no source file paths in the wasm,
#   -Z fmt-debug=none          `{:?}` prints nothing (no view or message uses it),
# takes 17-19 KB off the brotli wasm (measured: 211,897 -> 195,055 bytes);
# std's optimize_for_size feature (its smaller algorithms) 0.6 KB more.
# And `--cfg erase_components`, Leptos 0.8's own switch (read by tachys,
# leptos and leptos_router): each component's view and each route is kept
# as one type-erased AnyView / AnyNestedRoute instead of a nested generic
# type, so the compiler no longer writes the rendering code out again for
# every view's exact type: -15 KB brotli (223,754 -> 208,620 bytes of wasm,
# 2026-12-06), the markup unchanged.
# And `--cfg portal_split`: the views only some addresses show (src/parts.rs)
# are cut out of the main wasm into parts fetched when first drawn, by
# scripts/split-wasm.sh after trunk (docs/wasm-parts.md).
# PORTAL_EXTRA_WASM_FLAGS adds flags for a build made to measure something.
# A plain `trunk build --release` on stable still works and gives the larger
# but otherwise identical app.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
cd "$PORTAL_ROOT"

dist="dist"
public_url="/"
base_url="${PORTAL_BASE_URL:-https://skhcn.quangtri.gov.vn}"
prerender=1
trunk_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --dist) dist="$2"; trunk_args+=(--dist "$2"); shift 2 ;;
        --public-url) public_url="$2"; trunk_args+=(--public-url "$2"); shift 2 ;;
        --base-url) base_url="$2"; shift 2 ;;
        --no-prerender) prerender=0; shift ;;
        *) trunk_args+=("$1"); shift ;;
    esac
done

# The documents first (content/ → data/, config.json): trunk copies them.
bash "$PORTAL_ROOT/scripts/build-content.sh"

(
    export RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN"
    export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
    export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --cfg erase_components --cfg portal_split ${PORTAL_EXTRA_WASM_FLAGS:-}"
    trunk build --release "${trunk_args[@]}"
)
# trunk made its glue and wasm from the whole app (its wasm-opt warns of
# the relocations' linking section: that wasm is replaced); the parts are
# cut from the wasm cargo linked, relocations and all (build.rs).
target_dir="$(cargo metadata --format-version 1 --no-deps --offline | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
bash "$PORTAL_ROOT/scripts/split-wasm.sh" "$dist" "$target_dir/wasm32-unknown-unknown/release/portal.wasm"

if [ "$prerender" = 1 ]; then
    # The site's address: the host, then the sub-path trunk built for.
    site_url="${base_url%/}/${public_url#/}"
    cargo run --quiet --profile "${PORTAL_NATIVE_PROFILE:-prerender}" -p prerender -- --site "$dist" --base-url "$site_url"
fi
bash "$PORTAL_ROOT/scripts/stamp-sw.sh" "$dist" # the service worker's version and precache list (docs/offline.md)
bash "$PORTAL_ROOT/scripts/precompress.sh" "$dist" # X.br and X.gz beside each text file, for servers that send them (docs/hosting.md)
