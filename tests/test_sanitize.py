"""The sanitiser alone, on our templates and on the build path; contacts as pages show them."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, make_project, run_cli
from goodpractice.core.checks.sanitize import sanitize_html
from goodpractice.core.pages.practice import render_contacts, render_factbox
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.project import Project

HOSTILE = [
    ("<p>a</p><script>alert(1)</script>", "<p>a</p>"),
    ('<img src="photo.png" alt="x" onerror="alert(1)">', '<img src="photo.png" alt="x">'),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="  JaVa&#x09;ScRiPt:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>"),
    ('<img src="data:image/png;base64,AAAA" alt="x">', '<img alt="x">'),
    ('<img src="https://tracker.example.com/p.gif" alt="x">', '<img alt="x">'),
    ('<img src="//tracker.example.com/p.gif" alt="x">', '<img alt="x">'),
    ("<svg onload=alert(1)><script>alert(2)</script><circle r=1></circle></svg>ok", "ok"),
    ('<iframe src="https://x.example"></iframe><object data="x"></object>ok', "ok"),
    ("<style>body{display:none}</style><form><input name=a></form>ok", "ok"),
    ('<p style="position:fixed;top:0">x</p>', "<p>x</p>"),
    ('<div onmouseover="alert(1)" class="note">x</div>', '<div class="note">x</div>'),
    ("<!-- <script>alert(1)</script> -->ok", "ok"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>ok', "ok"),
    ('<div id="__drawer">x</div><h2 id="context">C</h2>', '<div>x</div><h2 id="context">C</h2>'),
    (
        '<a href="https://example.org" target="_blank" ping="https://t.example">x</a>',
        '<a href="https://example.org">x</a>',
    ),
]


@pytest.mark.parametrize(("dirty", "clean"), HOSTILE)
def test_sanitiser_removes_what_is_not_allowed(dirty: str, clean: str) -> None:
    assert sanitize_html(dirty) == clean


def test_sanitiser_keeps_what_markdown_makes() -> None:
    html = (
        '<h2 id="context">Context</h2>\n<p>Un <strong>text</strong> cu <a href="../beta/" '
        'title="Beta">link</a> și <code>cod</code>.</p>\n<table>\n<thead>\n<tr>\n'
        '<th style="text-align: left;">An</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
        '<td style="text-align: left;">2015</td>\n</tr>\n</tbody>\n</table>\n'
        '<div class="admonition note">\n<p class="admonition-title">Notă</p>\n</div>\n'
        '<p><img alt="Atelierul" src="photo.png"></p>'
    )
    cleaned = sanitize_html(html)
    assert _tags(cleaned) == _tags(html)


class _TagList(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Style values are re-serialised ("text-align: left;" -> "text-align:left").
        self.tags.append(
            (
                tag,
                sorted((k, re.sub(r"[\s;]", "", v or "") if k == "style" else v) for k, v in attrs),
            )
        )


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _TagList()
    parser.feed(html)
    return parser.tags


def test_our_templates_survive_the_sanitiser(project: Callable[..., Path]) -> None:
    """The fact box of a case study loses no element and no attribute."""
    site = load_site(Project.at(project("hostile/borderline-ok")))
    practice = site.practices["alpha"]
    for language in site.project.language_codes:
        html = render_factbox(site, practice, language)
        assert _tags(sanitize_html(html)) == _tags(html)


def test_contributed_html_cannot_pass_for_a_contact(project: Callable[..., Path]) -> None:
    """The attributes contacts.js joins into an address come only from our contact template,
    drawn after the sanitised text: the sanitiser removes them from anything else."""
    site = load_site(Project.at(project("hostile/borderline-ok")))
    ours = render_contacts(site, site.practices["alpha"], "ro")
    assert "data-gp-user" in ours
    assert "data-gp-" not in sanitize_html(ours)


@pytest.fixture(scope="module")
def borderline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("borderline") / "project", "hostile/borderline-ok")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "site"


def _article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    match = re.search(r"<article\b.*?</article>", html, re.DOTALL)
    assert match, page
    return match.group(0)


def test_borderline_html_is_built_as_written(borderline_site: Path) -> None:
    article = _article(borderline_site / "practices/alpha/index.html")
    assert "<details><summary>Detalii despre finanțare</summary>" in article
    assert '<abbr title="Fondul Social European">FSE</abbr>' in article
    assert "<kbd>Ctrl</kbd>" in article
    assert 'style="text-align:left"' in article
    assert '<a href="https://example.org" title="Exemplu">un site extern</a>' in article
    assert 'class="gp-lead" title="Rezumat"' in article
    assert "&lt;script&gt;alert" in article  # the fenced example, shown as text
    assert "<script" not in article
    assert "notă internă" not in article  # comments are dropped


def test_contacts_are_shown_only_in_halves(borderline_site: Path) -> None:
    for page in ("practices/alpha/index.html", "en/practices/alpha/index.html"):
        html = (borderline_site / page).read_text(encoding="utf-8")
        article = _article(borderline_site / page)
        assert "maria.popescu@asociatia-alfa.ro" not in html
        assert "mailto:" not in html
        assert "tel:" not in article
        assert 'data-gp-user="maria.popescu" data-gp-domain="asociatia-alfa.ro"' in article
        assert "maria [dot] popescu [at] asociatia-alfa [dot] ro" in article
        assert 'data-gp-phone="+40 21 312 4567"' in article
        assert "Ion Ionescu" in article
    assert (borderline_site / "assets/javascripts/contacts.js").is_file()


HOOK = """
INJECTED = (
    "\\n\\nINJECTED-TEXT <script>alert(1)</script>"
    '<img src="photo.png" alt="x" onerror="alert(2)">'
    '<a href="javascript:alert(3)">link</a>'
    '<img src="https://tracker.example.com/p.gif" alt="pixel">'
    '<svg onload="alert(4)"><script>alert(5)</script></svg>'
    '<iframe src="https://evil.example.com"></iframe>\\n'
)


