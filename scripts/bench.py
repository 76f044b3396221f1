#!/usr/bin/env python3
"""Benchmark the build: N synthetic case studies, goodpractice vs bare mkdocs-material.

Usage: .venv/bin/python scripts/bench.py [N ...]      (default: 100 1000)
       .venv/bin/python scripts/bench.py search [N]   (default: 1000; scripts/bench_search.py)

For each N, a temporary copy of the repository gets N valid synthetic case studies (both
languages). It is built with ``goodpractice build`` and, as a baseline, with bare
mkdocs-material on the same generated pages in a plain docs folder (no plugins, MkDocs'
automatic navigation: the naive setup, which lists every page in the sidebar). Each build runs
in its own process so that its peak memory (max RSS) is its own. Reports times, memory, sizes
and ratios; nothing here is asserted.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
COPY = ("mkdocs.yml", "docs", "vocabularies", "i18n", "schema", "overrides", "practices")
TEMPLATE = "socec-net"

_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.perf_counter() - start
if done.returncode:
    sys.stderr.write(done.stderr.decode()[-3000:])
    sys.exit(done.returncode)
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one command in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), sum(1 for p in files if p.suffix == ".html")


def make_corpus(root: Path, count: int, seed: int = 7) -> None:
    for name in COPY:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    vocab = {
        name: list(yaml.safe_load((REPO / "vocabularies" / f"{name}.yml").read_text())["terms"])
        for name in ("themes", "target-groups", "counties")
    }
    counties = yaml.safe_load((REPO / "vocabularies" / "counties.yml").read_text())["terms"]
    template = REPO / "practices" / TEMPLATE
    facts = yaml.safe_load((template / "practice.yml").read_text())
    texts = {lang: (template / f"{lang}.md").read_text() for lang in ("ro", "en")}
    rng = random.Random(seed)
    for index in range(count):
        practice_id = f"bench-{index:05d}"
        county = rng.choice(vocab["counties"])
        data = dict(facts)
        data["id"] = practice_id
        data["location"] = {
            "countries": ["ro"],
            "regions": [counties[county]["region"]],
            "counties": [county],
        }
        data["themes"] = rng.sample(vocab["themes"], 3)
        data["target_groups"] = rng.sample(vocab["target-groups"], 2)
        folder = root / "practices" / practice_id
        folder.mkdir()
        (folder / "practice.yml").write_text(yaml.safe_dump(data, allow_unicode=True))
        for lang, text in texts.items():
            (folder / f"{lang}.md").write_text(
                text.replace("title: ", f"title: {index:05d} ", 1), encoding="utf-8"
            )


def bare_material_docs(root: Path, site: Path) -> Path:
    """The same pages as plain Markdown files for bare mkdocs-material."""
    sys.path.insert(0, str(REPO / "src"))
    from goodpractice.core.pages.registry import generated_pages
    from goodpractice.core.pipeline import load_site
    from goodpractice.core.readers.project import Project

    bare = root / "bare"
    docs = bare / "docs"
    shutil.copytree(root / "docs", docs)
    for uri, by_language in generated_pages(load_site(Project.at(root))).items():
        for lang, markdown in by_language.items():
            target = docs / (uri if lang == "ro" else f"en/{uri}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    for page in docs.glob("*.en.md"):
        page.rename(docs / "en" / page.name.replace(".en.md", ".md"))
    for page in docs.glob("*.ro.md"):
        page.rename(docs / page.name.replace(".ro.md", ".md"))
    config = {
        "site_name": "bench",
        "docs_dir": "docs",
        "site_dir": str(site),
        "theme": {"name": "material", "font": False},
        "validation": {"links": {"not_found": "ignore"}},
    }
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return bare


def run(count: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="gp-bench-") as tmp:
        root = Path(tmp) / "repo"
        root.mkdir()
        started = time.perf_counter()
        make_corpus(root, count)
        corpus_seconds = time.perf_counter() - started
        gp = Path(sys.executable).with_name("goodpractice")
        gp_time, gp_mem = measure([str(gp), "build", "--root", str(root)], root)
        gp_bytes, gp_pages = folder_size(root / "site")
        bare = bare_material_docs(root, Path(tmp) / "bare-site")
        mk = Path(sys.executable).with_name("mkdocs")
        bare_time, bare_mem = measure([str(mk), "build", "-q", "-f", "mkdocs.yml"], bare)
        bare_bytes, bare_pages = folder_size(Path(tmp) / "bare-site")
    return {
        "practices": count,
        "corpus_seconds": round(corpus_seconds, 1),
        "goodpractice": {
            "seconds": round(gp_time, 1),
            "peak_mb": round(gp_mem),
            "site_mb": round(gp_bytes / 1e6, 1),
            "html_pages": gp_pages,
        },
        "bare_material": {
            "seconds": round(bare_time, 1),
            "peak_mb": round(bare_mem),
            "site_mb": round(bare_bytes / 1e6, 1),
            "html_pages": bare_pages,
        },
        "ratios_goodpractice_over_bare": {
            "time": round(gp_time / bare_time, 2),
            "peak_memory": round(gp_mem / bare_mem, 2),
            "site_size": round(gp_bytes / bare_bytes, 2),
        },
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["search"]:
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_search import bench

        for line in bench(int(argv[1]) if len(argv) > 1 else 1000):
            print(line, flush=True)
        return
    counts = [int(a) for a in argv] or [100, 1000]
    results = [run(count) for count in counts]
    print(json.dumps(results, indent=2))
    print()
    print("| N | build | seconds | peak MB | site MB | HTML pages |")
    print("|---|---|---|---|---|---|")
    for r in results:
        for name in ("goodpractice", "bare_material"):
            m = r[name]
            assert isinstance(m, dict)
            print(
                f"| {r['practices']} | {name} | {m['seconds']} | {m['peak_mb']} | "
                f"{m['site_mb']} | {m['html_pages']} |"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
