"""Curriculum modules and guide chapters carry translation records like every other text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

MODULE = "curriculum/primul"


def test_an_edited_module_original_marks_its_translation_outdated(
    project: Callable[..., Path],
) -> None:
    root = project("longdocs")
    stamped = run_cli(
        "translations",
        "--root",
        str(root),
        "--stamp",
        f"{MODULE}/en.md",
        "--reviewed",
        "2026-01-05",
    )
    assert stamped.exit_code == 0, stamped.output
    clean = run_cli("check", "--root", str(root))
    assert f"{MODULE}/en.md" not in clean.output

    original = root / MODULE / "ro.md"
    original.write_text(original.read_text(encoding="utf-8") + "\nUn paragraf nou.\n", "utf-8")
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0, "an outdated translation is a warning, not an error"
    assert f"{MODULE}/en.md:" in result.output
    assert f"translation: warning: {MODULE}/ro.md changed since this " in result.output

    listing = run_cli("translations", "--root", str(root))
    assert "Curriculum (introduction and modules):" in listing.output
    assert f"{MODULE}/en.md" in listing.output

    assert run_cli("build", "--root", str(root)).exit_code == 0
    page = (root / "site" / "en" / MODULE / "index.html").read_text(encoding="utf-8")
    assert "The Romanian original was changed on" in page
    assert "after this translation was last checked (5 January 2026)" in page
