"""The indicators pages, the map and the download block in a real Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SiteServer

PAGES = [
    "/indicators/",
    "/en/indicators/",
    "/en/indicators/jobs-created/",
    "/practices/",
    "/en/practices/socec-net/",
]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page: Any, repo_server: SiteServer, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(repo_server.url + path)
    # Only what this feature adds. Two theme-wide problems are left to the theme's owners:
    # Material's search dialog has no name, and its teal link colour on white is 3.6:1.
    context = {"include": [[".gp-indicators"], [".gp-downloads"], ["head"]]}
    violations = Axe().run(page, context=context).response["violations"]
    serious = [
        (v["id"], [n["target"] for n in v["nodes"] if not _theme_link(v["id"], n)][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    serious = [(rule, nodes) for rule, nodes in serious if nodes]
    assert serious == [], serious


def _theme_link(rule: str, node: dict[str, Any]) -> bool:
    return rule == "color-contrast" and str(node["html"]).startswith("<a ")


@pytest.mark.browser
def test_a_map_tile_leads_to_its_case_studies(page: Any, repo_server: SiteServer) -> None:
    page.goto(repo_server.url + "/en/indicators/")
    page.click('a[data-county="calarasi"]')
    assert page.url.endswith("#gp-area-calarasi")
    row = page.locator("#gp-area-calarasi")
    assert "SOCEC.NET" in row.inner_text()
    row.locator("a").first.click()
    assert page.url.endswith("/en/practices/socec-net/")


@pytest.mark.browser
def test_charts_render_without_javascript(browser: Any, repo_server: SiteServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        opened = context.new_page()
        opened.goto(repo_server.url + "/indicators/jobs-created/")
        charts = opened.locator("svg.gp-chart__svg")
        assert charts.count() >= 3
        box = charts.first.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100
        assert opened.locator("table.gp-chart__data").count() == charts.count()
    finally:
        context.close()
