# What the scale measurements (scripts/prerender-scale.sh,
# scripts/registry-scale.sh, scripts/bench-search.sh) share: the release build they take the app
# from, the builder and the prerender built with the prerender profile,
# and one command timed. Sourced from the repository root, after setup.sh.

# scale_prepare NAME: stops unless dist/ has a release build; builds the
# builder and the prerender; sets BIN, the folder of their programs.
scale_prepare() {
    [ -f dist/app.html ] || { echo "$1: build dist/ first (bash scripts/release-build.sh)" >&2; exit 1; }
    cargo build -q --profile prerender -p portal-builder -p prerender
    BIN="${CARGO_TARGET_DIR:-$PORTAL_ROOT/target}/prerender"
}

# run_timed FILE COMMAND…: runs the command, its output in FILE.log, and
# sets TOOK (wall seconds), PEAK_MB, CPU (user + system seconds) and
# LAST_LINE (the output's last line, where the tools print their summary).
run_timed() {
    local file="$1" peak_kb user system
    shift
    /usr/bin/time -f "%e %M %U %S" -o "$file.time" "$@" >"$file.log"
    read -r TOOK peak_kb user system <"$file.time"
    PEAK_MB=$((peak_kb / 1024))
    CPU="$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')"
    LAST_LINE="$(tail -1 "$file.log")"
}

# serve_site DIR LOG: serves DIR as a CDN would (scripts/cdn_server.py, on a
# free port) until the calling script exits; sets SERVED_URL (no final /).
serve_site() {
    python3 scripts/cdn_server.py "$1" 0 >"$2" 2>&1 &
    local server=$!
    trap "kill $server 2>/dev/null || true" EXIT
    SERVED_URL=""
    for _ in $(seq 50); do
        SERVED_URL=$(sed -n 's#^cdn_server: \(http://[^ ]*\)/ .*#\1#p' "$2")
        [ -n "$SERVED_URL" ] && return
        sleep 0.2
    done
    echo "the server did not start: $(cat "$2")" >&2
    exit 1
}
