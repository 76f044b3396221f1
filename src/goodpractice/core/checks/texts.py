"""Rules for every text of the site (case studies, pages, long documents): links, images and
Romanian letters."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator

from goodpractice.core.base.links import (
    SiteSources,
    docs_link_target,
    is_external,
    resolves,
    site_target,
)
from goodpractice.core.base.problems import Problem
from goodpractice.core.readers.markdowndoc import SourceLink


def validate_links(
    path: str, links: Iterable[SourceLink], sources: SiteSources, page_uri: str | None
) -> Iterator[Problem]:
    """Internal links point at a page or file that exists."""
    for link in links:
        target = html.unescape(link.target)  # what the browser follows: jav&#x61;script:
        if not target or target.startswith(("#", "mailto:", "tel:")) or is_external(target):
            continue
        if target.startswith("/"):
            yield Problem(
                path,
                link.line,
                "links",
                f"'{target}' is an absolute link; link to the .md file relative to this one",
            )
            continue
        uri = docs_link_target(page_uri, target) if page_uri else site_target(path, target)
        if uri is None or not resolves(uri, sources):
            yield Problem(path, link.line, "links", f"'{target}' resolves to no page or file")


_CEDILLA = {"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"}


def validate_romanian_letters(path: str, text: str, first_line: int = 1) -> Iterator[Problem]:
    """Romanian is written with comma-below ș and ț, not the cedilla forms ş and ţ."""
    for offset, line in enumerate(text.splitlines()):
        wrong = sorted({c for c in line if c in _CEDILLA})
        if wrong:
            fixes = ", ".join(f"'{c}' with '{_CEDILLA[c]}'" for c in wrong)
            yield Problem(
                path,
                first_line + offset,
                "spelling",
                f"cedilla letters in Romanian text; replace {fixes} (comma below)",
            )
