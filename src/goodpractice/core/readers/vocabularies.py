"""Controlled vocabularies: terms with a label per language, kept as content files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.text import nearest, quote_list
from goodpractice.core.readers.files import MAX_YAML_BYTES, read_text
from goodpractice.core.readers.yamlsafe import YamlDocument, YamlSyntaxError, load_yaml

TERM_ID = r"^[a-z0-9]+([.-][a-z0-9]+)*$"


# Short forms and common synonyms of a term, per language (``aliases: {ro: [ONG], en: [NGO]}``):
# what practitioners type. The search index holds them with each case study of the term.
ALIASES = "aliases"


@dataclass(frozen=True)
class Term:
    id: str
    labels: dict[str, str]
    extra: dict[str, Any] = field(default_factory=dict)
    line: int = 1
    label_lines: dict[str, int] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    aliases_line: int = 0

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.id

    def words(self, language: str) -> list[str]:
        """The label and the aliases of the term in ``language``: what finds it in search."""
        return [self.label(language), *self.aliases.get(language, ())]


@dataclass(frozen=True)
class Vocabulary:
    name: str
    path: str
    terms: dict[str, Term]
    source: YamlDocument | None = None  # as read, for the rules on every value

    def __contains__(self, term_id: object) -> bool:
        return term_id in self.terms

    def __getitem__(self, term_id: str) -> Term:
        return self.terms[term_id]

    def label(self, term_id: str, language: str) -> str:
        term = self.terms.get(term_id)
        return term.label(language) if term else term_id

    def suggestion(self, value: str) -> str:
        """A sentence naming the closest valid terms, for error messages."""
        close = nearest(value, list(self.terms))
        if close:
            return f"did you mean {quote_list(close)}?"
        return f"valid terms are listed in {self.path}"


@dataclass(frozen=True)
class Vocabularies:
    by_name: dict[str, Vocabulary]

    def __getitem__(self, name: str) -> Vocabulary:
        return self.by_name[name]

    def get(self, name: str) -> Vocabulary | None:
        return self.by_name.get(name)


def load_vocabularies(
    directory: Path, root: Path, languages: list[str]
) -> tuple[Vocabularies, list[Problem]]:
    """Read every ``*.yml`` in ``directory``; each must have ``terms`` with all languages."""
    by_name: dict[str, Vocabulary] = {}
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        text, problem = read_text(path, rel, MAX_YAML_BYTES)
        if problem or text is None:
            problems.extend([problem] if problem else [])
            continue
        try:
            doc = load_yaml(text)
        except YamlSyntaxError as exc:
            problems.append(Problem(rel, exc.line, "terms", exc.message))
            continue
        terms = doc.data.get("terms") if isinstance(doc.data, dict) else None
        if not isinstance(terms, dict):
            problems.append(Problem(rel, 1, "terms", msg("terms.not-a-mapping")))
            continue
        vocabulary_terms: dict[str, Term] = {}
        for term_id, body in terms.items():
            line = doc.line_of(("terms", term_id))
            problems.extend(_term_problems(rel, line, str(term_id), body, languages))
            alias_line = doc.line_of(("terms", term_id, ALIASES))
            if isinstance(body, dict) and ALIASES in body:
                problems.extend(
                    _alias_problems(rel, alias_line, str(term_id), body[ALIASES], languages)
                )
            if isinstance(body, dict):
                labels = {lang: str(body[lang]) for lang in languages if lang in body}
                extra = {k: v for k, v in body.items() if k not in languages and k != ALIASES}
                label_lines = {lang: doc.line_of(("terms", term_id, lang)) for lang in labels}
                vocabulary_terms[str(term_id)] = Term(
                    str(term_id),
                    labels,
                    extra,
                    line,
                    label_lines,
                    _aliases(body, languages),
                    alias_line,
                )
        by_name[path.stem] = Vocabulary(path.stem, rel, vocabulary_terms, doc)
    return Vocabularies(by_name), problems


def _aliases(body: dict[Any, Any], languages: list[str]) -> dict[str, tuple[str, ...]]:
    """The well-formed aliases of a term (the malformed ones are reported by _term_problems)."""
    aliases = body.get(ALIASES)
    if not isinstance(aliases, dict):
        return {}
    return {
        lang: tuple(str(a).strip() for a in aliases[lang] if isinstance(a, str) and a.strip())
        for lang in languages
        if isinstance(aliases.get(lang), list)
    }


def _alias_problems(
    path: str, line: int, term_id: str, aliases: object, languages: list[str]
) -> Iterator[Problem]:
    """Aliases are a mapping from a language of the site to a list of short texts."""
    field_name = f"terms.{term_id}.{ALIASES}"
    example = f"{ALIASES}: {{{languages[0]}: [ONG]}}"
    if not isinstance(aliases, dict):
        yield Problem(path, line, field_name, msg("aliases.not-per-language", example=example))
        return
    for lang, words in aliases.items():
        if lang not in languages:
            yield Problem(
                path,
                line,
                f"{field_name}.{lang}",
                msg("language.unknown", language=str(lang), languages=quote_list(languages)),
            )
        elif not isinstance(words, list) or not all(
            isinstance(word, str) and word.strip() for word in words
        ):
            yield Problem(
                path, line, f"{field_name}.{lang}", msg("aliases.not-a-list", example=example)
            )


def _term_problems(
    path: str, line: int, term_id: str, body: object, languages: list[str]
) -> Iterator[Problem]:

    if not re.match(TERM_ID, term_id):
        yield Problem(
            path,
            line,
            f"terms.{term_id}",
            msg("terms.bad-id"),
        )
    if not isinstance(body, dict):
        yield Problem(path, line, f"terms.{term_id}", msg("terms.no-labels"))
        return
    for lang in languages:
        label = body.get(lang)
        if not isinstance(label, str) or not label.strip():
            yield Problem(
                path, line, f"terms.{term_id}.{lang}", msg("terms.missing-label", language=lang)
            )
