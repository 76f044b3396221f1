"""A malformed contribution fails the build and leaves the previous site exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from goodpractice.build import errors, pagebuild
from goodpractice.core.readers.project import Project


def _digest(folder: Path) -> str:
    """Names, bytes and modification times of every file: 'untouched' means all three."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
            digest.update(str(path.stat().st_mtime_ns).encode())
    return digest.hexdigest()


@pytest.fixture
def built(project: Callable[..., Path]) -> Path:
    root = project()
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    return root


def _apply(root: Path, overlay: str) -> None:
    shutil.copytree(FIXTURES / overlay, root, dirs_exist_ok=True)


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        ("hostile/script-tag", "html: the HTML element <script> is not allowed"),
        ("hostile/yaml-deep", "values are nested more than 32 levels deep"),
        ("hostile/binary-junk", "binary data where text was expected"),
        ("hostile/utf16", "saved as UTF-16; save the file as UTF-8"),
        ("hostile/contact-without-consent", "Maria Popescu has no consent record"),
        ("broken/missing-section", "missing the section '## Rezultate'"),
    ],
)
def test_failed_build_leaves_the_previous_site_byte_for_byte(
    built: Path, overlay: str, message: str
) -> None:
    before = _digest(built / "site")
    _apply(built, overlay)
    result = run_cli("build", "--root", str(built))
    assert result.exit_code == 1
    assert message in result.output
    assert "The previous site, if any, is unchanged." in result.output
    assert _digest(built / "site") == before
    assert sorted(p.name for p in built.iterdir() if p.name.startswith(".site-")) == []


@pytest.fixture
def failing_step() -> Iterator[None]:
    def step(_project: Project, _staging: Path) -> list[str]:
        raise errors.BuildError("the search index could not be written")

    pagebuild.POST_BUILD_STEPS.append(step)
    yield
    pagebuild.POST_BUILD_STEPS.remove(step)


def test_a_step_failing_after_mkdocs_also_keeps_the_old_site(
    built: Path, failing_step: None
) -> None:
    before = _digest(built / "site")
    (built / "practices/alpha/ro.md").write_text(
        (built / "practices/alpha/ro.md").read_text(encoding="utf-8") + "\nUn rând nou.\n",
        encoding="utf-8",
    )
    result = run_cli("build", "--root", str(built))
    assert result.exit_code == 1
    assert "Build failed: the search index could not be written" in result.output
    assert _digest(built / "site") == before


def test_a_good_build_after_a_failed_one_replaces_the_site(built: Path) -> None:
    _apply(built, "hostile/script-tag")
    assert run_cli("build", "--root", str(built)).exit_code == 1
    shutil.copy2(FIXTURES / "minimal/practices/alpha/ro.md", built / "practices/alpha/ro.md")
    (built / "practices/alpha/ro.md").write_text(
        (built / "practices/alpha/ro.md").read_text(encoding="utf-8") + "\nMARKER-NOU\n",
        encoding="utf-8",
    )
    result = run_cli("build", "--root", str(built))
    assert result.exit_code == 0, result.output
    assert "MARKER-NOU" in (built / "site/practices/alpha/index.html").read_text("utf-8")
