"""Facets of a case study: the terms a reader narrows a list by, from practice.yml.

One source for three consumers: the catalogue's filters (``data-*`` attributes of its cards),
the search index's filters (Pagefind) and the taxonomy pages. Each value has a stable key
(a vocabulary id or a slug, for URLs) and a label in the page's language (for people).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from goodpractice.core.base.text import slug
from goodpractice.core.base.uris import CATALOGUE_URI, url_between
from goodpractice.core.model.practice import Practice
from goodpractice.core.readers.vocabularies import Vocabularies

# Facet name -> the interface label key naming it (i18n/interface.yml). Order = display order.
FACET_LABELS = {
    "place": "facet.place",
    "theme": "facet.theme",
    "target_group": "facet.target_group",
    "funding": "facet.funding",
    "status": "facet.status",
    "year": "facet.year",
    "evidence": "facet.evidence",
}
# Place values are grouped by kind in the catalogue's place filter.
PLACE_KINDS = ("country", "region", "county", "locality")
# A period longer than this is listed by its first and last year only: no run-away lists.
MAX_YEARS = 40


@dataclass(frozen=True)
class FacetValue:
    key: str
    label: str


def practice_facets(
    vocab: Vocabularies, practice: Practice, language: str
) -> dict[str, list[FacetValue]]:
    """Every facet value of a case study, labelled in ``language``."""

    def terms(vocabulary: str, ids: tuple[str, ...], prefix: str = "") -> list[FacetValue]:
        return [FacetValue(prefix + i, vocab[vocabulary].label(i, language)) for i in ids]

    return {
        "place": [
            *terms("countries", practice.countries, "country:"),
            *terms("regions", practice.regions, "region:"),
            *terms("counties", practice.counties, "county:"),
            *[FacetValue(f"locality:{slug(loc.name)}", loc.name) for loc in practice.localities],
        ],
        "theme": terms("themes", practice.themes),
        "target_group": terms("target-groups", practice.target_groups),
        "funding": (
            terms("funding-programmes", (practice.funding_programme,))
            if practice.funding_programme
            else []
        ),
        "status": terms("statuses", (practice.status,)),
        "year": [FacetValue(year, year) for year in active_years(practice)],
        "evidence": terms("evidence-levels", (practice.evidence.level,)),
    }


def place_names(vocab: Vocabularies, practice: Practice, language: str) -> str:
    """The most precise places a case study names: its localities, else regions, else countries."""
    places = (
        [loc.name for loc in practice.localities]
        or [vocab["regions"].label(r, language) for r in practice.regions]
        or [vocab["countries"].label(c, language) for c in practice.countries]
    )
    return ", ".join(places)


def active_years(practice: Practice) -> list[str]:
    """The calendar years the case study ran in; only the start year if it has no end."""
    if not practice.period_start:
        return []
    first = int(practice.period_start[:4])
    last = int(practice.period_end[:4]) if practice.period_end else first
    if last < first or last - first > MAX_YEARS:
        return sorted({str(first), str(last)})
    return [str(year) for year in range(first, last + 1)]


def place_kind(key: str) -> str:
    return key.split(":", 1)[0]


def filtered_catalogue(from_uri: str, facet: str, key: str) -> str:
    """A link to the catalogue showing one facet value (``?place=county%3Acalarasi``): the
    query its script reads, with the keys its cards carry (``catalogue.py``)."""
    return url_between(from_uri, CATALOGUE_URI) + "?" + urlencode({facet: key})
