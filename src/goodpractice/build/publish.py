"""Post-build step: open data exports, Atom feeds and the sitemap's missing facts.

Runs after MkDocs on the staging folder of ``goodpractice build`` (see ``build.sitebuild``), so a
failure here leaves the published site untouched.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from goodpractice.core.base import formatting
from goodpractice.core.base.messages import msg
from goodpractice.core.model.site import Site
from goodpractice.core.opendata.exports import export_files
from goodpractice.core.opendata.feeds import atom_feed, feed_path
from goodpractice.core.opendata.sitemap import improved_sitemap, split_sitemap
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.messages import load_catalogue, message_language
from goodpractice.core.readers.project import Project


def publish_open_web(project: Project, staging: Path) -> list[str]:
    site = load_site(project)
    site_url = project.site_url
    written = dict(export_files(site, site_url))
    if site_url:
        written.update(_feeds(site, site_url))
        written.update(_sitemaps(staging, site, site_url))
    for relative, content in written.items():
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    catalogue = load_catalogue(project)
    language = message_language(project)
    locale = project.language(language).locale
    sizes = ", ".join(
        f"{name.removeprefix('data/')} {formatting.kibibytes(len(content), locale)}"
        for name, content in written.items()
        if name.startswith("data/")
    )
    notes = [msg("build.open-data", sizes=sizes)]
    if not site_url:
        notes.append(msg("build.no-site-url"))
    return [catalogue.text(note, language) for note in notes]


def _feeds(site: Site, site_url: str) -> dict[str, bytes]:
    return {
        feed_path(site, language): atom_feed(site, language, site_url)
        for language in site.project.language_codes
    }


def _sitemaps(staging: Path, site: Site, site_url: str) -> dict[str, bytes]:
    sitemap = staging / "sitemap.xml"
    if not sitemap.is_file():
        return {}
    files = split_sitemap(improved_sitemap(sitemap.read_bytes(), site, site_url), site_url)
    # mtime=0: the same sitemap gives the same archive, byte for byte.
    return {**files, "sitemap.xml.gz": gzip.compress(files["sitemap.xml"], mtime=0)}
