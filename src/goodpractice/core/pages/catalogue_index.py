"""The compact index of the catalogue: what the catalogue's script filters and sorts over.

Per language, two JSON files, fetched by ``gp-catalogue-data.js`` only when a reader filters
or sorts (the first view of the catalogue is its static first page):

``practices/catalogue.<hash>.json``, the cards, in title order (diacritics ignored)::

    {"facets": {"theme": ["social-economy", ...], ...},   # the keys of each facet's values
     "themes": ["Economie socială", ...],                  # label of each key of facet "theme"
     "places": ["Cluj-Napoca", ...], "periods": ["2014–2015", ...],
     "cards": [[id, title, place, period, start, added, text_language, [[codes], ...]], ...]}

  ``place`` and ``period`` index ``places`` and ``periods`` (-1: none); ``text_language`` is
  "" unless the text shown is the original of a missing translation; the codes are, per facet
  in ``facets`` order, the positions of the card's keys in that facet's list.

``practices/summaries.<hash>.json``: the summaries, in the same order. Apart from the cards,
so that filtering never waits for them (at 5,000 case studies they weigh as much again).

A file's name carries a hash of its content, so a browser can keep it as long as it likes and
every page of the catalogue (and of every later visit) uses the copy it fetched once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from goodpractice.core.base import formatting
from goodpractice.core.base.text import fold
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.pages.evidence import evidence_view
from goodpractice.core.pages.facets import FACET_LABELS, place_names, practice_facets

FOLDER = "practices"


@dataclass(frozen=True)
class IndexFiles:
    cards: str  # uri of the cards file, in the language's tree (practices/catalogue.<hash>.json)
    summaries: str
    contents: dict[str, bytes]  # uri -> the file


def by_title(site: Site, practices: Iterable[Practice], language: str) -> list[Practice]:
    """Case studies sorted by their title in the language, diacritics ignored: the order of
    every listing and of the index."""
    default = site.project.default_language
    return sorted(practices, key=lambda p: (fold(p.text(language, default).title), p.id))


def catalogue_index_files(site: Site, language: str) -> IndexFiles:
    practices = by_title(site, site.practices.values(), language)
    cards = _file("catalogue", _cards(site, practices, language))
    default = site.project.default_language
    summaries = _file("summaries", [p.text(language, default).summary for p in practices])
    return IndexFiles(cards[0], summaries[0], dict([cards, summaries]))


def catalogue_index_assets(site: Site) -> dict[str, dict[str, bytes]]:
    """The index files of every language: uri -> {language: bytes}."""
    assets: dict[str, dict[str, bytes]] = {}
    for language in site.project.language_codes:
        for uri, data in catalogue_index_files(site, language).contents.items():
            assets.setdefault(uri, {})[language] = data
    return assets


class _Codes:
    """Values in order of first use, each with its position."""

    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def code(self, value: str) -> int:
        return self.values.setdefault(value, len(self.values))


def _cards(site: Site, practices: list[Practice], language: str) -> dict[str, object]:
    locale = site.project.language(language).locale
    default = site.project.default_language
    facets = {name: _Codes() for name in FACET_LABELS}
    theme_labels: dict[str, str] = {}
    evidence: dict[str, list[str]] = {}  # level -> [label, meaning], for the cards' badge
    places, periods = _Codes(), _Codes()
    rows = []
    for practice in practices:
        text = practice.text(language, default)
        values = practice_facets(site.vocabularies, practice, language)
        theme_labels.update((v.key, v.label) for v in values["theme"])
        badge = evidence_view(site, practice, language)
        evidence[badge.level] = [badge.label, badge.description]
        place = place_names(site.vocabularies, practice, language)
        period = formatting.period(practice.period_start, practice.period_end, locale)
        rows.append(
            [
                practice.id,
                text.title,
                places.code(place) if place else -1,
                periods.code(period) if period else -1,
                practice.period_start or "",
                practice.added,
                text.language if text.language != language else "",
                [[facets[name].code(v.key) for v in values[name]] for name in FACET_LABELS],
            ]
        )
    return {
        "facets": {name: list(codes.values) for name, codes in facets.items()},
        "themes": [theme_labels[key] for key in facets["theme"].values],
        "evidence": evidence,
        "places": list(places.values),
        "periods": list(periods.values),
        "cards": rows,
    }


def _file(name: str, data: object) -> tuple[str, bytes]:
    content = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    digest = hashlib.sha256(content).hexdigest()[:12]
    return f"{FOLDER}/{name}.{digest}.json", content
