"""Rules for untrusted content: raw HTML, link schemes, images from other hosts, SVG files.

Case studies arrive as pull requests from people outside the project. Each ``_validate_*``
yields the problems of one rule; :func:`check_practice_safety` runs them with the rules of
``privacy.py`` and ``placeholders.py``. The build's sanitiser (``sanitize.py``) enforces the
same allow-list on the output.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from goodpractice.core.base.messages import joined, msg
from goodpractice.core.base.problems import FILE, Problem
from goodpractice.core.base.text import shorten
from goodpractice.core.checks.placeholders import check_placeholders
from goodpractice.core.checks.privacy import check_privacy
from goodpractice.core.checks.sanitize import html_policy, is_external_resource, unsafe_url_scheme
from goodpractice.core.readers.content import PracticeSource
from goodpractice.core.readers.htmlscan import (
    AttrListKey,
    Tag,
    attr_list_keys,
    html_tags,
    reference_targets,
)
from goodpractice.core.readers.markdowndoc import MarkdownDocument

_SVG_DANGER = re.compile(
    rb"<\s*script|<\s*foreignobject|\bon[a-z]+\s*=|javascript:|(?:xlink:)?href\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


# -- HTML in Markdown ---------------------------------------------------------------------------


def _validate_html_elements(path: str, tags: Iterable[Tag]) -> Iterator[Problem]:
    """Raw HTML uses only the elements of the allow-list."""
    policy = html_policy()
    for tag in tags:
        if tag.name in policy.tags:
            continue
        if tag.name in policy.remove_with_content:
            yield Problem(path, tag.line, "html", msg("html.dangerous-element", element=tag.name))
        else:
            yield Problem(
                path,
                tag.line,
                "html",
                msg("html.unknown-element", element=tag.name),
            )


def _validate_event_handlers(
    path: str, tags: Iterable[Tag], keys: Iterable[AttrListKey]
) -> Iterator[Problem]:
    """No attribute that runs a script (onclick, onerror, ...)."""
    for tag in tags:
        for name, _value in tag.attrs:
            if name.startswith("on"):
                yield Problem(
                    path,
                    tag.line,
                    "html",
                    msg("html.event-attribute", attribute=name, element=tag.name),
                )
    for key in keys:
        if key.name.startswith("on"):
            yield Problem(
                path,
                key.line,
                "html",
                msg("html.event-in-attribute-list", attribute=key.name),
            )


def _validate_html_attributes(
    path: str, tags: Iterable[Tag], keys: Iterable[AttrListKey]
) -> Iterator[Problem]:
    """Raw HTML and attribute lists use only the attributes of the allow-list."""
    policy = html_policy()
    for tag in tags:
        for name, _value in tag.attrs:
            known = tag.name in policy.tags and not name.startswith("on")
            if known and not policy.allows_attribute(tag.name, name):
                yield Problem(
                    path,
                    tag.line,
                    "html",
                    msg("html.attribute-not-allowed", attribute=name, element=tag.name),
                )
    for key in keys:
        if not key.name.startswith("on") and not policy.allows_attribute("*", key.name):
            yield Problem(
                path,
                key.line,
                "html",
                msg("html.attribute-list-not-allowed", attribute=key.name),
            )


def _validate_reserved_ids(path: str, tags: Iterable[Tag]) -> Iterator[Problem]:
    """Contributed HTML does not reuse the ids of the theme or of our templates."""
    reserved = html_policy().reserved_id_prefixes
    for tag in tags:
        for name, value in tag.attrs:
            if name == "id" and value.startswith(reserved):
                yield Problem(
                    path,
                    tag.line,
                    "html",
                    msg(
                        "html.reserved-id",
                        id=value,
                        prefixes=joined([f"'{prefix}'" for prefix in reserved], "word.or"),
                    ),
                )


def _urls(doc: MarkdownDocument, tags: Iterable[Tag]) -> Iterator[tuple[str, int, bool]]:
    """(url, line, is_image) of every link, image and URL attribute in a text."""
    for link in doc.links:
        yield html.unescape(link.target), link.line, link.is_image
    for target, line in reference_targets(doc.body, doc.body_line):
        yield html.unescape(target), line, False
    url_attributes = html_policy().url_attributes
    for tag in tags:
        for name, value in tag.attrs:
            if name in url_attributes:
                yield value, tag.line, tag.name == "img" and name == "src"


def _validate_url_schemes(path: str, urls: Iterable[tuple[str, int, bool]]) -> Iterator[Problem]:
    """Links and images use http(s), mailto, tel or a relative path: no javascript: or data:."""
    for url, line, _is_image in urls:
        scheme = unsafe_url_scheme(url)
        if scheme:
            yield Problem(
                path,
                line,
                "links",
                msg("links.unsafe-scheme", url=shorten(url), scheme=scheme),
            )


def _validate_external_images(
    path: str, urls: Iterable[tuple[str, int, bool]]
) -> Iterator[Problem]:
    """Images are files of the site: one from another host would tell it who reads the page."""
    for url, line, is_image in urls:
        if is_image and is_external_resource(url):
            yield Problem(
                path,
                line,
                "images",
                msg("images.other-site", url=shorten(url)),
            )


# -- Files beside a case study ------------------------------------------------------------------


def svg_danger(data: bytes) -> tuple[int, str] | None:
    """(line, what) of the first script, event handler or external reference in an SVG."""
    match = _SVG_DANGER.search(data)
    if match is None:
        return None
    return data[: match.start()].count(b"\n") + 1, match.group(0).decode("utf-8", "replace")


def unsafe_svg_files(folder: Path) -> list[str]:
    """SVG files under ``folder`` (a built site) that hold a script or an external reference."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.svg")
        if path.is_file() and svg_danger(path.read_bytes())
    )


