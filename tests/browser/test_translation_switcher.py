"""Translations in a real Chromium: every language-switcher link of every page leads to a
page (also on a site with texts in one language only), and notices are accessible."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import make_project, run_cli
from translations_support import stamp_complete

from .conftest import SiteServer, serious_violations


class _Server(SiteServer):
    def __init__(self, site_dir: Path) -> None:
        super().__init__(site_dir)
        self.site_dir = site_dir


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Server]:
    root = make_project(
        tmp_path_factory.mktemp("switcher") / "project",
        "translations/missing",
        "translations/outdated",
    )
    stamp_complete(root)
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    with _Server(root / "site") as server:
        yield server


def _paths(site: Path) -> list[str]:
    return sorted(
        "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("index.html")
    )


def _follow_every_switcher_link(page: Any, server: SiteServer, site: Path) -> int:
    followed = 0
    for path in _paths(site):
        page.goto(server.url + path)
        hrefs = page.eval_on_selector_all(
            "a.md-select__link[hreflang]", "links => links.map(a => a.getAttribute('href'))"
        )
        assert len(hrefs) == 2, path
        for href in hrefs:
            # The href as the browser resolves it from this page; fetched, not rendered.
            target = urljoin(page.url, href)
            response = page.request.get(target)
            assert response.status == 200, f"{path} -> {href}"
            assert "<h1" in response.text(), target
            followed += 1
    return followed


def test_the_switcher_never_leads_to_404_on_a_partly_translated_site(
    page: Any, fixture_server: _Server
) -> None:
    site = Path(fixture_server.site_dir)
    assert _follow_every_switcher_link(page, fixture_server, site) >= 40


def test_the_switcher_never_leads_to_404_on_the_repository_site(
    page: Any, repo_server: SiteServer, built_repo: Path
) -> None:
    assert _follow_every_switcher_link(page, repo_server, built_repo) >= 28


def test_a_fallback_page_switches_to_its_original(page: Any, fixture_server: _Server) -> None:
    page.goto(fixture_server.url + "/en/practices/gamma/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".gp-other-language").get_attribute("lang") == "ro"
    page.locator(".gp-translation-notice a").click()
    assert urlsplit(page.url).path == "/practices/gamma/"
    assert page.locator("html").get_attribute("lang") == "ro"
    assert page.locator(".gp-translation-notice").count() == 0


NOTICE = [[".gp-translation-notice"]]
DASHBOARD = [[".gp-translations__summary"], [".gp-translations__list"]]


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("/en/practices/gamma/", NOTICE),
        ("/news/", NOTICE),
        ("/en/about/", NOTICE),
        ("/translations/", DASHBOARD),
        ("/en/translations/", DASHBOARD),
    ],
)
def test_notices_and_the_dashboard_are_accessible(
    page: Any, fixture_server: _Server, path: str, parts: list[list[str]]
) -> None:
    """No serious or critical axe violation in what this feature adds to a page (the theme's
    own header and links are checked by the site-wide accessibility tests)."""
    page.goto(fixture_server.url + path)
    assert page.locator(parts[0][0]).count() == 1
    assert serious_violations(page, context={"include": parts}) == []
