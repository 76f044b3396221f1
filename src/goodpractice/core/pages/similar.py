"""The similar practices of a case study, as its page lists them: each linked, with the reason
in words ("aceeași temă: economie socială; aceeași regiune: Centru"). Which cases are similar
is decided once for the whole site (model/similarity.py)."""

from __future__ import annotations

from dataclasses import dataclass

from goodpractice.core.base.uris import practice_uri, url_between
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.similarity import Similar
from goodpractice.core.model.site import Site

# The vocabulary that labels the shared terms of each dimension of similarity.
DIMENSION_VOCABULARIES = {
    "themes": "themes",
    "target_groups": "target-groups",
    "regions": "regions",
    "programme": "funding-programmes",
}
# Shared terms named per dimension: a reason stays one line.
MAX_TERMS = 3


@dataclass(frozen=True)
class SimilarLink:
    id: str
    title: str
    href: str
    reason: str
    text_language: str | None = None  # set when the title is in another language


def similar_links(
    site: Site, practice: Practice, language: str, from_uri: str
) -> list[SimilarLink]:
    """The similar case studies of ``practice``, linked from the page at ``from_uri``."""
    links = []
    for similar in site.similar.get(practice.id, ()):
        other = site.practices[similar.id]
        text = other.text(language, site.project.default_language)
        links.append(
            SimilarLink(
                other.id,
                text.title,
                url_between(from_uri, practice_uri(other.id)),
                reason(site, similar, language),
                text.language if text.language != language else None,
            )
        )
    return links


def reason(site: Site, similar: Similar, language: str) -> str:
    """Why a case is similar, in words: each dimension it shares, with its terms."""
    parts = []
    for dimension, terms in similar.shared:
        vocabulary = site.vocabularies[DIMENSION_VOCABULARIES[dimension]]
        named = [vocabulary.label(term, language) for term in terms[:MAX_TERMS]]
        if len(terms) > MAX_TERMS:
            named.append("…")
        number = "one" if len(terms) == 1 else "other"
        template = site.labels.get(f"similar.{dimension}.{number}", language)
        parts.append(template.format(terms=", ".join(named)))
    return "; ".join(parts)
