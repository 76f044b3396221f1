"""The search page of each language and what case-study pages give the search index.

The index itself is built after MkDocs by Pagefind (``build.search_index``); this module
only writes HTML: the search form with its results area, and on each case study the hidden
metadata (summary, place) and filters Pagefind reads from ``data-pagefind-*`` attributes.
"""

from __future__ import annotations

import json

from goodpractice.core.base import pagemeta
from goodpractice.core.base.uris import (
    CATALOGUE_URI,
    SEARCH_SCRIPT,
    SEARCH_URI,
    file_url_between,
    url_between,
)
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.pages.facets import FACET_LABELS, place_names, practice_facets
from goodpractice.core.pages.templates import Page, Pages, html_page, render_template

# The longest query the page sends to the index; longer input is cut, never an error.
MAX_QUERY = 200


def search_page(site: Site, language: str) -> Page:
    labels = site.labels.for_language(language)
    front = {
        "title": labels["search.title"],
        "description": labels["search.description"],
        pagemeta.SEARCHABLE: False,
        pagemeta.LISTING: True,  # our form and templates only: not sanitised
        pagemeta.SEARCH_BUNDLE: file_url_between(SEARCH_URI, SEARCH_SCRIPT),
        "hide": ["toc"],
    }
    messages = {
        key.removeprefix("search."): value
        for key, value in labels.items()
        if key.startswith(("search.result", "search.none", "search.error", "search.loading"))
    }
    messages |= {key: value for key, value in labels.items() if key.startswith("catalogue.count.")}
    messages |= {f"facet.{name}": labels[key] for name, key in FACET_LABELS.items()}
    html = render_template(
        site,
        "search.html",
        labels=labels,
        max_query=MAX_QUERY,
        facets=list(FACET_LABELS),
        messages=json.dumps(messages, ensure_ascii=False, sort_keys=True),
        catalogue_href=url_between(SEARCH_URI, CATALOGUE_URI),
        bundle_href=front[pagemeta.SEARCH_BUNDLE],
    )
    return html_page(front, html)


def search_pages(site: Site) -> Pages:
    return {SEARCH_URI: {lang: search_page(site, lang) for lang in site.project.language_codes}}


def search_data(site: Site, practice: Practice, language: str) -> dict[str, object]:
    """The summary, place and filters of a case study for Pagefind, as page metadata.

    overrides/partials/goodpractice-search-data.html draws them: they are our data, so they
    stay out of the page body, which the sanitiser cleans of every attribute it does not know.
    """
    text = practice.text(language, site.project.default_language)
    facets = practice_facets(site.vocabularies, practice, language)
    pairs = [(name, value.label) for name, values in facets.items() for value in values]
    return {
        "summary": text.summary,
        "place": place_names(site.vocabularies, practice, language),
        # A county and a town may share a name (Iași): one filter value per page, not two.
        "filters": [list(pair) for pair in dict.fromkeys(pairs)],
    }
