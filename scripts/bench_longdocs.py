"""Measure what the long documents cost a build: the site without and with PDF handouts.

Usage: .venv/bin/python scripts/bench_longdocs.py [runs]
Prints the median wall time of each build and the size of every PDF.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from goodpractice.build.sitebuild import build_site

ROOT = Path(__file__).resolve().parents[1]


def _median_build(runs: int, pdf: bool) -> tuple[float, Path]:
    os.environ["GOODPRACTICE_PDF"] = "on" if pdf else "off"
    times = []
    out = Path(tempfile.mkdtemp(prefix="bench-longdocs-")) / "site"
    for _ in range(runs):
        started = time.perf_counter()
        build_site(ROOT, out)
        times.append(time.perf_counter() - started)
    return statistics.median(times), out


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    without, _ = _median_build(runs, pdf=False)
    with_pdf, site = _median_build(runs, pdf=True)
    pdfs = sorted(site.rglob("*.pdf"))
    print(f"build without PDFs: {without:.2f} s (median of {runs})")
    print(f"build with PDFs:    {with_pdf:.2f} s ({len(pdfs)} PDFs, one Chromium launch)")
    for pdf in pdfs:
        print(f"  {pdf.relative_to(site)}: {pdf.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
