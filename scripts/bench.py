#!/usr/bin/env python3
"""Benchmark the build against the baseline a user would really pick: plain mkdocs-material.

Usage: .venv/bin/python scripts/bench.py [--pairs K] [N ...]   (default: 1 pair; 1000 5000)
       .venv/bin/python scripts/bench.py serve [N]      (default: 1000)
       .venv/bin/python scripts/bench.py search [N]     (default: 1000; scripts/bench_search.py)

For each N, a temporary copy of the repository gets N valid synthetic case studies (both
languages). It is built twice, each build in a fresh process:

- ``goodpractice build`` with PDFs off (``GOODPRACTICE_PDF=off``: the handouts do not grow with
  the number of case studies, and printing them would only add a constant);
- plain mkdocs-material on the same pages (every page the goodpractice site has, as Markdown
  files in a plain docs folder: Romanian at the root, English under ``en/``), with the site's
  hand-written navigation (case studies out of the sidebar, as on our site) and Material's
  ``search`` plugin on, as a plain Material site has.

With ``--pairs K`` each is built K times, alternating which goes first (A B, B A, ...), and
the medians are compared (each run's CPU and memory are printed too).

For each build: CPU seconds (user + system of every process of the build, its subprocesses
included), wall seconds, peak memory (the largest resident memory of the build's processes
together, sampled every 20 ms, and never less than the largest single process's max RSS; a
forked child's pages shared with its parent count twice there, so the peak of their
proportional set sizes, PSS, sampled every 100 ms, is printed beside it), the
size of the site and its largest HTML page. The load average is printed beside them: other
work on the machine inflates wall time much more than CPU seconds.

``serve`` starts ``goodpractice serve`` in a repository of N case studies, waits for the first
preview of a case study, then saves an edit to that case (its Romanian title) five times, each
after the previous one is shown, and reports how long until the served page showed it (each
time and the median), with the CPU seconds the server used for each save until it was idle
again (user + system, from /proc; both languages' builds) and the load average.

Nothing here is asserted; the numbers depend on the machine.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
COPY = ("mkdocs.yml", "docs", "vocabularies", "i18n", "schema", "overrides", "practices")
TEMPLATE = "socec-net"

# Runs the build as its child: CPU of the whole process tree (getrusage of waited children
# includes their own waited children, e.g. Pagefind), peak RSS of the tree sampled from /proc.
_MEASURE = r"""
import json, os, resource, subprocess, sys, time

def tree(pid):
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids

def memory_kb(pid, path, field):
    try:
        with open(f"/proc/{pid}/{path}") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = peak_pss = 0
turn = 0
while child.poll() is None:
    pids = tree(child.pid)
    peak = max(peak, sum(memory_kb(p, "status", "VmRSS:") for p in pids))
    if turn % 5 == 0:  # the kernel walks every page for it: every 100 ms only
        peak_pss = max(peak_pss, sum(memory_kb(p, "smaps_rollup", "Pss:") for p in pids))
    turn += 1
    time.sleep(0.02)
stderr = child.stderr.read().decode()
seconds = time.perf_counter() - start
if child.returncode:
    sys.stderr.write(stderr[-3000:])
    sys.exit(child.returncode)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "wall": seconds,
    "cpu": usage.ru_utime + usage.ru_stime,
    "peak_kb": max(peak, usage.ru_maxrss),
    "peak_pss_kb": peak_pss,
}))
"""


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, float]:
    """CPU and wall seconds and peak resident memory (MB) of one command in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    ).stdout
    found = json.loads(out)
    return {
        "cpu": found["cpu"],
        "wall": found["wall"],
        "peak_mb": found["peak_kb"] / 1024,
        "peak_pss_mb": found["peak_pss_kb"] / 1024,
    }


def site_facts(folder: Path) -> dict[str, object]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    largest = max(html, key=lambda p: p.stat().st_size)
    return {
        "site_mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "html_pages": len(html),
        "largest_html_kb": round(largest.stat().st_size / 1024),
        "largest_html": largest.relative_to(folder).as_posix(),
    }


