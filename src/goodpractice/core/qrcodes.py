"""QR codes back to the online page, drawn as inline SVG at build time (no outside service)."""

from __future__ import annotations

import re
from functools import lru_cache

import segno
from markupsafe import Markup

from .project import Project

_SITE_URL = re.compile(r"^site_url:\s*['\"]?([^'\"\s#]+)", re.MULTILINE)


def site_url(project: Project) -> str:
    """The public address of the site from mkdocs.yml (core never loads MkDocs' config)."""
    config = project.root / "mkdocs.yml"
    match = _SITE_URL.search(config.read_text(encoding="utf-8")) if config.is_file() else None
    return match.group(1).rstrip("/") + "/" if match else ""


@lru_cache(maxsize=512)
def qr_svg(url: str) -> Markup:
    """An SVG QR code of ``url``; medium error correction survives a creased handout."""
    code = segno.make(url, error="m")
    return Markup(code.svg_inline(scale=2, border=2, svgclass="gp-qr__code", omitsize=True))
