"""The registry of generated pages. A generator names its pages before content is valid
(so ``check`` can resolve links to them) and renders them from the validated site.

To add a kind of generated page: write ``uris`` and ``render`` functions in a module of its
own and add a ``Generator`` to ``GENERATORS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .content import RawContent
from .site import Site

# docs-tree uri -> {language: markdown}; a language left out falls back to the default one.
Pages = dict[str, dict[str, str]]


@dataclass(frozen=True)
class Generator:
    name: str
    uris: Callable[[RawContent], Iterable[str]]
    render: Callable[[Site], Pages]


def _registry() -> list[Generator]:
    from . import (
        catalogue,
        dashboard,
        longdoc_render,
        render,
        searchpage,
        taxonomy,
        translation_pages,
    )

    return [
        Generator("catalogue", lambda raw: [catalogue.CATALOGUE_URI], catalogue.catalogue_pages),
        Generator("practices", render.practice_page_uris, render.practice_pages),
        # Pages missing in a language, built from their original with a notice (issue 4).
        Generator(
            "translation-fallbacks",
            translation_pages.fallback_page_uris,
            translation_pages.fallback_pages,
        ),
        Generator(
            "translation-status",
            translation_pages.dashboard_uris,
            translation_pages.dashboard_pages,
        ),
        Generator("indicators", dashboard.dashboard_uris, dashboard.dashboard_pages),
        Generator("longdocs", longdoc_render.longdoc_uris, longdoc_render.longdoc_pages),
        Generator("search", lambda raw: [searchpage.SEARCH_URI], searchpage.search_pages),
        Generator("taxonomies", taxonomy.taxonomy_uris, taxonomy.taxonomy_pages),
        Generator("organisations", taxonomy.organisation_uris, taxonomy.organisation_pages),
    ]


def generated_uris(raw: RawContent) -> list[str]:
    return [uri for generator in _registry() for uri in generator.uris(raw)]


def generated_pages(site: Site) -> Pages:
    pages: Pages = {}
    for generator in _registry():
        pages.update(generator.render(site))
    return pages


def generated_assets(site: Site) -> dict[str, dict[str, bytes]]:
    """Files the generators add (QR codes): site-root uri -> {language: bytes}."""
    from . import longdoc_render

    return longdoc_render.longdoc_assets(site)
