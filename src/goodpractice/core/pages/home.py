"""What the home page shows from the data: a search box, the newest case studies, a few
headline figures and the ways into the platform, with counts computed at every build.

The home page's own text (``docs/index.<lang>.md``) stays hand-written and short; the blocks
made here are drawn after it by ``overrides/main.html`` (page metadata ``gp_home``), so no
count or list is ever written in prose that goes stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from goodpractice.core.base import formatting
from goodpractice.core.base.uris import (
    CATALOGUE_URI,
    CURRICULUM_URI,
    GUIDES_URI,
    HOME_URI,
    INDICATORS_URI,
    SEARCH_URI,
    indicator_uri,
    url_between,
)
from goodpractice.core.model.site import Site
from goodpractice.core.pages.catalogue import Card, card
from goodpractice.core.pages.indicators import BASES, totals
from goodpractice.core.pages.search import MAX_QUERY
from goodpractice.core.pages.templates import plural_label, render_template

# How many of the newest case studies the home page shows as cards.
NEWEST = 4
# How many headline figures (one kind, one basis each) the home page shows.
HEADLINES = 4


@dataclass(frozen=True)
class Headline:
    value: str
    label: str  # the figure kind, in the page's language
    basis: str  # "target" or "achieved", for the style
    basis_label: str  # "țintă asumată", "reported result"
    source: str  # "from 2 case studies"
    href: str


@dataclass(frozen=True)
class EntryPoint:
    title: str
    href: str
    text: str


def home_blocks(site: Site) -> dict[str, str]:
    """The HTML drawn after the home page's text, by language."""
    return {language: home_block(site, language) for language in site.project.language_codes}


def home_block(site: Site, language: str) -> str:
    labels = site.labels.for_language(language)
    return render_template(
        site,
        "home.html",
        labels=labels,
        search_href=url_between(HOME_URI, SEARCH_URI),
        max_query=MAX_QUERY,
        cards=newest_cards(site, language),
        catalogue_href=url_between(HOME_URI, CATALOGUE_URI),
        all_cases=plural_label(site, "catalogue.count", len(site.practices), language),
        headlines=headlines(site, language),
        indicators_href=url_between(HOME_URI, INDICATORS_URI),
        entry_points=entry_points(site, language),
    )


def newest_cards(site: Site, language: str) -> list[Card]:
    """The case studies added last (then by id, so the choice is stable)."""
    newest = sorted(site.practices.values(), key=lambda p: (p.added, p.id), reverse=True)
    return [card(site, practice, language, HOME_URI) for practice in newest[:NEWEST]]


def headlines(site: Site, language: str) -> list[Headline]:
    """The figures most case studies report, each total of one kind and one basis, labelled
    as a target or a reported result: the two are never added, nor shown as one number."""
    kinds = site.vocabularies["figure-kinds"]
    locale = site.project.language(language).locale
    found = [
        (len(total.sums[basis].practice_ids), index, total.kind, basis, total.sums[basis].value)
        for index, total in enumerate(totals(site))
        for basis in BASES
        if basis in total.sums
    ]
    # Most case studies first; then achieved results before targets, in vocabulary order.
    found.sort(key=lambda row: (-row[0], BASES.index(row[3]), row[1]))
    return [
        Headline(
            value=formatting.number(value, locale),
            label=kinds.label(kind, language),
            basis=basis,
            basis_label=site.labels.get(f"basis.{basis}", language),
            source=site.labels.get("home.figures.from", language).format(
                cases=plural_label(site, "catalogue.count", count, language)
            ),
            href=url_between(HOME_URI, indicator_uri(kind)),
        )
        for count, _, kind, basis, value in found[:HEADLINES]
    ]


def entry_points(site: Site, language: str) -> list[EntryPoint]:
    labels = site.labels.for_language(language)
    modules = sum(len(doc.parts) for doc in site.longdocs if doc.kind.name == "curriculum")
    guides = sum(1 for doc in site.longdocs if doc.kind.name == "guide")
    points = [
        EntryPoint(
            labels["catalogue.title"],
            url_between(HOME_URI, CATALOGUE_URI),
            labels["home.explore.catalogue"].format(
                cases=plural_label(site, "catalogue.count", len(site.practices), language)
            ),
        )
    ]
    if modules:
        points.append(
            EntryPoint(
                labels["curriculum.title"],
                url_between(HOME_URI, CURRICULUM_URI),
                labels["home.explore.curriculum"].format(
                    modules=plural_label(site, "home.modules", modules, language)
                ),
            )
        )
    if guides:
        points.append(
            EntryPoint(
                labels["guides.title"],
                url_between(HOME_URI, GUIDES_URI),
                labels["home.explore.guides"].format(
                    guides=plural_label(site, "home.guides", guides, language)
                ),
            )
        )
    points += [
        EntryPoint(
            labels["indicators.title"],
            url_between(HOME_URI, INDICATORS_URI),
            labels["home.explore.indicators"],
        ),
        EntryPoint(
            labels["home.explore.opendata.title"],
            url_between(HOME_URI, CATALOGUE_URI) + "#gp-downloads-title",
            labels["home.explore.opendata"],
        ),
    ]
    return points
