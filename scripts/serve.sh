#!/usr/bin/env bash
# Sets up, then serves the portal with trunk (live reload) on 127.0.0.1.
#
#   bash scripts/serve.sh            # port 8080
#   PORT=9000 bash scripts/serve.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$PORTAL_ROOT"

PORT="${PORT:-8080}"
echo
# The documents from content/ (data/, config.json), which trunk copies and
# watches: run `bash scripts/build-content.sh` again after editing content/.
bash scripts/build-content.sh
echo "serve: the portal will be at http://127.0.0.1:$PORT/ once trunk has built it"
exec trunk serve --address 127.0.0.1 --port "$PORT"
