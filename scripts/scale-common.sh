# What the measurements (scripts/prerender-scale.sh, scripts/registry-scale.sh,
# scripts/bench-search.sh, and scripts/bench.sh for its servers) share: the
# release build they take the app from, the builder and the prerender built
# with the prerender profile, one command timed, and the two servers
# (cdn_server.py over HTTP/1.1, nginx over HTTP/2). Sourced from the repository root, after setup.sh.

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

# Every server serve_site (or bench.sh's nginx) starts, stopped when the
# calling script exits, however it exits: one trap for all of them.
SERVERS=()
stop_servers() {
    local pid
    for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_servers EXIT

# serve_site DIR LOG: serves DIR as a CDN would (scripts/cdn_server.py, on a
# free port) until the calling script exits; sets SERVED_URL (no final /).
serve_site() {
    local root="$1" log="$2"
    : >"$log" # exists before the server writes to it, for the first look below
    python3 "$PORTAL_ROOT/scripts/cdn_server.py" "$root" 0 >>"$log" 2>&1 &
    SERVERS+=($!)
    SERVED_URL=""
    for _ in $(seq 100); do
        SERVED_URL=$(sed -n 's#^cdn_server: \(http://[^ ]*\)/ .*#\1#p' "$log")
        [ -n "$SERVED_URL" ] && return
        sleep 0.1
    done
    echo "the server for $root did not start:" >&2
    cat "$log" >&2
    exit 1
}

# serve_nginx DIR LOG: serves DIR with Debian's nginx and the shipped rules
# (deploy/nginx), over HTTPS and HTTP/2 with a throwaway certificate (in
# NGINX_DIR, the caller's), as a CDN serves: every request on one
# connection. Stopped like serve_site's; sets SERVED_URL (no final /).
serve_nginx() {
    local root="$1" log="$2" port dir i
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    dir="$NGINX_DIR/$port"
    mkdir -p "$dir"
    ln -sfn "$PORTAL_ROOT/deploy/nginx" "$dir/portal"
    [ -f "$NGINX_DIR/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
        -keyout "$NGINX_DIR/key.pem" -out "$NGINX_DIR/cert.pem" 2>/dev/null
    cat >"$dir/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    server {
        listen 127.0.0.1:$port ssl http2;
        ssl_certificate $NGINX_DIR/cert.pem;
        ssl_certificate_key $NGINX_DIR/key.pem;
        root $root;
        include portal/portal-at-root.conf;
    }
}
CONF
    /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir" >>"$log" 2>&1 &
    SERVERS+=($!)
    for i in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            SERVED_URL="https://127.0.0.1:$port"
            return
        fi
        sleep 0.1
    done
    echo "nginx for $root did not start:" >&2
    cat "$log" >&2
    return 1
}
