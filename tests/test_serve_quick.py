"""``serve``'s quick preview: after a save under one case study's folder only that case is read
and checked again, and only the pages that show it are rendered again; what they show is what
a whole load shows (pages/edits.LEFT_AS_BEFORE excepted, which serve names)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from goodpractice.core import pipeline
from goodpractice.core.base.languages import with_suffix
from goodpractice.core.base.problems import ContentError, errors
from goodpractice.core.pages.edits import LEFT_AS_BEFORE
from goodpractice.core.pages.registry import GENERATORS
from goodpractice.core.pipeline import SiteOutput, check_project, site_output
from goodpractice.core.readers.project import Project


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    pipeline._last = None
    yield
    pipeline._last = None


def _whole(root: Path) -> SiteOutput:
    """The output of a whole load of the content as it is now (no quick path)."""
    pipeline._last = None
    return site_output(Project.at(root))


def _left_as_before(output: SiteOutput) -> set[str]:
    return {
        with_suffix(uri, language)
        for generator in GENERATORS
        if generator.name in LEFT_AS_BEFORE
        for uri, by_language in generator.render(output.site).items()
        for language in by_language
    }


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_quick_preview_renders_what_a_whole_load_renders(project: Callable[..., Path]) -> None:
    root = project()
    site_output(Project.at(root), quick=True)
    alpha = root / "practices" / "alpha"
    # A new title (its place in every listing) and a theme changed: it leaves one listing and
    # joins another, and the similar case studies move.
    _edit(alpha / "en.md", "The Alpha workshop", "The renamed workshop")
    _edit(alpha / "practice.yml", "themes: [social-economy]", "themes: [job-creation]")
    quick = site_output(Project.at(root), quick=True)
    assert quick.edited == frozenset({"alpha"})
    assert quick.changed is not None and "practices/alpha/index.en.md" in quick.changed
    whole = _whole(root)
    assert whole.edited == frozenset()
    assert quick.contents.keys() == whole.contents.keys()
    stale = _left_as_before(whole)
    assert stale  # the indicators and the compare page
    for uri, page in whole.contents.items():
        if uri not in stale:
            assert quick.contents[uri] == page, uri
    for language in ("ro", "en"):
        uri = with_suffix("practices/alpha/index.md", language)
        assert quick.trusted_html[uri] == whole.trusted_html[uri]
        home = with_suffix("index.md", language)
        assert quick.trusted_html.get(home) == whole.trusted_html.get(home)
    assert quick.notices == whole.notices
    assert quick.site.similar["alpha"] == whole.site.similar["alpha"]
    assert quick.site.warnings == whole.site.warnings
    for uri, by_language in whole.generated_files.items():
        if not uri.startswith("compare/"):
            assert quick.generated_files[uri] == by_language, uri
    assert (
        quick.generated_files["compare/data/alpha.json"]
        == (whole.generated_files["compare/data/alpha.json"])
    )


def test_a_quick_preview_writes_only_the_generated_files_that_changed(
    project: Callable[..., Path],
) -> None:
    root = project()
    site_output(Project.at(root), quick=True)
    _edit(root / "practices" / "alpha" / "en.md", "The Alpha workshop", "The renamed workshop")
    quick = site_output(Project.at(root), quick=True)
    assert quick.changed_files is not None
    assert ("compare/data/alpha.json", "en") in quick.changed_files
    assert not any(uri == "compare/data/beta.json" for uri, _ in quick.changed_files)


def test_a_quick_preview_finds_the_errors_a_whole_check_finds(
    project: Callable[..., Path],
) -> None:
    root = project()
    site_output(Project.at(root), quick=True)
    _edit(
        root / "practices" / "alpha" / "ro.md",
        "summary: Un atelier",
        "summary: Atelier: un atelier",
    )
    with pytest.raises(ContentError) as quick:
        site_output(Project.at(root), quick=True)
    assert quick.value.problems == errors(check_project(Project.at(root)))
    assert any(p.path == "practices/alpha/ro.md" for p in quick.value.problems)
    # Once fixed, the quick path starts again from the last good state.
    _edit(
        root / "practices" / "alpha" / "ro.md",
        "summary: Atelier: un atelier",
        "summary: Un atelier",
    )
    assert site_output(Project.at(root), quick=True).edited == frozenset({"alpha"})


@pytest.mark.parametrize(
    "change",
    ["new file", "outside practices", "new id"],
)
def test_other_saves_load_the_whole_site(project: Callable[..., Path], change: str) -> None:
    root = project()
    site_output(Project.at(root), quick=True)
    alpha = root / "practices" / "alpha"
    if change == "new file":
        (alpha / "notes.txt").write_text("a note", encoding="utf-8")
    elif change == "outside practices":
        labels = root / "i18n" / "interface.yml"
        labels.write_text(labels.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        os.utime(labels, ns=(1, 1))
    else:
        _edit(alpha / "practice.yml", "id: alpha", "id: alpha-two")
    try:
        output = site_output(Project.at(root), quick=True)
    except ContentError:
        return  # a renamed id that check refuses is loaded whole too (and refused)
    assert output.edited == frozenset()


def test_the_build_keeps_no_cards(project: Callable[..., Path]) -> None:
    """Only serve keeps rendered cards from one save to the next."""
    root = project()
    assert site_output(Project.at(root)).site.cards is None
    pipeline._last = None
    assert site_output(Project.at(root), quick=True).site.cards


def test_serve_reads_an_svg_file_again_once_it_changed(tmp_path: Path) -> None:
    from goodpractice.core.checks.files import SvgVerdicts, unsafe_svg_files

    drawing = tmp_path / "qr.svg"
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>')
    known: SvgVerdicts = {}
    assert unsafe_svg_files(tmp_path, known) == []
    assert str(drawing) in known
    drawing.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "utf-8"
    )
    os.utime(drawing, ns=(1, 1))
    assert unsafe_svg_files(tmp_path, known) == ["qr.svg"]
