"""The indicators pages: totals, breakdowns as charts with data tables, and a map.

``indicators/index.md`` shows the map, the totals of every figure kind and how many case
studies fall under each region, theme, target group, programme and year;
``indicators/<kind>/index.md`` breaks one kind down along the same five dimensions.
"""

from __future__ import annotations

from dataclasses import dataclass

from goodpractice.core.base import pagemeta
from goodpractice.core.base.links import Link
from goodpractice.core.base.uris import INDICATORS_URI, indicator_uri, url_between
from goodpractice.core.model.site import Site
from goodpractice.core.pages import tilemap
from goodpractice.core.pages.charts import BarRow, bar_rows
from goodpractice.core.pages.dashboard_view import Cell, DataRow, PageView
from goodpractice.core.pages.indicators import (
    BASES,
    DIMENSIONS,
    KindTotal,
    Row,
    Sum,
    breakdown,
    totals,
)
from goodpractice.core.pages.templates import Pages, render_template, with_front_matter
from goodpractice.core.readers.content import RawContent


def dashboard_uris(raw: RawContent) -> list[str]:
    kinds = raw.vocabularies.get("figure-kinds")
    return [INDICATORS_URI] + [indicator_uri(kind) for kind in (kinds.terms if kinds else ())]


def dashboard_pages(site: Site) -> Pages:
    languages = site.project.language_codes
    pages = {INDICATORS_URI: {lang: index_page(site, lang) for lang in languages}}
    for kind in site.vocabularies["figure-kinds"].terms:
        pages[indicator_uri(kind)] = {lang: kind_page(site, kind, lang) for lang in languages}
    return pages


@dataclass(frozen=True)
class TotalRow:
    label: str
    href: str
    unit: str
    cells: dict[str, Cell | None]  # by basis
    part: bool = False


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    bars: list[BarRow]
    legend: list[tuple[str, str]]  # (series name, kind) when there is more than one series
    columns: list[str]
    rows: list[DataRow]


# --- The index page ---------------------------------------------------------------------------


def index_page(site: Site, language: str) -> str:
    page = PageView(site, language, INDICATORS_URI)
    html = render_template(
        site,
        "indicators.html",
        labels=page.labels,
        bases=[page.basis(b) for b in BASES],
        totals=_total_rows(page, totals(site)),
        charts=[_count_chart(page, dimension) for dimension in DIMENSIONS],
        map=tilemap.layout(page),
        areas=tilemap.map_areas(page),
        tile_size=tilemap.TILE_SIZE,
    )
    front = {
        "title": page.labels["indicators.title"],
        "description": page.labels["indicators.description"],
        pagemeta.LISTING: True,
    }
    return with_front_matter(front, html)


def _total_rows(page: PageView, kind_totals: list[KindTotal], part: bool = False) -> list[TotalRow]:
    rows: list[TotalRow] = []
    for total in kind_totals:
        rows.append(
            TotalRow(
                page.kind(total.kind),
                f"{page.root}indicators/{total.kind}/",
                page.unit(total.kind),
                {basis: page.cell(total.sums.get(basis)) for basis in BASES},
                part,
            )
        )
        rows += _total_rows(page, [p for p in total.parts if p.sums], part=True)
    return rows


def _count_chart(page: PageView, dimension: str) -> Chart:
    rows = breakdown(page.site, dimension)
    title = page.labels[f"indicators.count_by.{dimension}"]
    labels = [page.term(dimension, row.term) for row in rows]
    counts: list[int | None] = [len(row.practice_ids) for row in rows]
    chart_id = f"gp-chart-{dimension}"
    return Chart(
        chart_id,
        title,
        bar_rows(labels, [(page.labels["indicators.count"], "count", counts)], page.number),
        [],
        [page.labels["indicators.count"]],
        [
            DataRow(
                label,
                f"{chart_id}-{row.term}",
                {"count": Cell(page.number(len(row.practice_ids)), [])},
                page.practices(row.practice_ids),
            )
            for label, row in zip(labels, rows, strict=True)
        ],
    )


# --- A page per figure kind -------------------------------------------------------------------


def kind_page(site: Site, kind: str, language: str) -> str:
    page = PageView(site, language, indicator_uri(kind))
    charts = [_kind_chart(page, kind, dimension) for dimension in DIMENSIONS]
    kinds = site.vocabularies["figure-kinds"]
    whole = str(kinds[kind].extra.get("part_of", ""))
    html = render_template(
        site,
        "indicators-kind.html",
        labels=page.labels,
        unit=page.unit(kind),
        whole=Link(page.kind(whole), url_between(page.uri, indicator_uri(whole)))
        if whole in kinds
        else None,
        totals=_total_rows(page, [t for t in totals(site) if t.kind == kind]),
        bases=[page.basis(b) for b in BASES],
        charts=[chart for chart in charts if chart.rows],
    )
    front = {
        "title": page.kind(kind),
        "description": page.labels["indicators.kind_description"].format(kind=page.kind(kind)),
        pagemeta.LISTING: True,
    }
    return with_front_matter(front, html)


def _kind_chart(page: PageView, kind: str, dimension: str) -> Chart:
    rows: list[Row] = breakdown(page.site, dimension, kind)
    title = page.labels[f"indicators.by.{dimension}"].format(kind=page.kind(kind))
    labels = [page.term(dimension, row.term) for row in rows]
    series = [
        (page.basis(basis), basis, [_value(row.sums.get(basis)) for row in rows])
        for basis in BASES
        if any(basis in row.sums for row in rows)
    ]
    chart_id = f"gp-chart-{kind}-{dimension}"
    return Chart(
        chart_id,
        title,
        bar_rows(labels, series, page.number),
        [(name, basis) for name, basis, _ in series],
        [page.basis(b) for b in BASES],
        [
            DataRow(
                label,
                f"{chart_id}-{row.term}",
                {basis: page.cell(row.sums.get(basis)) for basis in BASES},
                # Only the case studies that report this kind: those the values add up.
                page.practices(sorted({p for t in row.sums.values() for p in t.practice_ids})),
            )
            for label, row in zip(labels, rows, strict=True)
        ],
    )


def _value(total: Sum | None) -> int | None:
    return total.value if total else None
