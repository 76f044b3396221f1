"""Handouts without a browser: the whole-document pages link inside themselves and end with
an annex of case fact sheets; case pages carry their handout; the PDF helpers; the cache."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from conftest import make_project, run_cli
from goodpractice.build.pdfcache import PdfCache
from goodpractice.build.pdffiles import destination_pages, page_count, with_info
from goodpractice.build.pdfhandouts import (
    Printed,
    _report,
    _site_file,
    _site_relative,
    with_page_numbers,
)
from goodpractice.core.base.formatting import megabytes
from goodpractice.core.pages.printjobs import PrintJob
from goodpractice.core.readers.project import Project


@pytest.fixture(scope="module")
def built_longdocs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("handouts") / "project", "longdocs")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "site"


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _hrefs(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]*)"', html)


def test_whole_document_links_its_parts_and_cases_inside_itself(built_longdocs: Path) -> None:
    for path in ("curriculum/print", "curriculum/print-trainer", "en/curriculum/print"):
        html = _html(built_longdocs, path)
        hrefs = _hrefs(html)
        # The second module names the first as a prerequisite; the first links case Beta.
        assert "#gp-part-primul" in hrefs and "#gp-part-al-doilea" in hrefs
        assert "#gp-case-beta" in hrefs and "#gp-case-alpha" in hrefs
        assert not [h for h in hrefs if "primul/" in h or "practices/beta" in h], hrefs
        assert 'id="gp-part-primul"' in html and 'id="gp-case-beta"' in html


def test_contents_have_a_page_number_box_per_part_and_case(built_longdocs: Path) -> None:
    html = _html(built_longdocs, "curriculum/print")
    boxes = re.findall(r'<span class="gp-contents__page" id="gp-pageno-([\w-]+)"></span>', html)
    assert boxes == [
        "gp-part-primul",
        "gp-part-al-doilea",
        "gp-annex",
        "gp-case-alpha",
        "gp-case-beta",
    ]
    cover = html[html.index('class="gp-print-cover"') :]
    assert cover.index("</div>") < cover.index('id="gp-contents-title"')  # its own page
    numbered = with_page_numbers(html, {"gp-part-primul": 3, "gp-case-beta": 12})
    assert 'id="gp-pageno-gp-part-primul">3</span>' in numbered
    assert 'id="gp-pageno-gp-case-beta">12</span>' in numbered
    assert 'id="gp-pageno-gp-annex"></span>' in numbered  # not known: left empty


def test_annex_has_a_fact_sheet_per_case_in_order_of_first_use(built_longdocs: Path) -> None:
    # Module "primul" uses alpha then beta; the guide's chapters use alpha only.
    for path, cases in (("curriculum/print", ["alpha", "beta"]), ("guides/ghid/print", ["alpha"])):
        html = _html(built_longdocs, path)
        annex = html[html.index('id="gp-annex"') :]
        assert re.findall(r'class="gp-case-sheet" id="gp-case-([\w-]+)"', annex) == cases
        assert "Anexă: fișele studiilor de caz" in annex
        assert "https://goodpractice.example.org/practices/alpha/" in annex  # its address
        assert "Studiul de caz complet:" in annex
    english = _html(built_longdocs, "en/curriculum/print")
    assert "Annex: case study fact sheets" in english
    assert "https://goodpractice.example.org/en/practices/alpha/" in english


def test_a_part_prints_its_title_beside_its_qr_code(built_longdocs: Path) -> None:
    html = _html(built_longdocs, "curriculum/print")
    head = re.search(r'<div class="gp-print-head">(.*?)<p class="gp-summary">', html, re.DOTALL)
    assert head and "Primul modul de test" in head[1] and 'class="gp-qr__code"' in head[1]


def test_case_page_carries_its_qr_code_and_a_link_to_its_pdf_if_printed(
    built_longdocs: Path,
) -> None:
    for path, address in (
        ("practices/alpha", "https://goodpractice.example.org/practices/alpha/"),
        ("en/practices/alpha", "https://goodpractice.example.org/en/practices/alpha/"),
    ):
        html = _html(built_longdocs, path)
        block = html[html.index('<div class="gp-handout">') :]
        assert address in block[:1000]
        qr = re.search(r'<img class="gp-qr__code" src="([^"]+)"', block)
        assert qr and (built_longdocs / path / qr[1]).resolve().read_bytes().startswith(b"<svg")
        # The fast suite prints no PDF, and the link is taken out; with Chromium it is there.
        pdf = built_longdocs / path / f"alpha-{path[:2] if path.startswith('en') else 'ro'}.pdf"
        assert (f'href="{pdf.name}"' in html) is pdf.is_file()


def _blank_pdf(pages: int = 2) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_with_info_appends_title_and_subject_without_rewriting_the_file() -> None:
    pdf = _blank_pdf()
    titled = with_info(pdf, {"Title": "Fișa „SOCEC.NET” – ș ț", "Subject": "Un rezumat"})
    assert titled.startswith(pdf)  # an incremental update: Chromium's bytes stay as they are
    reader = PdfReader(io.BytesIO(titled), strict=True)
    assert reader.metadata is not None
    assert reader.metadata.title == "Fișa „SOCEC.NET” – ș ț"
    assert reader.metadata.subject == "Un rezumat"
    assert page_count(titled) == 2 and destination_pages(titled) == {}


def test_with_info_rewrites_a_file_it_cannot_append_to() -> None:
    pdf = _blank_pdf() + b"%" + b"x" * 5000 + b"\n"  # no trailer at its end to chain to
    titled = with_info(pdf, {"Title": "T"})
    assert not titled.startswith(pdf)
    reader = PdfReader(io.BytesIO(titled), strict=True)
    assert reader.metadata is not None and reader.metadata.title == "T"
    assert len(reader.pages) == 2


def test_the_printer_serves_only_files_of_the_site(tmp_path: Path) -> None:
    (tmp_path / "site" / "a").mkdir(parents=True)
    (tmp_path / "site" / "a" / "index.html").write_text("x")
    (tmp_path / "secret.txt").write_text("no")
    site = tmp_path / "site"
    origin = "https://example.org/sub/"
    assert _site_relative("https://example.org/sub/a/?q=1#x", origin) == "a/"
    assert _site_relative("https://other.example/sub/a/", origin) is None
    assert _site_relative("https://example.org/elsewhere/", origin) is None
    assert _site_file(site, "a/") == (site / "a" / "index.html").resolve()
    assert _site_file(site, "../secret.txt") is None
    assert _site_file(site, "a/%2e%2e/../secret.txt") is None


def test_the_pdf_cache_reuses_a_pdf_only_while_everything_it_was_printed_from_is_the_same(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    (site / "p" / "index.html").write_text("page")
    (site / "style.css").write_text("css")
    job = PrintJob("p/", "p/p-ro.pdf", "ro", "Title", "Subject")
    cache = PdfCache(tmp_path / "cache", site, "chromium 1")
    inputs = {name: cache.digest(name) for name in ("p/index.html", "style.css")}
    cache.put(job, inputs, b"%PDF-1")
    assert PdfCache(tmp_path / "cache", site, "chromium 1").get(job) == b"%PDF-1"
    assert PdfCache(tmp_path / "cache", site, "chromium 2").get(job) is None  # new browser
    other = PrintJob("p/", "p/p-ro.pdf", "ro", "Another title", "Subject")
    assert PdfCache(tmp_path / "cache", site, "chromium 1").get(other) is None
    (site / "style.css").write_text("css changed")
    assert PdfCache(tmp_path / "cache", site, "chromium 1").get(job) is None
    assert PdfCache(None, site, "chromium 1").get(job) is None  # switched off


def test_the_build_reports_its_handouts_in_romanian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report of the PDFs speaks the language of the messages, numbers written the
    Romanian way, and no phrase that a count of 20 or more would need to change ('de')."""
    root = make_project(tmp_path / "project", "longdocs")
    monkeypatch.setenv("GOODPRACTICE_LANG", "ro")
    case = PrintJob(
        "practices/alpha/",
        "practices/alpha/alpha-ro.pdf",
        "ro",
        "A",
        "B",
        max_pages=2,
        source="practices/alpha/ro.md",
    )
    printed = [Printed(case, 3, cached=True), Printed(case, 1, refused=["https://t.example/p"])]
    lines = _report(printed, Project.at(root))
    assert lines[0] == (
        "Materiale PDF tipărite: 2 (pagini: 4); din curriculum și ghiduri: 0; ale studiilor de "
        "caz: 2; neschimbate de la o construire anterioară, luate din memoria ei: 1."
    )
    assert lines[1] == (
        "avertisment: practices/alpha/ro.md: fișa tipărită are mai mult de 2 pagini A4 "
        "(pagini: 3), cât ar trebui să aibă cel mult fișa unui studiu de caz; scurtați textul"
    )
    assert lines[2] == (
        "avertisment: practices/alpha/: imprimanta a refuzat ce cerea pagina de la alte "
        "site-uri: https://t.example/p"
    )
    assert megabytes(1_234_567, "ro_RO") == "1,2 MB" and megabytes(1_234_567, "en") == "1.2 MB"
