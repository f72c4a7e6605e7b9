#!/usr/bin/env python3
"""Each crate's share of the wasm's code and data, from `twiggy top` as CSV.

    twiggy top -n 1000000 -f csv portal.wasm | python3 scripts/crate_shares.py [TOP]

Reads cargo's own release wasm (names intact), before wasm-bindgen and
wasm-opt: the shares are what matters, not the final bytes. Generic code is
counted where the item's name puts it: for `<T as Trait>::f`, the trait's
crate unless the trait is core's, alloc's or std's, then the type's.
"""

import csv
import re
import sys
from collections import Counter

STD = {"core", "alloc", "std"}
CRATE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::")


def crate_of(name):
    if name.startswith("data segment"):
        return "(data segments)"
    qualified = re.match(r"<(.+?) as (.+?)>::", name)
    if qualified:
        self_type, trait = qualified.groups()
        trait_crate = CRATE.search(trait)
        if trait_crate and trait_crate.group(1) not in STD:
            return trait_crate.group(1)
        type_crate = CRATE.search(self_type)
        if type_crate:
            return type_crate.group(1)
    found = CRATE.search(name.lstrip("<"))
    return found.group(1) if found else "(other)"


def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    shares = Counter()
    for row in csv.DictReader(sys.stdin):
        name = row["Name"]
        # Custom sections (names, wasm-bindgen's descriptors), the descriptor
        # functions and the export entries never ship: wasm-bindgen drops them.
        if "subsection" in name or name.startswith(("custom section", 'export "')) or "__wbindgen_describe" in name:
            continue
        shares[crate_of(name)] += int(row["ShallowSize"])
    total = sum(shares.values())
    print(f"{'crate':<28} {'bytes':>9} {'share':>6}")
    for crate, size in shares.most_common(top):
        print(f"{crate:<28} {size:>9} {100 * size / total:>5.1f}%")
    print(f"{'(all code and data)':<28} {total:>9}")


if __name__ == "__main__":
    main()
