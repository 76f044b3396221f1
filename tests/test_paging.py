"""Listings in numbered static pages of a fixed size (issue 16): a page weighs the same at 50
case studies and at 50,000, and every card is reachable without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import make_project, run_cli
from goodpractice.core.base.uris import listing_page_uri
from goodpractice.core.pages import catalogue, paging, taxonomy
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.project import Project


def test_page_addresses_never_collide_with_case_studies_or_organisations() -> None:
    assert listing_page_uri("practices/index.md", 1) == "practices/index.md"
    assert listing_page_uri("practices/index.md", 2) == "practices/page/2/index.md"
    # An organisation called "Page" has its own pages below its folder.
    assert (
        listing_page_uri("organisations/page/index.md", 2) == "organisations/page/page/2/index.md"
    )
    assert listing_page_uri("organisations/index.md", 2) == "organisations/page/2/index.md"


def test_split_keeps_an_empty_first_page() -> None:
    assert paging.split([], 3) == [[]]
    assert paging.split([1, 2, 3, 4], 3) == [[1, 2, 3], [4]]


@pytest.mark.parametrize(
    ("pages", "number", "shown"),
    [
        (3, 1, ["1", "2", "3"]),
        (10, 5, ["1", None, "3", "4", "5", "6", "7", None, "10"]),
        (10, 1, ["1", "2", "3", None, "10"]),
        (10, 10, ["1", None, "8", "9", "10"]),
    ],
)
def test_the_pager_links_the_ends_and_the_pages_near(
    project: Any, pages: int, number: int, shown: list[str | None]
) -> None:
    site = load_site(Project.at(project()))
    uris = [listing_page_uri("practices/index.md", n) for n in range(1, pages + 1)]
    pager = paging.pager(site, uris, number, "en")
    assert [link.label if link else None for link in pager.links] == shown
    assert [link.label for link in pager.links if link and link.current] == [str(number)]
    assert pager.status == f"Page {number} of {pages}"
    assert (pager.previous is None) == (number == 1)
    assert (pager.next is None) == (number == pages)


@pytest.fixture
def paged_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The 'search' fixture (3 case studies) built with one card per page."""
    monkeypatch.setattr(catalogue, "CARDS_PER_PAGE", 1)
    monkeypatch.setattr(taxonomy, "CARDS_PER_PAGE", 1)
    root = make_project(tmp_path / "project", "search")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "site"


def _cards(html: str) -> list[str]:
    return re.findall(r'<li class="gp-card" data-practice="([^"]+)"', html)


def test_every_card_is_on_one_numbered_page(paged_site: Path) -> None:
    for prefix, order in (("", ["alpha", "gamma", "beta"]), ("en/", ["gamma", "alpha", "beta"])):
        folder = paged_site / f"{prefix}practices"
        pages = [folder / "index.html", folder / "page/2/index.html", folder / "page/3/index.html"]
        assert [_cards(page.read_text(encoding="utf-8")) for page in pages] == [[c] for c in order]
        assert not (folder / "page/4").exists()
    second = (paged_site / "practices/page/2/index.html").read_text(encoding="utf-8")
    assert "<title>Studii de caz, pagina 2 - " in second
    assert '<nav class="gp-pages" id="gp-pages" aria-label="Paginile listei">' in second
    assert '<p class="gp-pages__status">Pagina 2 din 3</p>' in second
    assert '<a class="gp-pages__step" href="../../" rel="prev">' in second
    assert '<a class="gp-pages__step" href="../3/" rel="next">' in second
    assert 'href="./" aria-label="Pagina 2" aria-current="page">2</a>' in second
    # The compact index is the same file for every page of the catalogue.
    assert 'data-index="../../catalogue.' in second
    # The open-data block, with links relative to the first page, is only there.
    assert "gp-downloads" not in second
    assert "gp-downloads" in (paged_site / "practices/index.html").read_text(encoding="utf-8")


def test_theme_and_organisation_pages_are_paged_too(paged_site: Path) -> None:
    theme = paged_site / "themes/social-economy"
    assert _cards((theme / "index.html").read_text(encoding="utf-8")) == ["alpha"]
    assert _cards((theme / "page/2/index.html").read_text(encoding="utf-8")) == ["gamma"]
    organisations = sorted(
        path.parent.relative_to(paged_site).as_posix()
        for path in (paged_site / "organisations").glob("*/page/*/index.html")
    )
    assert organisations  # an organisation with two case studies has a second page
    for folder in organisations:
        html = (paged_site / folder / "index.html").read_text(encoding="utf-8")
        assert len(_cards(html)) == 1
        assert 'class="gp-card__role"' in html
