"""When content files last changed: the last commit that touched each, else its mtime.

Git is optional: without git, outside a repository, or for a file with uncommitted edits,
the file's modification time is the best answer there is. Files are asked about in one batch
(two git commands however many files), so a site with thousands of texts stays fast.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path


def changed_days(root: Path, rels: Iterable[str]) -> dict[str, str]:
    """The day (YYYY-MM-DD, UTC) each repository-relative file last changed."""
    wanted = sorted({rel for rel in rels if (root / rel).is_file()})
    if not wanted:
        return {}
    committed = _from_git(root, wanted)
    return {rel: committed.get(rel) or _from_mtime(root / rel) for rel in wanted}


def last_changed(root: Path, rel: str) -> str:
    return changed_days(root, [rel])[rel]


def _from_mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()


def _from_git(root: Path, rels: list[str]) -> dict[str, str]:
    if shutil.which("git") is None:
        return {}
    edited = _git(root, "diff", "HEAD", "--name-only", "--relative", "--", *rels)
    if edited is None:
        return {}  # not a repository, or no commit yet
    log = _git(root, "log", "--format=@%ct", "--name-only", "--relative", "--", *rels)
    if log is None:
        return {}
    uncommitted = set(edited.splitlines())
    days: dict[str, str] = {}
    day = None
    for line in log.splitlines():
        if line.startswith("@") and line[1:].isdigit():
            day = datetime.fromtimestamp(int(line[1:]), UTC).date().isoformat()
        elif line and day and line not in days and line not in uncommitted:
            days[line] = day  # the log runs newest first: the first date is the last change
    return days


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def versions(root: Path, rel: str) -> list[tuple[str, str]]:
    """(commit, day) of every commit that changed a file, newest first; [] without git."""
    log = _git(root, "log", "--format=%H %ct", "--", rel)
    found = []
    for line in (log or "").splitlines():
        commit, _, stamp = line.partition(" ")
        if stamp.isdigit():
            found.append((commit, datetime.fromtimestamp(int(stamp), UTC).date().isoformat()))
    return found


def text_at(root: Path, commit: str, rel: str) -> str | None:
    """The file as it was in a commit."""
    return _git(root, "show", f"{commit}:{rel}")


def changed_since(root: Path, ref: str, rels: Iterable[str]) -> set[str]:
    """Which of the files differ from their version in ``ref`` (a branch or a commit)."""
    wanted = sorted(set(rels))
    if not wanted:
        return set()
    names = _git(root, "diff", "--name-only", "--relative", ref, "--", *wanted)
    return set((names or "").splitlines())
