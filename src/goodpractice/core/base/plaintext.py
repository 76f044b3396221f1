"""Plain text in HTML: what a text may not contain, and the one escape at the boundary.

Material's templates print page metadata raw (MkDocs does not autoescape), so the adapter
passes every metadata value through :func:`published_meta` before any template sees it: each
string becomes escaped markup (``markupsafe.Markup``), which prints safely raw and is not
escaped twice where a template does escape (``| e``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping
from typing import Any

from markupsafe import Markup, escape

# Bidirectional overrides and isolates reorder what a reader sees ("Trojan Source").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def control_characters(text: str) -> list[str]:
    """The distinct invisible control characters of ``text`` (tab and line ends allowed)."""
    found = {
        c
        for c in text
        if (unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS) or c in _BIDI_CONTROLS
    }
    return sorted(found)


def plain(value: object) -> Markup:
    """A value shown as text: escaped once, and marked so that it is not escaped again."""
    return value if isinstance(value, Markup) else escape(str(value))


def published_meta(meta: Mapping[str, Any], *, data: Collection[str] = ()) -> dict[str, Any]:
    """Page metadata as templates may print it: every string (in lists and mappings too)
    escaped, except under ``data`` keys (serialised with ``tojson``, which escapes for HTML
    itself)."""
    return {key: value if key in data else _escaped(value) for key, value in meta.items()}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, list | tuple):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value


__all__ = ["control_characters", "plain", "published_meta"]
