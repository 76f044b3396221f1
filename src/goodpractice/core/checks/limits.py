"""Bounds on the shape of a Markdown text, checked in one linear pass before it is rendered.

Python-Markdown's inline parser takes time that grows with the square of a paragraph on some
inputs (unclosed '[' and '<a', many links in one paragraph: Python-Markdown issues #798,
#1619), and recurses once per level of nesting (a line of 1,000 '1. ' list markers raises
RecursionError). No honest text comes near these bounds; a text beyond them is refused with
its line, never rendered, so neither ``check`` nor the build can be made to hang or crash.
``scripts/bench_adversarial.py`` measures both sides of every bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from goodpractice.core.base.messages import Message, msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.readers.markdowndoc import MarkdownDocument, fenced_lines

MAX_LINE = 20_000  # characters in one line
MAX_RUN = 32  # the same Markdown punctuation character in a row
MAX_SPACES = 256  # spaces or tabs in a row inside a line
MAX_DEPTH = 16  # levels of lists, quotes and indentation
MAX_HTML_DEPTH = 32  # levels of nested HTML elements
# The inline parser's work on a text: for each paragraph, its length times the characters
# that start an inline pattern in it. 5 million is about half a second in the worst case
# measured (unclosed '['); the case studies of the repository do about 10 per character of
# text (40,000 for a long one), so an honest text of 500 KB still passes.
MAX_INLINE_WORK = 5_000_000
# Python-Markdown handles an inline pattern (a link, an emphasis...) in about 50 µs: a text may
# start 10,000 of them (half a second); a long honest guide has a few thousand.
MAX_INLINE_STARTS = 10_000

FIELD = "markdown"
# Characters that start an inline pattern of Python-Markdown (code, emphasis, link, image,
# raw HTML and autolinks, entities, escapes, attribute lists).
_INLINE_STARTS = "`*_[!<&\\{"
_RUN = re.compile(rf"([`*_\[\]!<>&\\{{}}~|])\1{{{MAX_RUN},}}")
_SPACES = re.compile(rf"\S[ \t]{{{MAX_SPACES + 1},}}")
_CONTAINER = re.compile(r"[ \t]{0,3}(?:>|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))[ \t]?")
# A tag, without crossing another '<' or '>': each character is read a bounded number of times.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


@dataclass
class _Block:
    line: int
    length: int = 0
    starts: int = 0

    @property
    def work(self) -> int:
        return self.length * self.starts


def validate_limits(path: str, doc: MarkdownDocument) -> Iterator[Problem]:
    """The text stays inside every bound (at most one problem per bound)."""
    first = doc.body_line
    lines = doc.body.split("\n")
    reported: set[str] = set()
    blocks: list[_Block] = []
    block: _Block | None = None
    outside: list[str] = []
    for offset, (line, fenced) in enumerate(fenced_lines(lines)):
        number = first + offset
        for kind, message in _line_problems(line, fenced):
            if kind not in reported:
                reported.add(kind)
                yield Problem(path, number, FIELD, message)
        if fenced:
            block = None
            continue
        outside.append(line)
        if not line.strip():
            block = None
            continue
        if block is None:
            block = _Block(number)
            blocks.append(block)
        block.length += len(line) + 1
        block.starts += sum(line.count(c) for c in _INLINE_STARTS)
    yield from _html_depth(path, first, lines)
    starts = sum(b.starts for b in blocks)
    if starts > MAX_INLINE_STARTS:
        yield Problem(
            path,
            first,
            FIELD,
            msg("limits.markup-starts", count=starts, limit=MAX_INLINE_STARTS),
        )
        return
    total = sum(b.work for b in blocks)
    if total > MAX_INLINE_WORK:
        worst = max(blocks, key=lambda b: b.work)
        yield Problem(
            path,
            worst.line,
            FIELD,
            msg("limits.markup-work", length=worst.length, starts=worst.starts),
        )


def _line_problems(line: str, fenced: bool) -> Iterator[tuple[str, Message]]:
    if len(line) > MAX_LINE:
        yield "line", msg("limits.line", count=len(line), limit=MAX_LINE)
    # Runs and spaces count in code too: a fence Python-Markdown does not close is no code.
    run = _RUN.search(line)
    if run:
        count = len(run.group(0))
        yield "run", msg("limits.run", count=count, character=run.group(1), limit=MAX_RUN)
    if _SPACES.search(line):
        yield "spaces", msg("limits.spaces", limit=MAX_SPACES)
    depth = _depth(line)
    if depth > MAX_DEPTH:
        yield "depth", msg("limits.depth", depth=depth, limit=MAX_DEPTH)


def _depth(line: str) -> int:
    """Levels a line opens: indentation (4 columns a level) and list or quote markers."""
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)].replace("\t", "    ")
    levels = len(indent) // 4
    position = len(line) - len(stripped)
    while match := _CONTAINER.match(line, position):
        if match.end() == position:
            break
        levels += 1
        position = match.end()
    return levels


def _html_depth(path: str, first: int, lines: list[str]) -> Iterator[Problem]:
    """Nested raw HTML stays within MAX_HTML_DEPTH (md_in_html recurses once per level)."""
    open_tags: list[str] = []
    for offset, (line, fenced) in enumerate(fenced_lines(lines)):
        if fenced or "<" not in line:
            continue
        for match in _TAG.finditer(line):
            closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
            if closing:
                if name in open_tags:
                    while open_tags and open_tags.pop() != name:
                        pass
            elif name not in _VOID and not self_closing:
                open_tags.append(name)
                if len(open_tags) > MAX_HTML_DEPTH:
                    yield Problem(
                        path,
                        first + offset,
                        FIELD,
                        msg("limits.html-depth", limit=MAX_HTML_DEPTH),
                    )
                    return


__all__ = ["MAX_INLINE_WORK", "validate_limits"]
