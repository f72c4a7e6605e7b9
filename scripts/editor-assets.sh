#!/usr/bin/env bash
# Puts the editor (Decap CMS, docs/editor.md) into a built site's quan-tri/:
# editor/ (index.html with its own CSP, config.yml, the preview templates),
# the portal's stylesheet for the preview, and Decap's script and chunks
# from .tools/ (npm decap-cms, installed by scripts/setup.sh).
#
#   bash scripts/editor-assets.sh DIR      # writes DIR/quan-tri/
#
# trunk runs it after every build (Trunk.toml's post_build hook, with
# TRUNK_STAGING_DIR), so `trunk serve`, `scripts/edit.sh` and
# `scripts/release-build.sh` all have /quan-tri/. Nothing here is linked
# from the visitors' pages: only someone who opens /quan-tri/ downloads it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
site="${1:-${TRUNK_STAGING_DIR:-}}"
[ -n "$site" ] || { echo "editor-assets: usage: editor-assets.sh DIR" >&2; exit 2; }
decap="$root/.tools/node_modules/decap-cms/dist"
if [ ! -f "$decap/decap-cms.js" ]; then
    echo "editor-assets: $decap/decap-cms.js is missing: run bash scripts/setup.sh" >&2
    exit 1
fi

out="$site/quan-tri"
mkdir -p "$out"
cp "$root"/editor/index.html "$root"/editor/config.yml "$root"/editor/preview.js "$root"/editor/preview.css "$out/"
cp "$root/style/portal.css" "$out/portal.css"
# The bundle and the chunks it loads on demand (same folder, by name), the
# WebAssembly it ships and its licence notice; not the source maps (58 MB).
find "$decap" -maxdepth 1 -type f -name 'decap-cms.js' -exec cp {} "$out/" \;
find "$decap" -maxdepth 1 -type f \( -name '*.decap-cms.js' -o -name '*.wasm' -o -name 'decap-cms.js.LICENSE.txt' \) -exec cp {} "$out/" \;
