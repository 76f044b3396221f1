"""Browser harness: Debian's Chromium driven by Playwright, pages served from localhost.

Playwright's own browser download does not work here, so the system Chromium is used.
Without it the browser tests skip with a message; with REQUIRE_BROWSER=1 (set by .ci/run)
a missing browser is a failure, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from goodpractice.build.chromium import CHROMIUM, CHROMIUM_ARGS, serve_folder

INSTALL_HINT = (
    "Chromium is needed for browser tests: sudo apt-get install chromium "
    "(or set CHROMIUM=/path/to/chromium)"
)


def _require_or_skip(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        _require_or_skip(INSTALL_HINT)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require_or_skip("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


class SiteServer:
    """A built site on a free port of 127.0.0.1, as a context manager with a ``url``."""

    def __init__(self, site_dir: Path) -> None:
        self._serving = serve_folder(site_dir)
        self.url = ""

    def __enter__(self) -> SiteServer:
        self.url = self._serving.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._serving.__exit__(None, None, None)


@pytest.fixture(scope="session")
def repo_server(built_repo: Path) -> Iterator[SiteServer]:
    with SiteServer(built_repo) as server:
        yield server


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def serious_violations(page: Any, context: object = None) -> list[str]:
    """axe-core's serious and critical violations on the page (or a part of it), readable."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context) if context else Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(str(node["target"][0]) for node in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
