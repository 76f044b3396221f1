"""Marked blocks in long documents: admonitions such as trainer notes and exercise solutions.

Authors write ``!!! trainer-notes "Title"`` (always shown) or ``??? solution "Title"``
(collapsed), then the block's text indented by four spaces; Material renders them as
``div.admonition`` and ``details``. This module finds them with their line numbers, checks
their syntax, and removes or opens them for the printed variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.text import nearest, quote_list
from goodpractice.core.readers.markdowndoc import fenced_lines

# Blocks a participant does not see: hidden by the toggle and left out of participant prints.
TRAINER_BLOCKS = frozenset({"trainer-notes", "solution"})
# Material's admonition types and their aliases, plus ours.
BLOCK_TYPES = TRAINER_BLOCKS | frozenset(
    [
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
    ]
)
_OPENER = re.compile(r"^(?P<marker>!!!|\?\?\?\+?)(?P<rest>.*)$")
# What Python-Markdown accepts: a type, then an optional "quoted title".
_WELL_FORMED = re.compile(r'^ (?P<type>[\w-]+)(?: +"(?P<title>[^"]*)")? *$')


@dataclass(frozen=True)
class MarkedBlock:
    type: str
    title: str | None
    line: int  # line of the opener in the file
    collapsed: bool


def _lines_outside_fences(body: str) -> Iterator[tuple[int, str, bool]]:
    """(index, line, inside a fence) for every line of ``body``."""
    for index, (line, fenced) in enumerate(fenced_lines(body.splitlines(keepends=True))):
        yield index, line, fenced


def validate_blocks(body: str, first_line: int, path: str) -> Iterator[Problem]:
    """Every block opener is well formed, of a known type, and followed by indented text."""
    lines = body.splitlines()
    for index, line, fenced in _lines_outside_fences(body):
        opener = _OPENER.match(line.rstrip("\n"))
        if fenced or not opener:
            continue
        number = first_line + index
        marker, rest = opener.group("marker"), opener.group("rest")
        form = _WELL_FORMED.match(rest)
        if not form:
            yield Problem(
                path,
                number,
                "blocks",
                msg("blocks.malformed", line=line.strip(), marker=marker),
            )
            continue
        kind = form.group("type")
        if kind not in BLOCK_TYPES:
            close = nearest(kind, sorted(BLOCK_TYPES))
            hint = (
                msg("hint.did-you-mean", values=quote_list(close)) if close else msg("hint.readme")
            )
            yield Problem(path, number, "blocks", msg("blocks.unknown-type", type=kind, hint=hint))
        following = next((text for text in lines[index + 1 :] if text.strip()), "")
        if not following.startswith("    "):
            yield Problem(
                path,
                number,
                "blocks",
                msg("blocks.empty", type=kind),
            )


def find_blocks(body: str, first_line: int = 1) -> list[MarkedBlock]:
    blocks = []
    for index, line, fenced in _lines_outside_fences(body):
        opener = _OPENER.match(line.rstrip("\n"))
        form = _WELL_FORMED.match(opener.group("rest")) if opener and not fenced else None
        if opener and form:
            blocks.append(
                MarkedBlock(
                    form.group("type"),
                    form.group("title"),
                    first_line + index,
                    opener.group("marker").startswith("?"),
                )
            )
    return blocks


def has_trainer_blocks(body: str) -> bool:
    return any(block.type in TRAINER_BLOCKS for block in find_blocks(body))


def strip_trainer_blocks(body: str) -> str:
    """The body without trainer notes and solutions (the participant's copy)."""
    out: list[str] = []
    skipping = False
    for _index, line, fenced in _lines_outside_fences(body):
        if skipping and (not line.strip() or line.startswith("    ")):
            continue
        skipping = False
        opener = _OPENER.match(line.rstrip("\n")) if not fenced else None
        form = _WELL_FORMED.match(opener.group("rest")) if opener else None
        if form and form.group("type") in TRAINER_BLOCKS:
            skipping = True
            continue
        out.append(line)
    return "".join(out)


def open_collapsed(body: str) -> str:
    """Collapsed blocks (``???``) as open ones (``!!!``): paper cannot be clicked."""
    out = []
    for _index, line, fenced in _lines_outside_fences(body):
        opener = _OPENER.match(line.rstrip("\n")) if not fenced else None
        out.append("!!!" + opener.group("rest") + "\n" if opener else line)
    return "".join(out)


def shift_headings(body: str, by: int = 1) -> str:
    """Every ATX heading one level deeper, so parts nest under the document's own headings."""
    out = []
    for _index, line, fenced in _lines_outside_fences(body):
        if not fenced and re.match(r"^#{1,5}\s", line):
            line = "#" * by + line
        out.append(line)
    return "".join(out)
