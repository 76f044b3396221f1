"""The catalogue, taxonomy and organisation pages and what the search index is given,
asserted on real builds of fixture sites."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import make_project, run_cli
from goodpractice.core.base.text import slug
from goodpractice.core.pages.facets import active_years


class _Collector(HTMLParser):
    """Start tags with their attributes, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.tags


def _cards(path: Path) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in _tags(path) if tag == "li" and "data-practice" in attrs]


def test_slug_matches_names_written_differently() -> None:
    assert slug("Asociația „Alfa”") == slug("Asociatia Alfa") == "asociatia-alfa"
    assert slug("Primăria Timişoara") == slug("PRIMARIA TIMIȘOARA") == "primaria-timisoara"


def _index(site: Path, language: str) -> tuple[dict[str, Any], list[str]]:
    """The catalogue's compact index of a language, as the page names it, and its summaries."""
    html = (site / f"{language}practices/index.html").read_text(encoding="utf-8")
    form = next(
        attrs
        for tag, attrs in _tags(site / f"{language}practices/index.html")
        if tag == "form" and attrs.get("id") == "gp-filters"
    )
    folder = site / f"{language}practices"
    index = json.loads((folder / str(form["data-index"])).read_text(encoding="utf-8"))
    summaries = json.loads((folder / str(form["data-summaries"])).read_text(encoding="utf-8"))
    assert 'data-index="catalogue.' in html
    return index, summaries


def _facet_keys(index: dict[str, Any], row: list[Any]) -> dict[str, list[str]]:
    names = list(index["facets"])
    return {name: [index["facets"][name][c] for c in row[7][i]] for i, name in enumerate(names)}


def test_catalogue_lists_every_case_study_with_its_facets(built_search: Path) -> None:
    orders = {"": ["alpha", "gamma", "beta"], "en/": ["gamma", "alpha", "beta"]}
    for language, order in orders.items():
        cards = _cards(built_search / f"{language}practices/index.html")
        assert [card["data-practice"] for card in cards] == order  # by title, diacritics ignored
        index, summaries = _index(built_search, language)
        assert [row[0] for row in index["cards"]] == order  # the index too
        assert len(summaries) == len(order)
        rows = {row[0]: row for row in index["cards"]}
        gamma = _facet_keys(index, rows["gamma"])
        assert gamma["theme"] == ["job-mediation", "social-economy"]
        assert gamma["place"] == ["country:ro", "region:vest", "county:timis", "locality:timisoara"]
        assert gamma["target_group"] == ["long-term-unemployed"]
        assert gamma["status"] == ["ongoing"]
        assert gamma["year"] == ["2021"]
        alpha = _facet_keys(index, rows["alpha"])
        assert alpha["funding"] == ["posdru-2007-2013"]
        assert alpha["year"] == ["2014", "2015"]
    html = (built_search / "practices/index.html").read_text(encoding="utf-8")
    # The form is in the page from the first paint (the stylesheet hides it without
    # JavaScript, html.no-js), with its text box; the list is complete without it.
    assert re.search(r'<form class="gp-filters" id="gp-filters" role="search"', html)
    assert '<input id="gp-filter-q" type="search" name="q"' in html
    assert 'aria-live="polite"' in html
    assert "3 studii de caz" in html
    assert '<option value="region:vest" data-label="Vest">Vest (1)</option>' in html
    assert '<option value="theme' not in html
    english = (built_search / "en/practices/index.html").read_text(encoding="utf-8")
    assert '<option value="region:vest" data-label="West">West (1)</option>' in english
    assert "3 case studies" in english


def test_taxonomy_pages_list_their_case_studies_in_both_languages(built_search: Path) -> None:
    theme = built_search / "themes/social-economy/index.html"
    assert sorted(card["data-practice"] or "" for card in _cards(theme)) == ["alpha", "gamma"]
    assert "Economie socială" in theme.read_text(encoding="utf-8")
    english = (built_search / "en/themes/social-economy/index.html").read_text(encoding="utf-8")
    assert "Case studies on the theme “Social economy”." in english
    assert [c["data-practice"] for c in _cards(built_search / "target-groups/roma/index.html")] == [
        "beta"
    ]
    assert [c["data-practice"] for c in _cards(built_search / "regions/vest/index.html")] == [
        "gamma"
    ]
    empty = (built_search / "themes/environment/index.html").read_text(encoding="utf-8")
    assert "Încă nu există studii de caz aici." in empty
    index = (built_search / "en/themes/index.html").read_text(encoding="utf-8")
    assert '<a href="../themes/social-economy/">Social economy</a>' not in index
    assert '<a href="social-economy/">Social economy</a>' in index


