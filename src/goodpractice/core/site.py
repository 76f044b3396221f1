"""Validated content, ready to render: the bridge between ``check`` and the page generators."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import check
from .content import RawContent, load_raw
from .labels import Labels
from .model import Practice, practice_from_data
from .problems import ContentError, Problem, errors
from .project import Project
from .snapshot import Fingerprint, content_fingerprint
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


# The last Site loaded, with the fingerprint of the content it was loaded from: a build checks
# the content before MkDocs starts and the plugin then needs the same Site, once per language.
_last_loaded: tuple[Path, Fingerprint, Site] | None = None


def load_site(project: Project) -> Site:
    """Load and check everything; raise ContentError listing every error if any.

    Loaded once per state of the content: an unchanged project gives back the same Site.
    """
    global _last_loaded
    fingerprint = content_fingerprint(project)
    if _last_loaded and _last_loaded[:2] == (project.root, fingerprint):
        return _last_loaded[2]
    site = _load_site(project)
    _last_loaded = (project.root, fingerprint, site)
    return site


def _load_site(project: Project) -> Site:
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
