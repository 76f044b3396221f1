"""axe-core (shipped inside axe-playwright-python, nothing is downloaded) on the pages readers
use most, of every kind the site has: no serious or critical violation, no other host."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import REPO
from goodpractice.core.readers.yamlsafe import load_yaml

from .conftest import SiteServer, serious_violations

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
    "/indicators/",
    "/en/indicators/",
    "/en/indicators/jobs-created/",
    "/curriculum/",
    "/en/curriculum/{module}/",
    "/guides/",
]


def _first_module() -> str:
    data = load_yaml((REPO / "curriculum" / "curriculum.yml").read_text(encoding="utf-8")).data
    return str(data["modules"][0])


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page: Any, repo_server: SiteServer, path: str) -> None:
    foreign: list[str] = []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlsplit(request.url).hostname not in ("127.0.0.1", None)
            else None
        ),
    )
    page.goto(repo_server.url + path.format(module=_first_module()))
    if "/search/" in path:
        page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
        page.wait_for_selector(".gp-facet")  # the filters too
        assert page.locator(".gp-result").count() > 0
    serious = serious_violations(page)
    assert serious == [], "\n".join(serious)
    assert foreign == []
