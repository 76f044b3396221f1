"""A Markdown content file: front matter, body, and what checks need (headings, links, images).

Scanning is line based so that every finding keeps its line number; fenced code is skipped
because links and headings inside it are examples, not content.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from goodpractice.core.base.messages import Message, msg
from goodpractice.core.readers.yamlsafe import YamlDocument, YamlSyntaxError, load_yaml

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# [text](target "title") and ![alt](src "title"); the target has no spaces.
_INLINE_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class SourceLink:
    """A link or image as written in a text, with its line (what checks judge)."""

    target: str
    text: str
    line: int
    is_image: bool


@dataclass(frozen=True)
class MarkdownDocument:
    front_matter: YamlDocument
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    raw: str = ""  # the whole file, for rules that read every line
    headings: list[Heading] = field(default_factory=list)
    links: list[SourceLink] = field(default_factory=list)

    @property
    def meta(self) -> dict[str, object]:
        data = self.front_matter.data
        return data if isinstance(data, dict) else {}


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: Message) -> None:
        self.line = line
        self.message = message
        super().__init__(message.key)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, 1-based line where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise FrontMatterError(1, msg("header.unclosed"))


def parse_markdown(text: str) -> MarkdownDocument:
    """Parse a content file; raise FrontMatterError or YamlSyntaxError on broken front matter."""
    raw_meta, body, body_line = split_front_matter(text)
    meta = load_yaml(raw_meta, line_offset=1) if raw_meta is not None else YamlDocument({}, {})
    headings, links = _scan_body(body, body_line)
    return MarkdownDocument(meta, body, body_line, raw=text, headings=headings, links=links)


def fenced_lines(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line with whether it is fenced code; the ``` or ~~~ marker lines count as code."""
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            yield line, True
        else:
            yield line, fence is not None


def _scan_body(body: str, first_line: int) -> tuple[list[Heading], list[SourceLink]]:
    headings: list[Heading] = []
    links: list[SourceLink] = []
    for offset, (line, code) in enumerate(fenced_lines(body.splitlines())):
        if code:
            continue
        number = first_line + offset
        heading = _HEADING.match(line)
        if heading:
            headings.append(Heading(len(heading.group(1)), heading.group(2), number))
        for match in _INLINE_LINK.finditer(line):
            links.append(SourceLink(match.group(3), match.group(2), number, match.group(1) == "!"))
        for img in _HTML_IMG.finditer(line):
            alt = _HTML_ALT.search(img.group(0))
            alt_text = alt.group(1).strip("\"'") if alt else ""
            src = re.search(r"\bsrc\s*=\s*[\"']?([^\"'\s>]*)", img.group(0), re.IGNORECASE)
            links.append(SourceLink(src.group(1) if src else "", alt_text, number, True))
    return headings, links


__all__ = [
    "FrontMatterError",
    "Heading",
    "MarkdownDocument",
    "SourceLink",
    "YamlSyntaxError",
    "fenced_lines",
    "parse_markdown",
    "rewrite_links",
    "split_front_matter",
]


def rewrite_links(body: str, rewrite: Callable[[str], str]) -> str:
    """Apply ``rewrite`` to the target of every inline link and image outside fenced code."""
    out: list[str] = []
    for line, code in fenced_lines(body.splitlines(keepends=True)):
        out.append(line if code else _INLINE_LINK.sub(lambda m: _replace_target(m, rewrite), line))
    return "".join(out)


def _replace_target(match: re.Match[str], rewrite: Callable[[str], str]) -> str:
    whole = match.group(0)
    target = match.group(3)
    if not target:
        return whole
    start = match.start(3) - match.start(0)
    end = match.end(3) - match.start(0)
    return whole[:start] + rewrite(target) + whole[end:]
