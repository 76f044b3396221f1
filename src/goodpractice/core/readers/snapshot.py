"""A cheap fingerprint of the content, to skip re-loading when nothing changed."""

from __future__ import annotations

from goodpractice.core.readers.project import Project
from goodpractice.core.readers.walk import walk

_WATCHED: tuple[str, ...] = (
    "practices",
    "vocabularies",
    "i18n",
    "schema",
    "docs",
    "overrides/goodpractice",
    # Long documents (core/longdocs.py).
    "curriculum",
    "guides",
)


Fingerprint = tuple[tuple[str, int, int], ...]  # (path, modification time in ns, size)


def content_fingerprint(project: Project) -> Fingerprint:
    entries = []
    for folder in _WATCHED:
        listing = walk(project.root / folder)  # links are listed, never followed
        for path in listing.files + listing.links + listing.others:
            stat = path.lstat()
            entries.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))
