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

QR_FOLDER = "assets/qr"


def qr_uri(url: str) -> str:
    """Where the QR code of ``url`` is served, relative to the language's site root."""
    return f"{QR_FOLDER}/{hashlib.sha256(url.encode()).hexdigest()[:16]}.svg"


def qr_src(url: str, page_uri: str) -> str:
    """The ``src`` of the QR code of ``url`` as seen from the page ``page_uri`` (docs tree)."""
    return posixpath.relpath(qr_uri(url), posixpath.dirname(page_uri) or ".")


# Choosing the best of the eight masks (ISO/IEC 18004's penalty score) took 7 ms a code,
# 14 s of CPU for 1,000 cases in two languages; one fixed mask takes 1.5 ms. Every mask
# makes a valid symbol: zxing-cpp read 300 case addresses back with each of the eight.
_MASK = 0


@lru_cache(maxsize=2048)
def qr_file(url: str) -> bytes:
    """A standalone SVG file; medium error correction survives a creased handout."""
    out = io.BytesIO()
    segno.make(url, error="m", mask=_MASK).save(out, kind="svg", scale=2, border=2, xmldecl=False)
    return out.getvalue()
