"""The validated site: every case study and long document, typed, with what they were read from."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass, field, replace
from typing import Concatenate, ParamSpec, TypeVar

from goodpractice.core.base.problems import Problem
from goodpractice.core.model.longdocs import LongDoc, build_longdocs
from goodpractice.core.model.practice import Practice, practice_from_data, text_of
from goodpractice.core.model.similarity import Similar, practice_keys, similar_practices
from goodpractice.core.readers.content import PracticeSource, RawContent
from goodpractice.core.readers.labels import Labels
from goodpractice.core.readers.project import Project
from goodpractice.core.readers.vocabularies import Vocabularies

_Args = ParamSpec("_Args")
_Result = TypeVar("_Result")

# (language, case id, role) -> the case study it was rendered from, and its HTML on either side
# of the link to it (pages/catalogue.CardHtml: the one part that depends on the listing page).
CardCache = dict[tuple[str, str, str], tuple[Practice, tuple[str, ...]]]


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
    # Cards of case studies as listings render them (pages/catalogue.CardHtml), kept by
    # ``serve`` from one save to the next (a site after an edit shares them with the site
    # before); None: the listings of one build share theirs until its pages are made.
    cards: CardCache | None = field(default=None, compare=False, repr=False)


def site_from(
    raw: RawContent, warnings: tuple[Problem, ...] = (), keep_cards: bool = False
) -> Site:
    """The model of content in which ``check`` found no error (``keep_cards``: see Site.cards)."""
    practices: dict[str, Practice] = {}
    for source in raw.practices:
        practice = _practice(source)
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
        {} if keep_cards else None,
    )


def _practice(source: PracticeSource) -> Practice:
    assert source.facts is not None  # guaranteed by check
    texts = {language: text_of(text) for language, text in source.texts.items()}
    return practice_from_data(source.facts.data, source.folder, texts)


def site_after_edit(
    previous: Site, raw: RawContent, folders: Collection[str], warnings: tuple[Problem, ...]
) -> Site | None:
    """The site after an edit to the case studies in ``folders`` only, the others reused as
    they were (``serve``); None if an edit changed a case's id (then load the whole site).

    Similar case studies are computed again for the edited ones; another case's list is kept,
    and stays exact unless an edit changed the terms similarity compares (themes, target
    groups, regions, programme)."""
    by_folder = {practice.folder: practice for practice in previous.practices.values()}
    practices: dict[str, Practice] = {}
    edited: list[str] = []
    for source in raw.practices:
        old = by_folder.get(source.folder)
        if old is None:
            return None
        if source.folder not in folders:
            practices[old.id] = old
            continue
        practice = _practice(source)
        if practice.id != old.id:
            return None
        practices[practice.id] = practice
        edited.append(practice.id)
    similar = dict(previous.similar)
    if any(practice_keys(practices[i]) != practice_keys(previous.practices[i]) for i in edited):
        similar.update(similar_practices(practices, only=edited))
    return replace(previous, practices=practices, raw=raw, warnings=warnings, similar=similar)


def per_site(
    work: Callable[Concatenate[Site, _Args], _Result],
) -> Callable[Concatenate[Site, _Args], _Result]:
    """``work(site, ...)`` made once per arguments for the latest site it was asked of: several
    generators of one site ask for the same table. A Site is not hashable (it holds dicts),
    so it is compared by identity; asking of another site lets the old answers go."""
    kept: dict[Hashable, _Result] = {}
    owner: list[Site] = []

    def once(site: Site, /, *args: _Args.args, **kwargs: _Args.kwargs) -> _Result:
        if not owner or owner[0] is not site:
            kept.clear()
            owner[:] = [site]
        key = (args, tuple(sorted(kwargs.items())))
        if key not in kept:
            kept[key] = work(site, *args, **kwargs)
        return kept[key]

    return once
