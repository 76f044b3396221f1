"""Rules for every text of the site (case studies, pages, long documents): links, images and
Romanian letters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from goodpractice.core.base.links import (
    SiteSources,
    docs_link_target,
    is_external,
    resolves,
    site_target,
)
from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.readers.markdowndoc import SourceLink


def validate_links(
    path: str, links: Iterable[SourceLink], sources: SiteSources, page_uri: str | None
) -> Iterator[Problem]:
    """Internal links point at a page or file that exists."""
    for link in links:
        target = link.target
        if not target or target.startswith(("#", "mailto:", "tel:")) or is_external(target):
            continue
        if target.startswith("/"):
            yield Problem(
                path,
                link.line,
                "links",
                msg("links.absolute", target=target),
            )
            continue
        uri = docs_link_target(page_uri, target) if page_uri else site_target(path, target)
        if uri is None or not resolves(uri, sources):
            yield Problem(path, link.line, "links", msg("links.nowhere", target=target))


def validate_image_alt(path: str, links: Iterable[SourceLink]) -> Iterator[Problem]:
    """Every image has alternative text for screen-reader users."""
    for link in links:
        if link.is_image and not link.text.strip():
            yield Problem(
                path,
                link.line,
                "images",
                msg("images.no-alt", target=link.target),
            )


_CEDILLA = {"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"}


def validate_romanian_letters(path: str, text: str, first_line: int = 1) -> Iterator[Problem]:
    """Romanian is written with comma-below ș and ț, not the cedilla forms ş and ţ."""
    for offset, line in enumerate(text.splitlines()):
        wrong = sorted({c for c in line if c in _CEDILLA})
        if wrong:
            fixes = ", ".join(f"'{c}' → '{_CEDILLA[c]}'" for c in wrong)
            yield Problem(
                path, first_line + offset, "spelling", msg("spelling.cedilla", fixes=fixes)
            )
