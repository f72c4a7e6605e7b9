#!/usr/bin/env bash
# Every HTML page of a build (the prerendered pages, the app shell, the
# offline page) through the Nu Html Checker (npm vnu-jar, installed by
# setup.sh into .tools/): zero errors, or the list of them, each naming its
# file, line and column, and a non-zero exit.
#
#   bash scripts/check-html.sh dist
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >/dev/null
site="${1:?usage: check-html.sh SITE_DIR}"
vnu="$PORTAL_TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"
pages=$(find "$site" -name '*.html' | wc -l)
# --skip-non-html: the folder also holds documents, images and the index.
if java -jar "$vnu" --skip-non-html --errors-only --format gnu "$site"; then
    echo "check-html: $pages pages of $site, no error"
else
    echo "check-html: errors above (file:line.column), in $pages pages of $site" >&2
    exit 1
fi
