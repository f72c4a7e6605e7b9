#!/usr/bin/env bash
# How long a publication takes to reach the site when editing locally
# (`bash scripts/edit.sh`, docs/editor.md): in a temporary clone, starts
# edit.sh, then publishes an article three times as the editor does (a
# commit of a new Markdown file on main) and times each until the served
# latest-news page lists it. Prints each time and the median.
#
#   bash scripts/bench-edit.sh
#   PORT=9100 bash scripts/bench-edit.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
PORT="${PORT:-9100}"
work="$(mktemp -d /tmp/portal-bench-edit.XXXXXX)"
edit_pid=""
stop() {
    [ -n "$edit_pid" ] && kill -- "-$edit_pid" 2>/dev/null || true
    sleep 1
    rm -rf "$work"
}
trap stop EXIT

git clone --quiet "$PORTAL_ROOT" "$work/clone"
cd "$work/clone"
git config user.name "Văn phòng Sở" && git config user.email "vanphong@example.vn"
# Its own process group, so that stopping it stops trunk and decap-server too.
PORT="$PORT" setsid bash scripts/edit.sh >"$work/edit.log" 2>&1 &
edit_pid=$!

served() { curl -fsS "http://127.0.0.1:$PORT/data/tin-moi/1.json" 2>/dev/null || true; }
echo "bench-edit: waiting for trunk serve's first build (log: $work/edit.log)"
for _ in $(seq 1 900); do
    [ -n "$(served)" ] && break
    sleep 1
done
[ -n "$(served)" ] || { tail -20 "$work/edit.log"; echo "bench-edit: the site never came up" >&2; exit 1; }
sleep 5 # let trunk settle after its first build

times=()
for n in 1 2 3; do
    title="Bài đo thời gian đăng số $n $(date +%s)"
    file="content/tin/2026/bai-do-thoi-gian-$n.md"
    mkdir -p "$(dirname "$file")"
    printf -- '---\ntitle: "%s"\ndate: 2026-12-05T08:0%s:00+07:00\ncategory: tin-hoat-dong-so\n---\n\nĐoạn văn của bài đo.\n' \
        "$title" "$n" >"$file"
    started=$(date +%s.%N)
    git add "$file" && git commit --quiet -m "Tạo bài viết $n"
    until served | grep -qF "$title"; do sleep 0.1; done
    seconds=$(echo "$(date +%s.%N) - $started" | bc -l)
    printf 'bench-edit: publication %d on the site after %.1f s\n' "$n" "$seconds"
    times+=("$seconds")
    sleep 3
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
printf 'bench-edit: median %.1f s (commit on main to the latest-news page served with it)\n' "$median"
