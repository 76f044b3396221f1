"""Issue 13 in a real Chromium, at 320 px and at desktop width, in both languages: the evidence
badge, the similar practices and the map on a case page, choosing cases in the catalogue and
comparing them, and the transfer self-assessment with and without JavaScript."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SiteServer, serious_violations

CASE = "socec-net"
OTHER = "economie-sociala-sud-vest-centru-sud-est"
WIDTHS = (320, 1280)
LANGUAGES = {"ro": "", "en": "en/"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_case_page_shows_evidence_map_similar_and_checklist(
    page: Any, repo_server: SiteServer, width: int, language: str
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{repo_server.url}/{LANGUAGES[language]}practices/{CASE}/")
    badge = page.locator(".gp-factbox .gp-evidence")
    expected = {"ro": "Doar ținte declarate", "en": "Targets stated only"}[language]
    assert expected in badge.inner_text()
    assert page.locator(".gp-casemap figcaption").inner_text().strip()
    similar = page.locator(".gp-similar__list li")
    assert 1 <= similar.count() <= 5
    why = {"ro": "De ce:", "en": "Why:"}[language]
    assert why in similar.first.inner_text()
    assert page.locator(".gp-fit fieldset").count() == 6
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert serious_violations(page) == []


def test_self_assessment_keeps_answers_in_the_browser_and_lists_the_gaps(
    page: Any, repo_server: SiteServer
) -> None:
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.method) if r.method != "GET" else None)
    page.goto(f"{repo_server.url}/en/practices/{CASE}/")
    page.check("#gp-fit-need input[value=no]")
    page.fill("#gp-fit-note-need", "<b>no survey yet</b>")
    summary = page.locator("#gp-fit-summary")
    assert summary.is_visible()
    assert "Gaps to close" in summary.inner_text()
    assert "<b>no survey yet</b>" in summary.inner_text()  # text, never HTML
    page.reload()
    assert page.is_checked("#gp-fit-need input[value=no]")
    assert page.input_value("#gp-fit-note-need") == "<b>no survey yet</b>"
    page.click("#gp-fit-clear")
    assert not page.is_checked("#gp-fit-need input[value=no]")
    assert sent == []


def test_self_assessment_without_javascript_is_a_printable_checklist(
    browser: Any, repo_server: SiteServer
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{repo_server.url}/practices/{CASE}/#gp-fit")
    assert page.locator(".gp-fit fieldset input[type=radio]").count() == 24
    assert page.locator("#gp-fit-summary").is_hidden()
    page.emulate_media(media="print")
    # Opened at #gp-fit, the printed page is the checklist alone.
    assert page.locator(".gp-fit").is_visible()
    assert page.locator(".gp-factbox").is_hidden()
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_choose_in_the_catalogue_then_compare(
    page: Any, repo_server: SiteServer, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{repo_server.url}/en/practices/")
    page.check(f".gp-card[data-practice={CASE}] .gp-card__compare input")
    page.check(f".gp-card[data-practice={OTHER}] .gp-card__compare input")
    assert "2 case studies chosen" in page.inner_text("#gp-comparebar-status")
    assert serious_violations(page) == []
    page.click("#gp-comparebar-open")
    page.wait_for_selector("table.gp-compare__grid")
    assert f"cases={CASE},{OTHER}" in page.url
    heads = page.locator("table.gp-compare__grid thead a")
    assert heads.count() == 2
    heads.first.click()
    assert page.url.endswith(f"/en/practices/{CASE}/")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_compare_page_in_both_languages(
    page: Any, repo_server: SiteServer, width: int, language: str
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{repo_server.url}/{LANGUAGES[language]}compare/?cases={CASE},{OTHER},nope,{CASE}")
    page.wait_for_selector("table.gp-compare__grid")  # the chosen cases' files are fetched
    table = page.locator("table.gp-compare__grid")
    assert table.locator("thead th").count() == 3
    evidence = {"ro": "Dovezi", "en": "Evidence"}[language]
    assert evidence in table.inner_text()
    assert "nope" in page.inner_text("#gp-compare-status")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert serious_violations(page) == []


def test_compare_page_without_javascript_explains_how(
    browser: Any, repo_server: SiteServer
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{repo_server.url}/en/compare/?cases={CASE},{OTHER}")
    text = page.inner_text(".gp-compare")
    assert "tick “Compare”" in text and "JavaScript" in text
    context.close()


def test_compare_prints_on_a4(browser: Any, repo_server: SiteServer, tmp_path: Any) -> None:
    from pypdf import PdfReader

    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{repo_server.url}/compare/?cases={CASE},{OTHER}")
    page.wait_for_selector("table.gp-compare__grid")
    pdf = tmp_path / "compare.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    first = PdfReader(str(pdf)).pages[0]
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "SOCEC.NET" in text and "Tipăriți comparația" not in text
    context.close()
