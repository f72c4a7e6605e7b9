#!/usr/bin/env bash
# Writes this build's version and app shell into DIST/sw.js (the service
# worker, docs/offline.md). sw.js keeps its name across releases, and a
# browser takes a new worker only when its bytes change: the version is a
# hash of the app shell page (which names every hashed file and its SRI
# hash) and of the precache list, so any change of the app is a new worker.
#
#   bash scripts/stamp-sw.sh DIST
#
# Run by scripts/release-build.sh after the prerender; safe to run again.
set -euo pipefail
dist="${1:?usage: stamp-sw.sh DIST}"
sw="$dist/sw.js"
[ -f "$sw" ] || { echo "stamp-sw: no $sw (is it copied by index.html?)" >&2; exit 1; }

# The app shell: app.html once prerendered, else trunk's index.html.
shell=app.html
[ -f "$dist/$shell" ] || shell=index.html
[ -f "$dist/$shell" ] || { echo "stamp-sw: no app shell in $dist" >&2; exit 1; }

files=("$shell") # first: sw.js takes PRECACHE[0] for the shell
for extra in config.json manifest.webmanifest icons/icon.svg; do
    [ -f "$dist/$extra" ] && files+=("$extra")
done
# trunk's hashed files at the root: portal-<hash>.js/_bg.wasm/.css, and the
# hashed plain scripts (crash-notice-<hash>.js, offline-<hash>.js). Not the
# parts of the app's wasm (part-*_bg.wasm, docs/wasm-parts.md): the worker
# keeps each once a view has fetched it.
while IFS= read -r file; do
    files+=("$file")
done < <(cd "$dist" && find . -maxdepth 1 -type f -regextype posix-extended \
    -regex '\./.*-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css)' ! -name 'part-*' -printf '%P\n' | sort)

list=""
for file in "${files[@]}"; do
    list+="${list:+, }\"$file\""
done
version="$({ cat "$dist/$shell"; printf '%s\n' "${files[@]}"; } | sha256sum | cut -c1-16)"

grep -q '^var VERSION = ".*";$' "$sw" && grep -q '^var PRECACHE = \[.*\];$' "$sw" ||
    { echo "stamp-sw: $sw has no VERSION/PRECACHE lines to stamp" >&2; exit 1; }
# The comments (whole lines; a third of its bytes) stay in assets/sw.js.
sed -i -e "s|^var VERSION = \".*\";\$|var VERSION = \"$version\";|" \
    -e "s|^var PRECACHE = \[.*\];\$|var PRECACHE = [$list];|" \
    -e '/^[[:space:]]*\/\//d' "$sw"
sed -i '1i // Built from assets/sw.js (read it there, with its comments) by scripts/stamp-sw.sh.' "$sw"
echo "stamp-sw: $sw version $version, ${#files[@]} files precached"
