"""Post-build step: index the staged site with Pagefind (the binary of PyPI's ``pagefind-bin``).

Pagefind writes one index per ``<html lang>`` into ``pagefind/``, split into small chunks, so a
visitor downloads only the part of one language's index that a query needs. What it indexes is
decided in the HTML: ``data-pagefind-body`` (overrides/main.html), ``data-pagefind-meta`` and
``data-pagefind-filter`` (overrides/goodpractice/search-data.html).

Diacritics: Pagefind 1.5 folds them both when indexing and when searching; measured, cedilla
'ş', comma-below 'ș' and plain 's' all find each other (tests/browser/test_search.py keeps
that true), so no folded copy of the text is added.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from goodpractice.core.readers.project import Project

BUNDLE_DIR = "pagefind"
# The index build of 1,000 case studies takes about a second; anything near this is a hang.
TIMEOUT_SECONDS = 600


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError(
            "the search index needs Pagefind: pip install 'pagefind[bin]' "
            "(it is in goodpractice's dependencies)"
        ) from None
    return Path(get_executable())


def index_site(project: Project, site_dir: Path) -> list[str]:
    """Index ``site_dir`` in place; return one line saying what was indexed."""
    output = run_pagefind(site_dir, site_dir / BUNDLE_DIR)
    return [_summary(output)]


def run_pagefind(pages_dir: Path, bundle_dir: Path) -> str:
    """Index the HTML under ``pages_dir`` into ``bundle_dir``; return Pagefind's report."""
    command = [
        str(pagefind_executable()),
        "--site",
        str(pages_dir),
        "--output-path",
        str(bundle_dir),
        # The fact box is metadata and filters (search-data.html), not text to quote: its
        # labels made the excerpts ("Regiuni de dezvoltare București-Ilfov Județe ...").
        "--exclude-selectors",
        ".gp-factbox",
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind could not run: {exc}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("Pagefind failed:\n" + "\n".join(detail))
    _remove_unused_ui(bundle_dir)
    return done.stdout


# Pagefind writes its ready-made interfaces too; the site uses only pagefind.js (with its
# worker, WASM and index) through gp-search.js. Unused files are not published: fewer bytes,
# and no third-party code (with credit links to other hosts) that nothing needs.
_UNUSED_UI = (
    "pagefind-ui.*",
    "pagefind-component-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-highlight.js",
)


def _remove_unused_ui(bundle: Path) -> None:
    for pattern in _UNUSED_UI:
        for path in bundle.glob(pattern):
            path.unlink()


def _summary(output: str) -> str:
    pages = re.search(r"Indexed (\d+) pages?", output)
    languages = re.search(r"Indexed (\d+) languages?", output)
    if not pages:
        return "Search index: built with Pagefind."
    in_languages = f" in {languages.group(1)} language(s)" if languages else ""
    return f"Search index: {pages.group(1)} pages{in_languages} (Pagefind)."
