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

_LANGUAGE_SUFFIX = re.compile(r"\.([a-z]{2})\.md$")
_TEXT_FILE = re.compile(r"(?:[a-z]{2}|index)\.md")


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
    return _LANGUAGE_SUFFIX.sub(".md", uri)


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
    if len(parts) == 2 or (len(parts) == 3 and _TEXT_FILE.fullmatch(parts[2])):
        return f"practices/{parts[1]}/index.md"
    return joined  # an asset beside a case study


# Folders of long documents (core/longdocs.py): each folder's ro.md/en.md becomes its index.md.
LONG_DOCUMENT_ROOTS = ("curriculum", "guides")


def _long_document_target(joined: str, parts: list[str], is_folder: bool) -> str:
    if is_folder or "." not in parts[-1]:
        return "/".join(parts) + "/index.md"
    if _TEXT_FILE.fullmatch(parts[-1]):
        return "/".join([*parts[:-1], "index.md"])
    return joined


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
