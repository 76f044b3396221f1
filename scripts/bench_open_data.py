"""Time the build and the open-data parts on the repository's content copied N times.

    .venv/bin/python scripts/bench_open_data.py 300

Copies the repository into a temporary folder, adds N - 3 synthetic case studies (copies of
the real ones under new ids), then times a full `goodpractice build`, the indicator pages and
the exports on their own, and prints the sizes of the exports.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from goodpractice.build.sitebuild import build_site
from goodpractice.core.opendata import exports
from goodpractice.core.pages import dashboard
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.project import Project

REPO = Path(__file__).resolve().parents[1]
COPIED = ("mkdocs.yml", "docs", "practices", "vocabularies", "i18n", "schema", "overrides")


def make_copy(root: Path, count: int) -> None:
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    originals = sorted(p for p in (root / "practices").iterdir() if p.is_dir())
    for n in range(max(0, count - len(originals))):
        original = originals[n % len(originals)]
        new_id = f"{original.name}-copy-{n}"
        target = root / "practices" / new_id
        shutil.copytree(original, target)
        facts = target / "practice.yml"
        text = facts.read_text(encoding="utf-8").replace(f"id: {original.name}", f"id: {new_id}")
        facts.write_text(text, encoding="utf-8")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_copy(root, count)
        result = build_site(root)
        print(f"{count} case studies: build {result.seconds:.1f} s, {result.pages} pages")
        site = load_site(Project.at(root))
        started = time.perf_counter()
        dashboard.dashboard_pages(site)
        print(f"indicator pages: {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        files = exports.export_files(site, "https://example.org/")
        print(f"exports: {time.perf_counter() - started:.2f} s")
        for name, content in files.items():
            print(f"  {name}: {len(content) / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
