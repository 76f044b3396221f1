"""Hostile contributions in a real browser: no payload runs, no request leaves the site.

The site of tests/fixtures/bypass is built with check switched off (the build's walls alone),
PDFs included. Every payload calls gpx(): the page gets a gpx() that records each call, and
alert() too; a dialog, a call or a request to another host fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from conftest import make_project
from goodpractice.build.chromium import serve_folder
from goodpractice.build.pdfhandouts import print_pdfs
from goodpractice.build.sitebuild import build_site
from goodpractice.core import pipeline
from goodpractice.core.pages.printjobs import PrintJob
from walls import site_findings

RECORDER = """
window.__gpx = [];
window.gpx = function (n) { window.__gpx.push(String(n)); };
window.alert = function (m) { window.__gpx.push("alert " + m); };
"""
PAGES = [
    "practices/alpha/",
    "en/practices/alpha/",
    "about/",
    "practices/",
    "curriculum/primul/",
    "curriculum/print-trainer/",
    "themes/social-economy/",
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = make_project(tmp_path_factory.mktemp("hostile") / "project", "longdocs", "bypass")
    checked = pipeline.check
    pipeline.check = lambda raw, layout=None: []  # the build's walls alone
    try:
        build_site(root, strict=False)
    finally:
        pipeline.check = checked
    yield root / "site"


def test_no_payload_runs_and_no_request_leaves_the_site(browser: Any, hostile_site: Path) -> None:
    with serve_folder(hostile_site) as base:
        context = browser.new_context()
        context.add_init_script(RECORDER)
        page = context.new_page()
        dialogs: list[str] = []
        foreign: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on(
            "request",
            lambda request: (
                foreign.append(request.url)
                if urlsplit(request.url).hostname not in ("127.0.0.1", None)
                else None
            ),
        )
        for path in PAGES:
            page.goto(f"{base}/{path}", wait_until="load")
            # Hover and focus everything, so an event attribute that survived would fire.
            page.evaluate(
                """() => document.querySelectorAll("body *").forEach((node) => {
                    for (const type of ["mouseover", "focus", "click"]) {
                        if (type === "click" && node.closest("a, button, label")) continue;
                        node.dispatchEvent(new Event(type, {bubbles: false}));
                    }
                })"""
            )
            page.wait_for_timeout(100)
            assert page.evaluate("window.__gpx") == [], path
        context.close()
    assert dialogs == []
    assert foreign == []


def test_the_pdf_handouts_hold_no_script(hostile_site: Path) -> None:
    pdfs = list(hostile_site.rglob("*.pdf"))
    assert pdfs, "the browser tests build the PDF handouts"
    assert [f for f in site_findings(hostile_site) if f.endswith((".pdf", "PDF"))] == []


def test_the_printer_runs_no_script_and_blocks_other_hosts(tmp_path: Path) -> None:
    """The PDF step's pages: JavaScript off, every request outside the served site refused
    (and reported), not printed from a cache."""
    (tmp_path / "index.html").write_text(
        "<title>before</title><body><p id=t>before</p>"
        "<script>document.getElementById('t').textContent = 'ran'</script>"
        '<img src="https://tracker.example/p.gif"><img src="own.png"></body>',
        encoding="utf-8",
    )
    (tmp_path / "own.png").write_bytes(b"")
    job = PrintJob("", "out.pdf", "en", "Title", "Subject")
    cache = tmp_path.parent / "cache"
    printed = print_pdfs(tmp_path, "https://site.example/", [job], cache)
    text = PdfReader(tmp_path / "out.pdf").pages[0].extract_text()
    assert "before" in text and "ran" not in text
    assert printed[0].refused == ["https://tracker.example/p.gif"]
    assert not cache.exists()  # a page that reached out is printed afresh next time
