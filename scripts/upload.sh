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
# server sends them (nginx brotli_static/gzip_static); delete nothing the
# prerender merely stopped drawing without looking (it lists those).
set -euo pipefail
site="${1:-dist}"
[ -f "$site/index.html" ] || { echo "upload: no built site in $site/ (run scripts/release-build.sh)" >&2; exit 1; }

# Example: a server of the department's own, over SSH (rsync), hashed files first.
#   rsync -a --include='*/' --include='*-[0-9a-f]*.*' --exclude='*' "$site/" "$UPLOAD_TARGET/"
#   rsync -a --delay-updates "$site/" "$UPLOAD_TARGET/"
# Example: an S3-compatible bucket behind a CDN (Viettel, VNPT, FPT clouds offer one).
#   aws s3 sync "$site/" "s3://$BUCKET/" --endpoint-url "$S3_ENDPOINT"
# Example: Netlify or Cloudflare Pages (deploy/ has their rules).
#   npx netlify-cli deploy --prod --dir "$site"

echo "upload: scripts/upload.sh is not filled in yet: $site/ was built but not uploaded" >&2
exit 1
