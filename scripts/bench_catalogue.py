#!/usr/bin/env python3
"""What the catalogue costs a reader: bytes of its first view and of a first filtered view.

Serves a built site from 127.0.0.1, opens the catalogue in headless Chromium (nothing cached),
waits until the network is idle, and sums every file fetched, as served here and as gzip
(level 6, what a static host sends) would send it. Then the same with a filter in the URL,
which fetches the compact index (and the summaries after it). Also prints the largest HTML page
of the site and the size of each language's index files.

Usage: .venv/bin/python scripts/bench_catalogue.py SITE [--filter theme=social-economy]
Not a test: prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from goodpractice.build.chromium import CHROMIUM, CHROMIUM_ARGS, serve_folder


def _sizes(site: Path, paths: list[str]) -> tuple[int, int]:
    raw = zipped = 0
    for path in paths:
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        data = file.read_bytes() if file.is_file() else b""
        raw += len(data)
        zipped += min(len(data), len(gzip.compress(data, 6)))
    return raw, zipped


def view(browser: object, base: str, site: Path, path: str) -> tuple[int, int, int]:
    context = browser.new_context()  # type: ignore[attr-defined]
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    paths = list(dict.fromkeys(urlsplit(url).path for url in urls if url.startswith(base)))
    raw, zipped = _sizes(site, paths)
    return len(paths), raw, zipped


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--filter", default="theme=social-economy")
    args = parser.parse_args()
    site: Path = args.site.resolve()
    from playwright.sync_api import sync_playwright

    largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    print(f"largest HTML page: {largest.relative_to(site)} {largest.stat().st_size / 1024:.0f} KB")
    for index in sorted(site.glob("**/practices/*.json")):
        raw, zipped = _sizes(site, [index.relative_to(site).as_posix()])
        print(f"{index.relative_to(site)}: {raw / 1024:.0f} KB, {zipped / 1024:.0f} KB gzip")
    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, path in (
            ("first view", "/practices/"),
            ("first filtered view", f"/practices/?{args.filter}"),
            ("first view (en)", "/en/practices/"),
        ):
            files, raw, zipped = view(browser, base, site, path)
            print(f"{label:22} {files:3d} files {raw / 1024:7.0f} KB {zipped / 1024:6.0f} KB gzip")
        browser.close()


if __name__ == "__main__":
    main()
