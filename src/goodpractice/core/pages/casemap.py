"""The small map on a case study's page: the indicators' tile grid of Romania's counties
(tilemap.py), dark where the case names the county, light where it names the county's region
only. Three SVG paths hold every tile, so the map weighs about a kilobyte on every page; the
places are also written out beside it, for readers who do not see it."""

from __future__ import annotations

from dataclasses import dataclass

from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.pages.tilemap import TILE_GAP, TILE_SIZE, grid_size, tile_positions

STATES = ("county", "region", "none")


@dataclass(frozen=True)
class CaseMap:
    width: int
    height: int
    paths: dict[str, str]  # state -> SVG path data of its tiles
    codes: list[tuple[int, int, str]]  # (x, y, code) of the counties the case names
    counties: list[str]  # their names, in the page's language
    regions: list[str]


def named_counties(practice: Practice) -> set[str]:
    """The counties a case study names, directly or through a locality."""
    return set(practice.counties) | {loc.county for loc in practice.localities if loc.county}


def case_map(site: Site, practice: Practice, language: str) -> CaseMap | None:
    """The map of a case study in Romania that names a region or a county; else None."""
    if "ro" not in practice.countries or not (practice.regions or named_counties(practice)):
        return None
    counties = site.vocabularies["counties"]
    named = named_counties(practice)
    step = TILE_SIZE + TILE_GAP
    paths: dict[str, list[str]] = {state: [] for state in STATES}
    codes = []
    for county, spec in tile_positions().items():
        region = counties[county].extra.get("region") if county in counties else None
        state = "county" if county in named else "region" if region in practice.regions else "none"
        x, y = int(str(spec["col"])) * step, int(str(spec["row"])) * step
        paths[state].append(f"M{x} {y}h{TILE_SIZE}v{TILE_SIZE}h-{TILE_SIZE}z")
        if state == "county":
            codes.append((x + TILE_SIZE // 2, y + TILE_SIZE // 2 + 7, str(spec["code"])))
    cols, rows = grid_size()
    regions = site.vocabularies["regions"]
    return CaseMap(
        cols * step - TILE_GAP,
        rows * step - TILE_GAP,
        {state: "".join(parts) for state, parts in paths.items()},
        codes,
        sorted(counties.label(c, language) for c in named if c in counties),
        [regions.label(r, language) for r in practice.regions],
    )
