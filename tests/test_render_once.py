"""Each case-study text is rendered once: check's render is what the site publishes, with its
link targets set by MkDocs' own link processor, and the pages are the same bytes as when MkDocs
renders the text itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli
from goodpractice.mkdocs_plugin import plugin


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def _link_text(root: Path) -> None:
    """Links of every kind the processor sets: another case, a hand-written page, an anchor,
    an image beside the case, an outside address, and a reference-style link."""
    text = root / "practices/alpha/ro.md"
    text.write_text(
        text.read_text(encoding="utf-8")
        + "\n\nVezi [beta](../beta/ro.md#context), [despre](../../docs/about.ro.md), "
        "[sus](#context), [site](https://example.org/a?b=1&c=2) și [ref][r].\n\n"
        "[r]: #obiective\n",
        encoding="utf-8",
    )


def test_published_pages_are_those_mkdocs_would_render(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = project()
    _link_text(root)
    published = tmp_path / "published.txt"  # the pages are made in a child process
    original = plugin._published_text

    def counted(page: Any, *args: Any) -> str:
        with published.open("a", encoding="utf-8") as out:
            out.write(page.file.src_uri + "\n")
        return original(page, *args)

    monkeypatch.setattr(plugin, "_published_text", counted)
    assert run_cli("build", "--root", str(root)).exit_code == 0
    once = _pages(root / "site")
    # check's render was published, in both languages
    assert {"practices/alpha/index.ro.md", "practices/alpha/index.en.md"} <= set(
        published.read_text(encoding="utf-8").split()
    )
    monkeypatch.setattr(plugin, "_link_tools", lambda page: None)  # MkDocs renders the texts
    assert run_cli("build", "--root", str(root)).exit_code == 0
    assert _pages(root / "site") == once
    alpha = once["practices/alpha/index.html"].decode("utf-8")
    assert 'href="../beta/#context"' in alpha
    assert 'href="https://example.org/a?b=1&amp;c=2"' in alpha
