"""Untrusted contributions: check names every class of attack with its exact message.

Each case is an overlay in tests/fixtures/hostile/<case>/ on the minimal fixture (and on the
long-document fixture for a case named longdoc-*), as a partner's pull request would change
it. The expected messages are in tests/untrusted_messages.tsv, grouped by the classes of
issue 11. Symbolic links are made here: git keeps them, but a copied fixture would not.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli

MESSAGES = Path(__file__).with_name("untrusted_messages.tsv")
CASES = [
    tuple(line.split("\t", 1))
    for line in MESSAGES.read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
LINK = (
    "(file): is a symbolic link; the site publishes only real files of the repository: "
    "replace the link with the file itself"
)


def overlays(case: str) -> tuple[str, ...]:
    return ("longdocs", f"hostile/{case}") if case.startswith("longdoc-") else (f"hostile/{case}",)


def test_the_corpus_covers_every_class_with_sixty_fixtures() -> None:
    cases = {case for case, _ in CASES}
    assert len(cases) >= 60
    assert all((MESSAGES.parent / "fixtures/hostile" / case).is_dir() for case in cases)


@pytest.mark.parametrize(
    ("case", "expected"), CASES, ids=[f"{c}:{e.split(':')[1]}" for c, e in CASES]
)
def test_check_names_the_problem(project: Callable[..., Path], case: str, expected: str) -> None:
    result = run_cli("check", "--root", str(project(*overlays(case))))
    assert result.exit_code == 1, result.output
    assert expected in result.output.splitlines(), result.output


@pytest.mark.parametrize("case", sorted({case for case, _ in CASES}))
def test_build_refuses_and_writes_no_site(project: Callable[..., Path], case: str) -> None:
    root = project(*overlays(case))
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1, result.output
    assert "nothing was built" in result.output
    assert not (root / "site").exists()


def _link_cases(root: Path) -> dict[str, str]:
    """Make symbolic links as a pull request could; return each one's expected message."""
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: Secret\n---\n\nSECRET\n", encoding="utf-8")
    (root / "practices/alpha/ro.md").unlink()
    (root / "practices/alpha/ro.md").symlink_to(outside / "secret.md")
    (root / "docs/leak.png").symlink_to("/etc/hostname")
    (root / "docs/folder").symlink_to(outside)
    (root / "docs/dangling.md").symlink_to(root / "does-not-exist")
    (root / "practices/gamma").symlink_to(root / "practices/beta")
    (root / "vocabularies/extra.yml").symlink_to(outside / "secret.md")
    names = [
        "practices/alpha/ro.md",
        "docs/leak.png",
        "docs/folder",
        "docs/dangling.md",
        "practices/gamma",
        "vocabularies/extra.yml",
    ]
    return {name: f"{name}:1: {LINK}" for name in names}


def test_symbolic_links_are_named_never_followed(project: Callable[..., Path]) -> None:
    """A link to a file outside the repository (the build's environment, its keys) is a clear
    message and exit 1, never a traceback, and nothing is read through it."""
    root = project()
    expected = _link_cases(root)
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    for message in expected.values():
        assert message in lines, result.output
    assert "SECRET" not in result.output
    assert "Traceback" not in result.output
    build = run_cli("build", "--root", str(root))
    assert build.exit_code == 1
    assert not (root / "site").exists()


def test_a_special_file_is_named(project: Callable[..., Path]) -> None:
    root = project()
    os.mkfifo(root / "docs/pipe.png")  # reading it would wait forever
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1
    assert "docs/pipe.png:1: (file): is not a regular file; remove it" in result.output.splitlines()


def test_the_page_schema_allows_exactly_the_keys_the_build_keeps() -> None:
    import json

    from goodpractice.core.base import pagemeta

    schema = json.loads((MESSAGES.parents[1] / "schema/page.schema.json").read_text("utf-8"))
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == pagemeta.HAND_WRITTEN_KEYS


def test_a_clean_fixture_passes(project: Callable[..., Path]) -> None:
    """Borderline but honest content (details, tables, abbreviations, amounts) is no error."""
    result = run_cli("check", "--root", str(project("hostile/borderline-ok")))
    assert result.exit_code == 0, result.output
