"""The validated site: every case study and long document, typed, with what they were read from."""

from __future__ import annotations

from dataclasses import dataclass, field

from goodpractice.core.base.problems import Problem
from goodpractice.core.model.longdocs import LongDoc, build_longdocs
from goodpractice.core.model.practice import Practice, practice_from_data, text_of
from goodpractice.core.model.similarity import Similar, similar_practices
from goodpractice.core.readers.content import RawContent
from goodpractice.core.readers.labels import Labels
from goodpractice.core.readers.project import Project
from goodpractice.core.readers.vocabularies import Vocabularies


@dataclass(frozen=True)
class Site:
    project: Project
    vocabularies: Vocabularies
    labels: Labels
    practices: dict[str, Practice]
    raw: RawContent
    warnings: tuple[Problem, ...] = ()
    longdocs: tuple[LongDoc, ...] = ()  # the curriculum and guides
    # Up to five similar case studies of each, computed once (model/similarity.py).
    similar: dict[str, tuple[Similar, ...]] = field(default_factory=dict)


def site_from(raw: RawContent, warnings: tuple[Problem, ...] = ()) -> Site:
    """The model of content in which ``check`` found no error."""
    practices: dict[str, Practice] = {}
    for source in raw.practices:
        assert source.facts is not None  # guaranteed by check
        texts = {language: text_of(text) for language, text in source.texts.items()}
        practice = practice_from_data(source.facts.data, source.folder, texts)
        practices[practice.id] = practice
    return Site(
        raw.project,
        raw.vocabularies,
        raw.labels,
        practices,
        raw,
        warnings,
        tuple(build_longdocs(raw)),
        similar_practices(practices),
    )
