"""What the indicators pages show, in one language: labels, numbers and links."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from goodpractice.core.base import formatting
from goodpractice.core.base.links import Link
from goodpractice.core.base.uris import CATALOGUE_URI, HOME_URI, practice_uri, url_between
from goodpractice.core.model.site import Site
from goodpractice.core.pages.indicators import Sum

# Case studies linked per value: pages stay small however large the catalogue grows.
MAX_LINKS = 12
# The vocabulary that labels the terms of each dimension (years are their own label).
DIMENSION_VOCABULARIES = {
    "region": "regions",
    "theme": "themes",
    "target_group": "target-groups",
    "programme": "funding-programmes",
}


@dataclass(frozen=True)
class Cell:
    value: str
    practices: list[Link]


@dataclass(frozen=True)
class DataRow:
    label: str
    anchor: str
    cells: dict[str, Cell | None]
    practices: list[Link]


class PageView:
    """Labels, number formatting and links for one language, as seen from the page ``uri``."""

    def __init__(self, site: Site, language: str, uri: str) -> None:
        self.site = site
        self.language = language
        self.locale = site.project.language(language).locale
        self.labels = site.labels.for_language(language)
        self.uri = uri
        self.root = url_between(uri, HOME_URI)  # the home page of the language

    def number(self, value: float) -> str:
        return formatting.number(int(value), self.locale)

    def practice(self, practice_id: str) -> Link:
        practice = self.site.practices[practice_id]
        text = practice.text(self.language, self.site.project.default_language)
        return Link(text.title, url_between(self.uri, practice_uri(practice_id)))

    def practices(self, ids: list[str]) -> list[Link]:
        """Links to the case studies, at most MAX_LINKS, then one to the catalogue for the rest."""
        # Only the links shown are made: a value of a large catalogue adds up thousands.
        first = heapq.nsmallest(MAX_LINKS, ids, key=self._title)
        links = [self.practice(pid) for pid in first]
        if len(ids) <= MAX_LINKS:
            return links
        more = self.labels["indicators.more"].format(count=self.number(len(ids) - MAX_LINKS))
        return [*links, Link(more, url_between(self.uri, CATALOGUE_URI))]

    def _title(self, practice_id: str) -> str:
        practice = self.site.practices[practice_id]
        return practice.text(self.language, self.site.project.default_language).title

    def cell(self, total: Sum | None) -> Cell | None:
        if total is None:
            return None
        return Cell(self.number(total.value), self.practices(total.practice_ids))

    def term(self, dimension: str, term: str) -> str:
        vocabulary = DIMENSION_VOCABULARIES.get(dimension)
        if vocabulary == "regions" and term not in self.site.vocabularies["regions"]:
            return self.site.vocabularies["countries"].label(term, self.language)
        return self.site.vocabularies[vocabulary].label(term, self.language) if vocabulary else term

    def kind(self, kind: str) -> str:
        return self.site.vocabularies["figure-kinds"].label(kind, self.language)

    def unit(self, kind: str) -> str:
        unit = self.site.vocabularies["figure-kinds"][kind].extra.get("unit", "")
        return self.labels.get(f"indicators.unit.{unit}", str(unit))

    def basis(self, basis: str) -> str:
        return self.labels[f"basis.{basis}"]
