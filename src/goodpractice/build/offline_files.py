"""The files of an offline copy, read from the staged site: the kept pages, every file they
load (stylesheets, scripts, images, QR codes), and their PDFs.

Pages are named by their directory address (``curriculum/``), as readers and links name them;
other files by their path. Both are relative to the site root.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from goodpractice.core.pages.offline import Kept

# The tags that make a browser load a file, and the attribute naming it.
_LOADING_TAG = re.compile(r"<(?:link|script|img|source)\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'\b(href|src|rel)="([^"]*)"', re.IGNORECASE)
# <link rel> values that load a file (not "alternate" or "canonical", which name pages).
_LOADED_RELS = frozenset({"stylesheet", "icon", "preload", "modulepreload", "manifest"})
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def page_file(path: str) -> str:
    """The file a page's directory address is served from: ``curriculum/index.html``."""
    return f"{path}index.html" if path == "" or path.endswith("/") else path


def copy_files(site_dir: Path, copy: Kept) -> list[str]:
    """Every file the copy holds, pages first, each once."""
    pages = [path for path in copy.pages if (site_dir / page_file(path)).is_file()]
    files: dict[str, None] = dict.fromkeys(pages)
    for path in pages:
        files |= dict.fromkeys(sorted(loaded_files(site_dir, page_file(path))))
    files |= dict.fromkeys(pdf for pdf in copy.pdfs if (site_dir / pdf).is_file())
    return list(files)


def loaded_files(site_dir: Path, page: str) -> set[str]:
    """The files of the site that the page ``page`` (a file path) makes a browser load."""
    text = (site_dir / page).read_text(encoding="utf-8")
    found: set[str] = set()
    for tag in _LOADING_TAG.findall(text):
        attributes = {name.lower(): value for name, value in _ATTRIBUTE.findall(tag)}
        if tag[1:5].lower() == "link" and not _LOADED_RELS & set(attributes.get("rel", "").split()):
            continue
        for name in ("href", "src"):
            target = resolve(page, attributes.get(name, ""))
            if target and (site_dir / target).is_file():
                found.add(target)
    for stylesheet in [path for path in found if path.endswith(".css")]:
        found |= _css_files(site_dir, stylesheet)
    return found


def _css_files(site_dir: Path, stylesheet: str) -> set[str]:
    text = (site_dir / stylesheet).read_text(encoding="utf-8", errors="replace")
    targets = (resolve(stylesheet, url) for url in _CSS_URL.findall(text))
    return {target for target in targets if target and (site_dir / target).is_file()}


def resolve(from_file: str, href: str) -> str | None:
    """The site path a relative ``href`` in the file ``from_file`` points to, or None for
    addresses elsewhere (other hosts, data:, the site root above, in-page anchors)."""
    href = html.unescape(href)
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_file), unquote(parts.path)))
    if joined == ".":
        return ""
    if joined.startswith(".."):
        return None
    return joined + "/" if parts.path.endswith("/") else joined


def page_title(site_dir: Path, path: str) -> str:
    match = _TITLE.search((site_dir / page_file(path)).read_text(encoding="utf-8"))
    return html.unescape(match[1]).strip() if match else path


def total_bytes(site_dir: Path, files: Iterable[str]) -> int:
    return sum((site_dir / page_file(path)).stat().st_size for path in files)
