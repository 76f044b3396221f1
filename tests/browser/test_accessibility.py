"""axe-core (shipped inside axe-playwright-python, nothing is downloaded) on the pages readers
use most: no serious or critical violation."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import SiteServer

PAGES = [
    "/",
    "/practices/",
    "/practices/?theme=social-economy",
    "/practices/socec-net/",
    "/search/?q=economie+sociala",
    "/themes/social-economy/",
    "/organisations/consiliul-judetean-ilfov/",
    "/en/",
    "/en/practices/",
    "/en/practices/socec-net/",
    "/en/search/?q=social+economy+jobs",
]


@pytest.fixture(scope="module")
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(
    page: Any, repo_server: SiteServer, axe: Any, path: str
) -> None:
    foreign: list[str] = []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlsplit(request.url).hostname not in ("127.0.0.1", None)
            else None
        ),
    )
    page.goto(repo_server.url + path)
    if "/search/" in path:
        page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
        page.wait_for_selector(".gp-facet")  # the filters too
        assert page.locator(".gp-result").count() > 0
    results = axe.run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)
    assert foreign == []
