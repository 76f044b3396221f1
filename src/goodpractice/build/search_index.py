"""Post-build step: index the staged site with Pagefind (the binary of PyPI's ``pagefind-bin``).

Each language gets its own bundle beside its pages (``pagefind/``, ``en/pagefind/``), split into
small chunks, so a visitor downloads only the part of one language's index that a query needs.
What it indexes is decided in the HTML: ``data-pagefind-body`` (overrides/main.html),
``data-pagefind-meta`` and ``data-pagefind-filter`` (overrides/goodpractice/search-data.html).

Pagefind holds what it indexes in memory (about 300 MB per 1,000 case-study pages) and parses
every byte of every page. So it is run once per language, and over trimmed copies of the pages:
``<html lang>``, the title and the ``data-pagefind-body`` part, which is all it reads when pages
mark their body (the index is the same, byte for byte; ``tests/test_search_sources.py``), half
the bytes to parse. Pages without that mark (listings) are left out, as Pagefind would.

Diacritics: Pagefind 1.5 folds them both when indexing and when searching; measured, cedilla
'ş', comma-below 'ș' and plain 's' all find each other (tests/browser/test_search.py keeps
that true), so no folded copy of the text is added.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from goodpractice.core.base.languages import language_prefix
from goodpractice.core.base.messages import msg
from goodpractice.core.base.uris import SEARCH_BUNDLE
from goodpractice.core.readers.messages import load_catalogue, message_language
from goodpractice.core.readers.project import Project

# The index build of 1,000 case studies takes about a second; anything near this is a hang.
TIMEOUT_SECONDS = 600
# The site's bundle of a language, under its prefix ("pagefind", "en/pagefind").
BUNDLE_DIR = SEARCH_BUNDLE


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
    """Index ``site_dir`` in place, a bundle per language; one line saying what was indexed."""
    executable = pagefind_executable()
    default = project.default_language
    prefixes = [language_prefix(code, default) for code in project.language_codes]
    pages = languages = 0
    for prefix in prefixes:
        others = [other for other in prefixes if other and other != prefix]
        with tempfile.TemporaryDirectory(prefix=".search-", dir=site_dir.parent) as tmp:
            sources = Path(tmp)
            if not _write_search_sources(site_dir, prefix, others, sources):
                continue
            output = _run_pagefind(executable, sources, site_dir / prefix / SEARCH_BUNDLE)
        _remove_unused_ui(site_dir / prefix / SEARCH_BUNDLE)
        pages += _count(r"Indexed (\d+) pages?", output)
        languages += _count(r"Indexed (\d+) languages?", output)
    said = msg("build.search-index", pages=pages, languages=languages)
    return [load_catalogue(project).text(said, message_language(project))]


# What Pagefind reads of a page that marks its body: <html lang>, the title, the body.
# As bytes: the pages are UTF-8 and stay so; decoding 700 MB at 5,000 cases cost a second.
_LANG = re.compile(rb"<html\b[^>]*?\slang=\"([^\"]*)\"")
_TITLE = re.compile(rb"<title>.*?</title>", re.S)
_BODY_START = b"<div data-pagefind-body>"
# overrides/main.html marks where the indexed part ends; what follows it (the case blocks) is
# never indexed, so Pagefind is not given it to parse (a third of a case page's bytes). A
# theme override without the mark still gets its pages indexed, up to the article's end.
_BODY_ENDS = (b"<!--gp:end-search-body-->", b"</article>")
# A case study's fact box (overrides/goodpractice/factbox.html) is excluded from the index
# (--exclude-selectors below) but Pagefind still parses it: 40% of the bytes it is given, 1.7 s
# of its CPU per language at 5,000 cases. It is cut out here; the box holds no other <aside>
# (only our template writes tags there), so it ends at the first "</aside>".
_FACTBOX = (b'<aside class="gp-factbox"', b"</aside>")


def search_source(html: bytes) -> bytes | None:
    """A page (UTF-8) trimmed to what Pagefind indexes, or None if it has nothing to index."""
    body = _body(html)
    if body is None:
        return None
    lang = _LANG.search(html)
    title = _TITLE.search(html)
    return b"".join(
        (
            b'<!doctype html><html lang="',
            lang.group(1) if lang else b"",
            b'"><head>',
            title.group(0) if title else b"",
            b"</head><body>",
            body,
            b"</body></html>",
        )
    )


def _body(html: bytes) -> bytes | None:
    """From the body's mark to the first end mark after it, both included. str.find, not a
    lazy regular expression: at 5,000 cases this runs over 600 MB of pages."""
    start = html.find(_BODY_START)
    if start < 0:
        return None
    found = [(at, end) for end in _BODY_ENDS if (at := html.find(end, start)) >= 0]
    if not found:
        return None
    at, end = min(found)
    return _without(html[start : at + len(end)], *_FACTBOX)


def _without(html: bytes, start_tag: bytes, end_tag: bytes) -> bytes:
    """``html`` without the elements from each ``start_tag`` to the next ``end_tag``."""
    kept: list[bytes] = []
    position = 0
    while (start := html.find(start_tag, position)) >= 0:
        end = html.find(end_tag, start)
        if end < 0:
            break
        kept.append(html[position:start])
        position = end + len(end_tag)
    kept.append(html[position:])
    return b"".join(kept)


def _write_search_sources(site_dir: Path, prefix: str, others: list[str], out: Path) -> int:
    """Trimmed copies of one language's pages (``prefix``), at their own paths; how many."""
    written = 0
    # Prefixes end with a slash ("en/"); the walk compares folder names.
    for relative in _html_files(site_dir, prefix, {other.strip("/") for other in others}):
        source = search_source((site_dir / relative).read_bytes())
        if source is not None:
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source)
            written += 1
    return written


