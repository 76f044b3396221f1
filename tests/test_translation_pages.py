"""What readers see of translations, on real built sites: notices, languages, the dashboard,
hreflang in the head and the sitemap, search, and a language switcher that never leads to 404.

The fixture has a complete translation (beta), outdated ones (alpha, about), and texts in one
language only: a Romanian case (gamma) and page (guide), an English case (delta) and page (news).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import make_project, run_cli
from translations_support import stamp_complete

SITE_URL = "https://goodpractice.example.org/"


def _at_noon(path: Path, day: str) -> None:
    stamp = datetime.fromisoformat(f"{day}T12:00:00+00:00").astimezone(UTC).timestamp()
    os.utime(path, (stamp, stamp))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("translations") / "project",
        "translations/missing",
        "translations/outdated",
    )
    stamp_complete(root)
    _at_noon(root / "practices/alpha/ro.md", "2026-03-04")
    _at_noon(root / "docs/about.ro.md", "2026-05-06")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "site"


class _Elements(HTMLParser):
    """Start tags with their attributes, and the text inside chosen elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {key: value or "" for key, value in attrs}))


def _tags(html: str, tag: str, **attrs: str) -> list[dict[str, str]]:
    parser = _Elements()
    parser.feed(html)
    return [
        found
        for name, found in parser.tags
        if name == tag and all(found.get(k.rstrip("_")) == v for k, v in attrs.items())
    ]


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _notice(html: str) -> str | None:
    match = re.search(r'<aside class="gp-translation-notice.*?</aside>', html, re.S)
    return match.group(0) if match else None


def _html_lang(html: str) -> str:
    return _tags(html, "html")[0]["lang"]


def _other_language_block(html: str) -> dict[str, str] | None:
    blocks = [tag for tag in _tags(html, "div") if "gp-other-language" in tag.get("class", "")]
    return blocks[0] if blocks else None


MISSING = [
    # page, reader's language, language of the text, notice, link to the original
    (
        "en/practices/gamma",
        "en",
        "ro",
        "This page has not been translated into English yet. Below is the original text, in "
        "Romanian. Read the original (Romanian)",
        "../../../practices/gamma/",
    ),
    (
        "practices/delta",
        "ro",
        "en",
        "Această pagină nu este încă tradusă în limba română. Mai jos este textul original, în "
        "limba engleză. Citiți originalul (engleză)",
        "../../en/practices/delta/",
    ),
    (
        "en/guide",
        "en",
        "ro",
        "This page has not been translated into English yet. Below is the original text, in "
        "Romanian. Read the original (Romanian)",
        "../../guide/",
    ),
    (
        "news",
        "ro",
        "en",
        "Această pagină nu este încă tradusă în limba română. Mai jos este textul original, în "
        "limba engleză. Citiți originalul (engleză)",
        "../en/news/",
    ),
]


@pytest.mark.parametrize(
    ("path", "reader", "text_language", "notice", "href"),
    MISSING,
    ids=[m[0] for m in MISSING],
)
def test_a_missing_translation_shows_the_original_with_a_notice(
    site: Path, path: str, reader: str, text_language: str, notice: str, href: str
) -> None:
    html = _page(site, path)
    aside = _notice(html)
    assert aside is not None
    assert _text(aside).strip() == notice
    link = _tags(aside, "a")[0]
    assert (link["href"], link["hreflang"]) == (href, text_language)
    target = posixpath.normpath(posixpath.join("/" + path + "/", href)).lstrip("/")
    assert (site / target / "index.html").is_file()
    # The interface stays in the reader's language; the text says which language it is in,
    # and Pagefind (another search engine) is told to skip it.
    assert _html_lang(html) == reader
    block = _other_language_block(html)
    assert block is not None
    assert (block["lang"], block["data-pagefind-ignore"]) == (text_language, "all")
    # Search engines are sent to the original.
    canonical = _tags(html, "link", rel="canonical")[0]["href"]
    assert canonical == SITE_URL + target + "/"


def test_the_facts_of_an_untranslated_case_stay_in_the_readers_language(site: Path) -> None:
    html = _page(site, "en/practices/gamma")
    assert _tags(html, "aside", lang="en")  # the fact box, inside the Romanian text
    assert "Cooperativa Gamma din Iași" in html
    assert "At a glance" in html