def make_corpus(root: Path, count: int, seed: int = 7) -> None:
    for name in COPY:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    for name in ("curriculum", "guides"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
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


def plain_material_docs(root: Path, site: Path) -> Path:
    """The site's pages as plain Markdown files, in a plain mkdocs-material project.

    Every generated page (case studies, listings, indicators, long documents) is written as
    the goodpractice build would feed it to MkDocs; hand-written pages as they are. The nav is
    the site's own (case studies are not in it); Material's search plugin is on.
    """
    sys.path.insert(0, str(REPO / "src"))
    from goodpractice.core.pipeline import plain_markdown_pages
    from goodpractice.core.readers.project import Project

    bare = root / "bare"
    docs = bare / "docs"
    shutil.copytree(root / "docs", docs)
    for uri, by_language in plain_markdown_pages(Project.at(root)).items():
        for lang, markdown in by_language.items():
            target = docs / (uri if lang == "ro" else f"en/{uri}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    for page in docs.rglob("*.en.md"):
        target = docs / "en" / page.relative_to(docs).as_posix().replace(".en.md", ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.rename(target)
    for page in docs.rglob("*.ro.md"):
        page.rename(page.with_name(page.name.replace(".ro.md", ".md")))
    site_config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": "bench",
        "docs_dir": "docs",
        "site_dir": str(site),
        "theme": {"name": "material", "font": False, "language": "ro"},
        "nav": site_config["nav"],
        "plugins": ["search"],
        "validation": {"links": {"not_found": "ignore"}},
    }
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    return bare


def _rounded(found: dict[str, float]) -> dict[str, float]:
    return {
        "cpu_s": round(found["cpu"], 1),
        "wall_s": round(found["wall"], 1),
        "peak_mb": round(found["peak_mb"]),
        "peak_pss_mb": round(found["peak_pss_mb"]),
    }


def run(count: int, pairs: int = 1) -> dict[str, object]:
    """Both builds of N case studies, ``pairs`` times each on the same corpus, in the order
    A B, B A, A B... so that a drift of the host's speed (10% within an hour, measured here)
    weighs on both alike; the medians are compared. Each build starts without a site."""
    with tempfile.TemporaryDirectory(prefix="gp-bench-") as tmp:
        root = Path(tmp) / "repo"
        root.mkdir()
        make_corpus(root, count)
        load_before = os.getloadavg()
        gp = Path(sys.executable).with_name("goodpractice")
        bare_site_dir = Path(tmp) / "bare-site"
        bare = plain_material_docs(root, bare_site_dir)
        mk = Path(sys.executable).with_name("mkdocs")
        builds = {
            "goodpractice": (
                [str(gp), "build", "--root", str(root)],
                root,
                {"GOODPRACTICE_PDF": "off"},
                root / "site",
            ),
            "plain_material": (
                [str(mk), "build", "-q", "-f", "mkdocs.yml"],
                bare,
                None,
                bare_site_dir,
            ),
        }
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in builds}
        for turn in range(pairs):
            order = list(builds) if turn % 2 == 0 else list(reversed(builds))
            for name in order:
                command, cwd, env, site = builds[name]
                shutil.rmtree(site, ignore_errors=True)
                runs[name].append(measure(command, cwd, env))
        # Every build of a corpus makes the same site: its last one is looked at.
        facts = {name: site_facts(site) for name, (*_, site) in builds.items()}
        load_after = os.getloadavg()
    medians = {
        name: {key: statistics.median(r[key] for r in found) for key in found[0]}
        for name, found in runs.items()
    }
    gp_found, bare_found = medians["goodpractice"], medians["plain_material"]
    return {
        "practices": count,
        "pairs": pairs,
        "load_average": [round(x, 1) for x in (*load_before, *load_after)],
        **{
            name: {
                **_rounded(medians[name]),
                **facts[name],
                "runs_cpu_s": [round(r["cpu"], 1) for r in runs[name]],
                "runs_peak_mb": [round(r["peak_mb"]) for r in runs[name]],
                "runs_peak_pss_mb": [round(r["peak_pss_mb"]) for r in runs[name]],
            }
            for name in builds
        },
        "ratios_goodpractice_over_plain": {
            "cpu": round(gp_found["cpu"] / bare_found["cpu"], 2),
            "peak_memory": round(gp_found["peak_mb"] / bare_found["peak_mb"], 2),
            "peak_pss": round(gp_found["peak_pss_mb"] / bare_found["peak_pss_mb"], 2),
        },
    }


# --- serve: how long a saved edit takes to show -----------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, needle: str, timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if needle in response.read().decode("utf-8", "replace"):
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not show {needle!r} within {timeout} s")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its waited children, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _settled_cpu(pid: int) -> float:
    """The server's CPU seconds once it is idle again (the page shown may be the first of the
    two language builds of a save: the count waits for both)."""
    last = _cpu_seconds(pid)
    while True:
        time.sleep(0.5)
        now = _cpu_seconds(pid)
        if now - last < 0.02:
            return now
        last = now


EDITS = 5


def run_serve(count: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="gp-bench-serve-") as tmp:
        root = Path(tmp) / "repo"
        root.mkdir()
        make_corpus(root, count)
        port = _free_port()
        gp = Path(sys.executable).with_name("goodpractice")
        practice = "bench-00001"
        url = f"http://127.0.0.1:{port}/practices/{practice}/"
        load_before = os.getloadavg()
        server = subprocess.Popen(
            [str(gp), "serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        edits: list[float] = []
        cpu: list[float] = []
        try:
            first = _wait_for(url, "00001", 900)
            first_cpu = _cpu_seconds(server.pid)
            text = root / "practices" / practice / "ro.md"
            original = text.read_text(encoding="utf-8")
            for number in range(EDITS):
                time.sleep(1)  # the watcher has seen the last save; this one is seen as one
                before = _cpu_seconds(server.pid)
                marker = f"00001 Edited{number} "
                started = time.perf_counter()
                text.write_text(original.replace("title: 00001 ", f"title: {marker}", 1), "utf-8")
                edits.append(_wait_for(url, marker.strip(), 900))
                assert time.perf_counter() - started >= edits[-1]
                cpu.append(_settled_cpu(server.pid) - before)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        load_after = os.getloadavg()
    return {
        "practices": count,
        "load_average": [round(x, 1) for x in (*load_before, *load_after)],
        "first_preview_s": round(first, 1),
        "first_preview_cpu_s": round(first_cpu, 1),
        "edit_shown_s": [round(x, 1) for x in edits],
        "edit_shown_median_s": round(statistics.median(edits), 1),
        "edit_cpu_s": [round(x, 1) for x in cpu],
        "edit_cpu_median_s": round(statistics.median(cpu), 1),
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["search"]:
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_search import bench

        for line in bench(int(argv[1]) if len(argv) > 1 else 1000):
            print(line, flush=True)
        return
    if argv[:1] == ["serve"]:
        print(json.dumps(run_serve(int(argv[1]) if len(argv) > 1 else 1000), indent=2))
        return
    pairs = 1
    if argv[:1] == ["--pairs"]:
        pairs, argv = int(argv[1]), argv[2:]
    counts = [int(a) for a in argv] or [1000, 5000]
    results = []
    for count in counts:
        results.append(run(count, pairs))
        print(json.dumps(results[-1], indent=2), flush=True)
    print()
    print(
        "| N | build | CPU s | wall s | peak MB | peak PSS MB | site MB | HTML pages | largest KB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        for name in ("goodpractice", "plain_material"):
            m = r[name]
            assert isinstance(m, dict)
            print(
                f"| {r['practices']} | {name} | {m['cpu_s']} | {m['wall_s']} | {m['peak_mb']} | "
                f"{m['peak_pss_mb']} | "
                f"{m['site_mb']} | {m['html_pages']} | {m['largest_html_kb']} |"
            )
        ratios, load = r["ratios_goodpractice_over_plain"], r["load_average"]
        print(f"| {r['practices']} | ratio | {ratios} | load {load} |")


if __name__ == "__main__":
    main(sys.argv[1:])
