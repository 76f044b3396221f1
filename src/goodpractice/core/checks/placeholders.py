"""Templates left unfilled: ``goodpractice new`` writes TODO where the contributor writes.

One clear message per value still to fill in; the schema's messages about those values
('unknown term TODO') are left out, see :func:`covered_by_placeholder`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.text import shorten
from goodpractice.core.checks.schema import field_name
from goodpractice.core.readers.content import PracticeSource
from goodpractice.core.readers.files import TextSource
from goodpractice.core.readers.yamlsafe import YamlDocument

# What `goodpractice new` writes where the contributor must fill in a value.
PLACEHOLDER = "TODO"
_PLACEHOLDER_WORD = re.compile(rf"\b{PLACEHOLDER}\b")


def placeholder_fields(doc: YamlDocument) -> dict[tuple[str | int, ...], str]:
    """Paths of the values that still hold the placeholder, with their text."""
    found: dict[tuple[str | int, ...], str] = {}

    def walk(value: Any, where: tuple[str | int, ...]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*where, str(key)))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*where, index))
        elif isinstance(value, str) and _PLACEHOLDER_WORD.search(value):
            found[where] = value

    walk(doc.data, ())
    return found


def covered_by_placeholder(problem: Problem, fields: Iterable[str]) -> bool:
    """True when a schema problem is only about a value still to be filled in."""
    return any(
        problem.field == name or problem.field.startswith((f"{name}.", f"{name}["))
        for name in fields
    )


def _validate_placeholders_filled(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """Every value that 'goodpractice new' left as TODO has been filled in."""
    for where, value in placeholder_fields(doc).items():
        yield Problem(
            path,
            doc.line_of(where),
            field_name(where),
            msg("template.value-left", value=shorten(value)),
        )


def _validate_text_placeholders(text: TextSource) -> Iterator[Problem]:
    """The text no longer holds the template's TODO notes."""
    doc = text.doc
    for key, value in doc.meta.items():
        if isinstance(value, str) and _PLACEHOLDER_WORD.search(value):
            yield Problem(
                text.path,
                doc.front_matter.line_of((key,)),
                str(key),
                msg("template.header-left"),
            )
    for offset, line in enumerate(doc.body.split("\n")):
        if _PLACEHOLDER_WORD.search(line):
            yield Problem(
                text.path,
                doc.body_line + offset,
                "sections",
                msg("template.note-left"),
            )


def check_placeholders(source: PracticeSource) -> Iterator[Problem]:
    """Every value and note of the template still to be written, for one case study."""
    if source.facts is not None:
        yield from _validate_placeholders_filled(source.facts, source.facts_path)
    for text in source.texts.values():
        yield from _validate_text_placeholders(text)


__all__ = ["PLACEHOLDER", "check_placeholders", "covered_by_placeholder", "placeholder_fields"]
