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


def test_no_page_contacts_another_host_or_logs_an_error(
    page: Any, repo_server: SiteServer, built_repo: Path
) -> None:
    """At desktop width, every page: no request to another host, no console error, no
    failed request (Material's language selector used to fetch <page>/sitemap.xml), no
    sideways scroll, and a skip link first (test_journey.py does the same at 320 px)."""
    foreign: list[str] = []
    problems: list[str] = []
    current = [""]
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlsplit(request.url).hostname not in ("127.0.0.1", None)
            and not request.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    page.on(
        "console",
        lambda m: (
            problems.append(f"{current[0]}: console: {m.text}") if m.type == "error" else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"{current[0]}: error: {e}"))
    page.on(
        "response",
        lambda r: problems.append(f"{current[0]}: {r.status} {r.url}") if r.status >= 400 else None,
    )
    paths = _page_paths(built_repo)
    assert len(paths) >= 14
    for path in paths:
        current[0] = path
        page.goto(repo_server.url + path, wait_until="networkidle")
        problems += page_layout_problems(page, path)
    assert foreign == []
    assert problems == [], "\n".join(problems[:30])


def page_layout_problems(page: Any, path: str) -> list[str]:
    """Sideways scroll, and a first Tab that does not land on a visible skip link."""
    problems = []
    wider = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if wider > 0:
        problems.append(f"{path}: scrolls sideways by {wider} px")
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "() => { const a = document.activeElement; return a.tagName === 'A'"
        " && a.getAttribute('href') === '#gp-main' && !!document.getElementById('gp-main')"
        " && a.getBoundingClientRect().width > 0"
        " && getComputedStyle(a).outlineStyle !== 'none' }"
    )
    if not skip:
        problems.append(f"{path}: the first Tab does not reach a visible skip link")
    return problems


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
