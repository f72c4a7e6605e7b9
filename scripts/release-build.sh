#!/usr/bin/env bash
# The release build a CDN serves: `trunk build --release` on the pinned
# nightly (RELEASE_TOOLCHAIN in setup.sh) with the standard library rebuilt
# for size. Extra arguments go to trunk.
#
#   bash scripts/release-build.sh                              # dist/
#   bash scripts/release-build.sh --dist out --public-url /portal/
#
# Why nightly, for this build only: stable ships std precompiled with panic
# messages, file locations and Debug formatting that the portal never shows
# (it is built with panic = "abort"). Rebuilding std with
#   -C panic=immediate-abort   no panic machinery or messages,
#   -Z location-detail=none    no source file paths in the wasm,
#   -Z fmt-debug=none          `{:?}` prints nothing (no view or message uses it),
# takes 17-19 KB off the brotli wasm (measured: 211,897 -> 195,055 bytes);
# std's optimize_for_size feature (its smaller algorithms) 0.6 KB more.
# A plain `trunk build --release` on stable still works and gives the larger
# but otherwise identical app.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
cd "$PORTAL_ROOT"

export RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
exec trunk build --release "$@"