def _validate_svg_assets(assets: Iterable[str], root: Path) -> Iterator[Problem]:
    """An SVG image holds no script, event handler or external reference.

    Opened on its own (the address of the image), an SVG runs its scripts on the site's origin.
    """
    for asset in assets:
        if not asset.lower().endswith(".svg"):
            continue
        danger = svg_danger((root / asset).read_bytes())
        if danger:
            line, found = danger
            yield Problem(
                asset,
                line,
                FILE,
                msg("file.unsafe-svg", found=shorten(found.strip(), 30)),
            )


# -- Runners ------------------------------------------------------------------------------------


def check_markdown_safety(path: str, doc: MarkdownDocument) -> Iterator[Problem]:
    """The HTML and link rules for one Markdown file (a case-study text or a page)."""
    tags = html_tags(doc.body, doc.body_line)
    keys = attr_list_keys(doc.body, doc.body_line)
    urls = list(_urls(doc, tags))
    yield from _validate_html_elements(path, tags)
    yield from _validate_event_handlers(path, tags, keys)
    yield from _validate_html_attributes(path, tags, keys)
    yield from _validate_reserved_ids(path, tags)
    yield from _validate_url_schemes(path, urls)
    yield from _validate_external_images(path, urls)


def check_practice_safety(source: PracticeSource, root: Path) -> Iterator[Problem]:
    """Every rule for contributed content, for one case study."""
    for text in source.texts.values():
        yield from check_markdown_safety(text.path, text.doc)
    yield from _validate_svg_assets(source.assets, root)
    yield from check_privacy(source)
    yield from check_placeholders(source)


def check_docs_assets_safety(doc_assets: Iterable[str], root: Path) -> Iterator[Problem]:
    """The rules for files under docs/ (paths relative to docs/)."""
    yield from _validate_svg_assets((f"docs/{asset}" for asset in doc_assets), root)


__all__ = [
    "check_docs_assets_safety",
    "check_markdown_safety",
    "check_practice_safety",
    "svg_danger",
    "unsafe_svg_files",
]
