"""Find the raw HTML, link targets and attribute lists in a Markdown body, with line numbers.

Code is not content: fenced blocks, inline code spans and autolinks (``<https://…>``) are
blanked out before the HTML parser sees the text, keeping every line where it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from goodpractice.core.readers.markdowndoc import fenced_lines

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
# [label]: target  (a reference-style link definition)
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
# Python-Markdown's attr_list: {: #id .class key="value" } after a block or inline element.
_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*=[^{}\n]*)\}")
_ATTR_KEY = re.compile(r"([^\s=#.\"']+)\s*=")


@dataclass(frozen=True)
class Tag:
    name: str
    attrs: tuple[tuple[str, str], ...]
    line: int


@dataclass(frozen=True)
class AttrListKey:
    name: str
    line: int


def code_free_lines(body: str) -> list[str]:
    """The body's lines with fenced code, code spans and autolinks replaced by spaces."""
    out: list[str] = []
    for line, code in fenced_lines(body.split("\n")):
        if code:
            out.append("")
            continue
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        out.append(_AUTOLINK.sub(lambda m: " " * len(m.group(0)), line))
    return out


class _TagCollector(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.first_line + self.getpos()[0] - 1
        self.tags.append(Tag(tag, tuple((k, v or "") for k, v in attrs), line))


def html_tags(body: str, first_line: int) -> list[Tag]:
    """Every opening HTML tag in the body (outside code), with its unescaped attributes."""
    collector = _TagCollector(first_line)
    collector.feed("\n".join(code_free_lines(body)))
    collector.close()
    return collector.tags


def reference_targets(body: str, first_line: int) -> list[tuple[str, int]]:
    """Targets of reference-style link definitions: ``[label]: target``."""
    return [
        (match.group(1), first_line + offset)
        for offset, line in enumerate(code_free_lines(body))
        if (match := _REFERENCE.match(line))
    ]


def attr_list_keys(body: str, first_line: int) -> list[AttrListKey]:
    """Attribute names set through attr_list syntax (``{: onclick="…"}``)."""
    keys: list[AttrListKey] = []
    for offset, line in enumerate(code_free_lines(body)):
        for match in _ATTR_LIST.finditer(line):
            for key in _ATTR_KEY.findall(match.group(1)):
                keys.append(AttrListKey(key.lower(), first_line + offset))
    return keys


__all__ = [
    "AttrListKey",
    "Tag",
    "attr_list_keys",
    "code_free_lines",
    "html_tags",
    "reference_targets",
]