def test_one_organisation_page_per_name_however_it_is_spelt(built_search: Path) -> None:
    page = built_search / "organisations/asociatia-alfa/index.html"
    html = page.read_text(encoding="utf-8")
    assert sorted(card["data-practice"] or "" for card in _cards(page)) == ["alpha", "gamma"]
    assert "<h1" in html and "Asociația Alfa" in html
    assert "<strong>Rol:</strong> Partener, Organizație neguvernamentală" in html
    assert not (built_search / "organisations/asociatia-alfa-2").exists()
    english = (built_search / "en/organisations/asociatia-alfa/index.html").read_text("utf-8")
    assert "Role:" in english


def test_fact_box_terms_link_to_pages_that_exist(built_search: Path) -> None:
    for language in ("", "en/"):
        page = built_search / f"{language}practices/gamma/index.html"
        tags = _tags(page)
        start = next(i for i, (tag, a) in enumerate(tags) if a.get("class") == "gp-factbox")
        hrefs = [a["href"] for tag, a in tags[start:] if tag == "a" and a.get("href")]
        internal = [h for h in hrefs if h and not h.startswith("http")]
        assert "../../themes/job-mediation/" in internal
        assert "../../organisations/primaria-timisoara/" in internal
        assert "../../regions/vest/" in internal
        assert "../../target-groups/long-term-unemployed/" in internal
        for href in internal:
            # The catalogue filtered by a county, the indicators' map: the page itself.
            folder = href.split("?", 1)[0].split("#", 1)[0]
            assert (page.parent / folder / "index.html").resolve().exists(), href


def test_check_knows_generated_pages(project: Any) -> None:
    root = project("search")
    about = root / "docs" / "about.ro.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n[Economie socială](themes/social-economy/index.md), "
        "[Alfa](organisations/asociatia-alfa/index.md), [căutare](search/index.md)\n"
        "[greșit](themes/no-such-theme/index.md)\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--root", str(root))
    assert "themes/social-economy" not in result.output
    assert "organisations/asociatia-alfa" not in result.output
    assert "search/index.md" not in result.output
    assert "themes/no-such-theme/index.md" in result.output


def test_search_index_is_split_by_language_and_leaves_out_listings(built_search: Path) -> None:
    # One bundle per language, beside its pages.
    languages = {}
    for language, bundle in (("ro", "pagefind"), ("en", "en/pagefind")):
        entry = json.loads((built_search / bundle / "pagefind-entry.json").read_text("utf-8"))
        assert set(entry["languages"]) == {language}
        languages |= entry["languages"]
    # ro: home, about, partners, 3 case studies; en: the same less the untranslated partners.
    assert languages["ro"]["page_count"] == 6
    assert languages["en"]["page_count"] == 5
    body = "data-pagefind-body"
    assert body in (built_search / "practices/gamma/index.html").read_text("utf-8")
    assert body in (built_search / "about/index.html").read_text("utf-8")
    listings = ("practices/index.html", "themes/social-economy/index.html", "search/index.html")
    for listing in listings:
        assert body not in (built_search / listing).read_text("utf-8"), listing
    # Shown in English only because it is not translated: not indexed as English.
    assert body not in (built_search / "en/partners/index.html").read_text("utf-8")


