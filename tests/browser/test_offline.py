"""Both offline forms in a real Chromium with the network off, in both languages: the copy a
trainer keeps on a device (service worker; the server stopped and the context offline) and
the zip for a USB stick opened from disk (file://)."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from goodpractice.build.chromium import serve_folder

from .conftest import serious_violations

PREFIX = {"ro": "", "en": "en/"}
KEEP = {"ro": "Păstrează pentru lucru offline", "en": "Keep for offline use"}
KEPT = {"ro": "Păstrat pe acest dispozitiv", "en": "Kept on this device"}
OFFLINE = {"ro": "Lucrați fără conexiune", "en": "You are offline"}
CHANGED = {"ro": "Site-ul s-a schimbat", "en": "The site has changed"}
MISSING = {"ro": "nu a fost păstrată", "en": "was not kept"}
MODULE = {"ro": "Marketing și vânzări", "en": "Marketing and sales"}
SITE_URL = "https://goodpractice.example.org/"


@pytest.fixture
def site_copy(built_repo: Path, tmp_path: Path) -> Path:
    """A copy of the built site that a test may change (a new version of the site)."""
    copy = tmp_path / "site"
    shutil.copytree(built_repo, copy)
    return copy


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    opened = browser.new_context()
    yield opened
    opened.close()


def _keep(page: Any, url: str, language: str) -> None:
    """Open the curriculum and keep it with the keyboard, as a trainer without a mouse would."""
    page.goto(f"{url}/{PREFIX[language]}curriculum/")
    button = page.get_by_role("button", name=KEEP[language])
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator("[data-gp-offline-status]")
    status.filter(has_text=KEPT[language]).wait_for(timeout=120_000)


def _banner(page: Any) -> str:
    banner = page.locator(".gp-offline-banner").first
    banner.wait_for(timeout=10_000)
    return str(banner.inner_text())


@pytest.mark.parametrize("language", ["ro", "en"])
def test_a_kept_copy_works_with_the_network_off(
    context: Any, site_copy: Path, language: str
) -> None:
    page = context.new_page()
    prefix = PREFIX[language]
    manifest = json.loads((site_copy / prefix / "offline" / "manifest.json").read_text("utf-8"))
    with serve_folder(site_copy) as url:
        _keep(page, url, language)
    context.set_offline(True)  # and the server is gone: nothing can come from the network
    page.goto(f"{url}/{prefix}curriculum/marketing-si-vanzari/")
    assert MODULE[language] in page.locator("h1").inner_text()
    assert OFFLINE[language] in _banner(page)
    assert page.locator("link[rel=stylesheet]").count() > 0
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )  # Material's stylesheet came from the kept copy
    page.goto(f"{url}/{prefix}practices/socec-net/")
    assert "SOCEC.NET" in page.locator("h1").inner_text()
    pdf = next(path for path in manifest["files"] if path.endswith(".pdf"))
    fetched = page.evaluate(
        "async (u) => { const r = await fetch(u);"
        " return [r.status, r.headers.get('content-type')] }",
        f"{url}/{pdf}",
    )
    assert fetched == [200, "application/pdf"]
    # Search runs over the kept pages.
    page.goto(f"{url}/{prefix}search/?q=SOCEC")
    results = page.locator("#gp-search-results")
    page.wait_for_function(
        "document.getElementById('gp-search-results').getAttribute('aria-busy') === 'false'"
        " && document.querySelectorAll('#gp-search-results li').length > 0",
        timeout=30_000,
    )
    hrefs = results.locator("a").evaluate_all("links => links.map(a => a.href)")
    kept = {f"{url}/{page_['path']}" for page_ in manifest["pages"]}
    assert hrefs and {h.split("#")[0] for h in hrefs} <= kept, hrefs
    # A page that was not kept: the offline page says so and lists what was.
    page.goto(f"{url}/{prefix}about/")
    assert page.url.startswith(f"{url}/{prefix}offline/?missing=")
    missing = page.locator(".gp-offline-missing")
    assert MISSING[language] in missing.inner_text()
    assert missing.locator("a").count() == len(manifest["pages"])


def test_after_an_update_a_kept_page_says_so_and_updates(context: Any, site_copy: Path) -> None:
    page = context.new_page()
    with serve_folder(site_copy) as url:
        _keep(page, url, "ro")
        manifest_path = site_copy / "offline" / "manifest.json"
        manifest = json.loads(manifest_path.read_text("utf-8"))
        # A new build changed a module: its manifest has a new version.
        module = site_copy / "curriculum" / "marketing-si-vanzari" / "index.html"
        module.write_text(
            module.read_text("utf-8").replace("Marketing și vânzări", "Marketing și vânzări (2)"),
            encoding="utf-8",
        )
        manifest["version"] = "0" * 16
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
        page.goto(f"{url}/curriculum/marketing-si-vanzari/")
        assert "(2)" in page.locator("h1").inner_text()  # online: the current page, never stale
        assert CHANGED["ro"] in _banner(page)
        page.get_by_role("button", name="Actualizează copia").click()
        page.wait_for_load_state("load")
        page.locator(".gp-offline-banner").wait_for(state="detached", timeout=120_000)
    context.set_offline(True)
    page.goto(f"{url}/curriculum/marketing-si-vanzari/")
    assert "(2)" in page.locator("h1").inner_text()  # the updated copy
    assert OFFLINE["ro"] in _banner(page)


def test_the_keep_control_is_accessible_at_phone_and_desktop_width(
    browser: Any, repo_server: Any
) -> None:
    for width in (320, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        try:
            page = context.new_page()
            for path in ("curriculum/", "en/offline/"):
                page.goto(f"{repo_server.url}/{path}")
                block = page.locator("[data-gp-offline]")
                block.wait_for(state="visible")
                assert block.locator("button").first.is_visible()
                box = block.bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
                assert serious_violations(page, "[data-gp-offline]") == []
        finally:
            context.close()


@pytest.fixture
def usb(built_repo: Path, tmp_path: Path) -> Path:
    with zipfile.ZipFile(built_repo / "offline" / "goodpractice-offline.zip") as bundle:
        bundle.extractall(tmp_path)
    return tmp_path / "goodpractice-offline"


def test_the_usb_copy_opens_from_disk_with_every_link_working(context: Any, usb: Path) -> None:
    context.set_offline(True)
    page = context.new_page()
    failed: list[tuple[str, str | None]] = []
    page.on("requestfailed", lambda r: failed.append((r.url, r.failure)))
    pages = sorted(usb.rglob("*.html"))
    assert len(pages) > 30
    for html in pages:
        page.goto(html.as_uri())
        links = "a[href], link[rel=stylesheet], link[rel=icon], script[src], img[src]"
        hrefs = page.locator(links).evaluate_all("nodes => nodes.map(n => n.href || n.src)")
        for href in hrefs:
            if href.startswith("file://"):
                target = Path(href.removeprefix("file://").split("#")[0].split("?")[0])
                assert target.is_file(), (html, href)
            else:
                assert href.startswith(("https://", "mailto:")), (html, href)
    # Only the theme's sitemap lookups (for its language menu) fail from disk. A request still
    # under way when the next page opens is aborted (the favicon, on a loaded machine, once);
    # its file is there, which the loop above has checked.
    on_disk = [
        url
        for url, why in failed
        if url.startswith("file://")
        and not url.endswith("sitemap.xml")
        and why != "net::ERR_ABORTED"
    ]
    assert not on_disk, failed
    assert not [url for url, _ in failed if not url.startswith(("file://", SITE_URL))], failed


@pytest.mark.parametrize("language", ["ro", "en"])
def test_the_usb_copy_is_a_site_to_browse_and_says_search_needs_the_network(
    context: Any, usb: Path, language: str
) -> None:
    context.set_offline(True)
    page = context.new_page()
    page.goto((usb / PREFIX[language] / "index.html").as_uri())
    page.locator(".md-nav__link", has_text="Curriculum").first.click()
    assert page.url.endswith(f"{PREFIX[language]}curriculum/index.html")
    page.locator("a", has_text=MODULE[language]).first.click()
    assert MODULE[language] in page.locator("h1").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )
    page.locator("a[href*='practices/socec-net/index.html']").first.click()
    assert "SOCEC.NET" in page.locator("h1").inner_text()
    page.locator(".gp-header-search input").fill("economie")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"offline/search/index\.html\?q=economie$", page.url)
    online = page.locator("[data-gp-offline-search-online]")
    assert online.get_attribute("href") == f"{SITE_URL}{PREFIX[language]}search/?q=economie"
    assert not page.locator("[data-gp-offline-keep]").is_visible()  # nothing to keep from disk


def test_the_trainers_pages_fit_a_phone_screen(browser: Any, repo_server: Any) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    try:
        page = context.new_page()
        for prefix in PREFIX.values():
            for path in (
                "curriculum/",
                "curriculum/marketing-si-vanzari/",
                "curriculum/print-trainer/",
                "guides/transferul-bunelor-practici/print/",
                "offline/",
            ):
                page.goto(f"{repo_server.url}/{prefix}{path}")
                assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
                assert page.evaluate(_WORDS_CUT_IN_SESSION_PLAN) == [], path
    finally:
        context.close()


# The session plan's cells whose words would not fit whole (they are then cut mid-word):
# measured with word breaking switched off, as an overflow of the cell.
_WORDS_CUT_IN_SESSION_PLAN = """() => {
    const cells = [...document.querySelectorAll(".gp-session-plan :is(th, td)")];
    cells.forEach((cell) => { cell.style.overflowWrap = "normal"; });
    const cut = cells.filter((cell) => cell.scrollWidth > cell.clientWidth);
    cells.forEach((cell) => { cell.style.overflowWrap = ""; });
    return cut.map((cell) => cell.textContent.trim());
}"""
