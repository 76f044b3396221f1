"""Benchmark: what the first search costs a reader, Pagefind beside Material's lunr search.

Copies the repository into a temporary folder, writes N synthetic (valid) case studies in
Romanian and English, builds the site twice (as it is, with Pagefind; and a variant with
Material's "search" plugin and header), then in headless Chromium measures for each query:

- bytes: what the browser fetched for search (Pagefind: pagefind/*; Material: the index,
  its worker and lunr), as served here without compression and as gzip would send it;
- cold: from opening the page to the results being shown (nothing cached); for Pagefind the
  search page is opened with the query (what the header's search box does), measured in the
  page from navigation start; for Material, the home page until its index is loaded, then
  the query typed into its header box, measured from Python;
- typed: a new query on an already open page until its results are shown (Pagefind: in the
  page, its 100 ms typing debounce included; Material: key presses from Python);
- header (Pagefind only): the home page open, the header's box focused (which warms the index)
  and the query typed and sent; from the search page's navigation start to its results;
- alone (Pagefind only): the floor under "cold" on this machine: a page with nothing but
  Pagefind (no theme, no other script) that searches for the query and shows the titles of
  its first 10 results, timed the same way (written into the benchmark's copy of the site).

Each measure is taken --runs times (each in a fresh browser context: nothing cached) and the
median is printed.

Usage: .venv/bin/python scripts/bench_search.py [--practices 1000] [--runs 5] [--keep DIR]
                                                [--pagefind-only]
Prints a table; exits 0. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

from goodpractice.build.chromium import CHROMIUM, CHROMIUM_ARGS, serve_folder

REPO = Path(__file__).resolve().parents[1]
COPIED = ("mkdocs.yml", "vocabularies", "i18n", "schema", "overrides", "docs", "practices")
QUERIES = [("/", "economie sociala Cluj"), ("/", "Iasi"), ("/en/", "social economy jobs")]

TOWNS = [
    ("Cluj-Napoca", "cluj"),
    ("Iași", "iasi"),
    ("Timișoara", "timis"),
    ("Constanța", "constanta"),
    ("Craiova", "dolj"),
    ("Brașov", "brasov"),
    ("Galați", "galati"),
    ("Ploiești", "prahova"),
    ("Oradea", "bihor"),
    ("Sibiu", "sibiu"),
    ("Bacău", "bacau"),
    ("Arad", "arad"),
    ("Pitești", "arges"),
    ("Suceava", "suceava"),
    ("Târgu Mureș", "mures"),
    ("Baia Mare", "maramures"),
    ("Buzău", "buzau"),
    ("Botoșani", "botosani"),
    ("Satu Mare", "satu-mare"),
    ("București", "bucuresti"),
]
RO_WORDS = [
    "atelier protejat",
    "întreprindere socială",
    "cooperativă",
    "centru de zi",
    "rețea locală",
    "program de formare",
    "serviciu de mediere",
    "grădină comunitară",
    "brutărie socială",
    "spălătorie socială",
]
EN_WORDS = [
    "sheltered workshop",
    "social enterprise",
    "cooperative",
    "day centre",
    "local network",
    "training programme",
    "mediation service",
    "community garden",
    "social bakery",
    "social laundry",
]
RO_SENTENCES = [
    "Proiectul a sprijinit persoane din grupuri vulnerabile să găsească locuri de muncă în {town}.",
    "Echipa a lucrat cu autoritățile locale și cu organizații neguvernamentale din județ.",
    "Economia socială a fost folosită ca instrument pentru incluziune și dezvoltare locală.",
    "Participanții au primit consiliere, formare profesională și sprijin după angajare.",
    "Rezultatele au fost prezentate în dezbateri publice și într-un ghid de bune practici.",
    "Parteneriatul a continuat după încheierea finanțării, cu resurse proprii.",
    "Au fost create structuri de economie socială conduse de membri ai comunității.",
    "Modelul poate fi preluat de alte orașe cu o autoritate publică dispusă să coordoneze.",
]
EN_SENTENCES = [
    "The project helped people from vulnerable groups find jobs in {town}.",
    "The team worked with local authorities and non-governmental organisations in the county.",
    "The social economy was used as a tool for inclusion and local development.",
    "Participants received counselling, vocational training and support after hiring.",
    "The results were presented in public debates and in a good-practice guide.",
    "The partnership went on after the funding ended, with its own resources.",
    "Social-economy structures run by members of the community were set up.",
    "Other towns with a public authority willing to coordinate can take up the model.",
]
ROLES = ("lead", "partner")
ORGANISATIONS = [f"Asociația Incluziune {n}" for n in range(1, 41)] + [
    f"Consiliul Județean {town}" for town, _ in TOWNS[:10]
]


def _terms(root: Path, name: str) -> dict[str, Any]:
    data = yaml.safe_load((root / "vocabularies" / f"{name}.yml").read_text(encoding="utf-8"))
    return dict(data["terms"])


def _prose(rng: random.Random, sentences: list[str], town: str, count: int) -> str:
    return " ".join(rng.choice(sentences).format(town=town) for _ in range(count))


def write_practices(root: Path, count: int, seed: int = 7) -> None:
    """``count`` valid case studies with varied titles, places, themes and periods."""
    rng = random.Random(seed)
    counties = _terms(root, "counties")
    themes = list(_terms(root, "themes"))
    groups = list(_terms(root, "target-groups"))
    sections = _terms(root, "sections")
    for i in range(count):
        town, county = rng.choice(TOWNS)
        start = rng.randint(2008, 2024)
        facts = {
            "id": f"synthetic-{i:04d}",
            "status": rng.choice(["completed", "completed", "ongoing", "planned"]),
            "period": {"start": f"{start}-{rng.randint(1, 12):02d}", "end": f"{start + 2}-06"},
            "location": {
                "countries": ["ro"],
                "regions": [counties[county]["region"]],
                "counties": [county],
                "localities": [{"name": town, "county": county}],
            },
            "organisations": [
                {"name": name, "type": "ngo", "roles": [role], "country": "ro"}
                for name, role in zip(rng.sample(ORGANISATIONS, 2), ROLES, strict=True)
            ],
            "themes": rng.sample(themes, 3),
            "target_groups": rng.sample(groups, 2),
            "figures": [{"kind": "jobs-created", "value": rng.randint(5, 500), "basis": "target"}],
            "sources": [{"title": f"Raport {i}"}],
            "evidence": {"level": "targets-stated"},  # every figure is a target
            "licence": "cc-by-4.0",
            "added": "2026-11-01",
        }
        folder = root / "practices" / facts["id"]
        folder.mkdir(parents=True)
        dumped = yaml.safe_dump(facts, allow_unicode=True, sort_keys=False)
        (folder / "practice.yml").write_text(dumped, encoding="utf-8")
        kind = rng.randrange(len(RO_WORDS))
        texts = {
            "ro": (f"{RO_WORDS[kind].capitalize()} în {town} ({i})", RO_SENTENCES),
            "en": (f"A {EN_WORDS[kind]} in {town} ({i})", EN_SENTENCES),
        }
        for language, (title, sentences) in texts.items():
            # Every figure is a target, so the results section is titled as targets.
            body = "\n\n".join(
                f"## {term.get('targets_only', term)[language]}\n\n"
                f"{_prose(rng, sentences, town, 6)}"
                for term in sections.values()
            )
            summary = _prose(rng, sentences, town, 1)
            front = yaml.safe_dump({"title": title, "summary": summary}, allow_unicode=True)
            text = f"---\n{front}---\n\n{body}\n"
            (folder / f"{language}.md").write_text(text, encoding="utf-8")


def material_variant(root: Path) -> None:
    """The same pages with Material's own search: the plugin on, Material's header back."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - goodpractice\n", "  - goodpractice\n  - search\n", 1))
    (root / "overrides" / "partials" / "header.html").unlink()


