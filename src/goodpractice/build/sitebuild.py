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
from typing import TextIO

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from goodpractice.build.offline import publish_offline
from goodpractice.build.pdfhandouts import HandoutError, build_handouts
from goodpractice.build.publish import publish_open_web
from goodpractice.build.search_index import SearchIndexError, index_site
from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import ContentError, Problem
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.messages import load_catalogue, message_language
from goodpractice.core.readers.project import Project


class BuildError(Exception):
    """The build failed; the message says why in words for people."""


# A step after MkDocs: (project, folder of the new site) -> lines to report.
PostBuildStep = Callable[[Project, Path], list[str]]


def _pdf_handouts(project: Project, staging: Path) -> list[str]:
    """PDFs of the curriculum and guides."""
    try:
        return build_handouts(project, staging)
    except HandoutError as exc:
        raise BuildError(str(exc)) from None


def _offline_copies(project: Project, site_dir: Path) -> list[str]:
    """The teaching material for a device and for a USB stick, with its own search index."""
    try:
        return publish_offline(project, site_dir)
    except SearchIndexError as exc:
        raise BuildError(str(exc)) from None


def _search_index(project: Project, site_dir: Path) -> list[str]:
    """Pagefind indexes the staged site, so a failed index keeps the previous site too."""
    try:
        return index_site(project, site_dir)
    except SearchIndexError as exc:
        raise BuildError(str(exc)) from None


POST_BUILD_STEPS: list[PostBuildStep] = [
    # Exports, feeds and sitemap dates.
    publish_open_web,
    _pdf_handouts,
    # After the PDFs, which the offline copies hold.
    _offline_copies,
    # The search index comes last, so it reads the pages as they are published.
    _search_index,
]


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
        _refuse_invalid_content(project)
        _run_mkdocs(project, staging, strict=strict)
        notes = [line for step in POST_BUILD_STEPS for line in step(project, staging)]
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pages = sum(1 for _ in target.rglob("*.html"))
    return BuildResult(target, time.perf_counter() - started, pages, notes)


def _refuse_invalid_content(project: Project) -> None:
    """Stop before MkDocs with every content error, in check's own words.

    The Site loaded here is the one the plugin gets back from load_site: loaded once.
    """
    try:
        load_site(project)
    except ContentError as exc:
        raise BuildError(refusal(project, exc.problems)) from None


def refusal(project: Project, problems: list[Problem]) -> str:
    """'the content has 2 error(s); nothing was built:' and check's lines, in the language of
    messages (the plugin says the same when MkDocs is run on its own)."""
    catalogue = load_catalogue(project)
    language = message_language(project)
    lines = [catalogue.problem(problem, language) for problem in problems]
    head = catalogue.text(msg("build.refused", count=len(problems)), language)
    return "\n".join([head, *lines])


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


class _CurrentStderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is now (test runners and tools swap it)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def _attach_log_handler() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _CurrentStderrHandler) for h in logger.handlers):
        handler = _CurrentStderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.WARNING)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
