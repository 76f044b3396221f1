"""``goodpractice serve``: MkDocs' live-reload server, rebuilding only what an edit changed.

MkDocs builds "dirty": a page is rendered again only if its file says it changed. Hand-written
pages and theme files compare dates; generated pages say what the pipeline found when it
loaded the content again (``SiteOutput.changed``): after an edit to one case study, its pages
and the listings that show it, in each language; after any other edit, everything.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import jinja2

# mkdocs-static-i18n builds the other languages itself and makes those builds dirty only if
# the command line says so (its plugin.py, on_post_build, reads sys.argv).
_DIRTY_FLAG = "--dirty"


class KeptBytecode(jinja2.BytecodeCache):
    """Compiled theme templates kept from one build to the next: MkDocs makes a new template
    environment at every build (twice per save: i18n builds each language), and compiling
    Material's templates again took about a second. Jinja compares each template's source with
    the one compiled (its checksum), so an edited template is compiled again."""

    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._kept:
            bucket.bytecode_from_string(self._kept[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._kept[bucket.key] = bucket.bytecode_to_string()


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns at every dirty build that navigation may be stale; here it is not: the
    navigation lists no generated page, and any edit outside practices/ rebuilds everything."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def serve_preview(root: Path, dev_addr: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    if _DIRTY_FLAG not in sys.argv:
        sys.argv.append(_DIRTY_FLAG)
    logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())
    mkdocs_serve(
        config_file=str(root / "mkdocs.yml"),
        dev_addr=dev_addr,
        livereload=True,
        build_type="dirty",
    )
