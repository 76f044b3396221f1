"""Shared test harness: real fixture projects built with the real commands."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from goodpractice.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# What a fixture project borrows from the repository, so fixtures stay small and in step.
SHARED = ("mkdocs.yml", "vocabularies", "i18n", "schema", "overrides")


BROWSER_DIR = Path(__file__).resolve().parent / "browser"
# Every test run prints its PDFs afresh: no PDF comes from the cache of an earlier build.
os.environ.setdefault("GOODPRACTICE_PDF_CACHE", "off")

# Check's messages are printed in English unless a test chooses a language (--lang ro, or
# this variable): the assertions below quote the English catalogue (i18n/messages.yml).
os.environ["GOODPRACTICE_LANG"] = "en"


@pytest.hookimpl(tryfirst=True)  # before -m deselects, so "not browser" sees the marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ drives Chromium: it carries the ``browser`` mark."""
    for item in items:
        if BROWSER_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """A run without browser tests (``pytest -m "not browser"``) starts no Chromium at all:
    the builds it makes skip the PDF handouts, which only the browser tests read."""
    if not any(item.get_closest_marker("browser") for item in session.items):
        os.environ["GOODPRACTICE_PDF"] = "off"


def make_project(destination: Path, *overlays: str, base: str = "minimal") -> Path:
    """Copy the repository's configuration, a base fixture and overlays into ``destination``.

    An overlay replaces files of the base; a ``_delete`` file in it lists paths to remove.
    """
    destination.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    shutil.copytree(FIXTURES / base, destination, dirs_exist_ok=True)
    for overlay in overlays:
        folder = FIXTURES / overlay
        shutil.copytree(folder, destination, dirs_exist_ok=True, ignore=_skip_delete)
        deletions = folder / "_delete"
        if deletions.exists():
            for line in deletions.read_text().split():
                (destination / line).unlink()
    return destination


def _skip_delete(_folder: str, names: list[str]) -> list[str]:
    return [name for name in names if name == "_delete"]


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    def factory(*overlays: str, base: str = "minimal") -> Path:
        return make_project(tmp_path / "project", *overlays, base=base)

    return factory


@pytest.fixture(scope="session")
def built_minimal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture built once with ``goodpractice build``; returns its site folder."""
    root = make_project(tmp_path_factory.mktemp("built") / "project")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.fixture(scope="session")
def built_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own content built into a temporary folder."""
    site = tmp_path_factory.mktemp("repo-site") / "site"
    result = run_cli("build", "--root", str(REPO), "--site-dir", str(site))
    assert result.exit_code == 0, result.output
    return site


@pytest.fixture(scope="session")
def built_search(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture plus the 'search' overlay (a case study with Romanian place names in
    both languages, an organisation spelt two ways, an untranslated page), built once."""
    root = make_project(tmp_path_factory.mktemp("built-search") / "project", "search")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "site"
