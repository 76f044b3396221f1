"""The search page of each language and what case-study pages give the search index.

The index itself is built after MkDocs by Pagefind (``build.search_index``); this module
only writes HTML: the search form with its results area, and on each case study the hidden
metadata (summary, place) and filters Pagefind reads from ``data-pagefind-*`` attributes.
"""

from __future__ import annotations

import json

from goodpractice.core.base import pagemeta
from goodpractice.core.base.uris import CATALOGUE_URI, SEARCH_URI, url_between
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.pages.catalogue import place_names
from goodpractice.core.pages.facets import FACET_LABELS, PLACE_KINDS, place_kind, practice_facets
from goodpractice.core.pages.templates import render_template, with_front_matter

# The longest query the page sends to the index; longer input is cut, never an error.
MAX_QUERY = 200


def search_page(site: Site, language: str) -> str:
    labels = site.labels.for_language(language)
    front = {
        "title": labels["search.title"],
        "description": labels["search.description"],
        pagemeta.SEARCHABLE: False,
        pagemeta.LISTING: True,  # our form and templates only: not sanitised
        "hide": ["toc"],
    }
    messages = {
        key.removeprefix("search."): value
        for key, value in labels.items()
        if key.startswith(("search.result", "search.none", "search.error", "search.loading"))
    }
    messages |= {key: value for key, value in labels.items() if key.startswith("catalogue.count.")}
    messages |= {f"facet.{name}": labels[key] for name, key in FACET_LABELS.items()}
    messages |= {f"facet.place.{kind}": labels[f"facet.place.{kind}"] for kind in PLACE_KINDS}
    html = render_template(
        site,
        "search.html",
        labels=labels,
        max_query=MAX_QUERY,
        # The place facet is one filter per level: place_country, place_region, ...
        facets=list(FACET_LABELS),
        place_levels=[f"place_{kind}" for kind in PLACE_KINDS],
        messages=json.dumps(messages, ensure_ascii=False, sort_keys=True),
        catalogue_href=url_between(SEARCH_URI, CATALOGUE_URI),
    )
    return with_front_matter(front, html)


def search_pages(site: Site) -> dict[str, dict[str, str]]:
    return {SEARCH_URI: {lang: search_page(site, lang) for lang in site.project.language_codes}}


def search_data(site: Site, practice: Practice, language: str) -> dict[str, object]:
    """The summary, place and filters of a case study for Pagefind, as page metadata.

    overrides/partials/goodpractice-search-data.html draws them: they are our data, so they
    stay out of the page body, which the sanitiser cleans of every attribute it does not know.
    """
    text = practice.text(language, site.project.default_language)
    facets = practice_facets(site.vocabularies, practice, language)
    pairs = [
        (filter_name(name, value.key), value.label)
        for name, values in facets.items()
        for value in values
    ]
    return {
        "summary": text.summary,
        "place": place_names(site.vocabularies, practice, language),
        "filters": [list(pair) for pair in dict.fromkeys(pairs)],
        "terms": search_terms(site, practice, language),
    }


def filter_name(facet: str, key: str) -> str:
    """The Pagefind filter of a facet value: places by level (place_county, ...), so the
    search page groups them and a county and a town of one name (Iași) stay apart."""
    return f"{facet}_{place_kind(key)}" if facet == "place" else facet


def search_terms(site: Site, practice: Practice, language: str) -> list[str]:
    """The words that find a case study besides its prose: its places, organisations and the
    labels and aliases (short forms, synonyms) of its terms. Indexed after the prose (the
    page's ``#gp-search-terms``), so search results take their excerpts from the prose."""
    vocab = site.vocabularies

    def words(vocabulary: str, ids: tuple[str, ...]) -> list[str]:
        return [
            word
            for i in ids
            if i in vocab[vocabulary]
            for word in vocab[vocabulary][i].words(language)
        ]

    programme = (practice.funding_programme,) if practice.funding_programme else ()
    found = [
        *[loc.name for loc in practice.localities],
        *words("counties", practice.counties),
        *words("regions", practice.regions),
        *words("countries", practice.countries),
        *[org.name for org in practice.organisations],
        *words("organisation-types", tuple(org.type for org in practice.organisations)),
        *words("funding-programmes", programme),
        *words("themes", practice.themes),
        *words("target-groups", practice.target_groups),
        *words("statuses", (practice.status,)),
    ]
    return list(dict.fromkeys(found))
