#!/usr/bin/env bash
# Writes X.br (brotli -q 11) and X.gz (gzip -9) beside every text, wasm,
# JSON, SVG and XML file of a built site, and the search index's .bin files, for servers that send precompressed
# files (nginx's brotli_static and gzip_static: deploy/nginx/portal-rules.conf).
# The highest levels are too slow for a server to use per request, and they
# are what a visitor downloads: on the release wasm (553,712 bytes, measured
# 2026-11-30) brotli -q 11 gives 185,690 bytes, gzip -9 228,960.
#
#   bash scripts/precompress.sh dist
#
# Run last, after the prerender (scripts/release-build.sh does), and again
# after every re-prerender and after anything else writes into the site
# (a CMS copying documents into data/): nginx sends X.br whenever it
# exists, even when X has changed since. A copy is stamped with its source's modification
# time; a source whose copies carry its time is skipped, so a re-run after a
# prerender that rewrote a few pages compresses only those. Copies whose
# source is gone are removed.
set -euo pipefail

site="${1:?usage: precompress.sh DIR}"
if [ ! -d "$site" ]; then
    echo "precompress: no folder $site" >&2
    exit 1
fi
for tool in brotli gzip; do
    command -v "$tool" >/dev/null || {
        echo "precompress: $tool is missing (bash scripts/setup.sh installs it)" >&2
        exit 1
    }
done

kinds=(-name '*.html' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.wasm' -o -name '*.json'
    -o -name '*.webmanifest' -o -name '*.svg' -o -name '*.xml' -o -name '*.txt' -o -name '*.ics' -o -name '*.bin')

# Same time both ways: neither is newer than the other.
same_time() { ! [ "$1" -nt "$2" ] && ! [ "$2" -nt "$1" ]; }

stale=()
kept=0
while IFS= read -r -d '' file; do
    if [ -f "$file.br" ] && [ -f "$file.gz" ] && same_time "$file" "$file.br" && same_time "$file" "$file.gz"; then
        kept=$((kept + 1))
    else
        stale+=("$file")
    fi
done < <(find "$site" -type f \( "${kinds[@]}" \) -print0)

removed=0
while IFS= read -r -d '' copy; do
    if [ ! -f "${copy%.*}" ]; then
        rm -f -- "$copy"
        removed=$((removed + 1))
    fi
done < <(find "$site" -type f \( -name '*.br' -o -name '*.gz' \) -print0)

# Each copy is written beside under a temporary name and renamed, so that a
# server never sends half a file; batches keep both cores busy.
compress() {
    local file
    for file in "$@"; do
        brotli -q 11 -f -o "$file.br.part" -- "$file"
        gzip -9 -n -c -- "$file" >"$file.gz.part"
        touch -r "$file" -- "$file.br.part" "$file.gz.part"
        mv -f -- "$file.br.part" "$file.br"
        mv -f -- "$file.gz.part" "$file.gz"
    done
}
export -f compress
if [ "${#stale[@]}" -gt 0 ]; then
    printf '%s\0' "${stale[@]}" | xargs -0 -n 16 -P "$(nproc)" bash -c 'set -euo pipefail; compress "$@"' _
fi
echo "precompress: $site: ${#stale[@]} compressed, $kept up to date, $removed stale copies removed"
