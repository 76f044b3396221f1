""".github/scripts/push-proposal.sh: the issue workflow pushes intake's files to the issue's
branch, replaces its own earlier push on each edit, and never a branch changed by hand."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import REPO

SCRIPT = REPO / ".github/scripts/push-proposal.sh"
GIT = ["git", "-c", "user.name=Maintainer", "-c", "user.email=m@example.org"]


def _run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, check=True, env=env)
    return done.stdout.strip()


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    origin = tmp_path / "origin.git"
    _run(tmp_path, "git", "init", "-q", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    _run(tmp_path, "git", "clone", "-q", str(origin), str(work))
    (work / "practices").mkdir()
    (work / "practices/.keep").write_text("", encoding="utf-8")
    _run(work, *GIT, "add", "-A")
    _run(work, *GIT, "commit", "-qm", "start")
    _run(work, "git", "push", "-q", "origin", "HEAD:main")
    return origin, work


def _intake(work: Path, text: str) -> str:
    """What the workflow does on each run: a fresh main, intake's files, the script."""
    _run(work, "git", "checkout", "-q", "-f", "main")
    _run(work, "git", "clean", "-qfd")
    (work / "practices/x").mkdir(exist_ok=True)
    (work / "practices/x/practice.yml").write_text(text, encoding="utf-8")
    env = {**os.environ, "REMOTE": "origin", "GITHUB_OUTPUT": ""}
    return _run(work, "bash", str(SCRIPT), "proposal/issue-7", "7", "origin/main", env=env)


def test_pushes_then_replaces_its_own_push_then_leaves_hand_edits(tmp_path: Path) -> None:
    origin, work = _setup(tmp_path)
    assert _intake(work, "id: x\n") == "pushed"
    log = _run(origin, "git", "log", "--format=%s%n%b", "proposal/issue-7", "-1")
    assert "Case study from issue #7" in log and "Intake-Issue: 7" in log
    assert _intake(work, "id: x\nstatus: completed\n") == "pushed"  # the issue was edited
    assert _run(origin, "git", "show", "proposal/issue-7:practices/x/practice.yml").endswith(
        "status: completed"
    )
    assert _intake(work, "id: x\nstatus: completed\n") == "unchanged"
    # A maintainer finishes the case study on the branch: later edits of the issue stop there.
    _run(work, "git", "checkout", "-q", "-B", "hand", "origin/proposal/issue-7")
    (work / "practices/x/en.md").write_text("---\ntitle: X\n---\n", encoding="utf-8")
    _run(work, *GIT, "add", "-A")
    _run(work, *GIT, "commit", "-qm", "Add the English text")
    _run(work, "git", "push", "-q", "origin", "HEAD:proposal/issue-7")
    head = _run(origin, "git", "rev-parse", "proposal/issue-7")
    assert _intake(work, "id: x\nstatus: ongoing\n") == "edited-by-hand"
    assert _run(origin, "git", "rev-parse", "proposal/issue-7") == head
