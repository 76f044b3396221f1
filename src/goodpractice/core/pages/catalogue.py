"""The catalogue: every case study as a card, with the filters a reader narrows it by.

Without JavaScript the catalogue is complete: numbered pages of a fixed size, sorted by title
(``paging``). With it, ``gp-catalogue.js`` filters and sorts every case study over the compact
index of the language (``catalogue_index``), fetched once, and keeps the choice in the URL
query, so a filtered view can be shared.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from markupsafe import Markup, escape

from goodpractice.core.base import formatting, pagemeta
from goodpractice.core.base.text import fold
from goodpractice.core.base.uris import (
    CATALOGUE_URI,
    COMPARE_URI,
    file_url_between,
    index_uri,
    practice_uri,
    url_between,
)
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import CardCache, Site, per_site
from goodpractice.core.opendata.exports import dataset_jsonld, download_links
from goodpractice.core.pages.catalogue_index import IndexFiles, by_title, catalogue_index_files
from goodpractice.core.pages.evidence import EvidenceView, evidence_view
from goodpractice.core.pages.facets import (
    FACET_LABELS,
    PLACE_KINDS,
    FacetValue,
    place_kind,
    place_names,
    practice_facets,
)
from goodpractice.core.pages.paging import CARDS_PER_PAGE, ListingPage, listing_pages, page_title
from goodpractice.core.pages.templates import Page, Pages, html_page, plural_label, render_template

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


def card(site: Site, practice: Practice, language: str, from_uri: str) -> Card:
    """A case study as a card, linked from the page at ``from_uri``."""
    vocab = site.vocabularies
    locale = site.project.language(language).locale
    text = practice.text(language, site.project.default_language)
    return Card(
        id=practice.id,
        href=url_between(from_uri, practice_uri(practice.id)),
        title=text.title,
        summary=text.summary,
        places=place_names(vocab, practice, language),
        period=formatting.period(practice.period_start, practice.period_end, locale),
        themes=[vocab["themes"].label(t, language) for t in practice.themes],
        fallback=text.language != language,
        text_language=text.language,
        evidence=evidence_view(site, practice, language),
    )


def cards(site: Site, practices: list[Practice], language: str, from_uri: str) -> list[Card]:
    """Cards sorted by title, diacritics ignored."""
    return [card(site, p, language, from_uri) for p in by_title(site, practices, language)]


# Where a card's link goes, while its HTML is made once for every listing page. Text from
# content holds no NUL (check refuses control characters); a card that does, with check
# bypassed, is simply made again for each page.
_HREF = "\x00gp-card-href\x00"


@per_site
def _cards_of_build(site: Site) -> CardCache:
    """The cards one build's listings share (the catalogue, themes, target groups, places and
    organisations all list each case study); dropped by ``forget_cards``."""
    return {}


def forget_cards(site: Site) -> None:
    """Let the cards of a build go once its listings are made (``serve`` keeps its own)."""
    if site.cards is None:
        _cards_of_build(site).clear()


class CardHtml:
    """Each case study's card in one language as HTML (card.html), made once and shared by
    every page that lists it: only the link differs from page to page."""

    def __init__(self, site: Site, language: str) -> None:
        self.site = site
        self.language = language
        self.labels = site.labels.for_language(language)
        self._made: CardCache = _cards_of_build(site) if site.cards is None else site.cards

    def __call__(self, practice: Practice, from_uri: str, role: str = "") -> Markup:
        href = url_between(from_uri, practice_uri(practice.id))
        key = (self.language, practice.id, role)
        found = self._made.get(key)
        # A kept card is used only for the very case study it was made from: an edited case
        # is a new object (model/site.site_after_edit), so its card is made again.
        if found is None or found[0] is not practice:
            made = self._render(practice, from_uri, _HREF, role)
            found = self._made[key] = (practice, tuple(made.split(_HREF)))
        around = found[1]
        if len(around) != 2:
            return self._render(practice, from_uri, href, role)
        return Markup(around[0] + str(escape(href)) + around[1])

    def _render(self, practice: Practice, from_uri: str, href: str, role: str) -> Markup:
        made = replace(card(self.site, practice, self.language, from_uri), href=href)
        return Markup(
            render_template(self.site, "card.html", labels=self.labels, card=made, role=role)
        )


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


def catalogue_pages(site: Site) -> Pages:
    """The catalogue's pages in every language (the first at practices/, then page/2/, ...)."""
    pages: Pages = {}
    for language in site.project.language_codes:
        index = catalogue_index_files(site, language)
        listed = by_title(site, site.practices.values(), language)
        options = filters(site, language)  # once: every page shows the same filters
        card_html = CardHtml(site, language)
        for page in listing_pages(site, CATALOGUE_URI, listed, CARDS_PER_PAGE, language):
            pages.setdefault(page.uri, {})[language] = catalogue_page(
                site, language, page, len(listed), index, options, card_html
            )
    return pages


def catalogue_page(
    site: Site,
    language: str,
    page: ListingPage[Practice],
    total: int,
    index: IndexFiles,
    options: list[Filter],
    card_html: CardHtml,
) -> Page:
    labels = site.labels.for_language(language)
    front = {
        "title": page_title(site, labels["catalogue.title"], page.number, language),
        "description": labels["catalogue.description"],
        pagemeta.SEARCHABLE: False,
        pagemeta.LISTING: True,
    }
    first = page.number == 1
    html = render_template(
        site,
        "catalogue.html",
        labels=labels,
        cards=[card_html(practice, page.uri) for practice in page.items],
        pager=page.pager,
        index_href=file_url_between(page.uri, index.cards),
        summaries_href=file_url_between(page.uri, index.summaries),
        filters=options,
        sorts=SORTS,
        browse=[
            (labels[f"taxonomy.{folder}"], url_between(page.uri, index_uri(folder)))
            for folder in BROWSE
        ],
        count=plural_label(site, "catalogue.count", total, language),
        max_query=MAX_TEXT,
        count_templates={
            category: labels[f"catalogue.count.{category}"]
            for category in ("zero", "one", "few", "many", "other")
            if f"catalogue.count.{category}" in labels
        },
        compare_href=url_between(page.uri, COMPARE_URI),
        compare_messages={
            key.removeprefix("compare."): labels[key]
            for key in labels
            if key.startswith(("compare.bar.", "compare.select"))
        },
        # Open data (issue 6): the exports and the feed, and their schema.org description,
        # once, on the first page (their links are relative to it).
        downloads=download_links(site, language) if first else [],
        dataset=dataset_jsonld(site, language) if first else None,
    )
    return html_page(front, html)
