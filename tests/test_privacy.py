"""No built page makes a request to a host other than its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, make_project, run_cli
from external_urls import foreign_requests


def test_repo_site_loads_nothing_from_another_host(built_repo: Path) -> None:
    assert foreign_requests(built_repo) == []


def test_minimal_site_loads_nothing_from_another_host(built_minimal: Path) -> None:
    assert foreign_requests(built_minimal) == []


def test_conditions_that_keep_material_scripts_dormant(built_repo: Path) -> None:
    config = (REPO / "mkdocs.yml").read_text()
    assert "\nrepo_url:" not in config, "repo_url makes Material call the GitHub API"
    assert "font: false" in config, "Material would load Google Fonts"
    for page in built_repo.rglob("*.html"):
        assert 'class="mermaid' not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize(
    ("snippet", "url"),
    [
        ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?x">', "fonts.googleapis"),
        ('<script src="//cdn.example.com/a.js"></script>', "cdn.example.com"),
        ('<img src="https://tracker.example.com/p.gif" alt="x">', "tracker.example.com"),
        ('<div style="background: url(https://img.example.com/b.png)"></div>', "img.example.com"),
        ('<a href="https://example.org/">links are not loads</a>', None),
    ],
)
def test_the_scanner_finds_what_a_browser_would_load(
    tmp_path: Path, snippet: str, url: str | None
) -> None:
    (tmp_path / "index.html").write_text(f"<html><body>{snippet}</body></html>")
    found = foreign_requests(tmp_path)
    assert (url in found[0][1]) if url else found == []


def test_external_image_in_a_case_study_is_refused_and_never_published(
    tmp_path: Path, project: Callable[..., Path]
) -> None:
    root = make_project(tmp_path / "p")
    text = root / "practices" / "alpha" / "en.md"
    text.write_text(
        text.read_text().replace("Measured results.", "![A chart](https://example.com/c.png)")
    )
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert "practices/alpha/en.md:" in result.output
    assert "https://example.com/c.png" in result.output
    assert not (root / "site").exists()
