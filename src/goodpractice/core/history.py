"""When a content file last changed: the last commit that touched it, else its mtime.

Git is optional: without git, outside a repository, or for a file with uncommitted edits,
the file's modification time is the best answer there is.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from functools import cache
from pathlib import Path


def last_changed(root: Path, rel: str) -> str:
    """The day (YYYY-MM-DD, UTC) ``rel`` last changed."""
    return _from_git(root, rel) or _from_mtime(root / rel)


def _from_mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()


def _from_git(root: Path, rel: str) -> str | None:
    if not _git_available() or not (root / rel).is_file():
        return None
    dirty = _git(root, "status", "--porcelain", "--", rel)
    if dirty is None or dirty.strip():
        return None  # not a repository, untracked, or edited since the last commit
    stamp = _git(root, "log", "-1", "--format=%ct", "--", rel)
    if not stamp or not stamp.strip().isdigit():
        return None
    return datetime.fromtimestamp(int(stamp.strip()), UTC).date().isoformat()


@cache
def _git_available() -> bool:
    return shutil.which("git") is not None


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
