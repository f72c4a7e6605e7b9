#!/usr/bin/env python3
"""Prints the benchmark's table from Lighthouse's JSON reports.

    python3 scripts/bench_table.py MANIFEST
    python3 scripts/bench_table.py --floor no-code MANIFEST

With --floor SITE, the table is issue 28's: each page of each build with its
FCP and LCP over those of SITE (the same markup with no code) on that page.

MANIFEST has one line per page: `site<TAB>path<TAB>report.json[,report.json…]`.
With several runs of a page, each figure is the median of the runs, as
figures on these shared machines vary from run to run.
"""

import json
import statistics
import sys

CATEGORIES = [("performance", "Perf"), ("accessibility", "A11y"), ("best-practices", "BP"), ("seo", "SEO")]


def figures(report_path):
    with open(report_path) as f:
        report = json.load(f)
    audits = report["audits"]
    row = {key: round(100 * (report["categories"][key]["score"] or 0)) for key, _ in CATEGORIES}
    row["fcp"] = audits["first-contentful-paint"]["numericValue"]
    row["lcp"] = audits["largest-contentful-paint"]["numericValue"]
    row["throttling"] = report["configSettings"]["throttlingMethod"]
    # Within one run, so the machine's noise cancels: 1.00 when the largest
    # paint is the first (a prerendered page's content).
    row["lcp_fcp"] = row["lcp"] / row["fcp"] if row["fcp"] else 0
    row["tbt"] = audits["total-blocking-time"]["numericValue"]
    row["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    row["bytes"] = audits["total-byte-weight"]["numericValue"]
    requests = audits["network-requests"]["details"]["items"]
    row["requests"] = len(requests)
    row["document_bytes"] = sum(r["transferSize"] for r in requests if r["url"].split("?")[0].endswith(".json"))
    row["failing"] = sorted(
        audit_id
        for key, _ in CATEGORIES
        for ref in report["categories"][key]["auditRefs"]
        if ref["weight"] > 0
        for audit_id in [ref["id"]]
        if audits[audit_id]["score"] is not None and audits[audit_id]["score"] < 1
    )
    return row


def median_row(rows):
    merged = {key: statistics.median(r[key] for r in rows) for key in rows[0] if key not in ("failing", "throttling")}
    merged["throttling"] = rows[0]["throttling"]
    merged["failing"] = sorted({a for r in rows for a in r["failing"]})
    merged["lcp_fcp_max"] = max(r["lcp_fcp"] for r in rows)
    merged["runs"] = len(rows)
    return merged


def floor_table(rows, floor_site):
    """Each build against the floor: issue 28's goal is FCP ≤ 1.05×, LCP ≤ 1.10×,
    TBT ≤ 50 ms and Performance 100 on every page."""
    floors = {path: r for site, path, r in rows if site == floor_site}
    header = f"{'page':<30} {'build':<10} {'FCP s':>6} {'LCP s':>6} {'TBT ms':>6} {'Perf':>4} {'bytes':>8} "
    header += f"{'FCP/floor':>9} {'LCP/floor':>9}"
    print(header)
    print("-" * len(header))
    for site, path, r in rows:
        floor = floors.get(path)
        ratios = f"{r['fcp'] / floor['fcp']:>9.2f} {r['lcp'] / floor['lcp']:>9.2f}" if floor else ""
        print(
            f"{path[:30]:<30} {site[:10]:<10} {r['fcp'] / 1000:>6.2f} {r['lcp'] / 1000:>6.2f} {r['tbt']:>6.0f} "
            f"{r['performance']:>4.0f} {r['bytes']:>8.0f} {ratios}"
        )
    print()
    print(f"(Lighthouse 12 mobile, {rows[0][2]['throttling']} throttling; medians of {rows[0][2]['runs']} run(s); "
          f"ratios of the medians; goal: FCP ≤ 1.05, LCP ≤ 1.10, TBT ≤ 50 ms, Perf 100)")


def main():
    args = sys.argv[1:]
    floor_site = None
    if args[0] == "--floor":
        floor_site, args = args[1], args[2:]
    rows = []
    with open(args[0]) as f:
        for line in f:
            if not line.strip():
                continue
            site, path, reports = line.rstrip("\n").split("\t")
            rows.append((site, path, median_row([figures(r) for r in reports.split(",")])))
    if floor_site:
        floor_table(rows, floor_site)
        return

    header = f"{'site':<16} {'page':<30} {'Perf':>4} {'A11y':>4} {'BP':>4} {'SEO':>4} "
    header += f"{'FCP s':>6} {'LCP s':>6} {'LCP/FCP':>7} {'max':>5} {'TBT ms':>6} {'CLS':>6} {'bytes':>8} {'reqs':>4}"
    print(header)
    print("-" * len(header))
    for site, path, r in rows:
        print(
            f"{site:<16} {path[:30]:<30} {r['performance']:>4.0f} {r['accessibility']:>4.0f} "
            f"{r['best-practices']:>4.0f} {r['seo']:>4.0f} {r['fcp'] / 1000:>6.2f} {r['lcp'] / 1000:>6.2f} "
            f"{r['lcp_fcp']:>7.2f} {r['lcp_fcp_max']:>5.2f} "
            f"{r['tbt']:>6.0f} {r['cls']:>6.3f} {r['bytes']:>8.0f} {r['requests']:>4.0f}"
        )
    print()
    method = {"simulate": "simulated", "devtools": "applied (devtools)"}.get(rows[0][2]["throttling"], rows[0][2]["throttling"])
    print(f"(Lighthouse 12 mobile, {method} throttling; median of {rows[0][2]['runs']} run(s) per page)")
    for site, path, r in rows:
        if r["failing"]:
            print(f"below 100 on {site} {path}: {', '.join(r['failing'])}")

    # Flat cost: the same generator at two archive sizes, so that only the
    # size differs. Documents are the JSON the page fetched, the rest is the app.
    homes = [(site, r) for site, path, r in rows if path == "/" and site.endswith("-articles")]
    if len(homes) >= 2:
        (small_site, small), (large_site, large) = homes[0], homes[-1]
        change = 100 * (large["bytes"] - small["bytes"]) / small["bytes"]
        print()
        print(
            f"flat cost, home page: {small['bytes']:.0f} bytes with {small_site}, {large['bytes']:.0f} with "
            f"{large_site} ({change:+.1f} %; target within 2 %); of which documents "
            f"{small['document_bytes']:.0f} and {large['document_bytes']:.0f} bytes; "
            f"LCP {small['lcp'] / 1000:.2f} s and {large['lcp'] / 1000:.2f} s"
        )


if __name__ == "__main__":
    main()
