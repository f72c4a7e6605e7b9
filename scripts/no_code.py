#!/usr/bin/env python3
"""Rewrites a built site into the same markup with no code (issue 28's floor).

    python3 scripts/no_code.py DIR
    python3 scripts/no_code.py --documents-only DIR

Every HTML file under DIR loses each `<script>` element (the loader, the
head's scripts, the embedded JSON documents) and each `<link>` that only
brings code or documents ahead (modulepreload, preload of a script, a wasm
or a fetch). What is left is the markup and CSS a static site generator would
serve: the floor the portal's pages are measured against (bench.sh FLOOR=1).

The cuts come from an HTML tokenizer (html.parser), which knows that a
script's content is raw text up to its end tag, so no markup is cut by a
pattern that matched inside an attribute or a script. The `.br` and `.gz`
copies of a rewritten file are written again, so a server that prefers them
serves the rewrite. Prints how many files and bytes it cut.
"""

import gzip
import os
import subprocess
import sys
from html.parser import HTMLParser

# A <link> with one of these rels brings code or data ahead of its use.
CODE_LINK_RELS = {"modulepreload", "preload", "prefetch"}


class CodeFinder(HTMLParser):
    """Collects the character ranges of script elements and code links."""

    def __init__(self, text, documents_only=False):
        super().__init__(convert_charrefs=False)
        self.documents_only = documents_only
        self.text = text
        # Where each line starts, to turn getpos()'s (line, column) into an offset.
        self.line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.cuts = []
        self.script_start = None

    def text_position(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self.text_position()
        end = start + len(self.get_starttag_text())
        if tag == "script":
            is_document = (dict(attrs).get("type") or "").lower() == "application/json"
            if is_document or not self.documents_only:
                self.script_start = start
        elif tag == "link" and not self.documents_only and CODE_LINK_RELS & set((dict(attrs).get("rel") or "").lower().split()):
            self.cuts.append((start, end))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script" and self.script_start is not None:
            start = self.text_position()
            end = self.text.index(">", start) + 1
            self.cuts.append((self.script_start, end))
            self.script_start = None


def without_code(text, documents_only=False):
    finder = CodeFinder(text, documents_only)
    finder.feed(text)
    finder.close()
    if finder.script_start is not None:
        raise ValueError("a <script> is never closed")
    kept, position = [], 0
    for start, end in sorted(finder.cuts):
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return "".join(kept), len(finder.cuts)


def main():
    documents_only = sys.argv[1] == "--documents-only"
    root = sys.argv[-1]
    files = cut_bytes = elements = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            rewritten, cut = without_code(text, documents_only)
            if not cut:
                continue
            data = rewritten.encode("utf-8")
            with open(path, "wb") as f:
                f.write(data)
            if os.path.exists(path + ".gz"):
                with gzip.open(path + ".gz", "wb", compresslevel=9) as f:
                    f.write(data)
            if os.path.exists(path + ".br"):
                subprocess.run(["brotli", "-f", "-q", "11", "-o", path + ".br", path], check=True)
            files += 1
            elements += cut
            cut_bytes += len(text.encode("utf-8")) - len(data)
    print(f"no_code: {files} HTML files, {elements} scripts and code links cut, {cut_bytes} bytes")


if __name__ == "__main__":
    main()
