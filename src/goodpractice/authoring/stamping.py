"""``goodpractice translations --stamp PATH``: record that a translation matches its original.

Only the ``translation:`` key of the front matter is written; every other byte of the file
(other keys, comments, the body, line endings, a byte-order mark) stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from goodpractice.core.model.translations import (
    RECORD_KEY,
    Report,
    Translation,
    source_hash,
    translation_report,
)
from goodpractice.core.readers.content import load_raw
from goodpractice.core.readers.project import Project


class StampError(Exception):
    """The file cannot be stamped; the message says why and what to do."""


@dataclass(frozen=True)
class Stamped:
    path: str
    source: str
    source_hash: str
    reviewed: str
    changed: bool


def stamp(project: Project, path: Path, reviewed: str) -> Stamped:
    """Write the translation record of ``path``; raise StampError if it is no translation."""
    raw = load_raw(project)
    rel = relative_path(project, path)
    report = translation_report(raw)
    translation = find_translation(report, rel)
    source = translation.document.texts.get(translation.original)
    for unreadable in (translation.original_path, rel):
        language = translation.original if unreadable != rel else translation.language
        if language not in translation.document.texts:
            raise StampError(
                f"{unreadable} cannot be read; 'goodpractice check' says why, fix it first"
            )
    assert source is not None
    digest = source_hash(source)
    line = (
        f"{RECORD_KEY}: {{source: {translation.original}, source_hash: '{digest}', "
        f"reviewed: {reviewed}}}"
    )
    file = project.root / rel
    data = file.read_bytes()
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data[len(bom) :].decode("utf-8")
    updated = set_front_matter_key(text, RECORD_KEY, line)
    if updated != text:
        file.write_bytes(bom + updated.encode("utf-8"))
    return Stamped(rel, translation.original, digest, reviewed, updated != text)


def relative_path(project: Project, path: Path) -> str:
    """The repository-relative path; a relative one may be given from here or from the root."""
    candidates = [path] if path.is_absolute() else [Path.cwd() / path, project.root / path]
    existing = [c.resolve() for c in candidates if c.is_file()]
    for candidate in existing:
        if candidate.is_relative_to(project.root):
            return project.relative(candidate)
    if existing:
        raise StampError(f"{path} is outside the project {project.root}")
    raise StampError(f"{path}: no such file")


def find_translation(report: Report, rel: str) -> Translation:
    for translation in report.translations:
        if translation.path == rel and translation.language in translation.document.present:
            return translation
    for translation in report.translations:
        if (
            translation.original_path == rel
            and translation.language not in translation.document.present
        ):
            raise StampError(
                f"{rel} is the original ({translation.original}) of this text and has no "
                f"translation yet ({translation.path} is missing); nothing to stamp"
            )
        if translation.original_path == rel:
            raise StampError(
                f"{rel} is the original ({translation.original}) of this text, not a "
                "translation; stamp its translation instead: "
                f"goodpractice translations --stamp {translation.path}"
            )
    raise StampError(
        f"{rel} is not a translation of another text: it has no counterpart in another language "
        "(stamp a case-study text practices/<id>/<lang>.md or a page docs/<name>.<lang>.md "
        "whose original exists)"
    )


def set_front_matter_key(text: str, key: str, line: str) -> str:
    """Replace (or add) one top-level front-matter key, written as the single line ``line``."""
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return f"---{newline}{line}{newline}---{newline}" + text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise StampError("the front matter opened with '---' is never closed by a '---' line")
    start = next((i for i in range(1, end) if re.match(rf"^{re.escape(key)}\s*:", lines[i])), None)
    if start is None:
        return "".join([*lines[:end], line + newline, *lines[end:]])
    stop = start + 1
    while stop < end and lines[stop][:1] in (" ", "\t"):  # the value's continuation lines
        stop += 1
    ending = lines[start][len(lines[start].rstrip("\r\n")) :] or newline
    return "".join([*lines[:start], line + ending, *lines[stop:]])
