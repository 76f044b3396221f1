"""The transfer self-assessment on every case page, "Se potrivește la noi?" / "Would it work
here?": the criteria of the guide's chapter on assessing fit (vocabularies/fit-criteria.yml),
each with what the original practice had, from its facts, and the reader's answer.

The page holds a plain form: without JavaScript it is a checklist to fill in and print;
gp-fit.js keeps the answers in the browser (localStorage, never sent anywhere) and writes the
summary of the gaps to close.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from goodpractice.core.base import formatting
from goodpractice.core.base.links import Link
from goodpractice.core.base.uris import part_uri, practice_uri, url_between
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site

CRITERIA = "fit-criteria"
# The answers a criterion takes, in the order they are offered; "no" and "partly" are gaps,
# "unknown" is something to find out.
ANSWERS = ("yes", "partly", "no", "unknown")
# The longest note the form keeps per criterion.
MAX_NOTE = 500
# Organisations of this type show the local support a practice had.
PUBLIC_AUTHORITY = "public-authority"


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    question: str
    original: list[str]  # what the original practice had; empty: the sources do not say


@dataclass(frozen=True)
class FitView:
    practice_id: str
    criteria: list[Criterion]
    answers: tuple[str, ...]
    guide: Link | None
    max_note: int


def fit_view(site: Site, practice: Practice, language: str) -> FitView | None:
    """The self-assessment of a case study; None when the site has no criteria."""
    vocabulary = site.vocabularies.get(CRITERIA)
    if vocabulary is None or not vocabulary.terms:
        return None
    criteria = []
    for term in vocabulary.terms.values():
        question = term.extra.get("question")
        facts = term.extra.get("facts")
        criteria.append(
            Criterion(
                term.id,
                term.label(language),
                str(question.get(language, "")) if isinstance(question, dict) else "",
                [
                    item
                    for name in (facts if isinstance(facts, list) else [])
                    for item in _facts(site, practice, language, str(name))
                ],
            )
        )
    return FitView(practice.id, criteria, ANSWERS, _guide_link(site, practice, language), MAX_NOTE)


def _facts(site: Site, practice: Practice, language: str, name: str) -> list[str]:
    """What the original practice had, for one fact a criterion names (check allows only the
    names of checks/vocabularies.py: FIT_FACTS, the keys of fact_readers)."""
    return fact_readers(site, practice, language)[name]()


def fact_readers(
    site: Site, practice: Practice, language: str
) -> dict[str, Callable[[], list[str]]]:
    """Each fact a criterion may name, read from the case study in the page's language."""
    vocab = site.vocabularies
    locale = site.project.language(language).locale
    facts: dict[str, Callable[[], list[str]]] = {
        "themes": lambda: [vocab["themes"].label(t, language) for t in practice.themes],
        "target_groups": lambda: [
            vocab["target-groups"].label(t, language) for t in practice.target_groups
        ],
        "organisations": lambda: [
            f"{org.name} ({_roles(site, org.roles, language)})" for org in practice.organisations
        ],
        "resources": lambda: _budget(site, practice, locale),
        "funding": lambda: (
            [vocab["funding-programmes"].label(practice.funding_programme, language)]
            if practice.funding_programme
            else []
        ),
        "location": lambda: [vocab["countries"].label(c, language) for c in practice.countries],
        "public_partners": lambda: [
            org.name for org in practice.organisations if org.type == PUBLIC_AUTHORITY
        ],
    }
    return facts


def _roles(site: Site, roles: tuple[str, ...], language: str) -> str:
    return ", ".join(site.vocabularies["organisation-roles"].label(r, language) for r in roles)


def _budget(site: Site, practice: Practice, locale: str) -> list[str]:
    resources = practice.resources
    if resources is None or resources.budget is None:
        return []
    code = str(site.vocabularies["currencies"][resources.currency].extra.get("code", ""))
    return [formatting.money(resources.budget, code, locale)]


def _guide_link(site: Site, practice: Practice, language: str) -> Link | None:
    """The guide chapter the criteria come from (fit-criteria.yml: guide), if the site has it."""
    vocabulary = site.vocabularies[CRITERIA]
    data = vocabulary.source.data if vocabulary.source is not None else None
    guide = data.get("guide") if isinstance(data, dict) else None
    if not isinstance(guide, dict):
        return None
    for doc in site.longdocs:
        if doc.id != guide.get("id"):
            continue
        for part in doc.parts:
            if part.id == guide.get("chapter"):
                title = part.text(language, site.project.default_language).title
                href = url_between(practice_uri(practice.id), part_uri(doc.folder, part.id))
                return Link(title, href)
    return None
