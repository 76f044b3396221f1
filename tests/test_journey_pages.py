"""The pages of the practitioner's journey as built (issue 14): the home page made from the
data, the case page's fact box, skip links and the head. In Chromium: tests/browser/."""

from __future__ import annotations

import re
from pathlib import Path

from goodpractice.core.base.text import fold


def _html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def _home_block(html: str) -> str:
    start = html.index('<div class="gp-home">')
    return html[start : html.index("</article>", start)]


def test_home_page_shows_the_newest_cases_figures_search_and_ways_in(built_search: Path) -> None:
    languages = [
        ("index.html", ("țintă asumată", "rezultat raportat", "3 studii de caz")),
        ("en/index.html", ("target", "reported result", "3 case studies")),
    ]
    for rel, words in languages:
        html = _html(built_search, rel)
        block = _home_block(html)
        # The search box is in the body, a plain form to the search page of the language.
        assert re.search(r'<form class="gp-home-search" role="search" method="get" action="'
                         r'(\./)?search/"', block)  # fmt: skip
        assert 'name="q"' in block
        # The newest first (added: gamma 2026-11-15, then alpha and beta 2026-11-01).
        cards = re.findall(r'data-practice="([^"]+)"', block)
        assert cards[0] == "gamma" and sorted(cards) == ["alpha", "beta", "gamma"]
        assert '<h3 class="gp-card__title"' in block  # under the section's h2
        # Every headline figure says whether it is a target or a reported result.
        headlines = re.findall(
            r'<li class="gp-headline gp-headline--(\w+)">(.*?)</li>', block, re.S
        )
        assert headlines
        for basis, item in headlines:
            assert basis in ("target", "achieved")
            label = words[0] if basis == "target" else words[1]
            assert label in item, item
        assert words[2] in block  # counts computed, never written in prose
        # The hand-written text is indexed for search; the blocks, which repeat it, are not.
        indexed = html[html.index("<div data-pagefind-body>") :]
        assert indexed.index("</div>") < indexed.index('<div class="gp-home">')


def test_home_page_lists_only_ways_in_that_exist(built_search: Path) -> None:
    """The fixture has no curriculum and no guide: the home page does not point to them."""
    block = _home_block(_html(built_search, "index.html"))
    assert 'href="practices/"' in block or 'href="./practices/"' in block
    assert "curriculum/" not in block and "guides/" not in block
    assert "indicators/" in block


def test_repository_home_page_says_nothing_that_goes_stale(built_repo: Path) -> None:
    for rel in ("index.html", "en/index.html"):
        text = fold(_html(built_repo, rel))
        assert "vor fi publicate" not in text and "will be published" not in text
        block = _home_block(_html(built_repo, rel))
        assert "curriculum/" in block and "guides/" in block  # both are online


def _factbox(site: Path, rel: str) -> str:
    html = _html(site, rel)
    start = html.index('<aside class="gp-factbox"')
    return html[start : html.index("</aside>", start)]


def test_case_page_shows_key_figures_and_core_facts_first(built_search: Path) -> None:
    for rel, more in (("practices/alpha/index.html", "Mai multe detalii"),
                      ("en/practices/alpha/index.html", "More details")):  # fmt: skip
        box = _factbox(built_search, rel)
        order = [
            box.index('class="gp-keyfigures"'),
            box.index("gp-factbox__row--status"),
            box.index("gp-factbox__row--organisations"),
            box.index('<details class="gp-factbox__more gp-disclosure">'),
            box.index("gp-factbox__row--themes"),
            box.index("gp-factbox__row--sources"),
        ]
        assert order == sorted(order), rel
        assert f"<summary>{more}</summary>" in box
        # Each key figure names its basis.
        figures = re.findall(r'class="gp-keyfigure gp-keyfigure--(\w+)"', box)
        assert figures == ["achieved", "achieved"]
        assert box.count('class="gp-keyfigure__basis"') == 2


def test_case_page_links_sources_and_places(built_search: Path) -> None:
    box = _factbox(built_search, "en/practices/gamma/index.html")
    # A source with an address is a link; one without stays text.
    assert '<a href="https://example.org/raport-gamma" rel="external noopener">' in box
    # A county or a town leads to the catalogue showing the case studies of that place.
    assert '<a href="../?place=county%3Atimis">Timiș</a>' in box
    assert '<a href="../?place=locality%3Atimisoara">Timișoara</a>' in box


def test_every_page_has_a_skip_link_to_its_content(built_repo: Path) -> None:
    pages = sorted(built_repo.rglob("index.html"))
    assert len(pages) > 100
    for page in pages:
        if "pagefind" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        # Material's own skip link (on some pages, to their first heading) is not shown.
        body = re.sub(r'<div data-md-component="skip">.*?</div>', "", html, flags=re.S)
        body = body[body.index("<body") :]
        first_link = re.search(r"<a\s[^>]*href=\"([^\"]*)\"", body)
        assert first_link and first_link.group(1) == "#gp-main", page
        assert 'id="gp-main"' in body, page