def make_copy(destination: Path, practices: int) -> Path:
    destination.mkdir(parents=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    write_practices(destination, practices)
    return destination


def build(root: Path) -> tuple[Path, float]:
    from goodpractice.build.sitebuild import build_site

    # PDFs off, as in bench.py: a handout per case (issue 12) would make the build most of
    # the run and has nothing to do with search.
    os.environ["GOODPRACTICE_PDF"] = "off"
    result = build_site(root)
    return result.site_dir, result.seconds


@dataclass
class Measure:
    engine: str
    query: str
    files: int
    raw_bytes: int
    gzip_bytes: int
    cold_ms: float
    typed_ms: float
    results: int
    header_ms: float | None = None
    alone_ms: float | None = None


def _is_search_file(engine: str, path: str) -> bool:
    if engine == "pagefind":
        return "/pagefind/" in path or path.endswith("/gp-search.js")
    return "search_index.json" in path or "/workers/search" in path or "/lunr/" in path


def _gzip_size(site: Path, path: str) -> int:
    file = site / path.lstrip("/")
    data = file.read_bytes() if file.is_file() else b""
    return min(len(data), len(gzip.compress(data, 6)))


def _record(context: Any) -> list[str]:
    """Every URL the context's pages and their workers request, in order."""
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    return urls


def _fetched(urls: list[str], engine: str) -> list[str]:
    paths = [urlsplit(url).path for url in urls]
    return [path for path in dict.fromkeys(paths) if _is_search_file(engine, path)]


# Put a query in the search box as typing does, then resolve with the ms until its results.
TYPE_AND_TIME = """query => new Promise(resolve => {
  const input = document.getElementById("gp-search-input");
  const before = performance.getEntriesByName("gp-search-results").length;
  const started = performance.now();
  const poll = () => {
    const marks = performance.getEntriesByName("gp-search-results");
    if (marks.length > before) resolve(marks[marks.length - 1].startTime - started);
    else setTimeout(poll, 5);
  };
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  poll();
})"""


def measure_pagefind(browser: Any, url: str, site: Path, prefix: str, query: str) -> Measure:
    context = browser.new_context()
    urls = _record(context)
    page = context.new_page()
    page.goto(f"{url}{prefix}search/?q={quote(query)}")
    page.wait_for_selector(".gp-result", state="attached", timeout=60_000)
    # gp-search.js marks when results are on screen: time since the navigation started.
    cold = page.evaluate("performance.getEntriesByName('gp-search-results')[0].startTime")
    files = _fetched(urls, "pagefind")
    results = page.locator(".gp-result").count()
    # Typed: an open page, a new query, until its results are in (debounce included).
    typed = page.evaluate(TYPE_AND_TIME, "formare")
    context.close()
    return _result("pagefind", query, site, files, cold, typed, results)


def measure_header(browser: Any, url: str, prefix: str, query: str) -> float:
    """From the home page's header box (focused, so warmed) to the search page's results."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}{prefix}")
    page.focus("#gp-header-q")
    page.wait_for_timeout(1000)  # a reader takes a moment to type
    page.fill("#gp-header-q", query)
    page.press("#gp-header-q", "Enter")
    page.wait_for_selector(".gp-result", state="attached", timeout=60_000)
    found: float = page.evaluate("performance.getEntriesByName('gp-search-results')[0].startTime")
    context.close()
    return found


# The floor: Pagefind and nothing else, searching for ?q= and listing the first page's titles.
ALONE_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>Pagefind</title><link rel="modulepreload" href="pagefind/pagefind.js"><script type="module">
const m = await import(new URL("pagefind/pagefind.js", location.href).href);
await m.options({{baseUrl: "/", excerptLength: 24}});
m.init();
const s = await m.search(new URLSearchParams(location.search).get("q"));
const all = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
const list = document.createElement("ol");
for (const d of all) {{ const i = document.createElement("li"); i.className = "gp-result";
  i.textContent = d.meta.title; list.append(i); }}
document.body.append(list);
performance.mark("gp-search-results");
</script></head><body></body></html>
"""
ALONE = "bench-pagefind-alone.html"


def measure_alone(browser: Any, url: str, prefix: str, query: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}{prefix}{ALONE}?q={quote(query)}")
    page.wait_for_selector(".gp-result", state="attached", timeout=60_000)
    found: float = page.evaluate("performance.getEntriesByName('gp-search-results')[0].startTime")
    context.close()
    return found


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def median_pagefind(
    browser: Any, url: str, site: Path, prefix: str, query: str, runs: int
) -> Measure:
    taken = [measure_pagefind(browser, url, site, prefix, query) for _ in range(runs)]
    header = [measure_header(browser, url, prefix, query) for _ in range(runs)]
    alone = [measure_alone(browser, url, prefix, query) for _ in range(runs)]
    first = taken[0]
    return Measure(
        first.engine,
        first.query,
        first.files,
        first.raw_bytes,
        first.gzip_bytes,
        _median([m.cold_ms for m in taken]),
        _median([m.typed_ms for m in taken]),
        first.results,
        _median(header),
        _median(alone),
    )


def measure_material(browser: Any, url: str, site: Path, prefix: str, query: str) -> Measure:
    context = browser.new_context()
    urls = _record(context)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(f"{url}{prefix}")
    # Material reads its whole index into a worker first; a query typed before that waits.
    page.wait_for_function(
        "!/Inițializare|Initializing/.test("
        "document.querySelector('.md-search-result__meta').textContent)",
        timeout=120_000,
    )
    page.click(".md-search__input")  # in the header on a desktop-wide window
    page.keyboard.type(query)  # Material searches on key events, not on a scripted fill
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=120_000)
    cold = (time.perf_counter() - started) * 1000
    files = _fetched(urls, "material")
    results = page.locator(".md-search-result__item").count()
    page.fill(".md-search__input", "")
    started = time.perf_counter()
    page.keyboard.type("formare")
    page.wait_for_selector(".md-search-result__item", state="attached")
    typed = (time.perf_counter() - started) * 1000
    context.close()
    return _result("material", query, site, files, cold, typed, results)


