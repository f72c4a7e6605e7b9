#!/usr/bin/env python3
"""Publishes one article into a content folder the way the editor does (a
new Markdown file under content/tin/YYYY/), for measuring the incremental
run of the builder and the prerender (scripts/prerender-scale.sh).

    python3 scripts/publish_one.py CONTENT_DIR

The new article is an hour newer than the newest one, in its category, so
it goes first in the latest news and in that category (every later page of
both feeds shifts by one item, as in any newest-first paging). Numeric ids
only (the synthetic archive's and the sample's).
"""

import re
import sys
from datetime import datetime, timedelta
from pathlib import Path


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    fields = {}
    for line in text.split("\n---\n", 1)[0].splitlines()[1:]:
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip().strip("'")
    return fields


def main():
    content = Path(sys.argv[1])
    newest, newest_date, top_id = None, None, 0
    for path in content.glob("tin/*/*.md"):
        number = re.search(r"(\d+)\.md$", path.name)
        if number:
            top_id = max(top_id, int(number.group(1)))
    # The newest article is the one with the highest id (ids grow with time).
    for path in content.glob(f"tin/*/*-{top_id}.md"):
        newest = front_matter(path)
        newest_date = datetime.fromisoformat(newest["date"])
    new_id = top_id + 1
    published = newest_date + timedelta(hours=1)
    folder = content / "tin" / str(published.year)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"tin-moi-dang-so-{new_id}.md"
    path.write_text(
        "---\n"
        f"title: Tin mới đăng số {new_id}\n"
        f"date: {published.isoformat()}\n"
        f"category: {newest['category']}\n"
        "summary: Tin mới đăng để đo lần chạy lại của trình dựng và bước dựng sẵn.\n"
        f"id: '{new_id}'\n"
        "---\n"
        "Đoạn thứ nhất của tin mới đăng.\n\nĐoạn thứ hai.\n",
        encoding="utf-8",
    )
    print(f"publish_one: article {new_id} in {newest['category']}: {path}")


if __name__ == "__main__":
    main()
