"""Time the translation report, notices and dashboard for many case studies.

    .venv/bin/python scripts/bench_translations.py [N]

Makes a temporary project with N case studies (a third with an outdated translation, a third
in Romanian only), commits it to git so original dates come from `git log`, and times each step.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from conftest import make_project  # noqa: E402
from goodpractice.core.model.translations import translation_report  # noqa: E402
from goodpractice.core.pages.translations import dashboard_pages, reader_notices  # noqa: E402
from goodpractice.core.pipeline import load_site  # noqa: E402
from goodpractice.core.readers.content import load_raw  # noqa: E402
from goodpractice.core.readers.project import Project  # noqa: E402


def _make(root: Path, count: int) -> None:
    make_project(root)
    alpha = root / "practices" / "alpha"
    for index in range(count):
        folder = root / "practices" / f"case-{index:04d}"
        shutil.copytree(alpha, folder)
        facts = (alpha / "practice.yml").read_text(encoding="utf-8")
        facts = facts.replace("id: alpha", f"id: case-{index:04d}")
        if index % 3 == 2:
            facts += "languages: [ro]\n"
            (folder / "en.md").unlink()
        (folder / "practice.yml").write_text(facts, encoding="utf-8")
        if index % 3 == 1:
            text = (folder / "ro.md").read_text(encoding="utf-8")
            (folder / "ro.md").write_text(text + f"\nO schimbare {index}.\n", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.org"}
    env |= {"GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.org"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "bench"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env)


def _timed(label: str, action: object) -> object:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    print(f"{label:<40} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        _make(root, count)
        project = Project.at(root)
        print(f"{count} case studies")
        raw = _timed("load content", lambda: load_raw(project))
        report = _timed("translation report", lambda: translation_report(raw))  # type: ignore[arg-type]
        print(f"  {len(report.translations)} translations")  # type: ignore[attr-defined]
        site = _timed("load and check the site", lambda: load_site(project))
        _timed("reader notices (with git dates)", lambda: reader_notices(site))  # type: ignore[arg-type]
        _timed("dashboard, both languages", lambda: dashboard_pages(site))  # type: ignore[arg-type]
        _timed(
            "goodpractice translations",
            lambda: subprocess.run(
                [str(REPO / ".venv/bin/goodpractice"), "translations", "--root", str(root)],
                check=True,
                capture_output=True,
            ),
        )


if __name__ == "__main__":
    main()
