#!/usr/bin/env bash
# Cuts the app's wasm into the main part, which every page loads, and the
# parts that only some views need, fetched the first time one is drawn
# (src/parts.rs, docs/wasm-parts.md). Run by scripts/release-build.sh after
# trunk, on the wasm cargo linked with `--cfg portal_split` and
# `--emit-relocs`; it replaces trunk's JS glue and wasm in DIST with:
#
#   portal-<hash>.js, portal-<hash>_bg.wasm   the main part and its glue
#   parts-<hash>.js                           the loader of the parts
#   part-<name>-<hash>_bg.wasm                a part (lich, tim_kiem, ...)
#   part-shared-<n>-<hash>_bg.wasm            code two or more parts share
#
# <hash> is one hash of all of them: trunk's names are content-hashed, and
# the hosting rules cache such names for a year (docs/hosting.md).
#
#   bash scripts/split-wasm.sh DIST LINKED_WASM
set -euo pipefail
dist="${1:?usage: split-wasm.sh DIST LINKED_WASM}"
linked="${2:?usage: split-wasm.sh DIST LINKED_WASM}"

# trunk's names for the app's glue and wasm (the workers' are not hashed).
trunk_js="$(cd "$dist" && ls portal-*.js | grep -E '^portal-[0-9a-f]{16}\.js$')"
trunk_wasm="${trunk_js%.js}_bg.wasm"
[ -f "$dist/$trunk_wasm" ] || { echo "split-wasm: no $trunk_wasm beside $trunk_js in $dist" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/split" "$work/glue" "$work/out"

# 1. The cut: split/portal.wasm (the main part, still to go through
#    wasm-bindgen), split/split_<name>.wasm, split/chunk_<n>.wasm and the
#    loader split/__wasm_split.js, which imports initSync from ./portal.js.
wasm-split-cli "$linked" "$work/split" --target web --out-name portal
# 2. The main part's glue, as trunk makes it, keeping the exports the parts
#    link against (the memory, the function table).
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
    --out-dir "$work/glue" --out-name portal "$work/split/portal.wasm"
# 3. Each wasm optimised as index.html has trunk do it for the whole app.
# (The splitter writes a name subsection binaryen 132 does not know and
# warns about once per file; the names are dropped by -Oz anyway.)
optimise() {
    wasm-opt -Oz "$1" -Oz --low-memory-unused -o "$2" 2>&1 | { grep -v '^warning: unknown name subsection' || true; } >&2
}
optimise "$work/glue/portal_bg.wasm" "$work/out/portal_bg.wasm"
for part in "$work"/split/split_*.wasm "$work"/split/chunk_*.wasm; do
    [ -e "$part" ] || continue
    optimise "$part" "$work/out/$(basename "$part")"
done
cp "$work/glue/portal.js" "$work/split/__wasm_split.js" "$work/out/"

# 4. One hash of everything, then the final names, and the references
#    between the files rewritten to them.
hash="$(cd "$work/out" && cat $(ls | sort) | sha256sum | cut -c1-16)"
name_of() {
    case "$1" in
        portal.js) echo "portal-$hash.js" ;;
        portal_bg.wasm) echo "portal-${hash}_bg.wasm" ;;
        __wasm_split.js) echo "parts-$hash.js" ;;
        split_*.wasm) local name="${1#split_}"; echo "part-${name%.wasm}-${hash}_bg.wasm" ;;
        chunk_*.wasm) local n="${1#chunk_}"; echo "part-shared-${n%.wasm}-${hash}_bg.wasm" ;;
        *) echo "split-wasm: unexpected output $1" >&2; return 1 ;;
    esac
}
# (Only where the glue imports it: the wasm's imports keep that module's
# first name as their key.)
sed -i "s|from \"\\./__wasm_split\\.js\"|from \"./parts-$hash.js\"|g" "$work/out/portal.js"
grep -q "parts-$hash.js" "$work/out/portal.js" || { echo "split-wasm: the glue does not import the parts' loader" >&2; exit 1; }
sed -i "s|\"\\./portal\\.js\"|\"./portal-$hash.js\"|" "$work/out/__wasm_split.js"
for file in $(cd "$work/out" && ls split_*.wasm chunk_*.wasm 2>/dev/null); do
    sed -i "s|\"\\./$file\"|\"./$(name_of "$file")\"|" "$work/out/__wasm_split.js"
done
rm "$dist/$trunk_js" "$dist/$trunk_wasm"
for file in $(cd "$work/out" && ls); do
    cp "$work/out/$file" "$dist/$(name_of "$file")"
done

# 5. index.html: the new names, the glue's integrity, and the loader
#    preloaded beside the glue (else it is found only once the glue runs).
sri() { python3 -c 'import base64, hashlib, sys; print("sha384-" + base64.b64encode(hashlib.sha384(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"; }
python3 - "$dist/index.html" "$trunk_js" "portal-$hash.js" "$(sri "$dist/portal-$hash.js")" \
    "parts-$hash.js" "$(sri "$dist/parts-$hash.js")" <<'EOF'
import re, sys
page, old_js, new_js, new_js_sri, loader, loader_sri = sys.argv[1:]
html = open(page, encoding="utf-8").read()
html = html.replace(old_js[:-3] + "_bg.wasm", new_js[:-3] + "_bg.wasm").replace(old_js, new_js)
preload = re.compile(r'<link rel="modulepreload" href="([^"]*)' + re.escape(new_js) + r'"([^>]*) integrity="[^"]*">')
found = preload.search(html)
if not found:
    sys.exit(f"split-wasm: no modulepreload of {new_js} in {page}")
prefix, attributes = found.group(1), found.group(2)
html = preload.sub(
    f'<link rel="modulepreload" href="{prefix}{new_js}"{attributes} integrity="{new_js_sri}">'
    f'<link rel="modulepreload" href="{prefix}{loader}"{attributes} integrity="{loader_sri}">',
    html, count=1)
open(page, "w", encoding="utf-8").write(html)
EOF
echo "split-wasm: $dist: portal-$hash.js, parts-$hash.js and $(cd "$dist" && ls part-*-"$hash"_bg.wasm | wc -l) parts"
