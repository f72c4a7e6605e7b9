#!/usr/bin/env bash
# Uploads the built site (dist/, prerendered and precompressed by
# scripts/release-build.sh) to wherever the department's site is served
# from. CI runs it last (.gitlab-ci.yml, .github/workflows/publish.yml).
# THE HOST FILLS IT IN: pick one of the examples below, or write your own,
# with the credentials in CI variables, never in this file.
#
#   bash scripts/upload.sh dist
#
# Rules for any host (docs/hosting.md): upload the hashed files before the
# pages that name them; keep the .br/.gz copies beside their files when the
# server sends them (nginx brotli_static/gzip_static); and make the host hold
# exactly dist/, deleting there, last, whatever dist/ no longer has. CI
# builds dist/ whole on every run, so a deleted article's pages are simply
# not in it (over a kept site the prerender deletes them itself: "prerender:
# removed …"); an upload that only adds and overwrites would leave the
# article at its address. Deleting is safe because a document that fails to
# read or parse makes the prerender, release-build.sh and so the pipeline
# fail before this step: the host keeps its previous pages. Keep out of the
# deletion only what the host itself writes into the folder (say, the
# counter's statistics, if it writes them there: --exclude='/thong-ke.json').
set -euo pipefail
site="${1:-dist}"
[ -f "$site/index.html" ] || { echo "upload: no built site in $site/ (run scripts/release-build.sh)" >&2; exit 1; }

# Example: a server of the department's own, over SSH (rsync): trunk's hashed
# files first (at the root, 8-16 hex digits), then the rest, switched in at
# the end (--delay-updates), then what dist/ lacks deleted (--delete-delay).
#   hashed='/*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]*'
#   rsync -a --include="$hashed" --exclude='*' "$site/" "$UPLOAD_TARGET/"
#   rsync -a --delay-updates --delete-delay "$site/" "$UPLOAD_TARGET/"
# Example: an S3-compatible bucket behind a CDN (Viettel, VNPT, FPT clouds offer one).
#   aws s3 sync --delete "$site/" "s3://$BUCKET/" --endpoint-url "$S3_ENDPOINT"
# Example: Netlify or Cloudflare Pages (deploy/ has their rules): each deploy
# is the folder exactly, so what it lacks is gone with nothing more to do.
#   npx netlify-cli deploy --prod --dir "$site"

echo "upload: scripts/upload.sh is not filled in yet: $site/ was built but not uploaded" >&2
exit 1
