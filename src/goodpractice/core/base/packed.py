"""Generated text kept compressed until it is written out.

A build holds every generated page of every language at once. HTML with a single Romanian
letter takes two bytes a character in a Python string; zlib keeps about a tenth of that.
"""

from __future__ import annotations

import zlib


class PackedText:
    """A text stored compressed; ``text`` gives it back. Equal texts are equal packs."""

    __slots__ = ("_data",)

    def __init__(self, text: str) -> None:
        # Level 1: most of the saving, for under a second of CPU per 1,000 case studies.
        self._data = zlib.compress(text.encode("utf-8"), 1) if text else b""

    @property
    def text(self) -> str:
        return zlib.decompress(self._data).decode("utf-8") if self._data else ""

    def __bool__(self) -> bool:
        return bool(self._data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PackedText):
            return NotImplemented
        return self._data == other._data

    def __hash__(self) -> int:
        return hash(self._data)

    def __repr__(self) -> str:
        return f"PackedText({len(self._data)} bytes)"
