"""``goodpractice translations``: the listing, JSON, stamping, and the dates of originals."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli
from goodpractice.authoring.stamping import set_front_matter_key
from goodpractice.core.readers.history import last_changed
from translations_support import ALL_MINIMAL, stamp_complete


def _set_mtime(path: Path, day: str) -> None:
    stamp = int(
        subprocess.run(
            ["date", "-u", "-d", f"{day}T12:00:00", "+%s"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    os.utime(path, (stamp, stamp))


def test_listing_per_content_type(project: Callable[..., Path]) -> None:
    root = project("translations/missing", "translations/outdated")
    stamp_complete(root)
    _set_mtime(root / "practices/alpha/ro.md", "2026-03-04")
    _set_mtime(root / "docs/about.ro.md", "2026-05-06")
    result = run_cli("translations", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Case studies: 4 translation(s): 1 complete, 1 outdated, 0 never stamped, 2 missing",
        "  outdated    practices/alpha/en.md (reviewed 2026-01-10; original "
        "practices/alpha/ro.md changed 2026-03-04)",
        "  missing     practices/delta/ro.md (not required; original practices/delta/en.md)",
        "  missing     practices/gamma/en.md (not required; original practices/gamma/ro.md)",
        "Pages: 5 translation(s): 2 complete, 1 outdated, 0 never stamped, 2 missing",
        "  outdated    docs/about.en.md (reviewed 2026-02-03; original docs/about.ro.md "
        "changed 2026-05-06)",
        "  missing     docs/guide.en.md (not required; original docs/guide.ro.md)",
        "  missing     docs/news.ro.md (not required; original docs/news.en.md)",
        # The fixture has no curriculum or guide: listed, with nothing to translate.
        "Curriculum (introduction and modules): 0 translation(s): 0 complete, 0 outdated, "
        "0 never stamped, 0 missing",
        "Guides (introductions and chapters): 0 translation(s): 0 complete, 0 outdated, "
        "0 never stamped, 0 missing",
    ]


def test_listing_as_json(project: Callable[..., Path]) -> None:
    root = project("translations/missing", "translations/outdated")
    stamp_complete(root)
    _set_mtime(root / "practices/alpha/ro.md", "2026-03-04")
    result = run_cli("translations", "--root", str(root), "--format", "json")
    data = json.loads(result.output)
    kinds = {kind["name"]: kind for kind in data["content_types"]}
    assert list(kinds) == ["case-studies", "pages", "curriculum", "guide"]
    assert kinds["case-studies"]["counts"] == {
        "complete": 1,
        "outdated": 1,
        "unrecorded": 0,
        "missing": 2,
    }
    alpha = next(t for t in kinds["case-studies"]["translations"] if t["name"] == "alpha")
    assert alpha == {
        "name": "alpha",
        "language": "en",
        "path": "practices/alpha/en.md",
        "original": "practices/alpha/ro.md",
        "original_language": "ro",
        "state": "outdated",
        "required": True,
        "reviewed": "2026-01-10",
        "original_changed": "2026-03-04",
    }
    delta = next(t for t in kinds["case-studies"]["translations"] if t["name"] == "delta")
    assert (delta["language"], delta["original_language"], delta["required"]) == ("ro", "en", False)


def test_stamping_clears_the_warning(project: Callable[..., Path]) -> None:
    root = project("translations/outdated")
    stamp_complete(root)
    path = root / "practices/alpha/en.md"
    before = path.read_text(encoding="utf-8")
    result = run_cli(
        "translations", "--root", str(root), "--stamp", str(path), "--reviewed", "2026-11-21"
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Stamped practices/alpha/en.md: translates the ro original")
    after = path.read_text(encoding="utf-8")
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 1 and changed[0][1].startswith("translation: {source: ro, source_hash")
    assert changed[0][1].endswith("reviewed: 2026-11-21}")
    check = run_cli("check", "--root", str(root))
    assert "practices/alpha/en.md" not in check.output
    listing = run_cli("translations", "--root", str(root)).output
    assert "Case studies: 2 translation(s): 2 complete, 0 outdated" in listing
    again = run_cli("translations", "--root", str(root), "--stamp", str(path))
    assert again.output.startswith("Already stamped") or "Stamped" in again.output


def test_stamping_a_path_relative_to_the_root(project: Callable[..., Path]) -> None:
    root = project("translations/outdated")
    result = run_cli("translations", "--root", str(root), "--stamp", "docs/about.en.md")
    assert result.exit_code == 0, result.output
    text = (root / "docs/about.en.md").read_text(encoding="utf-8")
    # The multi-line record is replaced by one line; the rest stays.
    assert "  source_hash: 'abcdefabcdef'" not in text
    assert text.startswith("---\ntitle: About\ntranslation: {source: ro, source_hash: '")
    assert text.endswith("---\n\n# About\n\nThe platform.\n")


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "practices/alpha/ro.md",
            "Error: practices/alpha/ro.md is the original (ro) of this text, not a translation; "
            "stamp its translation instead: goodpractice translations --stamp "
            "practices/alpha/en.md",
        ),
        (
            "practices/gamma/ro.md",
            "Error: practices/gamma/ro.md is the original (ro) of this text and has no "
            "translation yet (practices/gamma/en.md is missing); nothing to stamp",
        ),
        (
            "practices/alpha/practice.yml",
            "Error: practices/alpha/practice.yml is not a translation of another text: it has no "
            "counterpart in another language (stamp a case-study text "
            "practices/<id>/<lang>.md or a page docs/<name>.<lang>.md whose original exists)",
        ),
        ("docs/nothing.en.md", "Error: docs/nothing.en.md: no such file"),
    ],
)
def test_stamping_refuses(project: Callable[..., Path], target: str, message: str) -> None:
    root = project("translations/missing")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = run_cli("translations", "--root", str(root), "--stamp", target)
    assert result.exit_code == 1
    assert result.output.strip() == message
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_stamping_refuses_a_bad_review_day(project: Callable[..., Path]) -> None:
    root = project("translations/outdated")
    result = run_cli(
        "translations", "--root", str(root), "--stamp", "docs/about.en.md", "--reviewed", "11/21"
    )
    assert result.exit_code == 2
    assert "'11/21' is not a day (YYYY-MM-DD)" in result.output


def test_stamping_keeps_every_other_byte(project: Callable[..., Path]) -> None:
    """CRLF line endings, a byte-order mark, comments and key order survive a stamp."""
    root = project("translations/outdated")
    path = root / "docs/about.en.md"
    original = (
        b"\xef\xbb\xbf---\r\n# a comment the translator wrote\r\ntitle: About\r\n"
        b"translation:\r\n  source: ro\r\n  source_hash: 'abcdefabcdef'\r\n"
        b"  reviewed: 2026-02-03\r\ndescription: About us  \r\n---\r\n\r\n# About\r\n\r\n"
        b"The platform.\r\n"
    )
    path.write_bytes(original)
    assert run_cli("translations", "--root", str(root), "--stamp", str(path)).exit_code == 0
    stamped = path.read_bytes()
    head, record, tail = stamped.partition(b"translation: {")
    assert head == original[: original.index(b"translation:")]
    assert tail.split(b"\r\n", 1)[1] == original[original.index(b"description:") :]
    assert b"\n" not in record and tail.split(b"\r\n", 1)[0].endswith(b"}")


def test_set_front_matter_key_adds_front_matter_when_there_is_none() -> None:
    assert set_front_matter_key("# Title\n", "translation", "translation: {}") == (
        "---\ntranslation: {}\n---\n# Title\n"
    )


def test_whitespace_only_edits_keep_a_translation_up_to_date(
    project: Callable[..., Path],
) -> None:
    root = project()
    stamp_complete(root, ALL_MINIMAL)
    original = root / "practices/alpha/ro.md"
    text = original.read_text(encoding="utf-8")
    original.write_bytes(
        text.replace("\n", "   \r\n").replace("## Context", "\n\n## Context").encode() + b"\n\n"
    )
    result = run_cli("check", "--root", str(root))
    assert "warning" not in result.output, result.output
    original.write_text(text.replace("Se poate transfera.", "Se poate adapta."), encoding="utf-8")
    result = run_cli("check", "--root", str(root))
    assert "practices/alpha/en.md:4: translation: warning: practices/alpha/ro.md changed" in (
        result.output
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_date_of_an_original_comes_from_git(project: Callable[..., Path]) -> None:
    root = project("translations/outdated")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2026-04-05T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-04-05T10:00:00+00:00",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "content")
    _set_mtime(root / "practices/alpha/ro.md", "2026-09-09")
    assert last_changed(root, "practices/alpha/ro.md") == "2026-04-05"
    # An uncommitted edit is newer than any commit: the file's time counts.
    with (root / "practices/alpha/ro.md").open("a", encoding="utf-8") as handle:
        handle.write("\nMai mult text.\n")
    _set_mtime(root / "practices/alpha/ro.md", "2026-09-09")
    assert last_changed(root, "practices/alpha/ro.md") == "2026-09-09"


def test_without_git_the_date_is_the_file_time(project: Callable[..., Path]) -> None:
    root = project("translations/outdated")
    _set_mtime(root / "docs/about.ro.md", "2026-06-07")
    assert last_changed(root, "docs/about.ro.md") == "2026-06-07"


def test_stamping_several_files_at_once(project: Callable[..., Path]) -> None:
    root = project("translations/outdated")
    result = run_cli(
        "translations",
        "--root",
        str(root),
        "--stamp",
        "practices/alpha/en.md",
        "--stamp",
        "docs/about.en.md",
        "--reviewed",
        "2026-11-21",
    )
    assert result.exit_code == 0, result.output
    assert [line.split(":")[0] for line in result.output.splitlines()] == [
        "Stamped practices/alpha/en.md",
        "Stamped docs/about.en.md",
    ]


def test_stamping_refuses_a_translation_that_cannot_be_read(
    project: Callable[..., Path],
) -> None:
    root = project("translations/outdated")
    path = root / "docs/about.en.md"
    path.write_text("---\ntitle: [unclosed\n---\n\n# About\n", encoding="utf-8")
    before = path.read_bytes()
    result = run_cli("translations", "--root", str(root), "--stamp", str(path))
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: docs/about.en.md cannot be read; 'goodpractice check' says why, fix it first"
    )
    assert path.read_bytes() == before
