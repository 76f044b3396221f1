"""Build the whole site into a temporary folder, then swap it in.

A build that fails at any step leaves the previous ``site/`` exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from goodpractice.core.project import Project

# A step after MkDocs: (project, folder of the new site) -> lines to report.
PostBuildStep = Callable[[Project, Path], list[str]]
POST_BUILD_STEPS: list[PostBuildStep] = []


class BuildError(Exception):
    """The build failed; the message says why in words for people."""


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
        _run_mkdocs(project, staging, strict=strict)
        notes = [line for step in POST_BUILD_STEPS for line in step(project, staging)]
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pages = sum(1 for _ in target.rglob("*.html"))
    return BuildResult(target, time.perf_counter() - started, pages, notes)


def _run_mkdocs(project: Project, out: Path, *, strict: bool) -> None:
    _attach_log_handler()
    try:
        config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(out), strict=strict)
        mkdocs_build(config)
    except PluginError as exc:
        raise BuildError(str(exc)) from None
    except ConfigurationError as exc:
        raise BuildError(f"mkdocs.yml: {exc}") from None
    except Abort as exc:
        raise BuildError(f"the site build stopped: {exc}") from None


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


def _attach_log_handler() -> None:
    logger = logging.getLogger("mkdocs")
    for handler in logger.handlers:
        # The stderr of this build: click's test runner swaps sys.stderr for every command.
        ours = getattr(handler, "_goodpractice", False)
        if ours and isinstance(handler, logging.StreamHandler):
            handler.setStream(sys.stderr)
    if not any(getattr(h, "_goodpractice", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._goodpractice = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def _search_index(project: Project, site_dir: Path) -> list[str]:
    """Pagefind indexes the staged site, so a failed index keeps the previous site too."""
    from goodpractice.search_index import SearchIndexError, index_site

    try:
        return index_site(project, site_dir)
    except SearchIndexError as exc:
        raise BuildError(str(exc)) from None


POST_BUILD_STEPS.append(_search_index)
