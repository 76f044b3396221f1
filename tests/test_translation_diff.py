"""goodpractice translations --diff PATH and --outdated-since REF: what a translator must
update, section by section, found in git by the stamp's source_hash."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

EN = "practices/alpha/en.md"


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=Partner",
            "-c",
            "user.email=p@example.org",
            "-C",
            str(root),
            *args,
        ],
        check=True,
        capture_output=True,
    )


def _repository(project: Callable[..., Path]) -> Path:
    root = project()
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Alpha as translated")
    return root


def _edit_results(root: Path) -> None:
    text = root / "practices/alpha/ro.md"
    text.write_text(
        text.read_text(encoding="utf-8").replace(
            "Rezultate măsurate.", "Rezultate măsurate: 1.300 de locuri de muncă."
        ),
        encoding="utf-8",
    )


def test_diff_shows_the_sections_that_changed_since_the_stamp(
    project: Callable[..., Path],
) -> None:
    root = _repository(project)
    _edit_results(root)
    _git(root, "commit", "-qam", "New results")
    result = run_cli("translations", "--root", str(root), "--diff", EN, "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(
        "practices/alpha/ro.md changed since practices/alpha/en.md was checked against it "
        "(the version of "
    )
    assert lines[2:] == [
        "Changed: ## Rezultate",
        "@@ -1 +1 @@",
        "-Rezultate măsurate.",
        "+Rezultate măsurate: 1.300 de locuri de muncă.",
    ]


def test_uncommitted_edits_count_and_an_up_to_date_translation_says_so(
    project: Callable[..., Path],
) -> None:
    root = _repository(project)
    result = run_cli("translations", "--root", str(root), "--diff", EN, "--lang", "ro")
    assert result.output.strip() == (
        "practices/alpha/en.md corespunde cu practices/alpha/ro.md; nu este nimic de tradus"
    )
    _edit_results(root)  # not committed: the working file is what the translator reads
    result = run_cli("translations", "--root", str(root), "--diff", EN, "--lang", "en")
    assert "+Rezultate măsurate: 1.300 de locuri de muncă." in result.output


def test_a_stamp_missing_from_the_history_is_explained(project: Callable[..., Path]) -> None:
    root = project()  # no git at all
    _edit_results(root)
    result = run_cli("translations", "--root", str(root), "--diff", EN, "--lang", "en")
    assert result.output.strip().startswith(
        "the version of practices/alpha/ro.md that practices/alpha/en.md was checked against "
        "is not in the git history"
    )


def test_outdated_since_lists_only_what_the_changes_make_outdated(
    project: Callable[..., Path],
) -> None:
    root = _repository(project)
    _git(root, "branch", "base")
    summary = run_cli("translations", "--root", str(root), "--outdated-since", "base")
    assert "None." in summary.output and "Niciuna." in summary.output
    _edit_results(root)
    _git(root, "commit", "-qam", "New results")
    summary = run_cli("translations", "--root", str(root), "--outdated-since", "base")
    assert "`practices/alpha/en.md` translates `practices/alpha/ro.md`, which changes here" in (
        summary.output
    )
    assert "`practices/alpha/en.md` traduce `practices/alpha/ro.md`, care se schimbă aici" in (
        summary.output
    )
