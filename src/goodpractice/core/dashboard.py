"""The indicators pages: totals, breakdowns as charts with data tables, and a map.

``indicators/index.md`` shows the map, the totals of every figure kind and how many case
studies fall under each region, theme, target group, programme and year;
``indicators/<kind>/index.md`` breaks one kind down along the same five dimensions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import formatting
from .charts import ACHIEVED, NEUTRAL, TARGET, bar_chart
from .content import RawContent
from .indicators import BASES, DIMENSIONS, KindTotal, Row, Sum, breakdown, totals
from .render import _with_front_matter, plural_label, render_template
from .site import Site
from .yamlsafe import load_yaml

INDEX = "indicators/index.md"
TILES = Path(__file__).with_name("romania-tiles.yml")
# Case studies linked per value: pages stay small however large the catalogue grows.
MAX_LINKS = 12
BASIS_COLOURS = {"achieved": ACHIEVED, "target": TARGET}
# The vocabulary that labels the terms of each dimension (years are their own label).
DIMENSION_VOCABULARIES = {
    "region": "regions",
    "theme": "themes",
    "target_group": "target-groups",
    "programme": "funding-programmes",
}


def kind_uri(kind: str) -> str:
    return f"indicators/{kind}/index.md"


def dashboard_uris(raw: RawContent) -> list[str]:
    kinds = raw.vocabularies.get("figure-kinds")
    return [INDEX] + [kind_uri(kind) for kind in (kinds.terms if kinds else ())]


def dashboard_pages(site: Site) -> dict[str, dict[str, str]]:
    languages = site.project.language_codes
    pages = {INDEX: {lang: index_page(site, lang) for lang in languages}}
    for kind in site.vocabularies["figure-kinds"].terms:
        pages[kind_uri(kind)] = {lang: kind_page(site, kind, lang) for lang in languages}
    return pages


# --- What the templates show ------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Cell:
    value: str
    practices: list[Link]


@dataclass(frozen=True)
class TotalRow:
    label: str
    href: str
    unit: str
    cells: dict[str, Cell | None]  # by basis
    part: bool = False


@dataclass(frozen=True)
class DataRow:
    label: str
    anchor: str
    cells: dict[str, Cell | None]
    practices: list[Link]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: str
    columns: list[str]
    rows: list[DataRow]


@dataclass(frozen=True)
class Tile:
    id: str
    code: str
    label: str
    x: int
    y: int
    state: str  # "county", "region" or "none"
    href: str | None
    note: str


@dataclass(frozen=True)
class MapArea:
    id: str
    label: str
    practices: list[Link]
    counties: list[DataRow] = field(default_factory=list)


class _Page:
    """Labels, number formatting and links for one language and one page depth."""

    def __init__(self, site: Site, language: str, depth: int) -> None:
        self.site = site
        self.language = language
        self.locale = site.project.language(language).locale
        self.labels = site.labels.for_language(language)
        self.root = "../" * depth

    def number(self, value: float) -> str:
        return formatting.number(int(value), self.locale)

    def practice(self, practice_id: str) -> Link:
        practice = self.site.practices[practice_id]
        text = practice.text(self.language, self.site.project.default_language)
        return Link(text.title, f"{self.root}practices/{practice_id}/")

    def practices(self, ids: list[str]) -> list[Link]:
        """Links to the case studies, at most MAX_LINKS, then one to the catalogue for the rest."""
        links = sorted((self.practice(pid) for pid in ids), key=lambda link: link.text)
        if len(links) <= MAX_LINKS:
            return links
        more = self.labels["indicators.more"].format(count=self.number(len(links) - MAX_LINKS))
        return [*links[:MAX_LINKS], Link(more, f"{self.root}practices/")]

    def cell(self, total: Sum | None) -> Cell | None:
        if total is None:
            return None
        return Cell(self.number(total.value), self.practices(total.practice_ids))

    def term(self, dimension: str, term: str) -> str:
        vocabulary = DIMENSION_VOCABULARIES.get(dimension)
        if vocabulary == "regions" and term not in self.site.vocabularies["regions"]:
            return self.site.vocabularies["countries"].label(term, self.language)
        return self.site.vocabularies[vocabulary].label(term, self.language) if vocabulary else term

    def kind(self, kind: str) -> str:
        return self.site.vocabularies["figure-kinds"].label(kind, self.language)

    def unit(self, kind: str) -> str:
        unit = self.site.vocabularies["figure-kinds"][kind].extra.get("unit", "")
        return self.labels.get(f"indicators.unit.{unit}", str(unit))

    def basis(self, basis: str) -> str:
        return self.labels[f"basis.{basis}"]


# --- The index page ---------------------------------------------------------------------------


def index_page(site: Site, language: str) -> str:
    page = _Page(site, language, depth=1)
    html = render_template(
        site,
        "indicators.html",
        labels=page.labels,
        bases=[page.basis(b) for b in BASES],
        totals=_total_rows(page, totals(site)),
        charts=[_count_chart(page, dimension) for dimension in DIMENSIONS],
        tiles=_tiles(page),
        areas=_map_areas(page),
        tile_size=TILE_SIZE,
        map_size=_map_size(),
    )
    front = {
        "title": page.labels["indicators.title"],
        "description": page.labels["indicators.description"],
    }
    return _with_front_matter(front, html)


def _total_rows(page: _Page, kind_totals: list[KindTotal], part: bool = False) -> list[TotalRow]:
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


def _count_chart(page: _Page, dimension: str) -> Chart:
    rows = breakdown(page.site, dimension)
    title = page.labels[f"indicators.count_by.{dimension}"]
    labels = [page.term(dimension, row.term) for row in rows]
    counts: list[int | None] = [len(row.practice_ids) for row in rows]
    chart_id = f"gp-chart-{dimension}"
    return Chart(
        chart_id,
        title,
        _chart_svg(
            page, chart_id, title, labels, [(page.labels["indicators.count"], counts, NEUTRAL)]
        ),
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


def _chart_svg(
    page: _Page,
    chart_id: str,
    title: str,
    labels: list[str],
    series: list[tuple[str, list[int | None], str]],
) -> str:
    if not labels:
        return ""
    # pygal draws the first label at the bottom; reversed, the chart reads like its table.
    return bar_chart(
        f"{chart_id}-svg",  # the figure around it has the chart's id
        title,
        labels[::-1],
        [(name, values[::-1], colour) for name, values, colour in series],
        page.number,
    )


# --- A page per figure kind -------------------------------------------------------------------


def kind_page(site: Site, kind: str, language: str) -> str:
    page = _Page(site, language, depth=2)
    charts = [_kind_chart(page, kind, dimension) for dimension in DIMENSIONS]
    kinds = site.vocabularies["figure-kinds"]
    whole = str(kinds[kind].extra.get("part_of", ""))
    html = render_template(
        site,
        "indicators-kind.html",
        labels=page.labels,
        unit=page.unit(kind),
        whole=Link(page.kind(whole), f"../{whole}/") if whole in kinds else None,
        totals=_total_rows(page, [t for t in totals(site) if t.kind == kind]),
        bases=[page.basis(b) for b in BASES],
        charts=[chart for chart in charts if chart.rows],
    )
    front = {
        "title": page.kind(kind),
        "description": page.labels["indicators.kind_description"].format(kind=page.kind(kind)),
    }
    return _with_front_matter(front, html)


def _kind_chart(page: _Page, kind: str, dimension: str) -> Chart:
    rows: list[Row] = breakdown(page.site, dimension, kind)
    title = page.labels[f"indicators.by.{dimension}"].format(kind=page.kind(kind))
    labels = [page.term(dimension, row.term) for row in rows]
    series = [
        (page.basis(basis), [_value(row.sums.get(basis)) for row in rows], BASIS_COLOURS[basis])
        for basis in BASES
        if any(basis in row.sums for row in rows)
    ]
    chart_id = f"gp-chart-{kind}-{dimension}"
    return Chart(
        chart_id,
        title,
        _chart_svg(page, chart_id, title, labels, series),
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


# --- The map ----------------------------------------------------------------------------------

TILE_SIZE = 56
TILE_GAP = 4


@cache
def _tile_positions() -> dict[str, dict[str, object]]:
    data = load_yaml(TILES.read_text(encoding="utf-8")).data
    return dict(data["tiles"])


def _map_size() -> tuple[int, int]:
    tiles = _tile_positions().values()
    step = TILE_SIZE + TILE_GAP
    cols = max(int(str(t["col"])) for t in tiles) + 1
    rows = max(int(str(t["row"])) for t in tiles) + 1
    return cols * step, rows * step


def _tiles(page: _Page) -> list[Tile]:
    counties = page.site.vocabularies["counties"]
    by_county, _ = _places(page)
    unplaced = _region_only(page)
    tiles = []
    step = TILE_SIZE + TILE_GAP
    for county, spec in _tile_positions().items():
        region = str(counties[county].extra.get("region", "")) if county in counties else ""
        label = counties.label(county, page.language)
        if by_county.get(county):
            state, href, count = "county", f"#gp-area-{county}", len(by_county[county])
        elif unplaced.get(region):
            state, href, count = "region", f"#gp-area-{region}", len(unplaced[region])
        else:
            state, href, count = "none", None, 0
        note = page.labels[f"indicators.map.tile.{state}"].format(
            county=label,
            region=page.term("region", region) if region else "",
            cases=plural_label(page.site, "catalogue.count", count, page.language),
        )
        x, y = int(str(spec["col"])) * step, int(str(spec["row"])) * step
        tiles.append(Tile(county, str(spec["code"]), label, x, y, state, href, note))
    return tiles


def _places(page: _Page) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Case studies by county (named, or through a locality) and by region."""
    by_county: dict[str, list[str]] = {}
    by_region: dict[str, list[str]] = {}
    for practice in sorted(page.site.practices.values(), key=lambda p: p.id):
        named = set(practice.counties) | {loc.county for loc in practice.localities if loc.county}
        for county in sorted(named):
            by_county.setdefault(county, []).append(practice.id)
        for region in practice.regions:
            by_region.setdefault(region, []).append(practice.id)
        for country in practice.countries:
            if country != "ro":
                by_region.setdefault(country, []).append(practice.id)
    return by_county, by_region


def _region_only(page: _Page) -> dict[str, list[str]]:
    """Case studies by region, for those that name no county in the region."""
    counties = page.site.vocabularies["counties"]
    unplaced: dict[str, list[str]] = {}
    for practice in sorted(page.site.practices.values(), key=lambda p: p.id):
        named = set(practice.counties) | {loc.county for loc in practice.localities if loc.county}
        placed = {counties[c].extra.get("region") for c in named if c in counties}
        for region in practice.regions:
            if region not in placed:
                unplaced.setdefault(region, []).append(practice.id)
    return unplaced


def _map_areas(page: _Page) -> list[MapArea]:
    """The map's table alternative: each region (or country) with its counties."""
    counties = page.site.vocabularies["counties"]
    by_county, by_region = _places(page)
    areas = []
    for region, ids in sorted(by_region.items(), key=lambda item: page.term("region", item[0])):
        rows = [
            DataRow(
                counties.label(county, page.language),
                f"gp-area-{county}",
                {},
                page.practices(county_ids),
            )
            for county, county_ids in sorted(by_county.items())
            if counties[county].extra.get("region") == region
        ]
        areas.append(MapArea(region, page.term("region", region), page.practices(ids), rows))
    return areas
