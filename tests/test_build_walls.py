"""The build's own walls: with check bypassed, nothing executable reaches any built file.

``check`` is switched off here (and an MkDocs hook adds unsafe text and metadata to every page
behind its back), so every payload of ``tests/fixtures/bypass`` reaches the build: titles,
summaries, organisation names, labels, front-matter keys with behaviour, raw HTML, files of
every type, symbolic links. Every built file is then read as its consumer reads it
(``tests/walls.py``): HTML as a browser parses it, CSV as a spreadsheet, XML, SVG, JSON, PDF.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import make_project
from goodpractice.build.sitebuild import build_site
from goodpractice.core import pipeline
from walls import MARKER, site_findings

HOOK = """
PAYLOAD = (
    "\\n\\n<script>gpx(90)</script><img src=x alt=y onerror=gpx(91)>"
    '<a href="javascript:gpx(92)">x</a><iframe src="https://evil.example/gpx"></iframe>\\n'
)


def on_page_markdown(markdown, page, config, files):
    # Stands for anything check did not see: metadata on every page, text on the pages made of
    # contributed text (listings are made only of our templates and escaped values).
    page.meta.update({
        "subtitle": "<img src=x onerror=gpx(93)>",
        "status": '"><script>gpx(98)</script>',
        "description": '"><script>gpx(94)</script>',
        "author": '"><script>gpx(95)</script>',
        "template": "../../../../etc/passwd",
        "gp_translation_notice": "<script>gpx(96)</script>",
        "gp_contacts": "<script>gpx(97)</script>",
    })
    if page.file.src_uri.startswith(("practices/alpha/", "about.", "curriculum/primul/")):
        return markdown + PAYLOAD
    return markdown
"""


@pytest.fixture(scope="module")
def bypassed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = make_project(tmp_path_factory.mktemp("walls") / "project", "longdocs", "bypass")
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"SECRET {MARKER}\n", encoding="utf-8")
    (root / "docs/leak.md").symlink_to(outside / "secret.md")
    (root / "docs/leaked-folder").symlink_to(outside)
    (root / "inject.py").write_text(HOOK, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - inject.py\n", "utf-8")
    checked = pipeline.check
    pipeline.check = lambda raw, layout=None: []  # check bypassed: the walls stand alone
    try:
        # Not strict: the plugin's warnings for what it leaves out would stop a strict build.
        build_site(root, strict=False)
    finally:
        pipeline.check = checked
    yield root / "site"


def test_nothing_executable_reaches_any_built_file(bypassed_site: Path) -> None:
    assert site_findings(bypassed_site) == []


def test_the_payloads_did_reach_the_build(bypassed_site: Path) -> None:
    """The walls were tested: the payloads are on the pages, as text."""
    about = (bypassed_site / "about/index.html").read_text(encoding="utf-8")
    assert "Despre &lt;/title&gt;&lt;script&gt;gpx(41)&lt;/script&gt;" in about  # the h1, as text
    assert "gpx(90)" not in about  # the hook's script was removed with its content
    assert "gpx(12)" not in about  # and the text's javascript: link lost its href
    practice = (bypassed_site / "practices/alpha/index.html").read_text(encoding="utf-8")
    assert "Alfa&lt;/title&gt;&lt;script&gt;gpx(1)&lt;/script&gt;" in practice


def test_every_place_a_plain_text_value_is_printed_escapes_it(bypassed_site: Path) -> None:
    """<title>, meta description and author, h1, navigation, header, footer links, Open Graph,
    search data, JSON-LD: the title of a case study and of a page arrive as text in each."""
    practice = (bypassed_site / "practices/alpha/index.html").read_text(encoding="utf-8")
    title = "Alfa&lt;/title&gt;&lt;script&gt;gpx(1)&lt;/script&gt;"
    assert f"<title>{title} - " in practice
    assert f"<h1>{title}</h1>" in practice or f">{title}</h1>" in practice
    assert '<meta name="description" content="&#34;&gt;&lt;script&gt;gpx(94)' in practice
    assert '<meta name="author"' not in practice  # not a key of the platform: left out
    assert practice.count(title) >= 3  # <title>, the header, og:title, the heading
    catalogue = (bypassed_site / "practices/index.html").read_text(encoding="utf-8")
    assert "Alfa&lt;/title&gt;&lt;script&gt;gpx(1)&lt;/script&gt;" in catalogue  # a card
    assert "Studii de caz&lt;script&gt;gpx(63)&lt;/script&gt;" in catalogue  # a label
    organisation = next((bypassed_site / "organisations").glob("asociatia-img-*/index.html"))
    assert "Asociația &lt;img src=x onerror=gpx(4)&gt;" in organisation.read_text("utf-8")


def test_behaviour_keys_and_unpublishable_files_are_left_out(bypassed_site: Path) -> None:
    names = {p.relative_to(bypassed_site).as_posix() for p in bypassed_site.rglob("*")}
    for left_out in (
        "evil.html",
        "styles/evil.css",
        "images/diagram.svg",
        "images/photo.png",
        "practices/alpha/index.html.html",
        "practices/alpha/notes.md",
        "leak/index.html",
        "leaked-folder",
    ):
        assert not any(name.startswith(left_out) for name in names), left_out
    theme_script = (bypassed_site / "assets/javascripts/contacts.js").read_text("utf-8")
    assert MARKER not in theme_script  # the theme's own file, not the contributed one
    assert not any("SECRET" in p.read_text("utf-8", "replace") for p in _texts(bypassed_site))


def test_exports_hold_no_formula(bypassed_site: Path) -> None:
    csv_text = (bypassed_site / "data/practices.ro.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(" in csv_text
    assert "'@SUM(1+1)" in csv_text


def _texts(site: Path) -> list[Path]:
    return [
        p
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".xml", ".csv", ".txt")
    ]


def test_no_symbolic_link_is_followed_by_the_build(bypassed_site: Path) -> None:
    assert not [p for p in bypassed_site.rglob("*") if os.path.islink(p)]


def test_search_data_feeds_and_json_ld_keep_the_text_as_text(bypassed_site: Path) -> None:
    import feedparser

    practice = (bypassed_site / "practices/alpha/index.html").read_text(encoding="utf-8")
    summary = "&#34;&gt;&lt;img src=x onerror=gpx(2)&gt; Un atelier"
    assert f'<span data-pagefind-meta="summary">{summary}' in practice
    feed = feedparser.parse((bypassed_site / "feed.xml").read_bytes())
    assert feed.bozo == 0
    assert feed.entries[0].title == "Alfa</title><script>gpx(1)</script>"  # text, as written
    assert "<script>" not in (bypassed_site / "feed.xml").read_text(encoding="utf-8")
    assert "\\u003c/script\\u003e" in practice  # JSON-LD: tojson escapes < and >
