#!/usr/bin/env python3
"""Benchmark check on adversarial files: every scanner must stay linear (issue 11).

Usage: .venv/bin/python scripts/bench_adversarial.py [--src DIR] [--cap SECONDS] [FAMILY ...]

For each family of hostile input, a copy of the minimal test fixture gets a case-study text
(or a practice.yml) made of that input at 250 KB, 500 KB and 1 MB, and ``goodpractice check``
runs on it in a fresh process. Reports CPU seconds (user + system) of each run, the same for
the clean fixture (start-up and the rest of the content), and the ratio of the 1 MB time to
the 250 KB time, after subtracting the clean run: about 4 means linear, 16 quadratic. Each
file must be checked in under 2 s. ``--src`` runs another checkout's code (``src/`` of an
older commit) for a before/after comparison; ``--cap`` stops a run that takes longer.
Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = ("mkdocs.yml", "vocabularies", "i18n", "schema", "overrides")
SIZES = (250_000, 500_000, 990_000)  # a content file must stay under 1 MB
HEAD = (
    "---\ntitle: Atelierul Alfa\nsummary: Un atelier protejat pentru persoane vulnerabile.\n---\n\n"
)


PROSE = "Un atelier protejat a creat locuri de munca pentru persoane vulnerabile. "


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _paragraphs(unit: str, length: int) -> Callable[[int], str]:
    """Paragraphs of ``length`` characters of ``unit``, separated by empty lines."""
    block = (unit * (length // len(unit) + 1))[:length] + "\n\n"
    return lambda size: (block * (size // len(block) + 1))[:size]


def _lines(unit: str, length: int) -> Callable[[int], str]:
    line = (unit * (length // len(unit) + 1))[:length] + "\n"
    return lambda size: (line * (size // len(line) + 1))[:size]


# Bodies of a case-study text. The first are refused by check's bounds (limits.py); the
# last ones are the worst inputs the bounds still accept, which check renders.
TEXT_FAMILIES: dict[str, Callable[[int], str]] = {
    "backticks": _repeat("`"),
    "lines of 1,000 backticks": _lines("x " + "`" * 1_000, 1_002),
    "brackets": _repeat("["),
    "letters": _repeat("a"),
    "digits": _repeat("1"),
    "attr-list": _repeat("{a="),
    "attr-list, one brace": lambda size: "x {" + _repeat("a=")(size - 3),
    "lt-a": _repeat("<a "),
    "empty-links": _repeat("[]("),
    "list-markers": _repeat("1. "),
    "at-signs": _repeat("a@"),
    "spaces-in-line": _lines("x" + " " * 300 + "y", 2_000),
    "links-one-paragraph": _repeat("[link](x) "),
    # The worst the bounds accept: at the inline-work bound in one paragraph, then prose.
    "accepted: unclosed brackets": lambda size: (
        ("[" * 32 + "a") * 65 + "\n\n" + _paragraphs(PROSE, 900)(size - 2_200)
    ),
    "accepted: links at the starts bound": _paragraphs("[a](b) " + "x " * 46, 99),
    "accepted: prose": _paragraphs(PROSE, 900),
}
# Values of practice.yml (a YAML file read by PyYAML, then by every text rule).
YAML_FAMILIES: dict[str, Callable[[int], str]] = {
    "yaml: one long value": lambda size: "summary: " + "a" * size + "\n",
    "yaml: many list items": lambda size: "items:\n" + _repeat("  - a\n")(size),
    "yaml: nested flow": _repeat("["),
}


def _cpu_seconds(command: list[str], cap: float) -> tuple[float | None, str]:
    """CPU seconds (user + system) of ``command`` in a fresh process (None if over ``cap``),
    and whether check refused the file for its size or shape ("refused") or read it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=cap, check=False)
    except subprocess.TimeoutExpired:
        return None, "stopped"
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    shape = any(
        marker in line
        for line in done.stdout.splitlines()
        if line.startswith("practices/alpha/")
        for marker in (": markdown: ", ": (file): file is", "(front matter)", "(yaml)")
    )
    return seconds, "refused" if shape else "read"


def _project(folder: Path) -> Path:
    root = folder / "project"
    root.mkdir()
    for name in SHARED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    shutil.copytree(FIXTURES / "minimal", root, dirs_exist_ok=True)
    return root


def _check_command(root: Path, src: Path | None) -> list[str]:
    code = "import sys; from goodpractice.cli import main; sys.exit(main())"
    if src is not None:
        code = f"import sys; sys.path.insert(0, {str(src)!r}); " + code.split("; ", 1)[1]
    return [sys.executable, "-c", code, "check", "--root", str(root)]


def _show(seconds: float | None, cap: float) -> str:
    return f"> {cap:.0f}" if seconds is None else f"{seconds:.2f}"


def run(families: list[str], src: Path | None, cap: float) -> None:
    with tempfile.TemporaryDirectory(prefix="gp-adversarial-") as tmp:
        root = _project(Path(tmp))
        text = root / "practices/alpha/ro.md"
        facts = root / "practices/alpha/practice.yml"
        original_text, original_facts = text.read_text("utf-8"), facts.read_text("utf-8")
        clean = _cpu_seconds(_check_command(root, src), cap)[0] or 0.0
        print(f"clean fixture: {clean:.2f} s CPU (start-up and the rest of the content)")
        header = " ".join(f"{s // 1000:>6d}K" for s in SIZES)
        print(f"{'family':38s} {header}   ratio  at 1 MB")
        chosen = {**TEXT_FAMILIES, **YAML_FAMILIES}
        for name in families or list(chosen):
            make = chosen[name]
            times: list[float | None] = []
            verdict = ""
            for size in SIZES:
                if name in YAML_FAMILIES:
                    facts.write_text(original_facts + make(size), encoding="utf-8")
                else:
                    text.write_text(HEAD + make(size - len(HEAD)), encoding="utf-8")
                seconds, verdict = _cpu_seconds(_check_command(root, src), cap)
                times.append(seconds)
            text.write_text(original_text, encoding="utf-8")
            facts.write_text(original_facts, encoding="utf-8")
            first, last = times[0], times[-1]
            # Near the clean run the difference is noise: a ratio only above 0.1 s of work.
            ratio = (
                f"{(last - clean) / (first - clean):5.1f}"
                if first is not None and last is not None and first - clean > 0.1
                else "    -"
            )
            cells = " ".join(f"{_show(t, cap):>7s}" for t in times)
            print(f"{name:38s} {cells}   {ratio}  {verdict}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("families", nargs="*")
    parser.add_argument("--src", type=Path, default=None, help="src/ of another checkout")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds before a run stops")
    args = parser.parse_args()
    run(args.families, args.src, args.cap)


if __name__ == "__main__":
    main()
