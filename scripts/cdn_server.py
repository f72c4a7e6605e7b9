#!/usr/bin/env python3
"""Serves a built portal the way a CDN would, for the benchmark (scripts/bench.sh).

- brotli: a `FILE.br` beside a file is sent as is (static assets are
  pre-compressed at -q 11 when the benchmark lays the site out); any other
  text file is compressed on first request with the `brotli` CLI at -q 11 and
  kept in memory, as a CDN keeps what it compressed once;
- prerendered pages: a path without an extension gets its page
  (PATH.html, or index.html for the root) when the prerender wrote one;
- SPA fallback: any other such path gets the app shell (app.html, or
  index.html in a build without prerender); a missing file with an
  extension is a real 404;
- ranges: a single `Range: bytes=A-B` (or `A-`, `-N`) of a file that is
  not compressed (the search index's result records, `tim-kiem/*/d.dat`,
  docs/hosting.md) gets 206 and those bytes, as every CDN and nginx send;
  an unsatisfiable one 416; several ranges, the whole file (200), which
  servers may do; a compressed file is always sent whole;
- caching: hashed file names (trunk's `name-0123456789abcdef.ext`) are
  `public, max-age=31536000, immutable`; HTML and JSON are short-lived;
- HTTP/1.1 keep-alive, as browsers use with any real host, with TCP_NODELAY
  as real servers set it.

Only the standard library and Debian's brotli: nothing to install.

    python3 scripts/cdn_server.py DIR PORT [--prefix /portal/]     (PORT 0: any free port)
"""

import http.server
import os
import re
import subprocess
import sys
import threading
import urllib.parse

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".xml": "application/xml",
    ".dat": "application/octet-stream",
}
COMPRESSIBLE = {".html", ".js", ".wasm", ".css", ".json", ".svg", ".txt", ".ics", ".xml", ".bin"}
# trunk writes the hash in hex without leading zeros, so 12 to 16 digits.
RANGE = re.compile(r"bytes=(\d*)-(\d*)$")
HASHED = re.compile(r"-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$")
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=60"


class Site:
    def __init__(self, root, prefix):
        self.root = os.path.realpath(root)
        self.prefix = prefix.rstrip("/")
        self.compressed = {}
        self.lock = threading.Lock()

    def resolve(self, url_path):
        """The file to send for a request path, or None for a 404."""
        path = urllib.parse.unquote(url_path.split("?", 1)[0].split("#", 1)[0])
        if self.prefix:
            if path != self.prefix and not path.startswith(self.prefix + "/"):
                return None
            path = path[len(self.prefix):] or "/"
        candidate = os.path.realpath(os.path.join(self.root, path.lstrip("/")))
        if candidate != self.root and not candidate.startswith(self.root + os.sep):
            return None
        if os.path.isfile(candidate):
            return candidate
        if os.path.splitext(path)[1]:
            return None
        # A prerendered page ("/tin/1019/slug" -> tin/1019/slug.html; "/" ->
        # index.html), else the app shell the prerender keeps as app.html.
        route = path.strip("/")
        page = os.path.join(self.root, route + ".html" if route else "index.html")
        if os.path.isfile(page):
            return page
        shell = os.path.join(self.root, "app.html")
        return shell if os.path.isfile(shell) else os.path.join(self.root, "index.html")

    def brotli(self, file):
        """The file's brotli bytes: its .br twin, or compressed once and kept."""
        if os.path.isfile(file + ".br"):
            with open(file + ".br", "rb") as f:
                return f.read()
        with self.lock:
            cached = self.compressed.get(file)
        if cached is None:
            cached = subprocess.run(["brotli", "-q", "11", "-c", file], check=True, capture_output=True).stdout
            with self.lock:
                self.compressed[file] = cached
        return cached


def byte_range(header, size):
    """The (first, last) byte a single-range `Range` header asks for, None
    for the whole file (no header, several ranges, a unit not bytes), or
    "unsatisfiable" (RFC 9110, 14.1.2)."""
    match = RANGE.match(header or "")
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":  # the last N bytes
        if int(last) == 0 or size == 0:
            return "unsatisfiable"
        return max(0, size - int(last)), size - 1
    first = int(first)
    last = size - 1 if last == "" else min(int(last), size - 1)
    if first >= size or first > last:
        return "unsatisfiable"
    return first, last


def handler_for(site):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # TCP_NODELAY, as nginx and CDNs send (nginx: tcp_nodelay on). Without
        # it the headers and the body go as two small writes, and on a kept-
        # alive connection the body waits for Chromium's delayed ACK: every
        # request after the first took ~50 ms on loopback (measured
        # 2026-12-01: 10 fetches of the search index, 48-60 ms each).
        disable_nagle_algorithm = True

        def do_HEAD(self):
            self.answer(send_body=False)

        def do_GET(self):
            self.answer(send_body=True)

        def answer(self, send_body):
            file = site.resolve(self.path)
            if file is None:
                return self.reply(404, {"Content-Type": "text/plain; charset=utf-8"}, b"not found", send_body)
            ext = os.path.splitext(file)[1].lower()
            headers = {
                "Content-Type": TYPES.get(ext, "application/octet-stream"),
                "Cache-Control": LONG_CACHE if HASHED.search(file) else SHORT_CACHE,
                "Vary": "Accept-Encoding",
            }
            accepts_br = "br" in self.headers.get("Accept-Encoding", "")
            if ext in COMPRESSIBLE and accepts_br:
                body = site.brotli(file)
                headers["Content-Encoding"] = "br"
                return self.reply(200, headers, body, send_body)
            headers["Accept-Ranges"] = "bytes"
            size = os.path.getsize(file)
            wanted = byte_range(self.headers.get("Range"), size)
            if wanted == "unsatisfiable":
                headers["Content-Range"] = f"bytes */{size}"
                return self.reply(416, headers, b"", send_body)
            with open(file, "rb") as f:
                if wanted is None:
                    return self.reply(200, headers, f.read(), send_body)
                start, end = wanted
                f.seek(start)
                headers["Content-Range"] = f"bytes {start}-{end}/{size}"
                self.reply(206, headers, f.read(end - start + 1), send_body)

        def reply(self, status, headers, body, send_body):
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, *args):
            pass  # quiet: the benchmark prints its own table

    return Handler


def main():
    args = sys.argv[1:]
    prefix = "/"
    if "--prefix" in args:
        i = args.index("--prefix")
        prefix = args[i + 1]
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    root, port = args[0], int(args[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_for(Site(root, prefix)))
    server.daemon_threads = True
    # Port 0 picks a free one; the line below tells the caller which.
    port = server.server_address[1]
    print(f"cdn_server: http://127.0.0.1:{port}{prefix} serves {root}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
