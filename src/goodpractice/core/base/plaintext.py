"""Plain text in HTML: what a text may not contain, and the one escape at the boundary.

Material's templates print page metadata raw (MkDocs does not autoescape), so the adapter
passes every metadata value through :func:`published_meta` before any template sees it: each
string becomes escaped markup (``markupsafe.Markup``), which prints safely raw and is not
escaped twice where a template does escape (``| e``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from markupsafe import Markup, escape

# Unicode's control characters (category Cc) but tab and line ends, and the bidirectional
# overrides and isolates, which reorder what a reader sees ("Trojan Source").
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def control_characters(text: str) -> list[str]:
    """The distinct invisible control characters of ``text`` (tab and line ends allowed)."""
    return sorted(set(_CONTROL.findall(text)))


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
