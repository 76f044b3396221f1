"""Write practice.yml the way people write it, and change one field of it without touching the
rest of the file (comments, order and spacing of the other fields stay byte for byte)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from goodpractice.core.base.text import fold

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*):")


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key ('  - name: ...'), as in the examples."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.Node:
    plain = all(not isinstance(item, dict | list) for item in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=plain)


_Dumper.add_representer(list, _represent_list)


def dump_fields(data: dict[str, Any]) -> str:
    """Fields as block YAML; lists of plain values on one line: ``themes: [a, b]``."""
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return str(text)


def replace_field(text: str, key: str, value: Any, after: str | None = None) -> str:
    """``text`` with the top-level ``key`` set to ``value``: its block replaced where it is, or
    added after the block of ``after`` (else at the end) if the file has no such key."""
    lines = text.splitlines(keepends=True)
    block = dump_fields({key: value}).splitlines(keepends=True)
    span = _block(lines, key)
    if span is None:
        anchor = _block(lines, after) if after else None
        at = anchor[1] if anchor else len(lines)
        if at and not lines[at - 1].endswith("\n"):
            lines[at - 1] += "\n"
        return "".join(lines[:at] + block + lines[at:])
    start, end = span
    return "".join(lines[:start] + block + lines[end:])


def _block(lines: list[str], key: str) -> tuple[int, int] | None:
    """(first, after last) line of a top-level field: its key line and everything indented
    under it, without the comments and blank lines that introduce the next field."""
    start = next(
        (i for i, line in enumerate(lines) if (m := _TOP_LEVEL_KEY.match(line)) and m[1] == key),
        None,
    )
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and not _TOP_LEVEL_KEY.match(lines[end]):
        end += 1
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return start, end


def replace_section(text: str, heading: str, new_text: str) -> str | None:
    """``text`` with the body of the ``## heading`` section replaced (None if it has none)."""
    lines = text.splitlines(keepends=True)
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if line.startswith("## ") and fold(line[3:].strip()) == fold(heading)
        ),
        None,
    )
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    body = "\n" + new_text.strip() + "\n" + ("\n" if end < len(lines) else "")
    return "".join(lines[: start + 1]) + body + "".join(lines[end:])


__all__ = ["dump_fields", "replace_field", "replace_section"]
