"""PDF handouts of long documents, printed by headless Chromium after the MkDocs build.

The whole-document pages (``curriculum/print/``, ...) are served from the staged site on
127.0.0.1 and printed with Chromium's own print engine, so the PDF is exactly what the print
stylesheet gives on paper. One browser serves every PDF. Without Chromium or Playwright the
build still succeeds: one warning line, and the PDF links are taken out of the pages.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Any

from goodpractice.build.chromium import CHROMIUM, CHROMIUM_ARGS, serve_folder
from goodpractice.core.pages.longdocs import PrintJob, print_jobs
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.project import Project

# Page numbers in the bottom margin; Chromium fills in the two spans.
_FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#555">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
# The wrapper of each PDF link on a document's first page (a class: the sanitiser keeps it).
_PDF_LINK = re.compile(r'<span class="gp-pdf-links">.*?</span>', re.DOTALL)
PAGE_TIMEOUT_MS = 60_000


class HandoutError(Exception):
    """Chromium is there but a PDF could not be printed."""


def build_handouts(project: Project, site_dir: Path) -> list[str]:
    """Print every long document to PDF inside ``site_dir``; return lines to report."""
    jobs = print_jobs(load_site(project))
    if not jobs:
        return []
    missing = _missing_toolchain()
    if missing and _required():
        raise HandoutError(f"PDF handouts are required (GOODPRACTICE_PDF=required): {missing}")
    if missing:
        _remove_pdf_links(site_dir, jobs)
        return [f"warning: PDF handouts not built: {missing}; their download links were left out."]
    with serve_folder(site_dir) as base_url:
        _print_all(base_url, site_dir, jobs)
    absent = [job.pdf for job in jobs if not (site_dir / job.pdf).is_file()]
    if absent:
        raise HandoutError("PDF handouts missing after printing: " + ", ".join(absent))
    return [f"Printed {len(jobs)} PDF handouts of the curriculum and guides."]


def _required() -> bool:
    """Deploy sets GOODPRACTICE_PDF=required: the published site must carry every PDF."""
    return os.environ.get("GOODPRACTICE_PDF", "").lower() == "required"


def _missing_toolchain() -> str | None:
    if os.environ.get("GOODPRACTICE_PDF", "").lower() in ("0", "off", "no"):
        return "switched off by GOODPRACTICE_PDF"
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (install chromium or set CHROMIUM=/path)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install -e '.[pdf]')"
    return None


def _print_all(base_url: str, site_dir: Path, jobs: list[PrintJob]) -> None:
    """Print in a thread of its own: Playwright's sync API refuses to run inside a thread that
    already has an event loop (a caller that itself drives a browser, such as the tests)."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            _print_in_browser(base_url, site_dir, jobs)
        except BaseException as exc:  # handed to the calling thread
            failures.append(exc)

    worker = threading.Thread(target=run, name="pdf-handouts")
    worker.start()
    worker.join()
    if failures:
        raise failures[0]


def _print_in_browser(base_url: str, site_dir: Path, jobs: list[PrintJob]) -> None:
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = sandboxed_page(browser, base_url)
            for job in jobs:
                _print_one(page, base_url, site_dir, job)
            browser.close()
    except Error as exc:
        raise HandoutError(f"Chromium could not print the PDF handouts: {exc}") from None


def sandboxed_page(browser: Any, base_url: str) -> Any:
    """A page that runs no script and reaches nothing but the served site (issue 11).

    The printed pages hold contributed text: even if something executable got past check and
    the sanitiser, it cannot run in the printer, and no request leaves 127.0.0.1 (a tracking
    image, a font from a CDN). The print stylesheet needs no JavaScript.
    """
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    own = base_url.rstrip("/") + "/"

    def only_the_site(route: Any) -> None:
        url = route.request.url
        if url == own.rstrip("/") or url.startswith(own):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", only_the_site)
    return context.new_page()


def _print_one(page: Any, base_url: str, site_dir: Path, job: PrintJob) -> None:
    if not (site_dir / job.page / "index.html").is_file():
        raise HandoutError(f"the page {job.page} to print is missing from the site")
    page.goto(f"{base_url}/{job.page}", wait_until="load", timeout=PAGE_TIMEOUT_MS)
    page.pdf(
        path=str(site_dir / job.pdf),
        format="A4",
        prefer_css_page_size=True,
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=_FOOTER,
    )


def _remove_pdf_links(site_dir: Path, jobs: list[PrintJob]) -> None:
    """Take the links to PDFs that were not made out of the documents' first pages."""
    first_pages = {str(Path(job.pdf).parent) for job in jobs}
    for folder in first_pages:
        html = site_dir / folder / "index.html"
        if html.is_file():
            text = html.read_text(encoding="utf-8")
            html.write_text(_PDF_LINK.sub("", text), encoding="utf-8")
