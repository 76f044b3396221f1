"""Rules for the vocabularies and interface labels, and for the schema generated from them."""

from __future__ import annotations

from collections.abc import Iterator

from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import FILE, Problem, Severity
from goodpractice.core.checks.schema import VOCABULARY_SCHEMA, render_vocabulary_schema
from goodpractice.core.checks.texts import validate_romanian_letters
from goodpractice.core.readers.content import RawContent
from goodpractice.core.readers.vocabularies import Term, Vocabulary


def term_texts(term: Term, languages: list[str]) -> dict[str, dict[object, object]]:
    """A term's texts per language besides its label (an evidence level's description, a
    criterion's question): the extras that are mappings keyed by a language of the site."""
    return {
        key: value
        for key, value in term.extra.items()
        if isinstance(value, dict) and any(lang in value for lang in languages)
    }


def _text_line(vocabulary: Vocabulary, term: Term, *path: str) -> int:
    doc = vocabulary.source
    return doc.line_of(("terms", term.id, *path)) if doc is not None else term.line


def validate_term_texts(content: RawContent) -> Iterator[Problem]:
    """A term's texts per language (description, question...) are given in every language of
    the site, like its label: readers of each language see the same thing."""
    languages = content.project.language_codes
    for vocabulary in content.vocabularies.by_name.values():
        for term in vocabulary.terms.values():
            for key, texts in term_texts(term, languages).items():
                for lang in languages:
                    value = texts.get(lang)
                    if not isinstance(value, str) or not value.strip():
                        yield Problem(
                            vocabulary.path,
                            _text_line(vocabulary, term, key),
                            f"terms.{term.id}.{key}.{lang}",
                            msg("vocabulary.term-text-missing", language=lang, key=key),
                        )


def validate_romanian_labels(content: RawContent) -> Iterator[Problem]:
    """Romanian labels and aliases of vocabularies and of the interface use comma-below letters."""
    for vocabulary in content.vocabularies.by_name.values():
        for term in vocabulary.terms.values():
            yield from validate_romanian_letters(
                vocabulary.path, term.label("ro"), term.label_lines.get("ro", term.line)
            )
            for alias in term.aliases.get("ro", ()):
                yield from validate_romanian_letters(vocabulary.path, alias, term.aliases_line)
            for key, texts in term_texts(term, content.project.language_codes).items():
                if isinstance(texts.get("ro"), str):
                    yield from validate_romanian_letters(
                        vocabulary.path, str(texts["ro"]), _text_line(vocabulary, term, key, "ro")
                    )
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


# The practice.yml facts a criterion of the self-assessment may show (pages/transfer.py shows
# them as "in the original practice").
FIT_FACTS = (
    "themes",
    "target_groups",
    "organisations",
    "resources",
    "funding",
    "location",
    "public_partners",
)
FIT_CRITERIA = "fit-criteria"


def validate_fit_criteria(content: RawContent) -> Iterator[Problem]:
    """The self-assessment's criteria name facts it can show, and the guide chapter they come
    from exists: a wrong name would leave a criterion or the guide's link out without a word."""
    vocabulary = content.vocabularies.by_name.get(FIT_CRITERIA)
    if vocabulary is None:
        return
    for term in vocabulary.terms.values():
        facts = term.extra.get("facts", [])
        for name in facts if isinstance(facts, list) else [facts]:
            if name not in FIT_FACTS:
                yield Problem(
                    vocabulary.path,
                    _text_line(vocabulary, term, "facts"),
                    f"terms.{term.id}.facts",
                    msg("fit.unknown-fact", name=str(name), facts=", ".join(FIT_FACTS)),
                )
    yield from _fit_guide(content, vocabulary)


def _fit_guide(content: RawContent, vocabulary: Vocabulary) -> Iterator[Problem]:
    """A warning, not an error: without the chapter the checklist still works, without the
    guide's link. A site with no guides at all has nothing to link."""
    doc = vocabulary.source
    data = doc.data if doc is not None else None
    guide = data.get("guide") if isinstance(data, dict) else None
    guides = [source for source in content.longdocs if source.folder.startswith("guides/")]
    if not isinstance(guide, dict) or not guides:
        return
    line = doc.line_of(("guide",)) if doc is not None else 1
    for source in guides:
        meta = source.meta.data if source.meta else None
        if isinstance(meta, dict) and meta.get("id") == guide.get("id"):
            if any(part.id == guide.get("chapter") for part in source.parts.values()):
                return
            message = msg(
                "fit.guide-chapter-missing",
                guide=str(guide.get("id")),
                chapter=str(guide.get("chapter")),
            )
            field = "guide.chapter"
            break
    else:
        message, field = msg("fit.guide-missing", guide=str(guide.get("id"))), "guide.id"
    yield Problem(vocabulary.path, line, field, message, Severity.WARNING)
