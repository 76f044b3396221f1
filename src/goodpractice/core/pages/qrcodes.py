"""QR codes back to the online page, drawn as SVG files at build time (no outside service).

They are files the pages show with ``<img>``, not inline SVG: the sanitiser lets no SVG into
page bodies (contributed text shares them), and a file is cached once for every page.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
from functools import lru_cache

import segno
from markupsafe import Markup


@lru_cache(maxsize=512)
def qr_svg(url: str) -> Markup:
    """An SVG QR code of ``url``; medium error correction survives a creased handout."""
    code = segno.make(url, error="m")
    return Markup(code.svg_inline(scale=2, border=2, svgclass="gp-qr__code", omitsize=True))


QR_FOLDER = "assets/qr"


def qr_uri(url: str) -> str:
    """Where the QR code of ``url`` is served, relative to the language's site root."""
    return f"{QR_FOLDER}/{hashlib.sha256(url.encode()).hexdigest()[:16]}.svg"


def qr_src(url: str, page_uri: str) -> str:
    """The ``src`` of the QR code of ``url`` as seen from the page ``page_uri`` (docs tree)."""
    return posixpath.relpath(qr_uri(url), posixpath.dirname(page_uri) or ".")


@lru_cache(maxsize=2048)
def qr_file(url: str) -> bytes:
    """A standalone SVG file; medium error correction survives a creased handout."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=2, border=2, xmldecl=False)
    return out.getvalue()