def _html_files(site_dir: Path, prefix: str, others: set[str]) -> list[str]:
    """The HTML files under ``prefix``, site-relative, sorted; the other languages' folders
    and Pagefind's bundles are not entered (rglob walked them all: a second per language)."""
    found: list[str] = []
    top = site_dir / prefix if prefix else site_dir
    for folder, dirs, files in os.walk(top):
        here = Path(folder).relative_to(site_dir).as_posix()
        dirs[:] = sorted(d for d in dirs if d != SEARCH_BUNDLE and (here != "." or d not in others))
        base = "" if here == "." else f"{here}/"
        found.extend(f"{base}{name}" for name in sorted(files) if name.endswith(".html"))
    return found


def run_pagefind(pages_dir: Path, bundle_dir: Path) -> str:
    """Index the HTML under ``pages_dir`` into ``bundle_dir`` (one bundle, every language in
    it: the offline copies' index); return Pagefind's report."""
    output = _run_pagefind(pagefind_executable(), pages_dir, bundle_dir)
    _remove_unused_ui(bundle_dir)
    return output


# The fact box is metadata and filters (search-data.html), not text to quote: its labels made
# the excerpts ("Regiuni de dezvoltare București-Ilfov Județe ..."). The handout's PDF link
# and the printed-only address made them too ("PDF (A4). Versiunea online: https://...").
EXCLUDED_SELECTORS = (".gp-factbox", ".gp-handout", ".gp-print-only")


def exclusions() -> list[str]:
    """Pagefind's options that leave out what is not text to quote."""
    return [
        option for selector in EXCLUDED_SELECTORS for option in ("--exclude-selectors", selector)
    ]


def _run_pagefind(executable: Path, sources: Path, bundle: Path) -> str:
    command = [
        str(executable),
        "--site",
        str(sources),
        "--output-path",
        str(bundle),
        *exclusions(),
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


def _count(pattern: str, output: str) -> int:
    found = re.search(pattern, output)
    return int(found.group(1)) if found else 0
