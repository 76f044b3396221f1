"""Rules for the vocabularies and interface labels, and for the schema generated from them."""

from __future__ import annotations

from collections.abc import Iterator

from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import FILE, Problem
from goodpractice.core.checks.schema import VOCABULARY_SCHEMA, render_vocabulary_schema
from goodpractice.core.checks.texts import validate_romanian_letters
from goodpractice.core.readers.content import RawContent


def validate_romanian_labels(content: RawContent) -> Iterator[Problem]:
    """Romanian labels and aliases of vocabularies and of the interface use comma-below letters."""
    for vocabulary in content.vocabularies.by_name.values():
        for term in vocabulary.terms.values():
            yield from validate_romanian_letters(
                vocabulary.path, term.label("ro"), term.label_lines.get("ro", term.line)
            )
            for alias in term.aliases.get("ro", ()):
                yield from validate_romanian_letters(vocabulary.path, alias, term.aliases_line)
    labels = content.labels
    for key, values in labels.strings.items():
        yield from validate_romanian_letters(
            labels.path, values.get("ro", ""), labels.lines.get(key, 1)
        )


def validate_vocabulary_schema(content: RawContent) -> Iterator[Problem]:
    """schema/vocabularies.schema.json matches the vocabularies it is generated from."""
    path = content.project.schema_dir / VOCABULARY_SCHEMA
    expected = render_vocabulary_schema(content.vocabularies)
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    if current != expected:
        yield Problem(
            content.project.relative(path) if path.exists() else f"schema/{VOCABULARY_SCHEMA}",
            1,
            FILE,
            msg("schema.stale"),
        )