def _result(
    engine: str, query: str, site: Path, files: list[str], cold: float, typed: float, n: int
) -> Measure:
    paths = [site / p.lstrip("/") for p in files]
    raw = sum(path.stat().st_size for path in paths if path.is_file())
    zipped = sum(_gzip_size(site, p) for p in files)
    return Measure(engine, query, len(files), raw, zipped, cold, typed, n)


def bench(
    practices: int = 1000, keep: Path | None = None, runs: int = 5, material: bool = True
) -> list[str]:
    """Build both sites, measure every query in Chromium; return the report's lines."""
    from playwright.sync_api import sync_playwright

    work = keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    lines: list[str] = []
    try:
        pagefind_root = make_copy(work / "pagefind", practices)
        pagefind_site, pagefind_seconds = build(pagefind_root)
        for prefix, language in (("", "ro"), ("en/", "en")):
            (pagefind_site / prefix / ALONE).write_text(ALONE_PAGE.format(lang=language))
        lines += [
            f"{practices} synthetic case studies (+ the repository's) in ro and en; "
            f"medians of {runs} runs",
            f"build: Pagefind site {pagefind_seconds:.1f} s",
        ]
        if material:
            material_root = make_copy(work / "material", practices)
            material_variant(material_root)
            material_site, material_seconds = build(material_root)
            index = material_site / "search" / "search_index.json"
            lines += [
                f"build: Material {material_seconds:.1f} s",
                f"Material's search_index.json: {index.stat().st_size / 1e6:.1f} MB",
            ]
        rows: list[Measure] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            with serve_folder(pagefind_site) as url:
                rows += [
                    median_pagefind(browser, url, pagefind_site, p, q, runs) for p, q in QUERIES
                ]
            if material:
                with serve_folder(material_site) as url:
                    rows += [
                        measure_material(browser, url, material_site, p, q) for p, q in QUERIES
                    ]
            browser.close()
        lines.append(
            f"{'engine':9} {'query':24} {'files':>5} {'KB raw':>8} {'KB gzip':>8} "
            f"{'cold ms':>8} {'typed ms':>8} {'header ms':>9} {'alone ms':>8} {'hits':>5}"
        )
        lines += [
            f"{row.engine:9} {row.query:24} {row.files:5d} {row.raw_bytes / 1024:8.0f} "
            f"{row.gzip_bytes / 1024:8.0f} {row.cold_ms:8.0f} {row.typed_ms:8.0f} "
            f"{'' if row.header_ms is None else f'{row.header_ms:.0f}':>9} "
            f"{'' if row.alone_ms is None else f'{row.alone_ms:.0f}':>8} {row.results:5d}"
            for row in rows
        ]
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--practices", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build here and keep the sites")
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (the median)")
    parser.add_argument("--pagefind-only", action="store_true", help="skip Material's search")
    args = parser.parse_args()
    for line in bench(args.practices, args.keep, args.runs, not args.pagefind_only):
        print(line, flush=True)


if __name__ == "__main__":
    main()
