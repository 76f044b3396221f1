"""List the files of a content folder without ever following a symbolic link.

A link in a pull request could point anywhere on the machine that builds the site (its
environment, its keys); content is read only from real files inside the repository. Links are
listed apart, so ``check`` can name them, and are never read.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Listing:
    files: list[Path] = field(default_factory=list)  # regular files, sorted
    links: list[Path] = field(default_factory=list)  # symbolic links (to files or folders)
    others: list[Path] = field(default_factory=list)  # sockets, pipes, devices


def walk(folder: Path) -> Listing:
    """Every file under ``folder`` (itself included if it is a link), sorted by path."""
    listing = Listing()
    if folder.is_symlink():
        listing.links.append(folder)
        return listing
    if not folder.is_dir():
        return listing
    for current, dirs, names in os.walk(folder, followlinks=False):
        base = Path(current)
        for name in dirs:
            if (base / name).is_symlink():
                listing.links.append(base / name)
        for name in names:
            _sort(base / name, listing)
    listing.files.sort()
    listing.links.sort()
    listing.others.sort()
    return listing


def _sort(path: Path, listing: Listing) -> None:
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        listing.links.append(path)
    elif stat.S_ISREG(mode):
        listing.files.append(path)
    else:
        listing.others.append(path)


def is_real_dir(path: Path) -> bool:
    """A folder that is not a symbolic link (a linked folder is never read)."""
    return path.is_dir() and not path.is_symlink()


def is_real_file(path: Path) -> bool:
    """A regular file reached without a symbolic link anywhere below the filesystem root."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and os.path.realpath(path) == os.path.abspath(path)
