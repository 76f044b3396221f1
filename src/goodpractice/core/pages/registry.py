"""The registry of generated pages. A generator names its pages before content is valid
(so ``check`` can resolve links to them) and renders them from the validated site.

To add a kind of generated page: write ``uris`` and ``render`` functions in a module of its
own in this package and add a ``Generator`` to ``GENERATORS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from goodpractice.core.base.uris import CATALOGUE_URI, COMPARE_URI, SEARCH_URI
from goodpractice.core.model.site import Site
from goodpractice.core.pages import (
    catalogue,
    catalogue_index,
    compare,
    dashboard,
    longdocs,
    offline,
    practice,
    search,
    taxonomy,
    translations,
)
from goodpractice.core.pages.qrcodes import QR_FOLDER
from goodpractice.core.pages.templates import Pages
from goodpractice.core.readers.content import RawContent


@dataclass(frozen=True)
class Generator:
    name: str
    uris: Callable[[RawContent], Iterable[str]]
    render: Callable[[Site], Pages]


GENERATORS = [
    Generator("catalogue", lambda raw: [CATALOGUE_URI], catalogue.catalogue_pages),
    Generator("practices", practice.practice_page_uris, practice.practice_pages),
    # Pages missing in a language, built from their original with a notice (issue 4).
    Generator(
        "translation-fallbacks", translations.fallback_page_uris, translations.fallback_pages
    ),
    Generator("translation-status", translations.dashboard_uris, translations.dashboard_pages),
    Generator("indicators", dashboard.dashboard_uris, dashboard.dashboard_pages),
    Generator("longdocs", longdocs.longdoc_uris, longdocs.longdoc_pages),
    Generator("search", lambda raw: [SEARCH_URI], search.search_pages),
    Generator("compare", lambda raw: [COMPARE_URI], compare.compare_pages),
    Generator("offline", offline.offline_uris, offline.offline_pages),
    Generator("taxonomies", taxonomy.taxonomy_uris, taxonomy.taxonomy_pages),
    Generator("organisations", taxonomy.organisation_uris, taxonomy.organisation_pages),
]


def generated_uris(raw: RawContent) -> list[str]:
    return [uri for generator in GENERATORS for uri in generator.uris(raw)]


def owned_uris(raw: RawContent) -> list[str]:
    """Pages only the site makes: no hand-written page may take their address (translation
    fallbacks stand in for a missing hand-written page, by design, and do not count)."""
    return [
        uri
        for generator in GENERATORS
        if generator.name != "translation-fallbacks"
        for uri in generator.uris(raw)
    ]


def owned_folders(raw: RawContent) -> set[str]:
    """Top folders of the site where its generated pages and files live."""
    folders = {QR_FOLDER.split("/", 1)[0]}
    return folders | {uri.split("/", 1)[0] for uri in owned_uris(raw) if "/" in uri}


def generated_pages(site: Site) -> Pages:
    pages: Pages = {}
    for generator in GENERATORS:
        pages.update(generator.render(site))
    catalogue.forget_cards(site)
    return pages


def generated_assets(site: Site) -> dict[str, dict[str, bytes]]:
    """Files the generators add (QR codes, the catalogue's index, the compared cases' facts):
    site-root uri -> {language: bytes}."""
    return (
        longdocs.longdoc_assets(site)
        | practice.practice_qr_files(site)
        | catalogue_index.catalogue_index_assets(site)
        | compare.compare_files(site)
    )
