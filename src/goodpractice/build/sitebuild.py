"""Build the whole site into a temporary folder, then swap it in.

A build that fails at any step leaves the previous ``site/`` exactly as it was.

The pages are made in a child process (where the platform can fork): the content, MkDocs'
pages and Python's heap all go away with it, before Pagefind, which holds the whole index in
memory, starts. The build's peak memory is the larger of the two, not their sum.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from goodpractice.build.errors import BuildError
from goodpractice.build.isolation import isolated
from goodpractice.build.search_index import SearchIndexError, index_site
from goodpractice.core.readers.project import Project


@dataclass
class BuildResult:
    site_dir: Path
    seconds: float
    pages: int
    notes: list[str] = field(default_factory=list)


def build_site(root: Path, site_dir: Path | None = None, *, strict: bool = True) -> BuildResult:
    project = Project.at(root)
    target = (site_dir or project.root / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=target.parent))
    try:
        notes = isolated(_build_pages, project, staging, strict)
        notes += _search_index(project, staging)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pages = sum(1 for _ in target.rglob("*.html"))
    return BuildResult(target, time.perf_counter() - started, pages, notes)


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; the old site is removed only once the new one is in place."""
    if not target.exists():
        new.rename(target)
        return
    if not (target / "index.html").exists() and any(target.iterdir()):
        raise BuildError(f"{target} exists and does not look like a built site; not replacing it")
    old = target.with_name(f".site-old-{time.time_ns()}")
    target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _build_pages(project: Project, staging: Path, strict: bool) -> list[str]:
    # Imported here, in the child: the parent, alive while Pagefind runs, never loads MkDocs,
    # the content or the templates (about 30 MB of a build's peak memory).
    from goodpractice.build.pagebuild import build_pages

    return build_pages(project, staging, strict)


def _search_index(project: Project, site_dir: Path) -> list[str]:
    """Pagefind indexes the staged site, so a failed index keeps the previous site too."""
    try:
        return index_site(project, site_dir)
    except SearchIndexError as exc:
        raise BuildError(str(exc)) from None
