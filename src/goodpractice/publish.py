"""Post-build step: open data exports, Atom feeds and the sitemap's missing facts.

Runs after MkDocs on the staging folder of ``goodpractice build`` (see ``sitebuild``), so a
failure here leaves the published site untouched.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import yaml

from goodpractice.core.exports import export_files
from goodpractice.core.feeds import atom_feed, feed_path
from goodpractice.core.project import Project
from goodpractice.core.site import Site, load_site
from goodpractice.core.sitemap import improved_sitemap


def publish_open_web(project: Project, staging: Path) -> list[str]:
    site = load_site(project)
    site_url = _site_url(project)
    written = dict(export_files(site, site_url))
    if site_url:
        written.update(_feeds(site, site_url))
        written.update(_sitemaps(staging, site, site_url))
    for relative, content in written.items():
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    sizes = ", ".join(
        f"{name.removeprefix('data/')} {len(content) / 1024:.1f} KiB"
        for name, content in written.items()
        if name.startswith("data/")
    )
    notes = [f"Open data: {sizes}."]
    if not site_url:
        notes.append("No site_url in mkdocs.yml: feeds and sitemap dates were skipped.")
    return notes


def _feeds(site: Site, site_url: str) -> dict[str, bytes]:
    return {
        feed_path(site, language): atom_feed(site, language, site_url)
        for language in site.project.language_codes
    }


def _sitemaps(staging: Path, site: Site, site_url: str) -> dict[str, bytes]:
    sitemap = staging / "sitemap.xml"
    if not sitemap.is_file():
        return {}
    xml = improved_sitemap(sitemap.read_bytes(), site, site_url)
    # mtime=0: the same sitemap gives the same archive, byte for byte.
    return {"sitemap.xml": xml, "sitemap.xml.gz": gzip.compress(xml, mtime=0)}


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring MkDocs' own tags (!ENV, !!python/name)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def _site_url(project: Project) -> str | None:
    config = yaml.load(
        (project.root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader
    )
    value = config.get("site_url") if isinstance(config, dict) else None
    return str(value) if value else None
