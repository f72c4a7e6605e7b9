#!/usr/bin/env python3
"""Publishes one article into a site's documents the way a CMS does, for
measuring the prerender's incremental run (scripts/prerender-scale.sh).

    python3 scripts/publish_one.py SITE_DIR

It writes the new article's document, puts it first in the latest news and in
its category (every later page of both feeds shifts by one item, as in any
newest-first paging), adds it to the category's `newest` in the categories
document, and gives the article it displaces its `newer` neighbour. The new
article is a copy of that category's newest one with a new id, title and
date; its "Tin khác" (`other_news`) is the displaced article and the first
seven of that one's own. Documents whose bytes do not change are not written.
Numeric ids only (the synthetic archive's and the sample's).
"""

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

DATA = "data"


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def write_if_changed(path, document, written):
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        written.append(path)


def chain(first):
    """The pages of a feed from its first page, following next_url."""
    pages, path = [], first
    while True:
        pages.append((path, read(path)))
        following = pages[-1][1].get("next_url")
        if not following:
            return pages
        path = path.parent / following


def push_front(first, item, written):
    """Inserts `item` at the head of the feed at `first`, shifting every page."""
    pages = chain(first)
    size = len(pages[0][1]["items"])
    items = [item] + [entry for _, page in pages for entry in page["items"]]
    total_pages = -(-len(items) // size)
    for number in range(1, total_pages + 1):
        if number <= len(pages):
            path, page = pages[number - 1]
        else:
            path, page = first.parent / f"{number}.json", dict(pages[-1][1])
        page["items"] = items[(number - 1) * size : number * size]
        page.pop("next_url", None)
        if number < total_pages:
            page["next_url"] = f"{number + 1}.json"
        extension = page.setdefault("_portal", {})
        extension.update({"page": number, "total_pages": total_pages, "total_items": len(items)})
        write_if_changed(path, page, written)


def main():
    site = Path(sys.argv[1])
    data = site / DATA
    categories_path = data / "chuyen-muc.json"
    categories = read(categories_path)
    entry = categories["items"][0]
    slug = entry["id"]
    category_first = data / "chuyen-muc" / slug / "1.json"
    displaced_item = read(category_first)["items"][0]
    displaced_path = data / "tin" / f"{displaced_item['id']}.json"
    displaced = read(displaced_path)
    new_id = str(max(int(path.stem) for path in (data / "tin").glob("*.json") if path.stem.isdigit()) + 1)
    published = datetime.fromisoformat(displaced_item["date_published"]) + timedelta(hours=1)

    article = json.loads(json.dumps(displaced))
    item = article["items"][0]
    item["id"] = new_id
    item["title"] = f"Tin mới đăng số {new_id}"
    article["title"] = item["title"]
    item["date_published"] = published.isoformat()
    item["url"] = f"../../tin/{new_id}/tin-moi-dang-so-{new_id}"
    portal = item["_portal"]
    portal["related"] = []
    portal["neighbours"] = {"older": {"id": displaced_item["id"], "title": displaced_item["title"]}}
    teaser_of_displaced = {key: value for key, value in displaced_item.items()}
    portal["other_news"] = [teaser_of_displaced] + displaced["items"][0]["_portal"].get("other_news", [])[:7]
    written = []
    write_if_changed(data / "tin" / f"{new_id}.json", article, written)

    displaced["items"][0]["_portal"].setdefault("neighbours", {})["newer"] = {"id": new_id, "title": item["title"]}
    write_if_changed(displaced_path, displaced, written)

    listed = {key: value for key, value in item.items() if key not in ("content_html", "summary")}
    listed["content_text"] = "Tin mới đăng để đo lần chạy lại của bước dựng sẵn."
    listed["url"] = f"../../../tin/{new_id}/tin-moi-dang-so-{new_id}"
    listed["_portal"] = {"category": portal["category"]}
    push_front(category_first, listed, written)
    listed["url"] = f"../../tin/{new_id}/tin-moi-dang-so-{new_id}"
    push_front(data / "tin-moi" / "1.json", listed, written)

    newest = entry["_portal"].setdefault("newest", [])
    newest.insert(0, {"id": new_id, "title": item["title"], "date_published": item["date_published"]})
    del newest[4:]
    write_if_changed(categories_path, categories, written)
    print(f"publish_one: article {new_id} in {slug}; {len(written)} documents written")


if __name__ == "__main__":
    main()
