"""Measure what sanitising costs: nh3 on the rendered HTML of every page of a built site.

Usage: .venv/bin/python scripts/bench_sanitize.py [site_dir]   (default: site/, build it first)
Prints the pages, their total size and the time to sanitise them all, best of five.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from goodpractice.core.checks.sanitize import sanitize_html

_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL)


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    bodies = [
        match.group(1)
        for page in sorted(site.rglob("*.html"))
        if (match := _ARTICLE.search(page.read_text(encoding="utf-8")))
    ]
    if not bodies:
        sys.exit(f"no built pages under {site}/: run goodpractice build first")
    # A long case study: the largest page repeated to about 200 kB.
    long_page = max(bodies, key=len) * max(1, 200_000 // max(len(b) for b in bodies))
    for label, pages in (("site", bodies), ("one 200 kB page", [long_page])):
        best = min(_time(pages) for _ in range(5))
        size = sum(len(p) for p in pages)
        print(f"{label}: {len(pages)} page(s), {size / 1000:.0f} kB: {best * 1000:.1f} ms")


def _time(pages: list[str]) -> float:
    started = time.perf_counter()
    for html in pages:
        sanitize_html(html)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
