"""The map of the indicators page: a tile grid of Romania's counties.

One square per county at its approximate place (``core/data/romania-tiles.yml``), dark where a case
study names the county, light where a case names the region but no county in it. No Python
package ships Romania's county boundaries, and a schematic grid reads well at any size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from goodpractice.core.base.links import Link
from goodpractice.core.pages.dashboard_view import DataRow, PageView
from goodpractice.core.pages.facets import filtered_catalogue
from goodpractice.core.pages.templates import plural_label
from goodpractice.core.readers.yamlsafe import load_yaml

TILES = Path(__file__).parent.parent / "data" / "romania-tiles.yml"


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


TILE_SIZE = 56
TILE_GAP = 4


@cache
def tile_positions() -> dict[str, dict[str, object]]:
    data = load_yaml(TILES.read_text(encoding="utf-8")).data
    return dict(data["tiles"])


def grid_size() -> tuple[int, int]:
    """Columns and rows of Romania's grid."""
    positions = tile_positions().values()
    return (
        max(int(str(t["col"])) for t in positions) + 1,
        max(int(str(t["row"])) for t in positions) + 1,
    )


@dataclass(frozen=True)
class MapLayout:
    tiles: list[Tile]
    width: int
    height: int
    abroad_x: int | None  # where the column of other countries starts, if any


def layout(page: PageView) -> MapLayout:
    """Romania's counties, then a column of the other countries that have case studies."""
    cols, rows = grid_size()
    step = TILE_SIZE + TILE_GAP
    placed = county_tiles(page) + _country_tiles(page, (cols + 1) * step)
    abroad = len(placed) > len(tile_positions())
    width = (cols + 3) * step if abroad else cols * step  # room for the heading
    height = max(rows, len(placed) - len(tile_positions()) + 1) * step
    return MapLayout(placed, width, height, (cols + 1) * step if abroad else None)


def _country_tiles(page: PageView, x: int) -> list[Tile]:
    _, by_area = _places(page)
    countries = page.site.vocabularies["countries"]
    abroad = sorted(
        (area for area in by_area if area in countries and area != "ro"),
        key=lambda area: countries.label(area, page.language),
    )
    step = TILE_SIZE + TILE_GAP
    return [
        Tile(
            country,
            country.upper(),
            countries.label(country, page.language),
            x,
            (n + 1) * step,  # the first row holds the column's heading
            "county",
            catalogue_href(page, f"country:{country}"),
            page.labels["indicators.map.tile.county"].format(
                county=countries.label(country, page.language),
                cases=plural_label(
                    page.site, "catalogue.count", len(by_area[country]), page.language
                ),
            ),
        )
        for n, country in enumerate(abroad)
    ]


def catalogue_href(page: PageView, place: str) -> str:
    """The catalogue filtered by one place (a key of its place filter, 'county:calarasi')."""
    return filtered_catalogue(page.uri, "place", place)


def county_tiles(page: PageView) -> list[Tile]:
    counties = page.site.vocabularies["counties"]
    by_county, _ = _places(page)
    unplaced = _region_only(page)
    tiles = []
    step = TILE_SIZE + TILE_GAP
    for county, spec in tile_positions().items():
        region = str(counties[county].extra.get("region", "")) if county in counties else ""
        label = counties.label(county, page.language)
        if by_county.get(county):
            state, href, count = (
                "county",
                catalogue_href(page, f"county:{county}"),
                len(by_county[county]),
            )
        elif unplaced.get(region):
            state, href, count = (
                "region",
                catalogue_href(page, f"region:{region}"),
                len(unplaced[region]),
            )
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


def _places(page: PageView) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
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


def _region_only(page: PageView) -> dict[str, list[str]]:
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


def map_areas(page: PageView) -> list[MapArea]:
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
