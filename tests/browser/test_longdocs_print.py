"""Long documents in a real Chromium: printed to PDF (text read back with pypdf), the
trainer-notes toggle, the page without JavaScript, and the build's own PDF handouts."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from conftest import REPO, make_project, run_cli
from goodpractice.core.readers.markdowndoc import parse_markdown
from goodpractice.core.readers.yamlsafe import load_yaml

from .conftest import SiteServer

# Chrome of the site that must never reach paper (navigation, search, header, footer).
CHROME = {
    "ro": ["Despre platformă", "Parteneri", "Căutare", "Salt la conținut", "licența CC BY 4.0"],
    "en": ["About the platform", "Partners", "Search", "Skip to content", "CC BY 4.0 licence"],
}
NOTE_TITLE = {"ro": "Note pentru formator", "en": "Trainer notes"}
PREFIX = {"ro": "", "en": "/en"}


def _modules() -> list[str]:
    data = load_yaml((REPO / "curriculum" / "curriculum.yml").read_text(encoding="utf-8")).data
    return list(data["modules"])


def _title(module: str, language: str) -> str:
    text = (REPO / "curriculum" / module / f"{language}.md").read_text(encoding="utf-8")
    return str(parse_markdown(text).meta["title"])


def _notes(module: str, language: str) -> list[str]:
    """The first words of each trainer note of a module, as they would appear in print."""
    lines = (REPO / "curriculum" / module / f"{language}.md").read_text(encoding="utf-8")
    found = lines.split("\n")
    return [
        _normal(found[i + 1])[:40]
        for i, line in enumerate(found)
        if line.startswith("!!! trainer-notes")
    ]


def _normal(text: str) -> str:
    """PDF text with ligatures unfolded and line breaks as spaces, for substring checks."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return _normal("\n".join(page.extract_text() for page in reader.pages)), len(reader.pages)


def _page_starts(pdf: bytes) -> list[str]:
    return [_normal(page.extract_text())[:40] for page in PdfReader(io.BytesIO(pdf)).pages]


def _print(page: Any, url: str) -> tuple[str, int]:
    page.goto(url, wait_until="load")
    return _pdf_text(page.pdf(format="A4", prefer_css_page_size=True))


def _assert_in_order(text: str, titles: list[str]) -> None:
    positions = [text.find(_normal(title)) for title in titles]
    assert all(p >= 0 for p in positions), list(zip(titles, positions, strict=True))
    assert positions == sorted(positions), list(zip(titles, positions, strict=True))


@pytest.mark.parametrize("language", ["ro", "en"])
def test_whole_curriculum_prints_every_module_in_order(
    page: Any, repo_server: SiteServer, language: str
) -> None:
    modules = _modules()
    titles = [_title(module, language) for module in modules]
    base = f"{repo_server.url}{PREFIX[language]}/curriculum"
    participant, pages = _print(page, f"{base}/print/")
    trainer, trainer_pages = _print(page, f"{base}/print-trainer/")
    for text in (participant, trainer):
        # The contents list the titles once, the parts again: check the parts' order.
        body = text[text.find(_normal(titles[-1])) + 1 :]
        _assert_in_order(body, titles)
        for chrome in CHROME[language]:
            # Whole words: the annex's facts may name a theme "Parteneriate și rețele".
            assert not re.search(rf"\b{re.escape(chrome)}\b", text), chrome
    other = "en" if language == "ro" else "ro"
    assert _normal(_title(modules[0], other)) not in participant
    assert pages >= len(modules) + 1 and trainer_pages >= pages
    starts = _page_starts(page.pdf(format="A4", prefer_css_page_size=True))
    position = "Modulul" if language == "ro" else "Module"
    assert sum(start.startswith(position) for start in starts) == len(modules)  # new pages
    notes = [note for module in modules for note in _notes(module, language)]
    assert len(notes) >= len(modules)
    assert not [note for note in notes if note in participant]
    assert [note for note in notes if note in trainer] == notes