@pytest.mark.parametrize(
    ("path", "notice"),
    [
        (
            "en/practices/alpha",
            "The Romanian original was changed on 4 March 2026, after this translation was last "
            "checked (10 January 2026); parts of it may be out of date. Read the original "
            "(Romanian)",
        ),
        (
            "en/about",
            "The Romanian original was changed on 6 May 2026, after this translation was last "
            "checked (3 February 2026); parts of it may be out of date. Read the original "
            "(Romanian)",
        ),
    ],
)
def test_an_outdated_translation_names_the_date_of_the_original(
    site: Path, path: str, notice: str
) -> None:
    html = _page(site, path)
    aside = _notice(html)
    assert aside is not None and _text(aside).strip() == notice
    assert _html_lang(html) == "en"
    assert _other_language_block(html) is None  # the text is English: nothing to mark
    assert _tags(html, "link", rel="canonical")[0]["href"] == SITE_URL + path + "/"


@pytest.mark.parametrize(
    "path", ["", "en", "practices/alpha", "en/practices/beta", "en/partners", "guide", "en/news"]
)
def test_originals_and_complete_translations_carry_no_notice(site: Path, path: str) -> None:
    html = _page(site, path)
    assert _notice(html) is None
    assert _other_language_block(html) is None


def test_fallback_pages_are_not_in_the_search_index(site: Path) -> None:
    # Pagefind indexes only what is inside data-pagefind-body, in the page's language.
    def indexed(path: str) -> bool:
        return "data-pagefind-body" in (site / path / "index.html").read_text("utf-8")

    for fallback in ("en/practices/gamma", "practices/delta", "en/guide", "news"):
        assert not indexed(fallback), fallback
    for original in ("practices/gamma", "en/practices/delta", "guide", "en/news"):
        assert indexed(original), original


@pytest.mark.parametrize(
    ("path", "counts"),
    [
        (
            "translations",
            {
                "case-studies": {"total": 4, "complete": 1, "outdated": 1, "missing": 2},
                "pages": {"total": 5, "complete": 2, "outdated": 1, "missing": 2},
            },
        ),
        (
            "en/translations",
            {
                "case-studies": {"total": 4, "complete": 1, "outdated": 1, "missing": 2},
                "pages": {"total": 5, "complete": 2, "outdated": 1, "missing": 2},
            },
        ),
    ],
)
def test_the_dashboard_counts_and_lists(
    site: Path, path: str, counts: dict[str, dict[str, int]]
) -> None:
    html = _page(site, path)
    for kind, expected in counts.items():
        row = re.search(rf'<tr data-kind="{kind}">(.*?)</tr>', html, re.S)
        assert row is not None
        found = dict(re.findall(r'<td data-count="(\w+)">(\d+)</td>', row.group(1)))
        assert {key: int(found[key]) for key in expected} == expected
    listed = re.findall(r'<tr data-state="(\w+)">\s*<td><a href="([^"]+)"', html)
    assert sorted(state for state, _ in listed) == ["missing"] * 4 + ["outdated"] * 2
    for _, href in listed:
        target = posixpath.normpath(posixpath.join("/" + path + "/", href)).lstrip("/")
        assert (site / target / "index.html").is_file(), href


def test_the_dashboard_speaks_the_readers_language(site: Path) -> None:
    assert "<h1>Starea traducerilor</h1>" in _page(site, "translations")
    english = _page(site, "en/translations")
    assert "<h1>Translation status</h1>" in english
    assert "4 March 2026" in english and "10 January 2026" in english


def _pages(site: Path) -> Iterator[tuple[str, str]]:
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        yield rel, file.read_text(encoding="utf-8")


def _resolve(site: Path, page: str, href: str) -> Path:
    href = "/" + href.removeprefix(SITE_URL) if href.startswith(SITE_URL) else href
    folder = "/" + page.rsplit("/", 1)[0] + "/" if "/" in page else "/"
    target = href if href.startswith("/") else posixpath.join(folder, href)
    path = site / posixpath.normpath(target).lstrip("/")
    return path / "index.html" if href.endswith("/") or path.is_dir() else path


