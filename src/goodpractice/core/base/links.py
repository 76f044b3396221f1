"""Internal links: where a link in a content file points, and whether anything is there.

Case-study texts are written beside practice.yml (``practices/<id>/ro.md``), so a contributor
links another case as ``../other-id/ro.md``, which also works in GitHub's preview. On the site
the text becomes the page ``practices/<id>/index.<lang>.md``; links are rewritten to the
language-neutral page so the reader stays in their language.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from goodpractice.core.base.languages import is_text_file, without_suffix
from goodpractice.core.base.uris import index_uri, practice_uri


@dataclass(frozen=True)
class Link:
    """A link as a page shows it: its text, its address (relative), and a note beside it."""

    text: str
    href: str | None = None
    note: str | None = None


# A web address a page may link to: http or https, nothing a browser would run.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+$")


def web_address(value: object) -> str | None:
    """``value`` if it is a web address (http, https), else None: a link from content (a
    source's, a licence's) is made only of this, whether or not check has seen the file."""
    return value if isinstance(value, str) and WEB_ADDRESS.match(value) else None


@dataclass(frozen=True)
class SiteSources:
    """Language-neutral paths (relative to the docs tree) of every page and asset the site has."""

    pages: frozenset[str]
    assets: frozenset[str]

    def has(self, uri: str) -> bool:
        return uri in self.pages or uri in self.assets


def is_external(target: str) -> bool:
    parts = urlsplit(target)
    return bool(parts.scheme) or target.startswith("//")


def neutral(uri: str) -> str:
    """``about.ro.md`` gives ``about.md``; a folder gives its index page."""
    if uri == "" or uri.endswith("/"):
        uri += "index.md"
    return without_suffix(uri)


def site_target(source_repo_path: str, target: str) -> str | None:
    """The docs-tree path a repository-relative link points to, or None if outside the site.

    ``source_repo_path`` is the linking file relative to the repository root.
    """
    path = urlsplit(target).path
    if not path:
        return None
    if path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source_repo_path), path))
    if path.endswith("/"):
        joined += "/"
    if joined.startswith("docs/"):
        return joined[len("docs/") :]
    parts = joined.rstrip("/").split("/")
    if parts[0] in LONG_DOCUMENT_ROOTS:
        return _long_document_target(joined, parts, path.endswith("/"))
    if parts[0] != "practices" or len(parts) < 2:
        return None
    if len(parts) == 2 or (len(parts) == 3 and _is_text(parts[2])):
        return practice_uri(parts[1])
    return joined  # an asset beside a case study


# Folders of long documents (readers/longdoc_sources.py): each one's ro.md/en.md is its index.md.
LONG_DOCUMENT_ROOTS = ("curriculum", "guides")


def _long_document_target(joined: str, parts: list[str], is_folder: bool) -> str:
    if is_folder or "." not in parts[-1]:
        return index_uri("/".join(parts))
    if _is_text(parts[-1]):
        return index_uri("/".join(parts[:-1]))
    return joined


def _is_text(name: str) -> bool:
    """A folder's text (``ro.md``), or an ``index.md``: both stand for the folder's page."""
    return name == "index.md" or is_text_file(name)


def docs_link_target(page_uri: str, target: str) -> str:
    """The docs-tree path a link in a hand-written page (itself at ``page_uri``) points to."""
    path = urlsplit(target).path
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))
    return joined + "/" if path.endswith("/") else joined


def resolves(uri: str, sources: SiteSources) -> bool:
    return sources.has(uri) or neutral(uri) in sources.pages


def relative_link(from_page_uri: str, to_uri: str, fragment: str) -> str:
    """A link from one docs-tree page to another, as MkDocs expects in Markdown."""
    relative = posixpath.relpath(to_uri, posixpath.dirname(from_page_uri) or ".")
    return relative + (f"#{fragment}" if fragment else "")


def split_fragment(target: str) -> str:
    return urlsplit(target).fragment


def site_link(source_path: str, from_uri: str, target: str) -> str:
    """A link written in the content file ``source_path``, as the generated page at
    ``from_uri`` must write it; links out of the site and anchors stay as they are."""
    if not target or target.startswith("#") or is_external(target):
        return target
    resolved = site_target(source_path, target)
    return relative_link(from_uri, resolved, split_fragment(target)) if resolved else target