def test_a_module_prints_without_site_chrome_and_as_shown(
    page: Any, repo_server: SiteServer
) -> None:
    module = _modules()[0]
    url = f"{repo_server.url}/curriculum/{module}/"
    text, pages = _print(page, url)
    assert pages >= 1
    assert _normal(_title(module, "ro")) in text
    for chrome in CHROME["ro"]:
        assert chrome not in text
    note = _notes(module, "ro")[0]
    assert note in text  # shown on screen, so printed
    assert "goodpractice.example.org/curriculum/" in text  # the way back online
    page.get_by_role("button", name=NOTE_TITLE["ro"]).click()
    hidden_text, _ = _pdf_text(page.pdf(format="A4"))
    assert note not in hidden_text  # the participant view prints as such


def test_trainer_toggle_is_a_keyboard_button_whose_choice_survives_navigation(
    page: Any, repo_server: SiteServer
) -> None:
    first, second = _modules()[:2]
    page.goto(f"{repo_server.url}/en/curriculum/{first}/")
    button = page.get_by_role("button", name="Trainer notes")
    notes = page.locator(".admonition.trainer-notes").first
    assert button.get_attribute("aria-pressed") == "true" and notes.is_visible()
    button.focus()
    page.keyboard.press("Space")
    assert button.get_attribute("aria-pressed") == "false" and notes.is_hidden()
    page.locator("a[rel=next]").click()
    page.wait_for_url(f"**/en/curriculum/{second}/")
    assert page.get_by_role("button", name="Trainer notes").get_attribute("aria-pressed") == "false"
    assert page.locator(".admonition.trainer-notes").first.is_hidden()
    page.goto(f"{repo_server.url}/curriculum/{first}/")  # Romanian: same choice
    button = page.get_by_role("button", name="Note pentru formator")
    assert button.get_attribute("aria-pressed") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    assert page.locator(".admonition.trainer-notes").first.is_visible()


def test_without_javascript_trainer_notes_are_visible(
    browser: Any, repo_server: SiteServer
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{repo_server.url}/curriculum/{_modules()[0]}/")
        assert page.locator(".admonition.trainer-notes").first.is_visible()
        assert page.locator("[data-gp-trainer-toggle]").is_hidden()  # it would do nothing
    finally:
        context.close()


def test_the_build_prints_pdf_handouts_and_links_them(
    page: Any, repo_server: SiteServer, built_repo: Path
) -> None:
    modules = _modules()
    for language in ("ro", "en"):
        page.goto(f"{repo_server.url}{PREFIX[language]}/curriculum/")
        links = page.locator("a.gp-pdf-link")
        assert links.count() == 2
        for index, variant in enumerate(("participant", "trainer")):
            href = links.nth(index).get_attribute("href")
            assert href.endswith(f"-{language}-{variant}.pdf")
            response = page.request.get(f"{repo_server.url}{PREFIX[language]}/curriculum/{href}")
            assert response.ok and response.headers["content-type"] == "application/pdf"
            text, pages = _pdf_text(response.body())
            assert pages >= len(modules)
            first_note = _notes(modules[0], language)[0]
            assert (first_note in text) is (variant == "trainer")
            _assert_in_order(text, [_title(m, language) for m in modules])
    guides = sorted((built_repo / "guides").rglob("*.pdf"))
    assert [p.name for p in guides] == ["transferul-bunelor-practici-ro.pdf"]


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = make_project(tmp_path_factory.mktemp("longdocs-browser") / "project", "longdocs")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    with SiteServer(root / "site") as server:
        yield server


def test_printing_opens_collapsed_blocks_and_spells_out_external_links(
    page: Any, fixture_server: SiteServer
) -> None:
    page.goto(f"{fixture_server.url}/curriculum/primul/")
    assert page.locator("details.solution").get_attribute("open") is None  # collapsed on screen
    text, _ = _pdf_text(page.pdf(format="A4"))
    assert "SOLUȚIA-PRIMUL-RO" in text
    # A long address may wrap, which text extraction turns into a space.
    assert "un site extern (https://example.org/resurse)" in text.replace("exam ple", "example")
    assert "Beta (" not in text  # internal links keep their text only
