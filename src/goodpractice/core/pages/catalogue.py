"""The catalogue: every case study as a card, with the filters a reader narrows it by.

The page is complete without JavaScript (every card is listed, sorted by title). Each card
carries its facet keys as ``data-*`` attributes; ``gp-catalogue.js`` filters and sorts them
in the browser and keeps the choice in the URL query, so a filtered view can be shared.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from goodpractice.core.base import formatting, pagemeta
from goodpractice.core.base.text import fold
from goodpractice.core.base.uris import (
    CATALOGUE_URI,
    COMPARE_URI,
    index_uri,
    practice_uri,
    url_between,
)
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.opendata.exports import dataset_jsonld, download_links
from goodpractice.core.pages.evidence import EvidenceView, evidence_view
from goodpractice.core.pages.facets import (
    FACET_LABELS,
    PLACE_KINDS,
    FacetValue,
    place_kind,
    practice_facets,
)
from goodpractice.core.pages.templates import plural_label, render_template, with_front_matter
from goodpractice.core.readers.vocabularies import Vocabularies

SORTS = ("title", "start", "added")
# The longest text the catalogue's text box keeps (titles and summaries are filtered by it).
MAX_TEXT = 200
# The listing pages linked from the catalogue (pages/taxonomy.py generates them).
BROWSE = ("themes", "target-groups", "regions", "organisations")


@dataclass(frozen=True)
class Card:
    id: str
    href: str
    title: str
    summary: str
    places: str
    period: str | None
    themes: list[str]
    fallback: bool
    data: dict[str, str] = field(default_factory=dict)
    text_language: str = ""  # marks the title and summary of an untranslated text
    evidence: EvidenceView | None = None


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class OptionGroup:
    label: str | None
    options: list[Option]


@dataclass(frozen=True)
class Filter:
    name: str
    label: str
    groups: list[OptionGroup]


def place_names(vocab: Vocabularies, practice: Practice, language: str) -> str:
    """The most precise places a case study names: its localities, else regions, else countries."""
    places = (
        [loc.name for loc in practice.localities]
        or [vocab["regions"].label(r, language) for r in practice.regions]
        or [vocab["countries"].label(c, language) for c in practice.countries]
    )
    return ", ".join(places)


def card(site: Site, practice: Practice, language: str, from_uri: str) -> Card:
    """A case study as a card, linked from the page at ``from_uri``."""
    vocab = site.vocabularies
    locale = site.project.language(language).locale
    text = practice.text(language, site.project.default_language)
    facets = practice_facets(vocab, practice, language)
    data = {name: " ".join(value.key for value in values) for name, values in facets.items()}
    data |= {
        "sort-title": fold(text.title),
        "start": practice.period_start or "",
        "added": practice.added,
    }
    return Card(
        id=practice.id,
        href=url_between(from_uri, practice_uri(practice.id)),
        title=text.title,
        summary=text.summary,
        places=place_names(vocab, practice, language),
        period=formatting.period(practice.period_start, practice.period_end, locale),
        themes=[vocab["themes"].label(t, language) for t in practice.themes],
        fallback=text.language != language,
        data=data,
        text_language=text.language,
        evidence=evidence_view(site, practice, language),
    )


def cards(site: Site, practices: list[Practice], language: str, from_uri: str) -> list[Card]:
    """Cards sorted by title, diacritics ignored."""
    made = [card(site, practice, language, from_uri) for practice in practices]
    return sorted(made, key=lambda c: (fold(c.title), c.id))


def filters(site: Site, language: str) -> list[Filter]:
    """Every facet with the values case studies have, and how many have each."""
    labels = site.labels.for_language(language)
    counts: dict[str, Counter[FacetValue]] = {name: Counter() for name in FACET_LABELS}
    for practice in site.practices.values():
        for name, values in practice_facets(site.vocabularies, practice, language).items():
            counts[name].update(set(values))
    result = []
    for name, label_key in FACET_LABELS.items():
        options = [Option(v.key, v.label, n) for v, n in counts[name].items()]
        if name == "year":
            groups = [OptionGroup(None, sorted(options, key=lambda o: o.key))]
        elif name == "evidence":
            # From the weakest evidence to the strongest, as the vocabulary lists them.
            order = list(site.vocabularies["evidence-levels"].terms)
            groups = [OptionGroup(None, sorted(options, key=lambda o: order.index(o.key)))]
        elif name == "place":
            groups = [
                OptionGroup(
                    labels[f"facet.place.{kind}"],
                    _by_label([o for o in options if place_kind(o.key) == kind]),
                )
                for kind in PLACE_KINDS
            ]
            groups = [group for group in groups if group.options]
        else:
            groups = [OptionGroup(None, _by_label(options))]
        result.append(Filter(name, labels[label_key], groups))
    return result


def _by_label(options: list[Option]) -> list[Option]:
    return sorted(options, key=lambda o: (fold(o.label), o.key))


def catalogue_page(site: Site, language: str) -> str:
    labels = site.labels.for_language(language)
    listed = cards(site, list(site.practices.values()), language, CATALOGUE_URI)
    front = {
        "title": labels["catalogue.title"],
        "description": labels["catalogue.description"],
        pagemeta.SEARCHABLE: False,
        pagemeta.LISTING: True,
    }
    html = render_template(
        site,
        "catalogue.html",
        labels=labels,
        cards=listed,
        filters=filters(site, language),
        sorts=SORTS,
        browse=[
            (labels[f"taxonomy.{folder}"], url_between(CATALOGUE_URI, index_uri(folder)))
            for folder in BROWSE
        ],
        count=plural_label(site, "catalogue.count", len(listed), language),
        max_query=MAX_TEXT,
        count_templates={
            category: labels[f"catalogue.count.{category}"]
            for category in ("zero", "one", "few", "many", "other")
            if f"catalogue.count.{category}" in labels
        },
        compare_href=url_between(CATALOGUE_URI, COMPARE_URI),
        compare_messages={
            key.removeprefix("compare."): labels[key]
            for key in labels
            if key.startswith(("compare.bar.", "compare.select"))
        },
        # Open data (issue 6): the exports and the feed, and their schema.org description.
        downloads=download_links(site, language),
        dataset=dataset_jsonld(site, language),
    )
    return with_front_matter(front, html)


def catalogue_pages(site: Site) -> dict[str, dict[str, str]]:
    return {
        CATALOGUE_URI: {
            language: catalogue_page(site, language) for language in site.project.language_codes
        }
    }
