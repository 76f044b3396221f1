"""The zip for a USB stick: the offline copies of every language, opened from disk (file://).

A browser opening files shows a folder, not its index.html, for a link to ``curriculum/``; so
every link between kept pages is written to the file (``curriculum/index.html``). A link to a
page that is not in the zip goes to its public address; search, which needs a server, leads to
a page saying so. Entries have fixed dates, so the same site gives the same zip.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from goodpractice.build.offline_files import page_file, resolve

# Attributes holding addresses in the HTML Material and our templates write (double quotes).
_ADDRESS = re.compile(r'\b(href|src|action)="([^"]*)"')
_FIXED_DATE = (2000, 1, 1, 0, 0, 0)


def write_bundle(
    site_dir: Path,
    target: Path,
    files: list[str],
    *,
    folder: str,
    replaced: Mapping[str, str],
    site_url: str | None,
) -> int:
    """Write the zip of ``files`` (site paths) to ``target``; return its size in bytes.

    ``replaced`` sends links to a page elsewhere in the zip (search to "search needs the
    online site"); links to anything else outside the zip go to ``site_url``.
    """
    inside = {page_file(path) for path in files}
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as out:
        for name in sorted(inside):
            data = (site_dir / name).read_bytes()
            if name.endswith(".html"):
                text = data.decode("utf-8")
                data = rewrite_links(text, name, inside, replaced, site_url).encode("utf-8")
            entry = zipfile.ZipInfo(f"{folder}/{name}", date_time=_FIXED_DATE)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, data)
    return target.stat().st_size


def rewrite_links(
    html: str,
    name: str,
    inside: set[str],
    replaced: Mapping[str, str],
    site_url: str | None,
) -> str:
    """The page ``name`` with every address written for a copy on disk."""

    def address(match: re.Match[str]) -> str:
        new = _on_disk(match[2], name, inside, replaced, site_url)
        return f'{match[1]}="{new}"'

    return _ADDRESS.sub(address, html)


def _on_disk(
    href: str, name: str, inside: set[str], replaced: Mapping[str, str], site_url: str | None
) -> str:
    target = resolve(name, href) if not href.startswith("/") else _from_root(href, site_url)
    if target is None:
        return href
    target = replaced.get(target, target)
    parts = urlsplit(href)
    ending = (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )
    file = page_file(target) if (target == "" or target.endswith("/")) else target
    if file in inside:
        return _relative(name, file) + ending
    if site_url:
        return site_url + target + ending
    return href


def _from_root(href: str, site_url: str | None) -> str | None:
    """The site path of a link from the server's root (the theme writes "/" on home pages)."""
    if href.startswith("//"):
        return None
    root = urlsplit(site_url or "/").path or "/"
    path = urlsplit(href).path
    return path[len(root) :] if path.startswith(root) else None


def _relative(from_file: str, to_file: str) -> str:
    return posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")
