"""Open data, feeds, JSON-LD, sitemap and the indicators pages, on a real built fixture site.

The fixture is the minimal site plus ``tests/fixtures/indicators`` (case study gamma: targets
and reported results of the same kinds, a part of a whole, two countries, an update date).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import make_project, run_cli
from goodpractice.core.opendata import exports
from goodpractice.core.opendata import tables as opendata_csv
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.project import Project

SITE_URL = "https://goodpractice.example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("open-data") / "project", "indicators")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    return root


def _facts(root: Path) -> list[dict[str, Any]]:
    return [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((root / "practices").glob("*/practice.yml"))
    ]


# --- Exports ----------------------------------------------------------------------------------


def test_json_export_validates_against_its_published_schema(built: Path) -> None:
    data = json.loads((built / "site/data/practices.json").read_text(encoding="utf-8"))
    schema = json.loads((built / "site/data/practices.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(data))
    assert not errors, [e.message for e in errors]
    assert [r["id"] for r in data["practices"]] == ["alpha", "beta", "gamma"]
    gamma = data["practices"][2]
    assert gamma["title"]["ro"].startswith("Gama") and gamma["title"]["en"].startswith("Gamma")
    assert gamma["licence"]["id"] == "cc-by-sa-4.0" and gamma["licence"]["spdx"] == "CC-BY-SA-4.0"
    assert gamma["location"]["counties"][1] == {
        "id": "tulcea",
        "label": {"ro": "Tulcea", "en": "Tulcea"},
        "region": "sud-est",
    }
    assert gamma["figures"][0]["kind"]["unit"] == "jobs"
    assert gamma["url"]["en"] == f"{SITE_URL}en/practices/gamma/"


def test_the_schema_rejects_a_record_that_breaks_practice_schema(built: Path) -> None:
    data = json.loads((built / "site/data/practices.json").read_text(encoding="utf-8"))
    schema = json.loads((built / "site/data/practices.schema.json").read_text(encoding="utf-8"))
    data["practices"][0]["themes"][0]["id"] = "not-a-theme"
    data["practices"][1]["figures"] = [{"kind": {"id": "jobs-created"}, "value": -1}]
    assert len(list(Draft202012Validator(schema).iter_errors(data))) >= 2


@pytest.mark.parametrize("language", ["ro", "en"])
def test_csv_parses_back_to_the_same_records(built: Path, language: str) -> None:
    raw = (built / f"site/data/practices.{language}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for spreadsheet programs"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    site = load_site(Project.at(built))
    assert rows == opendata_csv.csv_table(site, language, SITE_URL)
    header, *records = rows
    data = json.loads((built / "site/data/practices.json").read_text(encoding="utf-8"))
    by_column = [dict(zip(header, record, strict=True)) for record in records]
    assert [r["id"] for r in by_column] == [r["id"] for r in data["practices"]]
    title = site.labels.get("opendata.column.title", language)
    assert [r[title] for r in by_column] == [r["title"][language] for r in data["practices"]]
    themes = site.labels.get("opendata.column.themes", language)
    gamma = by_column[2]
    assert gamma[themes].split("; ") == [
        site.vocabularies["themes"].label(t, language) for t in ("social-economy", "job-creation")
    ]
    assert "Creative Commons" in gamma[site.labels.get("opendata.column.licence", language)]
    if language == "ro":
        assert "Economie socială" in gamma[themes]  # diacritics survive the round trip


def test_exports_are_deterministic(built: Path) -> None:
    site = load_site(Project.at(built))
    files = exports.export_files(site, SITE_URL)
    assert files == exports.export_files(site, SITE_URL)
    for name, content in files.items():
        assert (built / "site" / name).read_bytes() == content


def test_catalogue_links_every_export(built: Path) -> None:
    for page in ("site/practices/index.html", "site/en/practices/index.html"):
        html = (built / page).read_text(encoding="utf-8")
        assert 'class="gp-downloads"' in html
        for href in re.findall(r'<a href="([^"]+)" type="[^"]+"', html):
            target = (built / page).parent / href
            target = target / "index.html" if href.endswith("/") else target
            assert target.resolve().is_file(), href


# --- Open web metadata ------------------------------------------------------------------------


def _jsonld(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


@pytest.mark.parametrize(("page", "language"), [("", "ro"), ("en/", "en")])
def test_case_study_pages_carry_json_ld_and_open_graph(
    built: Path, page: str, language: str
) -> None:
    html = (built / f"site/{page}practices/gamma/index.html").read_text(encoding="utf-8")
    data = _jsonld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["inLanguage"] == language
    assert data["about"]["@type"] == "Project"
    assert data["url"] == f"{SITE_URL}{page}practices/gamma/"
    assert data["temporalCoverage"] == "2016-03/2018-12"
    assert data["dateModified"] == "2026-11-20"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert {"Country", "AdministrativeArea"} <= {p["@type"] for p in data["spatialCoverage"]}
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:url" content="{SITE_URL}{page}practices/gamma/">' in html
    feed = "../../feed.xml" if language == "ro" else "../../../en/feed.xml"
    assert f'type="application/atom+xml" href="{feed}"' in html


def test_pages_without_json_ld_have_none(built: Path) -> None:
    html = (built / "site/about/index.html").read_text(encoding="utf-8")
    assert "application/ld+json" not in html
    assert '<meta property="og:type" content="website">' in html


@pytest.mark.parametrize(("path", "language"), [("feed.xml", "ro"), ("en/feed.xml", "en")])
def test_feed_is_atom_with_content_dates_newest_first(
    built: Path, path: str, language: str
) -> None:
    root = ET.fromstring((built / "site" / path).read_bytes())
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    # Dates come from practice.yml, not from the build.
    assert root.findtext(f"{ATOM}updated", "").startswith("2026-11-20")
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated", "link", "summary"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    published = [e.findtext(f"{ATOM}published", "") for e in entries]
    assert published == sorted(published, reverse=True)
    prefix = "" if language == "ro" else "en/"
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        f"{SITE_URL}{prefix}practices/{pid}/" for pid in ("gamma", "alpha", "beta")
    ]


def test_feed_parses_with_feedparser(built: Path) -> None:
    feedparser = pytest.importorskip("feedparser")
    parsed = feedparser.parse((built / "site/en/feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.entries[0].title.startswith("Gamma")


def test_sitemap_has_content_dates_and_x_default(built: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring((built / "site/sitemap.xml").read_bytes())
    urls = {u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)}
    gamma = urls[f"{SITE_URL}en/practices/gamma/"]
    assert gamma.findtext("s:lastmod", namespaces=ns) == "2026-11-20"
    assert urls[f"{SITE_URL}practices/beta/"].findtext("s:lastmod", namespaces=ns) == "2026-10-01"
    alternates = {ln.get("hreflang"): ln.get("href") for ln in gamma.findall("x:link", ns)}
    assert alternates == {
        "ro": f"{SITE_URL}practices/gamma/",
        "en": f"{SITE_URL}en/practices/gamma/",
        "x-default": f"{SITE_URL}practices/gamma/",
    }


# --- Indicators -------------------------------------------------------------------------------


def _expected_sum(root: Path, kind: str, basis: str) -> int:
    return sum(
        f["value"]
        for facts in _facts(root)
        for f in facts["figures"]
        if f["kind"] == kind and f["basis"] == basis
    )


def _totals_row(html: str, label: str) -> list[str]:
    """The value cells of the totals row whose header names ``label``."""
    table = html[html.index('<table class="gp-totals">') :]
    table = table[: table.index("</table>")]
    row = next(r for r in table.split("<tr")[2:] if f">{label}</a></th>" in r)
    cells = re.findall(r'<td class="gp-totals__cell[^"]*">(.*?)</td>', row, re.S)
    # Each cell names its basis ("target: 95"), shown when the table is stacked on a phone.
    assert all('<span class="gp-totals__basis">' in cell for cell in cells)
    return [
        re.sub(r"<[^>]+>", "", re.sub(r'<span class="gp-totals__basis">.*?</span>', "", c)).strip()
        for c in cells
    ]


@pytest.mark.parametrize(
    ("language", "kind", "label"),
    [
        ("en", "jobs-created", "Jobs created"),
        ("en", "jobs-for-vulnerable", "Jobs for people from vulnerable groups"),
        ("en", "people-trained", "People trained"),
        ("ro", "jobs-created", "Locuri de muncă create"),
    ],
)
def test_dashboard_totals_equal_the_sums_over_the_practices(
    built: Path, language: str, kind: str, label: str
) -> None:
    page = "site/indicators/index.html" if language == "ro" else "site/en/indicators/index.html"
    html = (built / page).read_text(encoding="utf-8")
    cells = _totals_row(html, label)
    for cell, basis in zip(cells, ("achieved", "target"), strict=True):
        expected = _expected_sum(built, kind, basis)
        if expected == 0:
            assert cell == "–"
            continue
        number = f"{expected:,}" if language == "en" else f"{expected:,}".replace(",", ".")
        assert cell.startswith(number), (basis, cell)


def test_targets_and_results_are_never_added_and_parts_are_of_which(built: Path) -> None:
    html = (built / "site/en/indicators/index.html").read_text(encoding="utf-8")
    # jobs created: 1,234 (alpha) + 66 (gamma) reported, 100 (gamma) target; never 1,400.
    assert _totals_row(html, "Jobs created")[0].startswith("1,300")
    assert _totals_row(html, "Jobs created")[1].startswith("100")
    assert "1,400" not in html
    part = html.index("of which: <a")
    assert html.index(">Jobs created</a>") < part < html.index(">People trained</a>")


def test_kind_page_breaks_down_by_region_with_links(built: Path) -> None:
    html = (built / "site/en/indicators/jobs-created/index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr id="gp-chart-jobs-created-region-nord-est">(.*?)</tr>', html, re.S)
    assert row, "North-East row"
    cells = re.findall(r'<td class="gp-num">(.*?)</td>', row.group(1))
    assert cells == ["1,300", "100"]  # alpha and gamma are both in the North-East
    assert 'href="../../practices/alpha/"' in row.group(1)
    assert 'href="../../practices/gamma/"' in row.group(1)
    assert "Bulgaria" in html  # a case outside Romania is placed by its country
    # Beta is a Roma case too, but reports no jobs: the row links only what it adds up.
    roma = re.search(r'<tr id="gp-chart-jobs-created-target_group-roma">(.*?)</tr>', html, re.S)
    assert roma and "practices/gamma/" in roma.group(1) and "practices/beta/" not in roma.group(1)


def test_map_links_each_area_to_its_case_studies(built: Path) -> None:
    html = (built / "site/indicators/index.html").read_text(encoding="utf-8")
    assert html.count('class="gp-map__tile') == 42 + 1  # the counties, then Bulgaria
    # A square leads to the catalogue filtered by its county (or country, or region).
    assert (
        '<a href="../practices/?place=country%3Abg" class="gp-map__tile gp-map__tile--county"'
        in html
    )
    assert ">Alte țări</text>" in html
    assert (
        '<a href="../practices/?place=county%3Atulcea" class="gp-map__tile gp-map__tile--county"'
        in html
    )
    row = re.search(r'<tr id="gp-area-tulcea"[^>]*>(.*?)</tr>', html, re.S)
    assert row and 'href="../practices/gamma/"' in row.group(1)


def test_charts_are_html_and_the_map_is_static_svg(built: Path) -> None:
    for page in sorted((built / "site").rglob("indicators/**/index.html")):
        html = page.read_text(encoding="utf-8")
        for svg in re.findall(r"<svg.*?</svg>", html, re.S):
            assert "<script" not in svg
            outside = re.sub(r'xmlns(:\w+)?="[^"]+"', "", svg)
            assert not re.search(r"(https?:)?//[a-z]", outside), page
            if "gp-chart__svg" in svg or "gp-map__svg" in svg:
                assert 'role="img"' in svg or 'role="group"' in svg
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), (page, [i for i in ids if ids.count(i) > 1][:3])
    html = (built / "site/en/indicators/index.html").read_text(encoding="utf-8")
    assert html.count('<figure class="gp-chart"') == 5
    assert html.count('<table class="gp-chart__data">') == 5


def test_no_generated_page_loads_anything_from_another_host(built: Path) -> None:
    """Scripts, stylesheets, images and frames all come from the site itself."""
    loads = re.compile(
        r'<(?:script|img|iframe|source|embed)\b[^>]*\bsrc="(?:https?:)?//'
        r'|<link\b(?![^>]*rel="(?:alternate|canonical)")[^>]*\bhref="(?:https?:)?//'
    )
    for page in sorted((built / "site").rglob("*.html")):
        assert not loads.search(page.read_text(encoding="utf-8")), page


def test_long_lists_of_case_studies_end_with_a_link_to_the_catalogue(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from goodpractice.core.pages import dashboard, dashboard_view

    monkeypatch.setattr(dashboard_view, "MAX_LINKS", 1)
    html = dashboard.index_page(load_site(Project.at(built)), "en")
    row = re.search(r'<tr id="gp-chart-theme-social-economy">(.*?)</tr>', html, re.S)
    assert row, "the social-economy row"
    assert row.group(1).count('href="../practices/') == 2
    assert '<a href="../practices/">and 1 more in the catalogue</a>' in row.group(1)


def test_bars_are_shares_of_the_largest_value() -> None:
    from goodpractice.core.pages.charts import bar_rows

    rows = bar_rows(
        ["a", "b"], [("done", "achieved", [50, None]), ("aim", "target", [200, 20])], str
    )
    assert [(bar.value, bar.share) for bar in rows[0].bars] == [("50", 25.0), ("200", 100.0)]
    assert [(bar.value, bar.share) for bar in rows[1].bars] == [("", 0.0), ("20", 10.0)]
    assert bar_rows(["a"], [("n", "count", [0])], str)[0].bars[0].share == 0.0


def test_catalogue_describes_the_exports_as_a_dataset(built: Path) -> None:
    page = built / "site/en/practices/index.html"
    data = _jsonld(page.read_text(encoding="utf-8"))
    assert data["@type"] == "Dataset"
    assert data["dateModified"] == "2026-11-20"
    assert sorted(data["license"]) == [
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "https://creativecommons.org/licenses/by/4.0/",
    ]
    for download in data["distribution"]:
        assert (page.parent / download["contentUrl"]).resolve().is_file()


def test_record_schema_follows_practice_schema(project: Any) -> None:
    """One source of truth: a field added to practice.schema.json appears in the export's."""
    from goodpractice.core.opendata.records import record_schema

    root = project()
    path = root / "schema/practice.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["languages_spoken"] = {
        "type": "array",
        "items": {"$ref": "vocabularies.schema.json#/$defs/countries"},
    }
    path.write_text(json.dumps(schema), encoding="utf-8")
    record = record_schema(load_site(Project.at(root)))["$defs"]["record"]
    assert record["properties"]["languages_spoken"]["items"] == {"$ref": "#/$defs/term-countries"}
