#!/usr/bin/env python3
"""Benchmark `goodpractice check` on N synthetic case studies: this tree against a baseline.

Usage: .venv/bin/python scripts/bench_check.py [N] [BASELINE]   (default: 1000 main)

The corpus is scripts/bench.py's (N valid case studies in both languages). The same corpus is
checked twice in fresh processes, once with this tree's code and once with the code of the
BASELINE commit (its src/ unpacked by `git archive` and put first on PYTHONPATH; the same
installed dependencies), in every message language. Reports CPU seconds (user + sys of the
child), which load from other processes distorts least; nothing is asserted.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from bench import make_corpus

REPO = Path(__file__).resolve().parents[1]


def cpu_seconds(command: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def baseline_src(commit: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", commit, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    baseline = sys.argv[2] if len(sys.argv) > 2 else "main"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        make_corpus(root, count)
        old_src = baseline_src(baseline, Path(tmp) / "baseline")
        command = [sys.executable, "-m", "goodpractice", "check", "--root", str(root)]
        runs = {
            f"{baseline} (English only)": {**os.environ, "PYTHONPATH": str(old_src)},
            "this tree, --lang en": {**os.environ, "GOODPRACTICE_LANG": "en"},
            "this tree, --lang ro": {**os.environ, "GOODPRACTICE_LANG": "ro"},
        }
        print(f"goodpractice check, {count} case studies, CPU seconds (best of 3):")
        for label, env in runs.items():
            best = min(cpu_seconds(command, env) for _ in range(3))
            print(f"  {label:28} {best:6.2f}")


if __name__ == "__main__":
    main()
