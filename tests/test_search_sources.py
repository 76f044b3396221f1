"""Pagefind is run over trimmed copies of the pages (build/search_index.py): what it indexes
must be what it would index from the pages as published."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path
from typing import Any

from goodpractice.build.search_index import exclusions, pagefind_executable, search_source


def _fragments(bundle: Path) -> dict[str, Any]:
    found = {}
    for path in (bundle / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        found[fragment["url"]] = fragment
    return found


def test_trimmed_pages_give_pagefind_the_same_index(built_search: Path, tmp_path: Path) -> None:
    full, trimmed = tmp_path / "full", tmp_path / "trimmed"
    for path in built_search.rglob("*.html"):
        relative = path.relative_to(built_search)
        if relative.parts[0] in ("en", "pagefind"):
            continue
        html = path.read_bytes()
        (full / relative).parent.mkdir(parents=True, exist_ok=True)
        (full / relative).write_bytes(html)
        source = search_source(html)
        if source is not None:
            (trimmed / relative).parent.mkdir(parents=True, exist_ok=True)
            (trimmed / relative).write_bytes(source)
    for site in (full, trimmed):
        # The options the build gives it: what they leave out may be cut from the sources.
        command = [str(pagefind_executable()), "--site", str(site), "--output-subdir", "_pf"]
        command += exclusions()
        subprocess.run(command, check=True, capture_output=True)
    expected = _fragments(full / "_pf")
    assert len(expected) >= 5
    assert _fragments(trimmed / "_pf") == expected


def test_a_listing_gives_pagefind_nothing(built_search: Path) -> None:
    html = (built_search / "practices/index.html").read_bytes()
    assert search_source(html) is None


def test_each_language_has_a_bundle_of_its_own_pages(built_search: Path) -> None:
    # The Romanian pass walks the site's root: it must not enter en/ (it once did, and the
    # Romanian bundle held both languages: twice the pages, 490 MB instead of 320 MB).
    for bundle, language in (
        (built_search / "pagefind", "ro"),
        (built_search / "en/pagefind", "en"),
    ):
        metas = sorted(path.name.split("_")[0] for path in bundle.glob("*.pf_meta"))
        assert metas == [f"pagefind.{language}"], (bundle, metas)
        urls = list(_fragments(bundle))
        assert urls
        assert all(url.startswith("/en/") == (language == "en") for url in urls), urls[:5]


def test_the_search_page_asks_for_pagefind_while_it_loads(built_search: Path) -> None:
    # gp_search_bundle was dropped as an unknown key, so the preload was never written.
    for page, script in (
        ("search/index.html", "../pagefind/pagefind.js"),
        ("en/search/index.html", "../pagefind/pagefind.js"),
    ):
        html = (built_search / page).read_text(encoding="utf-8")
        assert f'<link rel="modulepreload" href="{script}">' in html, page
