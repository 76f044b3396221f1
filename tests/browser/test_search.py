"""Search, catalogue filters and accessibility in a real Chromium, on built fixture sites.

The fixture site (minimal + 'search' overlay) has texts in comma-below letters (check requires
them in every language, Romanian names in English text included), so queries typed with the
cedilla forms of old keyboards (Iaşi), comma-below or plain ASCII are tested against them, and
an untranslated page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import SiteServer


@pytest.fixture(scope="session")
def search_server(built_search: Path) -> Iterator[SiteServer]:
    with SiteServer(built_search) as server:
        yield server


def _search(page: Any, server: SiteServer, query: str, prefix: str = "/") -> list[str]:
    """Open the search page with ``query`` and return the result paths once complete."""
    page.goto(f"{server.url}{prefix}search/?q={quote(query)}")
    page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
    return [
        urlsplit(href).path
        for href in page.locator("#gp-search-results .gp-result__title a").evaluate_all(
            "links => links.map(a => a.href)"
        )
    ]


QUERIES = [
    # (language prefix, query, pages that must be found, pages that must not)
    ("/", "Bucuresti", {"/practices/alpha/", "/practices/beta/"}, {"/practices/gamma/"}),
    ("/", "Iasi", {"/practices/alpha/", "/practices/gamma/"}, set()),
    ("/", "Iaşi", {"/practices/alpha/", "/practices/gamma/"}, set()),  # cedilla
    ("/", "Iași", {"/practices/alpha/", "/practices/gamma/"}, set()),  # comma below
    ("/", "Timisoara", {"/practices/gamma/"}, {"/practices/beta/"}),
    ("/", "somaj", {"/practices/gamma/"}, {"/practices/alpha/"}),
    ("/", "economie sociala", {"/practices/alpha/", "/practices/beta/"}, set()),
    ("/", "locuri de munca", {"/practices/alpha/"}, set()),
    ("/en/", "social economy jobs", {"/en/practices/alpha/"}, {"/practices/alpha/"}),
    ("/en/", "Bucharest", {"/en/practices/alpha/"}, set()),
    ("/en/", "Iasi", {"/en/practices/alpha/", "/en/practices/gamma/"}, set()),
    # Romanian names in gamma's English text; comma-below, cedilla and ASCII queries find them.
    ("/en/", "Timișoara", {"/en/practices/gamma/"}, set()),
    ("/en/", "Timisoara", {"/en/practices/gamma/"}, set()),
    ("/en/", "Iaşi", {"/en/practices/alpha/", "/en/practices/gamma/"}, set()),
    # Only the Romanian partners page has this word; English shows it untranslated.
    ("/en/", "Craiova", set(), {"/en/partners/", "/partners/"}),
    ("/", "Craiova", {"/partners/"}, set()),
]


@pytest.mark.parametrize(("prefix", "query", "expected", "absent"), QUERIES)
def test_query_finds_pages_of_the_page_language(
    page: Any,
    search_server: SiteServer,
    prefix: str,
    query: str,
    expected: set[str],
    absent: set[str],
) -> None:
    found = _search(page, search_server, query, prefix)
    assert expected <= set(found), found
    assert not absent & set(found), found
    if prefix == "/en/":
        assert all(path.startswith("/en/") for path in found), found
    else:
        assert not any(path.startswith("/en/") for path in found), found


def test_result_shows_title_summary_and_place(page: Any, search_server: SiteServer) -> None:
    _search(page, search_server, "Timisoara")
    result = page.locator(".gp-result", has=page.locator('a[href$="/practices/gamma/"]'))
    assert result.locator(".gp-result__title").text_content() == "Mediere Gamma pentru șomeri"
    assert "șomerii de lungă durată" in result.locator(".gp-result__summary").text_content()
    assert result.locator(".gp-result__place").text_content() == "Loc: Timișoara"
    assert "rezultat" in page.locator("#gp-search-status").text_content()


def test_search_page_starts_pagefind_from_its_head(page: Any, search_server: SiteServer) -> None:
    # Started before any stylesheet (overrides/main.html), and taken by gp-search.js: the
    # worker starts 60-80 ms sooner than from the end of the page (issue 16).
    for prefix in ("/", "/en/"):
        page.goto(f"{search_server.url}{prefix}search/?q=Iasi")
        head = page.evaluate(
            """() => [...document.head.children].map(e => e.dataset.bundle ? 'start' : e.rel)"""
        )
        assert head.index("start") < head.index("stylesheet"), head
        page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
        assert page.locator(".gp-result").count() > 0
        assert page.evaluate("window.gpPagefindStart") is None  # gp-search.js took it


def test_excerpts_quote_the_text_not_the_printed_only_parts(
    page: Any, search_server: SiteServer
) -> None:
    # The handout's PDF link and the address printed under the QR code are not the case's
    # text: they once made every excerpt start "PDF (A4). Versiunea online: https://...".
    for prefix in ("/", "/en/"):
        _search(page, search_server, "Timisoara", prefix)
        excerpts = page.locator(".gp-result__excerpt").all_text_contents()
        assert excerpts, prefix
        for excerpt in excerpts:
            assert "http" not in excerpt and "PDF" not in excerpt, excerpt
            assert "Versiunea online" not in excerpt and "Online version" not in excerpt


def test_header_search_box_works_from_the_keyboard(page: Any, search_server: SiteServer) -> None:
    page.goto(search_server.url + "/en/about/")
    page.locator("#gp-header-q").focus()
    page.keyboard.type("Timisoara")
    page.keyboard.press("Enter")
    page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
    assert urlsplit(page.url).path == "/en/search/"
    assert page.locator("#gp-search-input").input_value() == "Timisoara"
    assert page.locator(".gp-result__title a").first.text_content() == (
        "Gamma job mediation for the unemployed"
    )


def test_facet_narrows_results_and_stays_in_the_url(page: Any, search_server: SiteServer) -> None:
    before = _search(page, search_server, "Iasi")
    assert len(before) >= 2
    page.locator("summary", has_text="Loc").click()  # each facet is collapsed until opened
    vest = page.locator("label", has=page.get_by_role("checkbox", name="Vest"))
    page.wait_for_function(
        "label => label.textContent.trim() === 'Vest (1)'", arg=vest.element_handle()
    )
    page.get_by_role("checkbox", name="Vest").check()
    page.wait_for_function(
        "n => document.querySelectorAll('#gp-search-results .gp-result').length < n "
        "&& document.getElementById('gp-search-results').getAttribute('aria-busy') === 'false'",
        arg=len(before),
    )
    after = page.locator(".gp-result__title a").evaluate_all("l => l.map(a => a.pathname)")
    assert after == ["/practices/gamma/"]
    assert "place_region=Vest" in page.url
    page.reload()
    page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
    assert page.get_by_role("checkbox", name="Vest").is_checked()
    assert page.locator(".gp-result").count() == 1


def _count_says(page: Any, text: str) -> None:
    """The count (a live region) is written once the choice settles."""
    page.wait_for_function(
        "t => document.getElementById('gp-count').textContent === t", arg=text, timeout=5000
    )


def test_catalogue_filter_sort_and_url_state(page: Any, search_server: SiteServer) -> None:
    # Filtering fetches the compact index first: each expect waits for the cards to settle.
    page.goto(search_server.url + "/practices/")
    cards = page.locator("#gp-cards > .gp-card:visible")
    expect(cards).to_have_count(3)
    page.select_option("#gp-filter-theme", "social-economy")
    expect(cards).to_have_count(2)
    _count_says(page, "2 studii de caz")
    page.select_option("#gp-filter-place", "region:vest")
    expect(cards).to_have_count(1)
    _count_says(page, "1 studiu de caz")
    assert urlsplit(page.url).query == "place=region%3Avest&theme=social-economy"
    assert page.locator("#gp-filters-active").text_content() == "(alese: Vest, Economie socială)"
    page.reload()
    assert page.locator("#gp-filter-place").input_value() == "region:vest"
    expect(cards).to_have_count(1)
    page.get_by_role("button", name="Arată toate").click()
    expect(cards).to_have_count(3)
    assert urlsplit(page.url).query == ""
    page.select_option("#gp-sort", "start")
    expect(page.locator("#gp-cards")).to_have_attribute("aria-busy", "false")
    order = cards.evaluate_all("cards => cards.map(c => c.dataset.practice)")
    assert order == ["gamma", "alpha", "beta"]  # 2021, 2014, no period
    page.select_option("#gp-filter-status", "ongoing")
    # An option that would empty the list is disabled, its count says why.
    year_2014 = page.locator('#gp-filter-year option[value="2014"]')
    expect(year_2014).to_be_disabled()
    expect(year_2014).to_have_text("2014 (0)")
    expect(page.locator('#gp-filter-year option[value="2021"]')).to_have_text("2021 (1)")


def test_catalogue_text_box_ignores_diacritics(page: Any, search_server: SiteServer) -> None:
    page.goto(search_server.url + "/practices/")
    cards = page.locator("#gp-cards > .gp-card:visible")
    page.locator("#gp-filter-q").fill("timisoara")  # the card says Timișoara
    page.wait_for_function(
        "document.querySelectorAll('#gp-cards > .gp-card:not([hidden])').length === 1"
    )
    assert cards.evaluate_all("cards => cards.map(c => c.dataset.practice)") == ["gamma"]
    _count_says(page, "1 studiu de caz")
    assert urlsplit(page.url).query == "q=timisoara"
    # Counts follow the text: no place option outside Timiș is left to choose.
    assert page.locator('#gp-filter-place option[value="region:vest"]').text_content() == "Vest (1)"
    assert page.locator('#gp-filter-place option[value="region:nord-est"]').is_disabled()
    page.locator("#gp-filter-q").fill("nimic asemanator")
    _count_says(page, "Niciun studiu de caz nu corespunde filtrelor.")


def test_language_switcher_keeps_the_catalogue_filters(
    page: Any, search_server: SiteServer
) -> None:
    page.goto(search_server.url + "/practices/")
    page.select_option("#gp-filter-theme", "social-economy")
    page.locator('a[hreflang="en"]').first.dispatch_event("click")
    page.wait_for_url("**/en/practices/?theme=social-economy")
    assert page.locator("#gp-filter-theme").input_value() == "social-economy"
    _count_says(page, "2 case studies")


def test_catalogue_ignores_unknown_filter_values(page: Any, search_server: SiteServer) -> None:
    page.goto(search_server.url + "/en/practices/?theme=%3Cscript%3E&sort=nonsense")
    expect(page.locator("#gp-cards > .gp-card:visible")).to_have_count(3)
    _count_says(page, "3 case studies")


def test_catalogue_lists_everything_without_javascript(
    browser: Any, search_server: SiteServer
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(search_server.url + "/practices/")
    assert page.locator("#gp-cards > .gp-card:visible").count() == 3
    assert not page.locator("#gp-filters").is_visible()
    page.goto(search_server.url + "/search/?q=Iasi")
    assert "JavaScript" in page.locator(".gp-search").text_content()
    context.close()


@pytest.mark.parametrize(
    "path", ["/practices/", "/themes/social-economy/", "/organisations/asociatia-alfa/"]
)
def test_language_switcher_keeps_the_page(page: Any, search_server: SiteServer, path: str) -> None:
    page.goto(search_server.url + path)
    english = page.locator('a[hreflang="en"]').first.get_attribute("href")
    page.goto(search_server.url + path + english)
    assert urlsplit(page.url).path == "/en" + path
    assert page.locator("html").get_attribute("lang") == "en"


BAD_QUERIES = [
    ("/", "ab" * 1000, "Niciun rezultat pentru"),
    ("/", "!!! ??? ... ;;; --- ***", "Niciun rezultat pentru"),
    ("/", "<img src=x onerror=alert(1)>", "Niciun rezultat pentru"),
    ("/en/", "<script>alert(1)</script>", "No results for"),
    ("/en/", "\"'><svg onload=alert(1)>", "No results for"),
]


@pytest.mark.parametrize(("prefix", "query", "message"), BAD_QUERIES)
def test_bad_queries_say_no_results_and_run_nothing(
    page: Any, search_server: SiteServer, prefix: str, query: str, message: str
) -> None:
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    found = _search(page, search_server, query, prefix)
    assert found == []
    status = page.locator("#gp-search-status").text_content()
    assert status.startswith(message), status
    assert page.locator("#gp-search img, #gp-search svg, #gp-search script").count() == 0
    # The same typed into the box, character by character, is just as harmless.
    page.locator("#gp-search-input").fill(query[:200])
    page.wait_for_function(
        "m => document.getElementById('gp-search-status').textContent.startsWith(m)", arg=message
    )
    assert dialogs == [] and errors == []
