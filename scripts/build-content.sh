#!/usr/bin/env bash
# The builder: content/ (what the office writes, docs/formats/content-sources.md)
# → the documents under data/ and the site's config.json, which are not
# committed. Incremental: a run with nothing changed rewrites nothing.
# scripts/serve.sh, release-build.sh and test.sh run it first.
#
#   bash scripts/build-content.sh
#   PORTAL_PAGE_SIZE=6 bash scripts/build-content.sh    # items per list page (20)
#
# The prerender profile (optimised, no LTO) rather than --release, whose
# settings are tuned for the wasm's size and take minutes to link here;
# `cargo run --release -p portal-builder -- --content content --out data`
# (the CI files' command) writes the same documents. PORTAL_NATIVE_PROFILE
# names another cargo profile (scripts/test.sh: dev, see there).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
cd "$PORTAL_ROOT"
cargo run --quiet --profile "${PORTAL_NATIVE_PROFILE:-prerender}" -p portal-builder -- --content content --out data \
    ${PORTAL_PAGE_SIZE:+--page-size "$PORTAL_PAGE_SIZE"} "$@"