FALLBACKS = {"practices/gamma/": "en", "practices/delta/": "ro", "guide/": "en", "news/": "ro"}


def _expected_hreflang(page: str) -> set[str]:
    """Every language a page exists in, less those where it only shows its original."""
    neutral = page.removesuffix("index.html").removeprefix("en/")
    return {"ro", "en", "x-default"} - {FALLBACKS.get(neutral, "")}


def _language_alternates(links: list[dict[str, str]]) -> dict[str, str]:
    # The Atom feed is an alternate too, in no language.
    return {link["hreflang"]: link["href"] for link in links if "hreflang" in link}


def _assert_hreflang_and_switcher(site: Path) -> int:
    checked = 0
    for page, html in _pages(site):
        switcher = [a for a in _tags(html, "a") if "md-select__link" in a.get("class", "")]
        head = _language_alternates(_tags(html, "link", rel="alternate"))
        assert len(switcher) == 2, page
        if page == "404.html":
            assert head == {}, "a page that is not found has no language versions"
        else:
            assert set(head) == _expected_hreflang(page), page
            # Absolute: search engines ignore relative hreflang links (issue 14).
            assert all(href.startswith(SITE_URL) for href in head.values()), page
        for href in [a["href"] for a in switcher] + list(head.values()):
            assert _resolve(site, page, href).is_file(), f"{page}: {href} leads nowhere"
            checked += 1
    return checked


def test_every_switcher_and_hreflang_link_of_the_fixture_leads_to_a_page(site: Path) -> None:
    assert _assert_hreflang_and_switcher(site) > 80


def test_every_switcher_and_hreflang_link_of_the_repository_leads_to_a_page(
    built_repo: Path,
) -> None:
    assert _assert_hreflang_and_switcher(built_repo) > 60


def test_the_head_names_no_fallback_page_as_a_language_version(site: Path) -> None:
    def hreflang(path: str) -> dict[str, str]:
        return _language_alternates(_tags(_page(site, path), "link", rel="alternate"))

    gamma, beta = (SITE_URL + "practices/" + name + "/" for name in ("gamma", "beta"))
    assert hreflang("en/practices/gamma") == {"ro": gamma, "x-default": gamma}
    assert hreflang("practices/gamma") == {"ro": gamma, "x-default": gamma}
    en_delta = SITE_URL + "en/practices/delta/"
    assert hreflang("practices/delta") == {"en": en_delta, "x-default": en_delta}
    assert hreflang("practices/beta") == {
        "ro": beta,
        "en": SITE_URL + "en/practices/beta/",
        "x-default": beta,
    }


def test_x_default_names_the_original(site: Path) -> None:
    def x_default(path: str) -> str:
        return _tags(_page(site, path), "link", rel="alternate", hreflang="x-default")[0]["href"]

    assert x_default("en/news") == SITE_URL + "en/news/"
    assert x_default("news") == SITE_URL + "en/news/"
    assert x_default("en/practices/beta") == SITE_URL + "practices/beta/"


def test_the_sitemap_lists_pages_in_their_own_language_only(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    locs = [re.search(r"<loc>(.*?)</loc>", url).group(1) for url in urls]  # type: ignore[union-attr]
    assert len(locs) == len(set(locs))
    for fallback in ("en/practices/gamma/", "practices/delta/", "en/guide/", "news/"):
        assert SITE_URL + fallback not in sitemap
    for url in urls:
        links = dict(re.findall(r'hreflang="([\w-]+)" href="([^"]+)"', url))
        assert "x-default" in links, url
        for href in links.values():
            assert _resolve(site, "index.html", href.removeprefix(SITE_URL)).is_file()
    beta = next(url for url in urls if f"<loc>{SITE_URL}en/practices/beta/</loc>" in url)
    assert f'hreflang="ro" href="{SITE_URL}practices/beta/"' in beta
    assert f'hreflang="x-default" href="{SITE_URL}practices/beta/"' in beta
    news = next(url for url in urls if f"<loc>{SITE_URL}en/news/</loc>" in url)
    assert 'hreflang="ro"' not in news
