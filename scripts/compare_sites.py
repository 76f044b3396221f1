"""Compare two built sites file by file: what a refactoring must leave byte-identical.

    .venv/bin/python scripts/compare_sites.py OLD_SITE NEW_SITE

PDFs embed their creation time, so they are compared by name only; Pagefind names and fills
its index chunks in no fixed order (two builds of the same pages differ), so each language's
pagefind/ (and en/pagefind/) is left out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

UNSTABLE = re.compile(r"^(?:[a-z]{2,3}/)?pagefind/")


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _compared(name: str) -> bool:
    return not UNSTABLE.match(name)


def _stable(name: str) -> bool:
    return _compared(name) and not name.endswith(".pdf")


def compare(old: Path, new: Path) -> list[str]:
    before, after = _files(old), _files(new)
    lines = [f"only in {old}: {n}" for n in sorted(before.keys() - after) if _compared(n)]
    lines += [f"only in {new}: {n}" for n in sorted(after.keys() - before) if _compared(n)]
    lines += [
        f"differs: {name}"
        for name in sorted(before.keys() & after.keys())
        if _stable(name) and before[name] != after[name]
    ]
    return lines


def main() -> int:
    old, new = (Path(arg) for arg in sys.argv[1:3])
    lines = compare(old, new)
    print("\n".join(lines) or "identical (PDFs by name, pagefind/ left out)")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
