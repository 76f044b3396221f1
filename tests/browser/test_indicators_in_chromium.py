"""The indicators pages, the map and the download block in a real Chromium."""

from __future__ import annotations

from typing import Any

from .conftest import SiteServer

# Their accessibility is checked with every other kind of page in test_accessibility.py.


def test_a_map_tile_leads_to_its_case_studies(page: Any, repo_server: SiteServer) -> None:
    page.goto(repo_server.url + "/en/indicators/")
    page.click('a[data-county="calarasi"]')
    assert page.url.endswith("#gp-area-calarasi")
    row = page.locator("#gp-area-calarasi")
    assert "SOCEC.NET" in row.inner_text()
    row.locator("a").first.click()
    assert page.url.endswith("/en/practices/socec-net/")


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
