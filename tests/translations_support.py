"""Shared by the translation tests: the fixture's complete translations, stamped for real."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

# The translations the fixture site has up to date. They are stamped with the command, as a
# maintainer would, so the tests hold whatever the shared minimal fixture's texts say.
COMPLETE = (
    "practices/beta/en.md",
    "docs/index.en.md",
    "docs/partners.en.md",
)


# With these, every translation of the minimal fixture is up to date.
ALL_MINIMAL = (*COMPLETE, "practices/alpha/en.md", "docs/about.en.md")


def stamp_complete(root: Path, paths: tuple[str, ...] = COMPLETE) -> None:
    for path in paths:
        result = run_cli("translations", "--root", str(root), "--stamp", path)
        assert result.exit_code == 0, result.output
