#!/usr/bin/env python3
"""Measure what the handouts and offline copies cost a build, at N synthetic case studies.

Usage: .venv/bin/python scripts/bench_handouts.py [--quick] [N ...]      (default: 100)

For each N, a temporary copy of the repository (with its curriculum and guide) gets N valid
synthetic case studies (scripts/bench.py's generator), and is built four times, each in a
process of its own:
  1. without PDFs (GOODPRACTICE_PDF=off): the baseline;
  2. with PDFs and no cache (GOODPRACTICE_PDF_CACHE=off): a first build, every PDF printed;
  3. with PDFs and an empty cache, then 4. again with the cache that 3 filled: a rebuild in
     which nothing changed, every PDF reused. ``--quick`` leaves out 2 (3 prints the same).
Reports wall seconds and CPU seconds (user + sys of the build and every process it started,
Chromium included; others' load distorts CPU least), the PDF count and pages, and the sizes of
the offline copies and the USB zip, from the build's own report. Nothing here is asserted.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import make_corpus

_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
if done.returncode:
    sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
    sys.exit(done.returncode)
print(seconds, usage.ru_utime + usage.ru_stime)
print(done.stdout)
"""


def build(root: Path, **env: str) -> dict[str, object]:
    gp = Path(sys.executable).with_name("goodpractice")
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(gp), "build", "--root", str(root)],
        env={**os.environ, "GOODPRACTICE_LANG": "en", **env},  # the report it reads
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    head, _, report = done.partition("\n")
    wall, cpu = (float(x) for x in head.split())
    printed = re.search(r"Printed (\d+) PDF handouts \((\d+) pages\)", report)
    offline = re.search(r"Offline: (.*)", report)
    return {
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "pdfs": int(printed[1]) if printed else 0,
        "pdf_pages": int(printed[2]) if printed else 0,
        "offline": offline[1] if offline else None,
        "long_handouts": report.count("a case-study handout should have"),
    }


def run(count: int, *, rebuild_only: bool = False) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="gp-bench-handouts-") as tmp:
        root = Path(tmp) / "repo"
        root.mkdir()
        make_corpus(root, count)
        cache = Path(tmp) / "pdf-cache"
        baseline = build(root, GOODPRACTICE_PDF="off")
        filled = build(root, GOODPRACTICE_PDF_CACHE=str(cache))
        # The first build with an empty cache prints every PDF, as a build without one does.
        cold = filled if rebuild_only else build(root, GOODPRACTICE_PDF_CACHE="off")
        warm = build(root, GOODPRACTICE_PDF_CACHE=str(cache))
        pdf_bytes = sum(p.stat().st_size for p in (root / "site").rglob("*.pdf"))
    return {
        "practices": count,
        "without_pdfs": baseline,
        "with_pdfs_printed": cold,
        "with_pdfs_from_cache": warm,
        "pdf_step_printed": {
            "wall_s": round(float(cold["wall_s"]) - float(baseline["wall_s"]), 1),  # type: ignore[arg-type]
            "cpu_s": round(float(cold["cpu_s"]) - float(baseline["cpu_s"]), 1),  # type: ignore[arg-type]
        },
        "pdf_step_cached": {
            "wall_s": round(float(warm["wall_s"]) - float(baseline["wall_s"]), 1),  # type: ignore[arg-type]
            "cpu_s": round(float(warm["cpu_s"]) - float(baseline["cpu_s"]), 1),  # type: ignore[arg-type]
        },
        "pdf_mb": round(pdf_bytes / 1e6, 1),
    }


def main(argv: list[str]) -> None:
    """``--quick``: three builds, not four (the cache-filling build counts as the cold one)."""
    quick = "--quick" in argv
    counts = [int(arg) for arg in argv if arg != "--quick"] or [100]
    for count in counts:
        print(json.dumps(run(count, rebuild_only=quick), indent=2), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
