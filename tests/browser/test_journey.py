"""The practitioner's journey in a real Chromium (issue 14), on a phone and at desktop width,
with a keyboard, in both languages: every page reflows, starts with a skip link and logs no
error; home -> search -> case study -> catalogue filtered by its county; controls a thumb can
hit; one announcement per settled query."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import SiteServer, serious_violations
from .test_pages_in_chromium import _page_paths, page_layout_problems

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def _tab_to(page: Any, selector: str, most: int = 60) -> None:
    """Press Tab until the element matching ``selector`` has the focus (a keyboard user's way)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reached with Tab")


def _focus_ring(page: Any) -> str:
    return str(page.evaluate("getComputedStyle(document.activeElement).outlineStyle"))


def test_every_page_reflows_at_320_px_and_starts_with_a_skip_link(
    phone: Any, repo_server: SiteServer, built_repo: Path
) -> None:
    """At desktop width with the console and requests: test_pages_in_chromium.py."""
    problems: list[str] = []
    for path in _page_paths(built_repo):
        phone.goto(repo_server.url + path, wait_until="load")
        problems += page_layout_problems(phone, path)
    assert problems == [], "\n".join(problems[:30])


@pytest.mark.parametrize(
    ("prefix", "query", "county", "title"),
    [
        ("/", "calarasi locuri de munca", "calarasi", "SOCEC.NET"),
        ("/en/", "calarasi jobs", "calarasi", "SOCEC.NET"),
    ],
)
def test_journey_on_a_phone_with_the_keyboard(
    phone: Any, repo_server: SiteServer, prefix: str, query: str, county: str, title: str
) -> None:
    page = phone
    page.goto(repo_server.url + prefix)
    # Home: the search box in the page's body, reached and used with the keyboard.
    _tab_to(page, "#gp-home-q")
    assert _focus_ring(page) != "none"
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{prefix}search/?q=*")
    page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
    first = page.locator(".gp-result__title a").first
    assert title in first.inner_text()
    excerpt = page.locator(".gp-result__excerpt").first.inner_text()
    # The excerpt is prose, not the fact box's labels.
    for label in ("Regiuni de dezvoltare", "Development regions", "Grupuri țintă", "Target groups"):
        assert label not in excerpt, excerpt
    # The first result, from the keyboard.
    _tab_to(page, ".gp-result__title a")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{prefix}practices/socec-net/")
    # The case: key figures and core facts first, the narrative within reach.
    box = page.locator(".gp-factbox")
    assert box.locator(".gp-keyfigure").count() >= 1
    assert not page.locator(".gp-factbox__more .gp-factbox__row--themes").is_visible()
    # Its county leads back to the catalogue, filtered.
    _tab_to(page, f'.gp-factbox a[href$="?place=county%3A{county}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{prefix}practices/?place=county%3Acalarasi")
    cards = page.locator("#gp-cards > .gp-card:visible")
    # gp-catalogue.js applies the filter in the address once it has loaded: wait for it (under
    # a loaded machine the cards were once counted before, 3 instead of 1).
    expect(cards).to_have_count(1)
    assert title in cards.first.inner_text()
    assert "Călărași" in page.locator("#gp-filters-active").inner_text()  # what is chosen
    wider = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert wider <= 0


@pytest.fixture(scope="session")
def search_server(built_search: Path) -> Iterator[SiteServer]:
    with SiteServer(built_search) as server:
        yield server


_RECORD = """selector => {
  window.gpSaid = [];
  const node = document.querySelector(selector);
  new MutationObserver(() => window.gpSaid.push(node.textContent))
    .observe(node, {childList: true, characterData: true, subtree: true});
}"""

_RECORD_KEYS = """selector => {
  window.gpKeys = [];
  document.querySelector(selector)
    .addEventListener("input", () => window.gpKeys.push(performance.now()));
}"""


def test_search_announces_one_count_per_settled_query(
    phone: Any, search_server: SiteServer
) -> None:
    phone.goto(search_server.url + "/search/")
    phone.wait_for_function("document.querySelector('.gp-facet') !== null")
    phone.evaluate(_RECORD, "#gp-search-status")
    phone.evaluate(_RECORD_KEYS, "#gp-search-input")
    phone.locator("#gp-search-input").press_sequentially("timisoara", delay=80)
    phone.wait_for_function("window.gpSaid.length > 0", timeout=5000)
    phone.wait_for_timeout(1200)
    said = phone.evaluate("window.gpSaid")
    # A loaded machine can pause between key presses for longer than the search waits
    # (700 ms): each such pause is a settled query of its own and may say its count.
    pauses = phone.evaluate(
        "window.gpKeys.slice(1).filter((t, i) => t - window.gpKeys[i] > 600).length"
    )
    assert 1 <= len(said) <= 1 + pauses and "rezultat" in said[-1], (said, pauses)


def test_catalogue_announces_once_after_arrow_keys(phone: Any, search_server: SiteServer) -> None:
    phone.goto(search_server.url + "/practices/")
    phone.locator("#gp-filters-more > summary").click()  # folded on a phone
    phone.evaluate(_RECORD, "#gp-count")
    phone.locator("#gp-filter-theme").focus()
    for _ in range(3):
        phone.keyboard.press("ArrowDown")
    phone.wait_for_timeout(1500)
    said = phone.evaluate("window.gpSaid")
    assert len(said) <= 1, said


def test_filters_fold_on_a_phone_and_open_on_a_wide_screen(
    browser: Any, search_server: SiteServer
) -> None:
    for viewport, shown in ((PHONE, False), (DESKTOP, True)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(search_server.url + "/practices/")
        assert page.locator("#gp-filter-q").is_visible()  # the text box is always there
        assert page.locator("#gp-filter-theme").is_visible() is shown
        page.goto(search_server.url + "/search/?q=Iasi")
        page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
        # The facets fill in after the index loads; what folds is the box around them.
        assert page.eval_on_selector("#gp-search-filters-box", "box => box.open") is shown
        context.close()


def test_search_places_by_level_with_no_empty_choice(page: Any, search_server: SiteServer) -> None:
    page.goto(search_server.url + "/search/?q=Timisoara")
    page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
    page.wait_for_selector("#gp-facet-place_region-0", state="attached")
    page.locator("summary", has_text="Loc").click()
    legends = page.locator(".gp-facet__legend:visible").all_inner_texts()
    assert legends == ["Țări", "Regiuni de dezvoltare", "Județe", "Localități"], legends
    page.wait_for_function(
        "[...document.querySelectorAll('.gp-facet__value:not([hidden])')]"
        ".every(l => !l.textContent.includes('(0)'))"
    )
    shown = page.locator(".gp-facet__value:visible").all_inner_texts()
    assert any(text.startswith("Vest") for text in shown), shown
    assert not any(text.startswith("Nord-Est") for text in shown), shown  # 0 for Timișoara
    # Nothing more to show: no "more" button.
    assert not page.locator("#gp-search-more").is_visible()


def test_no_more_button_without_results(page: Any, search_server: SiteServer) -> None:
    page.goto(search_server.url + "/search/?q=zzzzqqqq")
    page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
    assert not page.locator("#gp-search-more").is_visible()


@pytest.mark.parametrize("path", ["/search/?q=Iasi", "/practices/", "/"])
def test_controls_are_big_enough_for_a_thumb(
    phone: Any, search_server: SiteServer, path: str
) -> None:
    phone.goto(search_server.url + path)
    if "search" in path:
        phone.wait_for_function("document.querySelector('.gp-facet') !== null")
    phone.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    sizes = phone.locator(
        "main input:not([type=checkbox]):visible, main select:visible, main button:visible,"
        " main summary:visible, .gp-facet__value:visible"
    ).evaluate_all(
        "all => all.map(e => [e.id || e.className || e.tagName, e.getBoundingClientRect().height,"
        " parseFloat(getComputedStyle(e).fontSize), e.tagName])"
    )
    assert sizes
    small = [s for s in sizes if s[1] < 43.5]
    assert small == [], small
    tiny_text = [s for s in sizes if s[3] in ("INPUT", "SELECT") and s[2] < 16]
    assert tiny_text == [], tiny_text


def test_every_control_on_the_search_page_shows_its_focus(
    phone: Any, search_server: SiteServer
) -> None:
    phone.goto(search_server.url + "/search/?q=Iasi")
    phone.wait_for_function("document.querySelector('.gp-facet') !== null")
    seen = []
    for _ in range(25):
        phone.keyboard.press("Tab")
        tag, ring = phone.evaluate(
            "[document.activeElement.tagName + '#' + document.activeElement.id,"
            " getComputedStyle(document.activeElement).outlineStyle]"
        )
        seen.append((tag, ring))
    # Past the last control the focus leaves the page (BODY): not a control.
    assert [tag for tag, ring in seen if ring == "none" and tag != "BODY#"] == [], seen
    assert any(tag.startswith("INPUT#gp-search-input") for tag, _ in seen)


def test_search_url_keeps_the_language(page: Any, repo_server: SiteServer) -> None:
    page.goto(repo_server.url + "/en/")
    page.locator("#gp-home-q").fill("social economy")
    page.locator("#gp-home-q").press("Enter")
    page.wait_for_selector('#gp-search-results[aria-busy="false"]', state="attached")
    assert urlsplit(page.url).path == "/en/search/"
    assert page.locator(".gp-result").count() > 0


PHONE_PAGES = [
    "/",
    "/practices/",
    "/practices/socec-net/",
    "/search/?q=calarasi+locuri+de+munca",
    "/en/indicators/",
    "/en/indicators/jobs-created/",
    "/curriculum/",
    "/translations/",  # wide tables
    "/guides/transferul-bunelor-practici/evaluarea-potrivirii/",  # a Markdown table
]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_no_serious_accessibility_violation_at_320_px(
    phone: Any, repo_server: SiteServer, path: str
) -> None:
    """test_accessibility.py checks desktop width; a table that scrolls on a phone must be a
    focusable region, a folded filter a real control."""
    phone.goto(repo_server.url + path, wait_until="networkidle")
    serious = serious_violations(phone)
    assert serious == [], "\n".join(serious)
