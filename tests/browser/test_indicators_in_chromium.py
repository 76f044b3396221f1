"""The indicators pages, the map and the download block in a real Chromium."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from .conftest import SiteServer

# Their accessibility is checked with every other kind of page in test_accessibility.py.


def test_a_map_tile_leads_to_its_case_studies(page: Any, repo_server: SiteServer) -> None:
    page.goto(repo_server.url + "/en/indicators/")
    page.click('a[data-county="calarasi"]')
    page.wait_for_url("**/en/practices/?place=county%3Acalarasi")
    assert page.locator("#gp-filter-place").input_value() == "county:calarasi"
    cards = page.locator("#gp-cards > .gp-card:visible")
    # The filter applies once the catalogue's index has arrived: wait for it, not a moment.
    expect(cards).to_have_count(1)
    assert "SOCEC.NET" in cards.first.inner_text()


def test_charts_render_without_javascript(browser: Any, repo_server: SiteServer) -> None:
    """Bars in HTML: text at the reader's size, at 320 px as at desktop, no script."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 700})
    try:
        opened = context.new_page()
        opened.goto(repo_server.url + "/indicators/jobs-created/")
        charts = opened.locator("figure.gp-chart")
        assert charts.count() >= 3
        assert opened.locator("table.gp-chart__data").count() == charts.count()
        sizes = opened.locator(".gp-bars__label, .gp-bars__value").evaluate_all(
            "all => all.map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        assert sizes and min(sizes) >= 12
        bar = opened.locator(".gp-bars__bar").first.bounding_box()
        assert bar and bar["width"] > 20 and bar["height"] > 5
        assert opened.locator(".gp-bars__legend").first.inner_text().strip()  # target or result
    finally:
        context.close()