def on_page_markdown(markdown, page, config, files):
    # Stands for anything check did not see: a new Markdown extension, a bug, a skipped check.
    if page.file.src_uri.startswith(("practices/alpha/", "about.")):
        return markdown + INJECTED
    return markdown
"""


def test_build_sanitises_what_check_never_saw(project: Callable[..., Path]) -> None:
    """Unsafe HTML added behind check's back (by an MkDocs hook) never reaches the site."""
    root = project()
    (root / "inject.py").write_text(HOOK, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - inject.py\n", "utf-8")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    pages = ["practices/alpha/index.html", "en/practices/alpha/index.html", "about/index.html"]
    for page in pages:
        article = _article(root / "site" / page)
        # A case study's map, similar practices and checklist come from our template after the
        # sanitised text (pagemeta.CASE_BLOCKS): its SVG map is ours, not the hook's.
        article = article.split('<div class="gp-case-blocks"', 1)[0]
        assert "INJECTED-TEXT" in article, page  # the hook did run
        for unsafe in (
            "<script",
            "onerror",
            "onload",
            "javascript:",
            "tracker.example",
            "<svg",
            "<iframe",
            "alert(",
        ):
            assert unsafe not in article, (page, unsafe)


def test_build_refuses_an_svg_with_a_script_that_check_never_saw(
    project: Callable[..., Path],
) -> None:
    """An SVG in the theme folder (overrides/) is copied as is; check does not read themes."""
    root = project()
    assert run_cli("build", "--root", str(root)).exit_code == 0
    before = sorted(p.relative_to(root).as_posix() for p in (root / "site").rglob("*"))
    (root / "overrides/diagram.svg").write_text(
        "<svg><script>alert(1)</script></svg>", encoding="utf-8"
    )
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert "refusing to publish SVG files with scripts or external references: diagram.svg" in (
        result.output
    )
    assert sorted(p.relative_to(root).as_posix() for p in (root / "site").rglob("*")) == before


def _markdown_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The Markdown extensions of mkdocs.yml, so the test renders pages as the build does."""
    import yaml

    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names: list[str] = ["fenced_code"]  # MkDocs always adds it (with toc and tables)
    options: dict[str, dict[str, object]] = {}
    for entry in config["markdown_extensions"]:
        name, settings = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        names.append(name)
        options[name] = {
            k: v == "true" if v in ("true", "false") else v for k, v in settings.items()
        }
    return names, options


@pytest.mark.parametrize("content", ["minimal", "contacts", "repository"])
def test_whole_case_study_pages_survive_the_sanitiser(
    project: Callable[..., Path], content: str
) -> None:
    """Everything our templates put on a case-study page is in the allow-list.

    If this fails after a template gained new markup, add the element or attribute to
    src/goodpractice/core/data/html-policy.yml if it is safe in contributed text too.
    """
    import markdown

    from goodpractice.core.pages.practice import practice_page
    from goodpractice.core.readers.markdowndoc import split_front_matter

    roots = {
        "minimal": lambda: project(),
        "contacts": lambda: project("hostile/borderline-ok"),
        "repository": lambda: REPO,
    }
    site = load_site(Project.at(roots[content]()))
    names, options = _markdown_extensions()
    for practice in site.practices.values():
        for language in practice.texts:
            _, body, _ = split_front_matter(practice_page(site, practice, language).as_markdown())
            html = markdown.markdown(body, extensions=names, extension_configs=options)
            assert _tags(sanitize_html(html)) == _tags(html), (practice.id, language)


def test_the_model_keeps_only_contacts_with_consent() -> None:
    """Even if check were skipped, a contact without consent never reaches a page."""
    import yaml

    from goodpractice.core.model.practice import practice_from_data

    data = yaml.safe_load(
        (REPO / "tests/fixtures/minimal/practices/alpha/practice.yml").read_text()
    )
    data["contacts"] = [
        {"name": "Fără acord", "email": "a@b.ro"},
        {"name": "Refuzat", "email": "c@d.ro", "consent": {"given": False}},
        {"name": "Cu acord", "email": "e@f.ro", "consent": {"given": True, "date": "2026-10-01"}},
    ]
    practice = practice_from_data(data, "practices/alpha", {})
    assert [contact.name for contact in practice.contacts] == ["Cu acord"]
