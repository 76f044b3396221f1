"""Every built page in a real Chromium: no request leaves the site, languages switch in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .conftest import SiteServer

# Generated listings share one template per folder: two of each are as telling as all.
_SAMPLED = ("themes", "target-groups", "regions", "organisations")


def _page_paths(site: Path) -> list[str]:
    paths = sorted(
        "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("index.html")
    )
    seen: dict[str, int] = {}
    kept = []
    for path in paths:
        parts = path.strip("/").split("/")
        kind = "/".join(parts[:2]) if parts[0] == "en" else parts[0]
        if kind.removeprefix("en/") in _SAMPLED:
            seen[kind] = seen.get(kind, 0) + 1
            if seen[kind] > 3:  # the index page and two term pages
                continue
        kept.append(path)
    return kept


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
