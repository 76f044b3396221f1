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

# mkdocs-static-i18n builds the other languages itself and makes those builds dirty only if
# the command line says so (its plugin.py, on_post_build, reads sys.argv).
_DIRTY_FLAG = "--dirty"


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
