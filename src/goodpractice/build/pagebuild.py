"""Make the site's pages: check the content, run MkDocs, then the steps after it.

``sitebuild`` runs this in a child process (``isolation``): everything it loads, from the
content to MkDocs and its pages, goes away with the child, before Pagefind starts.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from goodpractice.build.errors import BuildError
from goodpractice.build.offline import publish_offline
from goodpractice.build.pdfhandouts import HandoutError, build_handouts
from goodpractice.build.publish import publish_open_web
from goodpractice.build.search_index import SearchIndexError
from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import ContentError, Problem
from goodpractice.core.pipeline import content_read_once, load_site, single_use_output
from goodpractice.core.readers.messages import load_catalogue, message_language
from goodpractice.core.readers.project import Project

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


POST_BUILD_STEPS: list[PostBuildStep] = [
    # Exports, feeds and sitemap dates.
    publish_open_web,
    _pdf_handouts,
    # After the PDFs, which the offline copies hold. The site's search index is made after
    # this child has ended (sitebuild), from the pages as they are published.
    _offline_copies,
]


def build_pages(project: Project, staging: Path, strict: bool) -> list[str]:
    """Check the content, run MkDocs and the steps after it; the lines they report."""
    with content_read_once():
        _refuse_invalid_content(project)
        with _collector_for_a_growing_heap():
            _run_mkdocs(project, staging, strict=strict)
            return [line for step in POST_BUILD_STEPS for line in step(project, staging)]


# While the pages are made the heap only grows: MkDocs keeps every page of both languages
# until the end. Full passes of the collector then walk it again and again and find next to
# nothing; measured at 5,000 cases, 36 full passes took 5.4-5.8 s and peak memory was the same
# without them (1,666 / 1,668 MB). Young collections stay as they are: they free the
# short-lived cycles (a Markdown instance per page).
_FULL_PASS_AFTER = 1000  # passes over the middle generation; CPython's default is 10


@contextmanager
def _collector_for_a_growing_heap() -> Iterator[None]:
    young, middle, full = gc.get_threshold()
    # The loaded site lives until the pages are made: frozen, it is not walked at all.
    gc.freeze()
    gc.set_threshold(young, middle, _FULL_PASS_AFTER)
    try:
        yield
    finally:
        # Where there is no fork this runs in the caller's process.
        gc.set_threshold(young, middle, full)
        gc.unfreeze()


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
        with single_use_output():
            mkdocs_build(config)
    except PluginError as exc:
        raise BuildError(str(exc)) from None
    except ConfigurationError as exc:
        raise BuildError(f"mkdocs.yml: {exc}") from None
    except Abort as exc:
        raise BuildError(f"the site build stopped: {exc}") from None


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
