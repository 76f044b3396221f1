"""Every built page in a real Chromium: no request leaves the site, languages switch in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .conftest import SiteServer


def _page_paths(site: Path) -> list[str]:
    return sorted(
        "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("index.html")
    )


def test_no_page_contacts_another_host(
    page: Any, repo_server: SiteServer, built_repo: Path
) -> None:
    foreign: list[str] = []
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlsplit(request.url).hostname not in ("127.0.0.1", None)
            and not request.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    paths = _page_paths(built_repo)
    assert len(paths) >= 14
    for path in paths:
        page.goto(repo_server.url + path, wait_until="networkidle")
    assert foreign == []


def test_language_switcher_leads_to_the_same_page(page: Any, repo_server: SiteServer) -> None:
    page.goto(repo_server.url + "/practices/socec-net/")
    assert page.locator("html").get_attribute("lang") == "ro"
    english = page.locator('a[hreflang="en"]').first.get_attribute("href")
    page.goto(repo_server.url + "/practices/socec-net/" + english)
    assert urlsplit(page.url).path == "/en/practices/socec-net/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert "At a glance" in page.locator(".gp-factbox").text_content()
    romanian = page.locator('a[hreflang="ro"]').first.get_attribute("href")
    page.goto(page.url + romanian)
    assert urlsplit(page.url).path == "/practices/socec-net/"
