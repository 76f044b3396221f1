"""Validated content, ready to render: the bridge between ``check`` and the page generators."""

from __future__ import annotations

from dataclasses import dataclass

from .checks import check
from .content import RawContent, load_raw
from .labels import Labels
from .model import Practice, practice_from_data
from .problems import ContentError, Problem, errors
from .project import Project
from .vocabularies import Vocabularies


@dataclass(frozen=True)
class Site:
    project: Project
    vocabularies: Vocabularies
    labels: Labels
    practices: dict[str, Practice]
    raw: RawContent
    warnings: tuple[Problem, ...] = ()


def check_project(project: Project) -> list[Problem]:
    from .generators import generated_uris

    raw = load_raw(project)
    return check(raw, generated_uris(raw))


def load_site(project: Project) -> Site:
    """Load and check everything; raise ContentError listing every error if any."""
    from .generators import generated_uris  # generators render Sites: import late

    raw = load_raw(project)
    problems = check(raw, generated_uris(raw))
    if errors(problems):
        raise ContentError(errors(problems))
    practices: dict[str, Practice] = {}
    for source in raw.practices:
        assert source.facts is not None  # guaranteed by check
        texts = {language: text.text() for language, text in source.texts.items()}
        practice = practice_from_data(source.facts.data, source.folder, texts)
        practices[practice.id] = practice
    warnings = tuple(p for p in problems if p not in errors(problems))
    return Site(project, raw.vocabularies, raw.labels, practices, raw, warnings)
