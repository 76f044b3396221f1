"""Benchmark: the practitioner's journey on a phone (issue 14), measured on a built site.

Two parts, each optional:

- Lighthouse, mobile preset (its default: a simulated mid-range phone on a slow 4G link), on
  home, catalogue, a case study, search results, indicators and curriculum, in both languages:
  the scores of performance, accessibility, best practices and SEO, and the layout shift (CLS).
  Lighthouse is not a dependency of the project: install it in a scratch folder outside the
  repository (`npm i -E lighthouse@12.2.3`, or `@lhci/cli@0.14.0`) and pass --lighthouse.
- A scan of every page of the site in Chromium at 320, 375 and 1280 CSS pixels: pages that
  scroll sideways (WCAG 1.4.10), pages without a skip link as their first focusable element,
  axe-core's serious and critical violations, console errors and failed requests (404s).

The site is the repository built into a temporary folder, unless --site names a built one. It
is served from 127.0.0.1 with gzip, as a static host serves it (--no-gzip: as Python's
http.server does, which makes every page pay for the theme's 140 kB stylesheet in full).
Usage:
  .venv/bin/python scripts/bench_journey.py --lighthouse /path/node_modules/.bin/lighthouse
  .venv/bin/python scripts/bench_journey.py --site site --no-lighthouse --widths 320
Prints tables; exits 0. Not a test: scores depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from goodpractice.build.chromium import CHROMIUM, CHROMIUM_ARGS, serve_folder

REPO = Path(__file__).resolve().parents[1]
# The journey's pages, as the Romanian path; "/en" + path is the English one.
LIGHTHOUSE_PAGES = [
    ("home", "/"),
    ("catalogue", "/practices/"),
    ("case", "/practices/socec-net/"),
    ("search", "/search/?q=calarasi+locuri+de+munca"),
    ("indicators", "/indicators/"),
    ("curriculum", "/curriculum/"),
]
ENGLISH_QUERY = {"/search/?q=calarasi+locuri+de+munca": "/search/?q=calarasi+jobs"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
WIDTHS = (320, 375, 1280)


# What a static host compresses (GitHub Pages, Netlify, nginx's gzip_types): Lighthouse's
# phone on slow 4G pays for every uncompressed byte, and Python's http.server sends none.
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.is_file() and path.suffix in COMPRESSED):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path, compress: bool) -> Iterator[str]:
    """The site on 127.0.0.1, compressed as a static host would, or as http.server does."""
    with serve_folder(site, _GzipHandler) if compress else serve_folder(site) as base:
        yield base


@contextmanager
def built_site(site: str | None) -> Iterator[Path]:
    if site:
        yield Path(site).resolve()
        return
    folder = Path(tempfile.mkdtemp(prefix="gp-bench-journey-"))
    try:
        goodpractice = REPO / ".venv" / "bin" / "goodpractice"
        subprocess.run(
            [str(goodpractice), "build", "--root", str(REPO), "--site-dir", str(folder / "site")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        yield folder / "site"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- Lighthouse -------------------------------------------------------------------------------


@dataclass
class Scores:
    name: str
    path: str
    runs: list[dict[str, float]] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # audits below 1 in the three categories

    def median(self, key: str) -> float:
        return statistics.median(run[key] for run in self.runs)


def lighthouse_once(lighthouse: str, url: str) -> tuple[dict[str, float], set[str]]:
    """One Lighthouse run (mobile preset): its scores and the audits it failed."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    done = subprocess.run(
        [
            lighthouse,
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    report = json.loads(done.stdout)
    scores: dict[str, float] = {
        c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES
    }
    scores["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    scores["lcp"] = report["audits"]["largest-contentful-paint"]["numericValue"]
    judged = {ref["id"] for c in CATEGORIES[1:] for ref in report["categories"][c]["auditRefs"]}
    failed = {
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit_id in judged
        and audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "metricSavings")
    }
    return scores, failed


def run_lighthouse(lighthouse: str, base: str, runs: int) -> None:
    results: list[Scores] = []
    for language in ("ro", "en"):
        for name, path in LIGHTHOUSE_PAGES:
            if language == "en":
                path = "/en" + ENGLISH_QUERY.get(path, path)
            scores = Scores(f"{name} ({language})", path)
            for _ in range(runs):
                run, failed = lighthouse_once(lighthouse, base + path)
                scores.runs.append(run)
                scores.failed |= failed
            results.append(scores)
    print(f"\nLighthouse 'mobile' preset, median of {runs} run(s) per page")
    print(f"{'page':<20} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'CLS':>7} {'LCP ms':>7}")
    for s in results:
        print(
            f"{s.name:<20} {s.median('performance'):>5.0f} {s.median('accessibility'):>5.0f} "
            f"{s.median('best-practices'):>5.0f} {s.median('seo'):>5.0f} "
            f"{s.median('cls'):>7.3f} {s.median('lcp'):>7.0f}"
        )
    for s in results:
        if s.failed:
            print(f"  {s.name}: failing audits: {', '.join(sorted(s.failed))}")


# --- The scan of every page -------------------------------------------------------------------

# After one Tab from the top of the page: a visible link to an element of this page.
SKIP_LINK = """() => {
  const link = document.activeElement;
  if (!link || link.tagName !== 'A') return false;
  const href = link.getAttribute('href') || '';
  if (!href.startsWith('#') || href.length < 2) return false;
  const box = link.getBoundingClientRect();
  const style = getComputedStyle(link);
  if (box.width === 0 || box.height === 0 || style.opacity === '0') return false;
  return document.getElementById(decodeURIComponent(href.slice(1))) !== null;
}"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@dataclass
class PageScan:
    sideways: dict[int, int] = field(default_factory=dict)  # width -> px too wide
    skip_link: bool = True
    axe: dict[int, list[str]] = field(default_factory=dict)
    console: list[str] = field(default_factory=list)


def page_paths(site: Path) -> list[str]:
    return sorted(
        "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("index.html")
        if "pagefind" not in path.parts
    )


def scan(base: str, site: Path, widths: tuple[int, ...], with_axe: bool) -> None:
    from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
    from playwright.sync_api import sync_playwright

    paths = page_paths(site)
    found: dict[str, PageScan] = {path: PageScan() for path in paths}
    axe = Axe()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for width in widths:
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            current: list[str] = []
            _listen(page, current)
            for path in paths:
                current.clear()
                page.goto(base + path, wait_until="networkidle")
                result = found[path]
                over = int(page.evaluate(SIDEWAYS))
                if over > 0:
                    result.sideways[width] = over
                if width == widths[0]:
                    page.keyboard.press("Tab")
                    page.wait_for_timeout(300)  # Material's skip link fades in
                    result.skip_link = bool(page.evaluate(SKIP_LINK))
                if with_axe:
                    response = axe.run(page).response
                    serious = [
                        v["id"]
                        for v in response["violations"]
                        if v["impact"] in ("serious", "critical")
                    ]
                    if serious:
                        result.axe[width] = serious
                result.console.extend(m for m in current if m not in result.console)
            context.close()
        browser.close()
    _print_scan(found, widths, with_axe)


def _listen(page: Any, messages: list[str]) -> None:
    """Collect the page's console errors, uncaught errors and failed requests."""
    page.on(
        "console",
        lambda m: messages.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: messages.append(f"page error: {e}"))
    page.on(
        "response",
        lambda r: (
            messages.append(f"{r.status} {urlsplit(r.url).path}") if r.status >= 400 else None
        ),
    )


def _print_scan(found: dict[str, PageScan], widths: tuple[int, ...], with_axe: bool) -> None:
    total = len(found)
    print(f"\nScan of {total} pages at {', '.join(map(str, widths))} px")
    for width in widths:
        wide = [p for p, s in found.items() if width in s.sideways]
        print(f"  {width:>4} px: {len(wide):>3} pages scroll sideways")
    no_skip = [p for p, s in found.items() if not s.skip_link]
    print(f"  {len(no_skip):>3} pages without a skip link first")
    if with_axe:
        for width in widths:
            bad = [p for p, s in found.items() if width in s.axe]
            ids = sorted({i for s in found.values() for i in s.axe.get(width, [])})
            print(f"  {width:>4} px: {len(bad):>3} pages with serious axe violations {ids}")
    noisy = [p for p, s in found.items() if s.console]
    print(f"  {len(noisy):>3} pages with console errors or failed requests")
    print("\nDetails (first 40 pages with a problem):")
    shown = 0
    for path, s in found.items():
        problems = []
        if s.sideways:
            problems.append("sideways " + ", ".join(f"{w}px+{o}" for w, o in s.sideways.items()))
        if not s.skip_link:
            problems.append("no skip link")
        if s.axe:
            problems.append("axe " + "; ".join(f"{w}: {','.join(v)}" for w, v in s.axe.items()))
        if s.console:
            problems.append("console " + " | ".join(s.console[:3]))
        if problems and shown < 40:
            print(f"  {path}: " + "; ".join(problems))
            shown += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="a built site folder (default: build the repository)")
    parser.add_argument("--lighthouse", default=shutil.which("lighthouse"), help="its CLI")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page")
    parser.add_argument("--no-scan", action="store_true")
    parser.add_argument("--no-axe", action="store_true")
    parser.add_argument("--widths", default=",".join(map(str, WIDTHS)))
    parser.add_argument(
        "--no-gzip", action="store_true", help="serve uncompressed (Python's http.server)"
    )
    args = parser.parse_args()
    started, cpu = time.perf_counter(), _cpu()
    with built_site(args.site) as site, serve(site, not args.no_gzip) as base:
        print(f"Serving {site} {'uncompressed' if args.no_gzip else 'with gzip'} at {base}")
        if not args.no_lighthouse:
            if not args.lighthouse:
                parser.error("no Lighthouse: pass --lighthouse PATH (see the docstring)")
            run_lighthouse(args.lighthouse, base, args.runs)
        if not args.no_scan:
            widths = tuple(int(w) for w in args.widths.split(","))
            scan(base, site, widths, not args.no_axe)
    print(f"\n{time.perf_counter() - started:.0f} s wall, {_cpu() - cpu:.0f} s CPU (user+sys)")


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
