"""The curriculum and guide pages of a real build: order, variants, links, QR codes, PDFs."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, make_project, run_cli
from goodpractice.build import pdfhandouts
from goodpractice.core.base.messages import msg
from goodpractice.core.readers.markedblocks import (
    open_collapsed,
    shift_headings,
    strip_trainer_blocks,
)
from goodpractice.core.readers.messages import load_catalogue
from goodpractice.core.readers.project import Project


@pytest.fixture(scope="module")
def built_longdocs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("longdocs") / "project", "longdocs")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "site"


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_first_page_lists_the_modules_in_order_in_each_language(built_longdocs: Path) -> None:
    ro = _html(built_longdocs, "curriculum")
    en = _html(built_longdocs, "en/curriculum")
    assert ro.index("Primul modul de test") < ro.index("Al doilea modul de test")
    assert en.index("First test module") < en.index("Second test module")
    assert "Modulul 1 din 2" in ro and "Module 2 of 2" in en
    assert 'href="primul/"' in ro and 'href="al-doilea/"' in en


def test_module_page_has_facts_pager_toggle_and_qr(built_longdocs: Path) -> None:
    html = _html(built_longdocs, "curriculum/primul")
    assert "Planul sesiunii" in html and "Lucru în grup, Exercițiu practic" in html
    assert 'rel="next" href="../al-doilea/"' in html or 'href="../al-doilea/" rel="next"' in html
    assert re.search(r'<button[^>]*aria-pressed="true"[^>]*data-gp-trainer-toggle[^>]*hidden', html)
    assert "NOTA-FORMATOR-PRIMUL-RO" in html
    qr = re.search(r'<img class="gp-qr__code" src="([^"]+)" alt="Cod QR[^"]*"', html)
    assert qr, "the QR code is an image of the site"
    code = (built_longdocs / "curriculum" / "primul" / qr.group(1)).resolve()
    assert code.read_bytes().startswith(b"<svg") and b"<script" not in code.read_bytes()
    assert "https://goodpractice.example.org/curriculum/primul/" in html
    second = _html(built_longdocs, "curriculum/al-doilea")
    assert "data-gp-trainer-toggle" not in second  # nothing to toggle on this page
    assert 'href="../primul/">Primul modul de test</a>' in second  # the prerequisite


def test_participant_print_leaves_out_trainer_blocks(built_longdocs: Path) -> None:
    participant = _html(built_longdocs, "curriculum/print")
    trainer = _html(built_longdocs, "curriculum/print-trainer")
    for html in (participant, trainer):
        assert html.index('id="gp-part-primul"') < html.index('id="gp-part-al-doilea"')
        assert "<details" not in html  # collapsed blocks are printed open
    assert "NOTA-FORMATOR-PRIMUL-RO" not in participant
    assert "SOLUȚIA-PRIMUL-RO" not in participant
    assert "NOTA-FORMATOR-PRIMUL-RO" in trainer and "SOLUȚIA-PRIMUL-RO" in trainer
    english = _html(built_longdocs, "en/curriculum/print-trainer")
    assert "TRAINER-NOTE-FIRST-EN" in english and "Trainer version" in english


def test_guide_pages_and_listing(built_longdocs: Path) -> None:
    listing = _html(built_longdocs, "guides")
    assert 'href="ghid/"' in listing and "Ghid de test" in listing
    chapter = _html(built_longdocs, "en/guides/ghid/doi")
    assert "Chapter 2 of 2" in chapter and 'href="../../../practices/alpha/"' in chapter
    assert "Chapter unu" in _html(built_longdocs, "en/guides/ghid/print")


def test_print_pages_are_not_indexed_twice(built_longdocs: Path) -> None:
    # Pagefind indexes only what is inside data-pagefind-body.
    body = "data-pagefind-body"
    assert body in (built_longdocs / "curriculum/primul/index.html").read_text("utf-8")
    for variant in ("print", "print-trainer"):
        for prefix in ("", "en/"):
            page = built_longdocs / prefix / "curriculum" / variant / "index.html"
            assert body not in page.read_text("utf-8"), page


def _pdf_toolchain() -> bool:
    return pdfhandouts._missing_toolchain() is None


@pytest.mark.browser  # Chromium prints the PDFs
def test_pdfs_are_built_and_linked(built_longdocs: Path) -> None:
    if not _pdf_toolchain():
        pytest.skip("Chromium or playwright missing: the PDF handouts are not built")
    expected = {
        "curriculum/curs-test-ro-participant.pdf",
        "curriculum/curs-test-ro-trainer.pdf",
        "en/curriculum/curs-test-en-participant.pdf",
        "en/curriculum/curs-test-en-trainer.pdf",
        "guides/ghid/ghid-ro.pdf",
        "en/guides/ghid/ghid-en.pdf",
    }
    for pdf in expected:
        path = built_longdocs / pdf
        assert path.read_bytes().startswith(b"%PDF"), pdf
        first_page = _html(built_longdocs, str(Path(pdf).parent))
        assert f'href="{Path(pdf).name}"' in first_page


def test_build_without_chromium_warns_once_and_drops_pdf_links(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GOODPRACTICE_PDF", raising=False)  # the fast suite switches PDFs off
    monkeypatch.setattr(pdfhandouts, "CHROMIUM", "/nonexistent/chromium")
    root = project("longdocs")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "warning" in line.lower()]
    assert warnings == [
        "warning: PDF handouts not built: Chromium not found at /nonexistent/chromium (install "
        "chromium or set CHROMIUM=/path); their download links were left out."
    ]
    assert not list((root / "site").rglob("*.pdf"))
    first_page = (root / "site" / "curriculum" / "index.html").read_text(encoding="utf-8")
    assert ".pdf" not in first_page
    assert 'href="print-trainer/"' in first_page  # the printable pages stay


def test_handout_messages_speak_romanian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOODPRACTICE_PDF", raising=False)
    monkeypatch.setattr(pdfhandouts, "CHROMIUM", "/nonexistent/chromium")
    reason = pdfhandouts._missing_toolchain()
    assert reason is not None
    catalogue = load_catalogue(Project.at(REPO))
    said = catalogue.text(msg("handouts.not-built", reason=catalogue.text(reason, "ro")), "ro")
    assert said == (
        "avertisment: materialele PDF nu au fost tipărite: Chromium nu a fost găsit la "
        "/nonexistent/chromium (instalați chromium sau setați CHROMIUM=/cale); linkurile lor "
        "de descărcare au fost scoase."
    )


def test_deploy_fails_when_a_pdf_cannot_be_made(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """deploy.yml sets GOODPRACTICE_PDF=required: no published site without its handouts."""
    monkeypatch.setenv("GOODPRACTICE_PDF", "required")
    monkeypatch.setattr(pdfhandouts, "CHROMIUM", "/nonexistent/chromium")
    root = project("longdocs")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert (
        "Build failed: PDF handouts are required (GOODPRACTICE_PDF=required): Chromium not "
        "found at /nonexistent/chromium"
    ) in result.output
    assert not (root / "site").exists()


def test_a_project_without_long_documents_still_has_their_pages(built_minimal: Path) -> None:
    assert "nu a fost încă publicat" in _html(built_minimal, "curriculum")
    assert "There are no guides yet." in _html(built_minimal, "en/guides")


BODY = """Intro.

## Part

??? solution "Soluție"
    hidden answer

    second paragraph

!!! trainer-notes "Note"
    a note

```
!!! trainer-notes "inside a fence stays"
# not a heading
```
Text after.
"""


def test_marked_block_transforms() -> None:
    stripped = strip_trainer_blocks(BODY)
    assert "hidden answer" not in stripped and "a note" not in stripped
    assert "second paragraph" not in stripped
    assert '!!! trainer-notes "inside a fence stays"' in stripped and "Text after." in stripped
    assert '!!! solution "Soluție"' in open_collapsed(BODY)
    shifted = shift_headings(BODY)
    assert "### Part" in shifted and "\n# not a heading" in shifted