def test_case_study_gives_search_its_summary_place_and_filters(built_search: Path) -> None:
    html = (built_search / "en/practices/gamma/index.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-meta="place">Timișoara</span>' in html
    assert '<span data-pagefind-filter="theme">Job mediation</span>' in html
    # Places by level: the search page groups them; a county and a town stay apart.
    assert '<span data-pagefind-filter="place_region">West</span>' in html
    assert '<span data-pagefind-filter="place_county">Timiș</span>' in html
    assert '<span data-pagefind-filter="place_locality">Timișoara</span>' in html
    assert '<span data-pagefind-filter="year">2021</span>' in html


def test_case_study_is_indexed_with_its_terms_and_their_aliases(built_search: Path) -> None:
    """The short forms practitioners type (NGO, ONG, jobless) find the case study: they are
    indexed after the prose, so excerpts still come from the prose."""
    for language, words in (("", ["ONG", "șomaj", "Timiș"]), ("en/", ["NGO", "jobless"])):
        html = (built_search / f"{language}practices/gamma/index.html").read_text("utf-8")
        # Up to the blocks drawn after the indexed part (map, similar practices, checklist).
        body = html[html.index("data-pagefind-body") : html.index('class="gp-case-blocks"')]
        terms = re.search(r'<p id="gp-search-terms" hidden>(.*?)</p>', body, re.S)
        assert terms, language
        assert body.rindex("<h2") < body.index('id="gp-search-terms"')  # after the prose
        for word in words:
            assert word in terms.group(1), (language, word)


def test_no_material_search_index(built_search: Path) -> None:
    assert not (built_search / "search/search_index.json").exists()
    html = (built_search / "index.html").read_text(encoding="utf-8")
    assert 'class="gp-header-search"' in html
    assert 'action="./search/"' in html
    english = (built_search / "en/practices/alpha/index.html").read_text(encoding="utf-8")
    assert 'action="../../search/"' in english


def test_active_years(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    from goodpractice.core.pipeline import load_site
    from goodpractice.core.readers.project import Project

    site = load_site(Project.at(root))
    assert active_years(site.practices["alpha"]) == ["2014", "2015"]
    assert active_years(site.practices["beta"]) == []


def test_build_reports_the_search_index(project: Any) -> None:
    root = project("search")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert "Search index: 11 pages in 2 language(s) (Pagefind)." in result.output
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()
    assert (root / "site" / "en" / "pagefind" / "pagefind.js").is_file()


def test_build_reports_in_the_language_of_its_messages(
    project: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project("search")
    monkeypatch.setenv("GOODPRACTICE_LANG", "ro")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert "Indexul de căutare: pagini: 11; limbi: 2 (Pagefind)." in result.output
    assert "Date deschise: practices.json " in result.output
    assert f"Site-ul este gata în {root / 'site'} (pagini: " in result.output
    assert " KiB" in result.output and "Built " not in result.output


def test_a_card_is_made_once_for_every_listing_and_links_from_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every listing shares a case study's card (the catalogue, its themes, target groups,
    places, organisations); only the link is set for each page. A card whose text holds the
    mark the link is set at (check bypassed) is made the slow way, with its text as it is."""
    from dataclasses import replace

    from goodpractice.core.pages import catalogue
    from goodpractice.core.pages.registry import generated_pages
    from goodpractice.core.pipeline import load_site
    from goodpractice.core.readers.project import Project

    site = load_site(Project.at(make_project(tmp_path / "p")))
    made: list[tuple[str, str, str]] = []
    original = catalogue.render_template

    def counted(site_: Any, name: str, **context: Any) -> str:
        if name == "card.html":
            card = context["card"]
            made.append((card.id, context["labels"]["catalogue.place"], context["role"]))
        return original(site_, name, **context)

    monkeypatch.setattr(catalogue, "render_template", counted)
    pages = generated_pages(site)
    assert len(made) == len(set(made))
    assert {id_ for id_, _, _ in made} == set(site.practices)
    listed = [
        page.before
        for page in pages["themes/" + site.practices["alpha"].themes[0] + "/index.md"].values()
    ]
    assert all('href="../../practices/alpha/"' in html for html in listed)
    assert 'href="alpha/"' in pages["practices/index.md"]["ro"].before
    assert not catalogue._cards_of_build(site)  # let go once the listings are made

    alpha = site.practices["alpha"]
    text = alpha.texts["ro"]
    odd = replace(
        alpha, texts={**alpha.texts, "ro": replace(text, title=text.title + catalogue._HREF)}
    )
    shown = catalogue.CardHtml(site, "ro")(odd, "themes/x/")
    assert shown.count('href="../../practices/alpha/"') == 1
    assert catalogue._HREF in shown
