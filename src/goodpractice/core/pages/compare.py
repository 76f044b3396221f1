"""The compare page, ``/compare/?cases=a,b[,c,d]`` (issue 13): the facts of two to four case
studies side by side, in the page's language.

The page is static. It carries the labels of the rows (escaped by ``tojson``); the facts of
each case study, already in words, are a small JSON file of their own per language,
``compare/data/<id>.json``, so the page fetches only the two to four it shows (from the same
site) whatever the size of the catalogue (scripts/bench_evidence.py). gp-compare.js builds the
table with ``textContent`` only. Without JavaScript the page says how to compare and links the
catalogue. The address can be shared; each column links to its case study.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from goodpractice.core.base import pagemeta
from goodpractice.core.base.uris import CATALOGUE_URI, COMPARE_URI, practice_uri, url_between
from goodpractice.core.model.site import Site, per_site
from goodpractice.core.pages.caseblocks import MAX_COMPARED
from goodpractice.core.pages.evidence import evidence_view
from goodpractice.core.pages.practice import fact_rows, figure_rows
from goodpractice.core.pages.templates import Page, Pages, html_page, render_template

# Facts a comparison leaves out: long lists that say little side by side.
LEFT_OUT = frozenset({"sources", "contacts"})


DATA_FOLDER = "compare/data"


def case_facts(site: Site, practice_id: str, language: str) -> dict[str, Any]:
    """One case study's facts in words, for one column of the table."""
    data = compare_data(site, language, (practice_id,))
    case: dict[str, Any] = data["cases"][practice_id]
    return case


def compare_files(site: Site, ids: Collection[str] | None = None) -> dict[str, dict[str, bytes]]:
    """compare/data/<id>.json of every case study (or of those in ``ids``), by language (links
    relative to /compare/)."""
    files: dict[str, dict[str, bytes]] = {}
    for language in site.project.language_codes:
        data = compare_data(site, language, None if ids is None else tuple(sorted(ids)))
        for pid, case in data["cases"].items():
            text = json.dumps(case, ensure_ascii=False, sort_keys=True)
            files.setdefault(f"{DATA_FOLDER}/{pid}.json", {})[language] = text.encode("utf-8")
    return files


def compare_data(site: Site, language: str, ids: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Every case study's facts in words: the rows' labels in order, and each case's values."""
    if ids is not None:
        return _compare_data(site, language, ids)
    return _whole_table(site, language)


@per_site  # the files and the page each ask for the whole table of the same site
def _whole_table(site: Site, language: str) -> dict[str, Any]:
    return _compare_data(site, language, None)


def _compare_data(site: Site, language: str, ids: tuple[str, ...] | None) -> dict[str, Any]:
    labels = site.labels.for_language(language)
    # How strong the evidence is and the key figures first, as on the case page; a row no
    # chosen case has is left out of the table.
    order: dict[str, str] = {
        "evidence": labels["factbox.evidence"],
        "figures": labels["compare.figures"],
    }
    # Each row's place: the earliest it has on any case page, so a fact one case lacks (a
    # period not known yet) does not fall to the end of the table.
    rank: dict[str, int] = {}
    cases: dict[str, Any] = {}
    for pid in sorted(site.practices) if ids is None else ids:
        practice = site.practices[pid]
        text = practice.text(language, site.project.default_language)
        facts: dict[str, list[str]] = {}
        evidence = evidence_view(site, practice, language)
        facts["evidence"] = [f"{evidence.label}: {evidence.description}"]
        for position, row in enumerate(fact_rows(site, practice, language)):
            if row.key in LEFT_OUT:
                continue
            order.setdefault(row.key, row.label)
            rank[row.key] = min(position, rank.get(row.key, position))
            if not row.items:
                continue
            facts[row.key] = [
                f"{item.text} ({item.note})" if item.note else item.text for item in row.items
            ]
        figures = figure_rows(site, practice, language)
        if figures:
            facts["figures"] = [f"{f.value} {f.label} ({f.basis})" for f in figures]
        cases[pid] = {
            "title": text.title,
            "lang": text.language,
            "href": url_between(COMPARE_URI, practice_uri(pid)),
            "facts": facts,
        }
    first = ("evidence", "figures")
    keys = list(first) + sorted((k for k in order if k not in first), key=lambda k: rank[k])
    return {"rows": [[key, order[key]] for key in keys], "cases": cases}


def compare_page(site: Site, language: str) -> Page:
    labels = site.labels.for_language(language)
    front = {
        "title": labels["compare.title"],
        "description": labels["compare.description"],
        pagemeta.SEARCHABLE: False,
        pagemeta.LISTING: True,  # our templates and escaped data only: not sanitised
        "hide": ["toc"],
    }
    messages = {
        key.removeprefix("compare."): value
        for key, value in labels.items()
        if key.startswith("compare.")
    }
    html = render_template(
        site,
        "compare.html",
        labels=labels,
        rows=compare_data(site, language)["rows"],
        ids=sorted(site.practices),
        messages=messages,
        max_compared=MAX_COMPARED,
        catalogue_href=url_between(COMPARE_URI, CATALOGUE_URI),
    )
    return html_page(front, html)


def compare_pages(site: Site) -> Pages:
    return {COMPARE_URI: {lang: compare_page(site, lang) for lang in site.project.language_codes}}
