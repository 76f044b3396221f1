"""A Markdown content file: front matter, body, and what checks need (headings, links, images).

Scanning is line based so that every finding keeps its line number; fenced code is skipped
because links and headings inside it are examples, not content.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from goodpractice.core.base.links import site_link
from goodpractice.core.base.messages import Message, msg
from goodpractice.core.readers.yamlsafe import YamlDocument, YamlSyntaxError, load_yaml

# Python-Markdown's fenced_code: a fence starts a line (never indented), may name a language
# or attributes, and is closed by a line with the very same fence.
_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=.*)?)[ \t]*")
_FENCE_CLOSE = re.compile(r"(`{3,}|~{3,})[ \t]*")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")
# [text](target "title") and ![alt](src "title"); the target has no spaces. Neither the text
# nor the target crosses a bracket or a parenthesis, so each character is read a bounded
# number of times (linear on any line; a run of '[' or '[](' was quadratic before).
_INLINE_LINK = re.compile(
    r"(!?)\[([^\[\]]*)\]\([ \t]*<?([^()\[\]\s>]*)>?(?:[ \t]+[\"'][^\"'\n]*[\"'])?[ \t]*\)"
)
_HTML_IMG = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
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


# Front matter holds a title, a summary and a few keys (a few hundred bytes); bounded so that
# PyYAML's time stays well under a second.
MAX_FRONT_MATTER = 20_000


def parse_markdown(text: str) -> MarkdownDocument:
    """Parse a content file; raise FrontMatterError or YamlSyntaxError on broken front matter."""
    raw_meta, body, body_line = split_front_matter(text)
    if raw_meta is not None and len(raw_meta) > MAX_FRONT_MATTER:
        raise FrontMatterError(
            1,
            msg("header.too-long", count=len(raw_meta), limit=MAX_FRONT_MATTER),
        )
    meta = load_yaml(raw_meta, line_offset=1) if raw_meta is not None else YamlDocument({}, {})
    headings, links = _scan_body(body, body_line)
    return MarkdownDocument(meta, body, body_line, raw=text, headings=headings, links=links)


def fenced_lines(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line with whether it is fenced code as Python-Markdown sees it; the ``` or ~~~
    marker lines count as code. An opening fence without its closing one is no fence."""
    lines = list(lines)
    closers: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        match = _FENCE_CLOSE.fullmatch(line.rstrip("\r\n"))
        if match:
            closers.setdefault(match.group(1), []).append(index)
    end = -1  # the last line of the current fence
    for index, line in enumerate(lines):
        if index <= end:
            yield line, True
            continue
        match = _FENCE_OPEN.fullmatch(line.rstrip("\r\n"))
        if match:
            found = closers.get(match.group(1), [])
            after = bisect_right(found, index)
            if after < len(found):
                end = found[after]
                yield line, True
                continue
        yield line, False


def _scan_body(body: str, first_line: int) -> tuple[list[Heading], list[SourceLink]]:
    headings: list[Heading] = []
    links: list[SourceLink] = []
    for offset, (line, code) in enumerate(fenced_lines(body.splitlines())):
        if code:
            continue
        number = first_line + offset
        heading = _HEADING.match(line)
        if heading:
            text = heading.group(2).rstrip().rstrip("#").rstrip()
            headings.append(Heading(len(heading.group(1)), text, number))
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
    "published_markdown",
    "rewrite_links",
    "split_front_matter",
]


def published_markdown(source_path: str, page_uri: str, body: str) -> str:
    """A contributed text as its generated page at ``page_uri`` gives it to Markdown: links to
    other texts and files of the site rewritten from the repository's layout to the site's."""
    # check and the page both ask, for every case study's text: the second gets the first's,
    # and the entry goes (kept to the end of the build, the texts cost 11 MB at 1,000 cases).
    key = (source_path, page_uri)
    found = _published.pop(key, None)
    if found is not None and found[0] == body:
        return found[1]
    published = rewrite_links(body, lambda target: site_link(source_path, page_uri, target))
    if found is None:
        _published[key] = (body, published)
    return published


# Texts published for check and not yet asked for by their page: one entry per text at most.
_published: dict[tuple[str, str], tuple[str, str]] = {}


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
