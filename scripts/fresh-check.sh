#!/usr/bin/env bash
# The new-machine check: a fresh clone of the committed main, an empty
# CARGO_HOME (its own registry and bin, so no trunk, wasm-bindgen or crate
# that this machine downloaded before is seen), then the README's set-up and
# test commands (the latter through .ci/run, with the cargo target folder
# outside the clone, as CI has it). What it cannot empty: Debian's packages (chromium, nginx…)
# and the rustup toolchains, which a new machine has or installs in seconds.
# Takes 25-40 minutes; not part of CI. Run it before resolving anything that
# touches set-up or the build.
#
#   bash scripts/fresh-check.sh                 # in a new folder under /tmp
#   FRESH_DIR=/work/fresh bash scripts/fresh-check.sh
#   SETUP_ONLY=1 bash scripts/fresh-check.sh    # the set-up alone (10-15 minutes)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${FRESH_DIR:-$(mktemp -d /tmp/portal-fresh.XXXXXX)}"
mkdir -p "$dir"
rm -rf "$dir/clone" "$dir/cargo-home" "$dir/rustup-bin" "$dir/ci-target"

git clone --quiet --branch main "$repo" "$dir/clone"
echo "fresh-check: clone of $(git -C "$dir/clone" rev-parse --short HEAD) in $dir/clone"

# Only rustup's proxies (cargo, rustc, …) from the old cargo bin folder: they
# pick toolchains from RUSTUP_HOME; everything else must be installed anew.
rustup_binary="$(command -v rustup)"
mkdir -p "$dir/rustup-bin" "$dir/cargo-home"
for proxy in rustup cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
    ln -s "$rustup_binary" "$dir/rustup-bin/$proxy"
done
old_cargo_bin="$(dirname "$rustup_binary")"
clean_path="$(tr ':' '\n' <<<"$PATH" | grep -vxF "$old_cargo_bin" | paste -sd: -)"

export CARGO_HOME="$dir/cargo-home"
export PATH="$CARGO_HOME/bin:$dir/rustup-bin:$clean_path"
# CI keeps its cargo target folder outside the clone; so does this check, so
# that nothing that assumes ./target passes here and fails there.
export CARGO_TARGET_DIR="$dir/ci-target"
cd "$dir/clone"

started=$(date +%s)
bash scripts/setup.sh 2>&1 | tee "$dir/setup.log"
setup_seconds=$(($(date +%s) - started))
if [ -n "${SETUP_ONLY:-}" ]; then
    echo "fresh-check: set-up $((setup_seconds / 60)) min $((setup_seconds % 60)) s (log in $dir/setup.log)"
    exit 0
fi
bash .ci/run 2>&1 | tee "$dir/test.log"
total_seconds=$(($(date +%s) - started))

echo
echo "fresh-check: set-up $((setup_seconds / 60)) min $((setup_seconds % 60)) s;" \
    "set-up and tests $((total_seconds / 60)) min $((total_seconds % 60)) s (logs in $dir)"
tail -n 1 "$dir/test.log"
