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
from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.checks.plaintext import yaml_strings
from goodpractice.core.checks.schema import field_name
from goodpractice.core.readers.markdowndoc import SourceLink
from goodpractice.core.readers.yamlsafe import YamlDocument


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
                msg("links.absolute", target=target),
            )
            continue
        uri = docs_link_target(page_uri, target) if page_uri else site_target(path, target)
        if uri is None or not resolves(uri, sources):
            yield Problem(path, link.line, "links", msg("links.nowhere", target=target))


_CEDILLA = {"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"}


def validate_romanian_letters(
    path: str, text: str, first_line: int = 1, *, romanian: bool = True
) -> Iterator[Problem]:
    """Romanian is written with comma-below ș and ț, not the cedilla forms ş and ţ: in Romanian
    text, and in the Romanian names of an English text (``romanian=False``)."""
    key = "spelling.cedilla" if romanian else "spelling.cedilla-names"
    for offset, line in enumerate(text.splitlines()):
        fixes = _cedilla_fixes(line)
        if fixes:
            yield Problem(path, first_line + offset, "spelling", msg(key, fixes=fixes))


def validate_letters_of_values(path: str, doc: YamlDocument) -> Iterator[Problem]:
    """Names and other text in a YAML file (organisations, places, sources) use comma-below
    letters too: they are Romanian words whatever the language of the page."""
    for where, value in yaml_strings(doc.data):
        fixes = _cedilla_fixes(value)
        if fixes:
            field = field_name(where)
            yield Problem(
                path, doc.line_of(where), field, msg("spelling.cedilla-names", fixes=fixes)
            )


def _cedilla_fixes(text: str) -> str:
    wrong = sorted(c for c in _CEDILLA if c in text)  # four searches, not a loop per letter
    return ", ".join(f"'{c}' → '{_CEDILLA[c]}'" for c in wrong)
