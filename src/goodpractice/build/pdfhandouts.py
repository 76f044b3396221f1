"""PDF handouts, printed by headless Chromium after the MkDocs build.

Every whole-document page of the curriculum and guides, and every case study's page, is
printed with Chromium's own print engine, so a PDF is exactly what the print stylesheet gives
on paper. The browser loads the pages *at their public address* (``site_url``): every request
is answered from the staged site by ``_serve`` and nothing else is fetched, so the links in a
PDF point to the public site (or inside the PDF), never to the build machine.

The printer is sandboxed (issue 11): the printed pages hold contributed text, so even if
something executable got past check and the sanitiser it cannot run there (JavaScript and
service workers are off; the print stylesheet needs neither), and no request leaves the site
(a tracking image, a font from a CDN): such requests are refused and reported.

One browser prints everything, in a few contexts side by side. Contents get their page
numbers in two passes: print, read back where each part starts, print again with the numbers
(Chromium has no CSS ``target-counter()``). Without Chromium, Playwright or pypdf the build
still succeeds: one warning line, and the PDF links are taken out of the pages.
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from goodpractice.build.chromium import CHROMIUM, CHROMIUM_ARGS, outside_event_loop
from goodpractice.build.pdfcache import PdfCache, cache_folder
from goodpractice.core.base.messages import Message, Param, msg
from goodpractice.core.pages.printjobs import PrintJob, print_jobs
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.messages import load_catalogue, message_language
from goodpractice.core.readers.project import Project

# Page numbers in the bottom margin; Chromium fills in the two spans.
_FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#555">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
PDF_OPTIONS: dict[str, Any] = {
    "format": "A4",
    "prefer_css_page_size": True,
    "print_background": True,
    "display_header_footer": True,
    "header_template": "<span></span>",
    "footer_template": _FOOTER,
    # A structure tree for screen readers and reflow, and bookmarks from the headings.
    "tagged": True,
    "outline": True,
}
# The wrapper of each PDF link on a page (a class: the sanitiser keeps it).
_PDF_LINK = re.compile(rb'<(?P<tag>span|p) class="gp-pdf-links">.*?</(?P=tag)>', re.DOTALL)
# The empty page-number box of a contents entry (overrides/goodpractice/longdoc-contents.html).
_PAGE_NUMBER_BOX = re.compile(
    r'(<span class="gp-contents__page" id="gp-pageno-([\w-]+)">)(</span>)'
)
# Where pages are served when the project has no site_url; links there are taken out.
_NOWHERE = "https://goodpractice.invalid/"
# The printer's browser contexts: no script, no service worker (issue 11).
CONTEXT_OPTIONS: dict[str, Any] = {"java_script_enabled": False, "service_workers": "block"}
PAGE_TIMEOUT_MS = 60_000
# Contents whose page numbers have not settled after this many prints are an error.
MAX_PASSES = 3


class HandoutError(Exception):
    """Chromium is there but a PDF could not be printed."""


@dataclass
class Printed:
    job: PrintJob
    pages: int
    cached: bool = False
    # Requests the page made outside the site, refused by the printer.
    refused: list[str] = field(default_factory=list)


@dataclass
class _Setup:
    """What every printing context shares: the site, the address it is served at."""

    site_dir: Path
    origin: str  # ends with "/"
    workers: int
    cache_dir: Path | None
    # Made once the browser runs: its version is part of every cache key.
    cache: PdfCache | None = None


@dataclass
class _Worker:
    """One browser context printing jobs one after another."""

    setup: _Setup
    # The HTML served in place of a page's file (a contents with its page numbers).
    replaced: dict[str, bytes] = field(default_factory=dict)
    # What the browser was served for the current PDF: file -> SHA-256 (for the cache).
    served: dict[str, str] = field(default_factory=dict)
    # What it asked for outside the site, for the current PDF.
    refused: list[str] = field(default_factory=list)


def build_handouts(project: Project, site_dir: Path) -> list[str]:
    """Print every handout to PDF inside ``site_dir``; return lines to report."""
    jobs = print_jobs(load_site(project))
    if not jobs:
        return []
    catalogue, language = load_catalogue(project), message_language(project)
    missing = _missing_toolchain()
    if missing is not None:
        reason = catalogue.text(missing, language)
        if _required():
            raise HandoutError(catalogue.text(msg("handouts.required", reason=reason), language))
        _remove_pdf_links(site_dir, jobs)
        return [catalogue.text(msg("handouts.not-built", reason=reason), language)]
    origin = project.site_url or _NOWHERE
    printed = print_pdfs(site_dir, origin, jobs, cache_folder(project.root))
    absent = [job.pdf for job in jobs if not (site_dir / job.pdf).is_file()]
    if absent:
        said = msg("handouts.missing", files=", ".join(absent))
        raise HandoutError(catalogue.text(said, language))
    return _report(printed, project)


def print_pdfs(
    site_dir: Path, origin: str, jobs: list[PrintJob], cache_dir: Path | None = None
) -> list[Printed]:
    """Print ``jobs`` from the site in ``site_dir`` served at ``origin`` (ending in "/")."""
    return _print_all(_Setup(site_dir, origin, _worker_count(), cache_dir), jobs)


def _required() -> bool:
    """Deploy sets GOODPRACTICE_PDF=required: the published site must carry every PDF."""
    return os.environ.get("GOODPRACTICE_PDF", "").lower() == "required"


def _missing_toolchain() -> Message | None:
    """Why no PDF can be printed here, or None."""
    if os.environ.get("GOODPRACTICE_PDF", "").lower() in ("0", "off", "no"):
        return msg("handouts.switched-off")
    if not Path(CHROMIUM).exists():
        return msg("handouts.no-chromium", path=str(CHROMIUM))
    try:
        import playwright.async_api  # noqa: F401
        import pypdf  # noqa: F401
    except ImportError as exc:
        return msg("handouts.no-package", package=str(exc.name))
    return None


def _worker_count() -> int:
    """Contexts printing side by side: Chromium renders each in a process of its own."""
    return max(1, min(4, os.cpu_count() or 1))


def _report(printed: list[Printed], project: Project) -> list[str]:
    """What the build says of its PDFs, in the language of its messages (i18n/messages.yml)."""
    catalogue = load_catalogue(project)
    language = message_language(project)
    warning = catalogue.text(msg("severity.warning"), language) + ": "
    cases = [p for p in printed if p.job.max_pages is not None]
    reused = sum(p.cached for p in printed)
    counts: dict[str, Param] = {
        "count": len(printed),
        "pages": sum(p.pages for p in printed),
        "documents": len(printed) - len(cases),
        "cases": len(cases),
    }
    head = msg("handouts.printed-cached", reused=reused, **counts) if reused else None
    messages = [head or msg("handouts.printed", **counts)]
    warnings = [
        msg("handouts.case-too-long", source=p.job.source, pages=p.pages, limit=p.job.max_pages)
        for p in cases
        if p.job.max_pages is not None and p.pages > p.job.max_pages
    ]
    warnings += [
        msg("handouts.refused", page=p.job.page, addresses=", ".join(sorted(set(p.refused))[:5]))
        for p in printed
        if p.refused
    ]
    if project.site_url is None:
        warnings.append(msg("handouts.no-site-url"))
    return [catalogue.text(m, language) for m in messages] + [
        warning + catalogue.text(m, language) for m in warnings
    ]


# --- Printing ------------------------------------------------------------------------------


def _print_all(setup: _Setup, jobs: list[PrintJob]) -> list[Printed]:
    """Print in a thread of its own: Playwright refuses to start inside a thread that
    already runs an event loop (a caller that itself drives a browser, such as the tests)."""
    results: list[Printed] = []
    outside_event_loop(
        lambda: results.extend(asyncio.run(_print_in_browser(setup, jobs))), "pdf-handouts"
    )
    return results


async def _print_in_browser(setup: _Setup, jobs: list[PrintJob]) -> list[Printed]:
    from playwright.async_api import Error, async_playwright

    queue: asyncio.Queue[PrintJob] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            setup.cache = PdfCache(
                setup.cache_dir, setup.site_dir, f"{browser.version}|{sorted(PDF_OPTIONS.items())}"
            )
            count = min(setup.workers, len(jobs))
            done = await asyncio.gather(*(_work(browser, setup, queue) for _ in range(count)))
            await browser.close()
    except Error as exc:
        raise HandoutError(f"Chromium could not print the PDF handouts: {exc}") from None
    return [printed for batch in done for printed in batch]


async def _work(browser: Any, setup: _Setup, queue: asyncio.Queue[PrintJob]) -> list[Printed]:
    worker = _Worker(setup)
    context = await _new_context(browser, worker)
    page = await context.new_page()
    printed = []
    while not queue.empty():
        printed.append(await _print_job(page, worker, queue.get_nowait()))
    await context.close()
    return printed


async def _new_context(browser: Any, worker: _Worker) -> Any:
    """A browser context that runs no script and sees only the staged site, at its public
    address (issue 11)."""
    context = await browser.new_context(**CONTEXT_OPTIONS)

    async def serve(route: Any) -> None:
        await _serve(route, worker)

    await context.route("**/*", serve)
    return context


async def _serve(route: Any, worker: _Worker) -> None:
    """Answer a request from the staged site; refuse anything outside it."""
    relative = _site_relative(route.request.url, worker.setup.origin)
    if relative is None:
        worker.refused.append(route.request.url)
        await route.abort("blockedbyclient")
        return
    path = _site_file(worker.setup.site_dir, relative)
    if path is not None and worker.setup.cache is not None:
        file = str(path.relative_to(worker.setup.site_dir.resolve()))
        worker.served[file] = worker.setup.cache.digest(file)
    if relative in worker.replaced:
        await route.fulfill(body=worker.replaced[relative], content_type="text/html")
        return
    if path is None:
        if worker.setup.cache is not None:
            worker.served[relative] = worker.setup.cache.digest(relative)  # that of nothing
        await route.fulfill(status=404, body="")
        return
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    await route.fulfill(body=path.read_bytes(), content_type=kind)


def _site_relative(url: str, origin: str) -> str | None:
    """The site path of ``url`` (``practices/x/``), or None when it is not on the site."""
    if not url.startswith(origin):
        return None
    return unquote(urlsplit(url[len(origin) - 1 :]).path).lstrip("/")


def _site_file(site_dir: Path, relative: str) -> Path | None:
    """The file a site path is served from, never one outside ``site_dir``."""
    path = (site_dir / relative).resolve()
    if path.is_dir():
        path = path / "index.html"
    root = site_dir.resolve()
    return path if path.is_file() and path.is_relative_to(root) else None


async def _print_job(page: Any, worker: _Worker, job: PrintJob) -> Printed:
    from goodpractice.build.pdffiles import page_count, with_info, without_links_to

    site_dir = worker.setup.site_dir
    cache = worker.setup.cache
    if not (site_dir / job.page / "index.html").is_file():
        raise HandoutError(f"the page {job.page} to print is missing from the site")
    cached = cache.get(job) if cache else None
    if cached is not None:
        (site_dir / job.pdf).write_bytes(cached)
        return Printed(job, page_count(cached), cached=True)
    worker.served = {}
    worker.refused = []
    pdf = await (_print_numbered(page, worker, job) if job.numbered else _print(page, worker, job))
    if worker.setup.origin == _NOWHERE:
        pdf = without_links_to(pdf, _NOWHERE)
    pdf = with_info(pdf, {"Title": job.title, "Subject": job.subject, "Creator": "goodpractice"})
    (site_dir / job.pdf).write_bytes(pdf)
    if cache and not worker.refused:
        cache.put(job, worker.served, pdf)
    return Printed(job, page_count(pdf), refused=list(worker.refused))


async def _print(page: Any, worker: _Worker, job: PrintJob) -> bytes:
    await page.goto(worker.setup.origin + job.page, wait_until="load", timeout=PAGE_TIMEOUT_MS)
    pdf: bytes = await page.pdf(**PDF_OPTIONS)
    return pdf


async def _print_numbered(page: Any, worker: _Worker, job: PrintJob) -> bytes:
    """Print until the page numbers written in the contents are those the parts land on."""
    from goodpractice.build.pdffiles import destination_pages

    html = (worker.setup.site_dir / job.page / "index.html").read_text(encoding="utf-8")
    anchors = [match[2] for match in _PAGE_NUMBER_BOX.finditer(html)]
    numbers: dict[str, int] = {}
    try:
        for _ in range(MAX_PASSES):
            worker.replaced[job.page] = with_page_numbers(html, numbers).encode("utf-8")
            pdf = await _print(page, worker, job)
            landed = destination_pages(pdf)
            found = {anchor: landed[anchor] for anchor in anchors if anchor in landed}
            if len(found) < len(anchors):
                lost = ", ".join(sorted(set(anchors) - set(found)))
                raise HandoutError(f"{job.pdf}: the contents point to no part for {lost}")
            if found == numbers:
                return pdf
            numbers = found
    finally:
        worker.replaced.pop(job.page, None)
    raise HandoutError(f"{job.pdf}: the page numbers of the contents did not settle")


def with_page_numbers(html: str, numbers: dict[str, int]) -> str:
    """The page with each contents entry's page number written in its box."""
    return _PAGE_NUMBER_BOX.sub(
        lambda box: f"{box[1]}{numbers[box[2]]}{box[3]}" if box[2] in numbers else box[0], html
    )


# --- Without a browser -----------------------------------------------------------------------


def _remove_pdf_links(site_dir: Path, jobs: Iterable[PrintJob]) -> None:
    """Take the links to PDFs that were not made out of the pages that show them."""
    pages = {str(Path(job.pdf).parent) for job in jobs}
    for folder in pages:
        html = site_dir / folder / "index.html"
        if html.is_file():
            # As bytes, and written only if changed: decoding and encoding every case page was
            # most of this step's second (1,000 cases).
            data = html.read_bytes()
            kept = _PDF_LINK.sub(b"", data)
            if kept != data:
                html.write_bytes(kept)
