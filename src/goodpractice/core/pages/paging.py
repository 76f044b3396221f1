"""Listings in pages of a fixed size: a listing's page weighs the same at 50 case studies and
at 50,000. Each page is a static page of its own (``<folder>/page/<n>/``) with numbered links
to the others, so the whole list is readable without JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from goodpractice.core.base import formatting
from goodpractice.core.base.uris import listing_page_uri, url_between
from goodpractice.core.model.site import Site

# Cards per page of the catalogue and of a theme, target-group, region or organisation.
CARDS_PER_PAGE = 50
# Lines per page of an index that grows with the content (the organisations).
ENTRIES_PER_PAGE = 200
# Page links shown on each side of the current page (the first and last are always shown).
NEAR = 2

T = TypeVar("T")


@dataclass(frozen=True)
class PageLink:
    label: str  # the page's number, formatted for the language
    href: str
    current: bool
    name: str  # "Page 3", for screen readers


@dataclass(frozen=True)
class Pager:
    status: str  # "Page 2 of 7"
    previous: str | None  # href
    next: str | None
    links: list[PageLink | None]  # None: a gap of pages not linked (shown as an ellipsis)


@dataclass(frozen=True)
class ListingPage(Generic[T]):
    """One page of a listing: its uri, number and items, and the pager linking the others."""

    uri: str
    number: int
    items: list[T]
    pager: Pager | None  # None when the listing fits on one page


def split(items: Sequence[T], size: int) -> list[list[T]]:
    """The items in pages of ``size``; an empty listing still has its (empty) first page."""
    return [list(items[start : start + size]) for start in range(0, len(items), size)] or [[]]


def listing_pages(
    site: Site, uri: str, items: Sequence[T], size: int, language: str
) -> list[ListingPage[T]]:
    """Every page of the listing at ``uri``, ``size`` items each."""
    chunks = split(items, size)
    uris = [listing_page_uri(uri, number) for number in range(1, len(chunks) + 1)]
    return [
        ListingPage(
            page_uri, number, chunk, pager(site, uris, number, language) if len(uris) > 1 else None
        )
        for number, (page_uri, chunk) in enumerate(zip(uris, chunks, strict=True), start=1)
    ]


def pager(site: Site, uris: list[str], number: int, language: str) -> Pager:
    labels = site.labels.for_language(language)
    locale = site.project.language(language).locale
    here = uris[number - 1]
    count = len(uris)

    def link(n: int) -> PageLink:
        label = formatting.number(n, locale)
        return PageLink(
            label,
            url_between(here, uris[n - 1]),
            n == number,
            labels["pager.page"].format(number=label),
        )

    shown = sorted({1, count, *range(max(1, number - NEAR), min(count, number + NEAR) + 1)})
    links: list[PageLink | None] = []
    for n in shown:
        if links and n - shown[shown.index(n) - 1] > 1:
            links.append(None)
        links.append(link(n))
    return Pager(
        status=labels["pager.status"].format(
            number=formatting.number(number, locale), count=formatting.number(count, locale)
        ),
        previous=url_between(here, uris[number - 2]) if number > 1 else None,
        next=url_between(here, uris[number]) if number < count else None,
        links=links,
    )


def page_title(site: Site, title: str, number: int, language: str) -> str:
    """The title of page ``number`` of a listing: its own title on the first page."""
    if number == 1:
        return title
    locale = site.project.language(language).locale
    label = site.labels.for_language(language)["pager.title"]
    return label.format(title=title, number=formatting.number(number, locale))
