#!/usr/bin/env bash
# Draws the portal's PNG icons from its two SVGs with headless Chromium, the
# browser the tests already use (no image tools needed). Run it after editing
# assets/icons/icon.svg or icon-maskable.svg, look at the PNGs, commit them.
#
#   bash scripts/draw-icons.sh
#
# icon.svg (rounded, transparent corners) gives the 192 and 512 icons;
# icon-maskable.svg (full-bleed blue, emblem in the safe circle) the maskable
# 512 and the 180 apple-touch-icon, which iOS shows on black if transparent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../assets/icons"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

draw() {
    local svg="$1" size="$2" out="$3"
    # The SVG as an image filling a page of exactly its size.
    cat >"$work/page.html" <<EOF
<!DOCTYPE html><html><head><style>
html, body { margin: 0; background: transparent; overflow: hidden; }
img { display: block; width: ${size}px; height: ${size}px; }
</style></head><body><img src="file://$PWD/$svg"></body></html>
EOF
    chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
        --force-device-scale-factor=1 --default-background-color=00000000 \
        --user-data-dir="$work/profile" --window-size="$size,$size" \
        --screenshot="$work/out.png" "file://$work/page.html" >/dev/null 2>&1
    mv "$work/out.png" "$out"
    echo "$out: $(wc -c <"$out") bytes"
}

draw icon.svg 192 icon-192.png
draw icon.svg 512 icon-512.png
draw icon-maskable.svg 512 icon-maskable-512.png
draw icon-maskable.svg 180 apple-touch-icon.png
