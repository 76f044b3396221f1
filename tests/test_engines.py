"""The site generator is replaceable: ProperDocs, the maintained drop-in fork of MkDocs 1.6,
builds the repository's site exactly as MkDocs does (ARCHITECTURE.md, "Moving engines")."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import REPO

# The only line that names the engine: <meta name="generator" content="mkdocs-1.6.1, ...">.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _engine_build(engine: str, site: Path) -> dict[str, bytes]:
    # The engine alone, as `mkdocs build` or `properdocs build` would run it in CI: no
    # post-build steps (exports, PDFs, search index), which never touch the engine.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", engine, "build", "--quiet", "--site-dir", str(site)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    return {
        path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes())
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path: Path) -> None:
    mkdocs = _engine_build("mkdocs", tmp_path / "mkdocs")
    properdocs = _engine_build("properdocs", tmp_path / "properdocs")
    assert len(mkdocs) > 100
    assert sorted(properdocs) == sorted(mkdocs)
    differing = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    assert differing == []


def test_the_plugin_can_be_switched_off(project: Callable[..., Path]) -> None:
    """`enabled: false` builds the hand-written pages alone, as if the plugin were not listed."""
    root = project()
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - goodpractice\n" in text
    config.write_text(
        text.replace("\n  - goodpractice\n", "\n  - goodpractice:\n      enabled: false\n")
    )
    site = root / "out"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
        capture_output=True,
    )
    assert (site / "about" / "index.html").is_file()
    assert (site / "en" / "about" / "index.html").is_file()
    assert not (site / "practices" / "alpha").exists()
