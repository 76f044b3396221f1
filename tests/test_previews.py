"""The pull request's site artifact opens when unzipped: every link of the copy leads to a file
on the disk, so a double click on index.html is enough (no web server, no folder listings)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from goodpractice.build.previews import file_url, offline_copy

_LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')


def test_directory_links_lead_to_index_html() -> None:
    assert file_url("../beta/") == "../beta/index.html"
    assert file_url("../x/#results") == "../x/index.html#results"
    assert file_url("../search/?q=iasi") == "../search/index.html?q=iasi"
    assert file_url("..") == "../index.html"
    assert file_url("/about/", depth=2) == "../../about/index.html"  # Material's 404 page
    assert file_url("/", depth=0) == "./index.html"
    for kept in ("https://example.org/", "#top", "assets/x.css", "mailto:a@b.ro", "//cdn/x"):
        assert file_url(kept) == kept


def test_every_link_of_the_copy_opens_a_file(built_minimal: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site-preview"
    assert offline_copy(built_minimal, copy) > 20
    broken = []
    for page in copy.rglob("*.html"):
        for url in _LINK.findall(page.read_text(encoding="utf-8")):
            if not url or re.match(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", url):
                continue
            target = posixpath.normpath(
                posixpath.join(page.parent.relative_to(copy).as_posix(), re.split(r"[?#]", url)[0])
            )
            if not (copy / target).is_file():
                broken.append(f"{page.relative_to(copy)}: {url}")
    assert broken == []
    # The built site itself is left as it was: directory addresses for the web server.
    assert 'href="../beta/"' in (built_minimal / "practices/alpha/index.html").read_text("utf-8")
