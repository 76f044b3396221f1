"""A case study's evidence in words (issue 13): its level with what the level means, and who
reviewed it. The case page's fact box and the catalogue's cards show it as a badge."""

from __future__ import annotations

from dataclasses import dataclass

from goodpractice.core.base import formatting
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site


@dataclass(frozen=True)
class EvidenceView:
    """The evidence badge: the level, what it means, and who reviewed the case study."""

    level: str
    label: str
    description: str
    validation: str
    evaluation: str | None = None


def evidence_view(site: Site, practice: Practice, language: str) -> EvidenceView:
    """The evidence level in words, with its meaning and its review (vocabularies)."""
    levels = site.vocabularies["evidence-levels"]
    term = levels[practice.evidence.level]
    description = term.extra.get("description", {})
    locale = site.project.language(language).locale
    validation = practice.evidence.validation
    if validation is None:
        reviewed = site.labels.get("factbox.validation.none", language)
    else:
        key = "factbox.validation.named" if validation.organisation else "factbox.validation"
        reviewed = site.labels.get(key, language).format(
            by=site.vocabularies["reviewers"].label(validation.by, language),
            organisation=validation.organisation or "",
            date=formatting.partial_date(validation.date, locale),
        )
    evaluation = None
    number = practice.evidence.evaluation
    if number is not None and number <= len(practice.sources):
        evaluation = site.labels.get("factbox.evaluation", language).format(
            source=practice.sources[number - 1].title
        )
    return EvidenceView(
        practice.evidence.level,
        term.label(language),
        str(description.get(language, "")) if isinstance(description, dict) else "",
        reviewed,
        evaluation,
    )
