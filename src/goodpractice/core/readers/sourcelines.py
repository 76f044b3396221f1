"""Find the source line of something found in the rendered HTML of a text.

Python-Markdown keeps no source positions, so a finding (an element, an attribute, a URL, a
heading id) is looked up in the Markdown source: in each line as written, with entities and
percent-escapes decoded, without spaces (``jav&#x09;ascript:``), and as a slug (a heading's
id). Fenced code is skipped: an example there is shown as text, never published as HTML.
Repeated findings of the same thing take the following lines in turn.
"""

from __future__ import annotations

import html
import re
from functools import cached_property
from urllib.parse import unquote

from goodpractice.core.base.text import slug
from goodpractice.core.readers.markdowndoc import fenced_lines

_SPACE = re.compile(r"[\s\x00-\x1f\x7f]+")


class SourceLines:
    def __init__(self, body: str, first_line: int) -> None:
        self.body = body
        self.first_line = first_line
        self._next: dict[str, int] = {}

    @cached_property
    def _forms(self) -> list[tuple[int, tuple[str, ...]]]:
        out: list[tuple[int, tuple[str, ...]]] = []
        for offset, (line, fenced) in enumerate(fenced_lines(self.body.split("\n"))):
            if fenced:
                continue
            lower = line.lower()
            decoded = html.unescape(unquote(html.unescape(line))).lower()
            out.append((offset, (lower, decoded, _SPACE.sub("", decoded), slug(line, ""))))
        return out

    def line_of(self, *needles: str) -> int:
        """The line of the first needle found (in order of preference), else the body's first."""
        for needle in needles:
            key = needle.lower().strip()
            if not key:
                continue
            compact = _SPACE.sub("", key)
            found = self._search(key, compact, self._next.get(key, 0))
            if found is None and self._next.get(key, 0):
                found = self._search(key, compact, 0)
            if found is not None:
                self._next[key] = found + 1
                return self.first_line + found
        return self.first_line

    def _search(self, key: str, compact: str, start: int) -> int | None:
        for offset, (lower, decoded, spaceless, slugged) in self._forms:
            if offset < start:
                continue
            if key in lower or key in decoded or (compact and compact in spaceless):
                return offset
            if slugged and key == slugged:
                return offset
        return None


__all__ = ["SourceLines"]
