#!/usr/bin/env bash
# Local editing: the editor (Decap CMS) over this clone, as the office would
# use it without a Git host. Starts, on loopback only:
#   - decap-server (npm, pinned in setup.sh) in git mode over this repository,
#     on 127.0.0.1:8081 (editor/config.yml's local_backend names that port);
#   - the portal with live rebuild (trunk serve) on 127.0.0.1:8080,
#     which serves the editor at /quan-tri/ (scripts/editor-assets.sh).
# Then open http://127.0.0.1:8080/quan-tri/ and press "Đăng nhập".
#
#   bash scripts/edit.sh
#   PORT=9000 bash scripts/edit.sh     # the portal elsewhere (the editor's backend stays on 8081)
#
# What it writes: every save is a commit in THIS clone (a branch
# cms/<collection>/<slug> per draft, merged into main on "Công bố"), made by
# decap-server with `git add .` in the work tree. So it refuses to start on
# a dirty work tree (your own changes would ride along in the editor's
# commits) or away from main (the editor publishes to main, and decap-server
# checks branches out in this work tree).
#
# After each new commit on main, it runs the content hook (below): the
# builder turns content/ into the documents, which go straight into the
# site trunk serves; a reload of the page shows the change (about a second:
# scripts/bench-edit.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$PORTAL_ROOT"

PORT="${PORT:-8080}"
CMS_PORT=8081

if [ "$(git symbolic-ref --quiet --short HEAD || true)" != main ]; then
    echo "edit: check out main first (git switch main): the editor publishes to main, and decap-server checks branches out here" >&2
    exit 1
fi
if [ -n "$(git status --porcelain)" ]; then
    echo "edit: the work tree has uncommitted changes; commit or stash them first (decap-server commits with 'git add .')" >&2
    git status --short >&2
    exit 1
fi

pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

MODE=git GIT_REPO_DIRECTORY="$PORTAL_ROOT" PORT="$CMS_PORT" BIND_HOST=127.0.0.1 LOG_LEVEL="${LOG_LEVEL:-info}" \
    node "$PORTAL_TOOLS/node_modules/decap-server/dist/index.js" &
pids+=($!)

# The content hook: after each publication (a new commit on main), the
# builder turns content/ into the documents (scripts/build-content.sh;
# incremental, so one article costs one article), and they are copied
# straight into the folder trunk serves. Trunk itself does not watch data/
# or config.json (--ignore below): rebuilding the whole app for a new
# document took most of the 5-6 s a publication needed to show
# (scripts/bench-edit.sh). What the builder writes is git-ignored, or
# decap-server's next `git add .` would commit it with the editor's change.
SERVED="$PORTAL_ROOT/dist"
content_hook() {
    bash scripts/build-content.sh || return 1
    [ -d "$SERVED" ] || return 0 # trunk's first build copies them itself
    cp -au data/. "$SERVED/data/" # only what the builder rewrote
    cp -a config.json "$SERVED/config.json"
    # A document the builder removed (a deleted article) leaves the site too.
    (cd "$SERVED/data" && find . -type f) | while read -r file; do
        [ -e "data/$file" ] || rm -f "$SERVED/data/$file"
    done
}
watch_main() {
    local last now
    last="$(git rev-parse main)"
    # Every 0.2 s: `git rev-parse` costs a few milliseconds.
    while sleep 0.2; do
        now="$(git rev-parse main 2>/dev/null || echo "$last")"
        if [ "$now" != "$last" ]; then
            last="$now"
            content_hook || echo "edit: the content hook failed (see above)" >&2
        fi
    done
}
watch_main &
pids+=($!)

# trunk copies data/ and config.json into the site: build them first.
content_hook
echo
echo "edit: the editor will be at http://127.0.0.1:$PORT/quan-tri/ once trunk has built the portal"
trunk serve --address 127.0.0.1 --port "$PORT" --ignore data --ignore config.json &
pids+=($!)
wait -n "${pids[@]}"
