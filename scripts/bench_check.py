#!/usr/bin/env python3
"""Benchmark ``goodpractice check`` on N synthetic case studies (and the repository's
curriculum and guides).

Usage: .venv/bin/python scripts/bench_check.py [--src DIR] [--runs 3] [N ...]  (default: 1000)

The corpus is scripts/bench.py's (each case a copy of socec-net with its own id and places).
Each run is a fresh process; reported: CPU seconds (user + system, which load from other
processes distorts least) of each run and the fastest. ``--src`` runs another checkout's
``src/`` (an older commit) for a before/after comparison. Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import make_corpus


def _cpu_seconds(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _command(root: Path, src: Path | None) -> list[str]:
    path = f"sys.path.insert(0, {str(src)!r}); " if src else ""
    code = f"import sys; {path}from goodpractice.cli import main; sys.exit(main())"
    return [sys.executable, "-c", code, "check", "--root", str(root)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("counts", nargs="*", type=int)
    parser.add_argument("--src", type=Path, default=None, help="src/ of another checkout")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for count in args.counts or [1000]:
        with tempfile.TemporaryDirectory(prefix="gp-bench-check-") as tmp:
            root = Path(tmp) / "repo"
            root.mkdir()
            make_corpus(root, count)
            times = [_cpu_seconds(_command(root, args.src)) for _ in range(args.runs)]
            shown = " ".join(f"{t:.2f}" for t in times)
            print(f"N={count}: check {shown} s CPU (fastest {min(times):.2f} s)", flush=True)


if __name__ == "__main__":
    main()
