"""``goodpractice translations --diff PATH``: what changed in the original since the translation
was stamped, section by section, so a translator updates only those parts.

The stamp names the original's version by ``source_hash``; the version is found in git by
hashing the original as it was in each commit that changed it, newest first.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from goodpractice.authoring.check_report import fenced
from goodpractice.authoring.stamping import StampError, find_translation
from goodpractice.core.base.messages import Catalogue, msg
from goodpractice.core.model.translations import (
    RECORD_KEY,
    Translation,
    record_of,
    source_hash,
    translation_report,
)
from goodpractice.core.readers.content import load_raw
from goodpractice.core.readers.history import changed_since, text_at, versions
from goodpractice.core.readers.markdowndoc import (
    FrontMatterError,
    MarkdownDocument,
    YamlSyntaxError,
    parse_markdown,
)
from goodpractice.core.readers.project import Project

# What a text is made of for a translator: the header's fields, then each '## ' section.
Parts = dict[str, str]


@dataclass
class TranslationDiff:
    path: str
    original: str
    state: str  # up-to-date | no-record | not-found | changed
    stamped_commit: str | None = None
    stamped_day: str | None = None
    changes: list[tuple[str, str, list[str]]] = field(default_factory=list)  # kind, part, lines


def text_parts(doc: MarkdownDocument) -> Parts:
    """The header's fields (title, summary) and the text of every '## ' section, in order."""
    parts: Parts = {
        f"{key}:": str(value)
        for key, value in doc.meta.items()
        if key not in (RECORD_KEY, "languages")
    }
    name = ""
    lines: list[str] = []
    for line in doc.body.splitlines():
        if line.startswith("## "):
            if name or any(text.strip() for text in lines):
                parts[name] = "\n".join(lines).strip("\n")
            name, lines = line.strip(), []
        else:
            lines.append(line.rstrip())
    if name or any(text.strip() for text in lines):
        parts[name] = "\n".join(lines).strip("\n")
    return parts


def compare(old: Parts, new: Parts) -> list[tuple[str, str, list[str]]]:
    """(changed | added | removed, part, diff lines) for every part that differs."""
    changes = []
    for part, text in new.items():
        if part not in old:
            changes.append(("added", part, text.splitlines()))
        elif old[part] != text:
            diff = difflib.unified_diff(old[part].splitlines(), text.splitlines(), n=1, lineterm="")
            changes.append(
                ("changed", part, [line for line in diff if not line.startswith(("---", "+++"))])
            )
    changes += [("removed", part, old[part].splitlines()) for part in old if part not in new]
    return changes


def translation_diff(project: Project, rel: str) -> TranslationDiff:
    """What changed in the original of the translation at ``rel`` since it was stamped."""
    translation = find_translation(translation_report(load_raw(project)), rel)
    original = translation.document.texts.get(translation.original)
    doc = translation.document.texts.get(translation.language)
    if original is None or doc is None:
        raise StampError(f"{rel} or its original cannot be read; 'goodpractice check' says why")
    result = TranslationDiff(rel, translation.original_path, "changed")
    record = record_of(doc)
    if record is None:
        result.state = "no-record"
        return result
    wanted = str(record.get("source_hash"))
    if source_hash(original) == wanted:
        result.state = "up-to-date"
        return result
    stamped = _stamped_version(project, translation, wanted)
    if stamped is None:
        result.state = "not-found"
        return result
    result.stamped_commit, result.stamped_day, old = stamped
    result.changes = compare(text_parts(old), text_parts(original))
    return result


def _stamped_version(
    project: Project, translation: Translation, wanted: str
) -> tuple[str, str, MarkdownDocument] | None:
    for commit, day in versions(project.root, translation.original_path):
        text = text_at(project.root, commit, translation.original_path)
        try:
            doc = parse_markdown(text) if text is not None else None
        except (FrontMatterError, YamlSyntaxError):
            continue
        if doc is not None and source_hash(doc) == wanted:
            return commit[:12], day, doc
    return None


def render(diff: TranslationDiff, catalogue: Catalogue, language: str) -> str:
    """The diff in words and lines, in the reader's language."""

    def say(key: str, **params: str) -> str:
        return catalogue.text(msg(key, **params), language)

    if diff.state != "changed":
        return say(f"diff.{diff.state}", path=diff.path, original=diff.original)
    lines = [
        say(
            "diff.header",
            path=diff.path,
            original=diff.original,
            day=diff.stamped_day or "?",
            commit=diff.stamped_commit or "?",
        )
    ]
    for kind, part, body in diff.changes:
        lines += ["", say(f"diff.{kind}", part=part or say("diff.before-sections"))]
        prefix = {"added": "+", "removed": "-"}.get(kind, "")
        lines += [f"{prefix}{line}" if prefix else line for line in body]
    return "\n".join(lines)


def outdated_by(project: Project, ref: str) -> list[TranslationDiff]:
    """The translations made outdated by the changes since ``ref`` (a pull request's base):
    outdated now, and their original differs from its version in ``ref``."""
    report = translation_report(load_raw(project))
    outdated = [t for t in report.translations if t.state == "outdated"]
    changed = changed_since(project.root, ref, [t.original_path for t in outdated])
    return [translation_diff(project, t.path) for t in outdated if t.original_path in changed]


def outdated_summary(
    diffs: list[TranslationDiff], catalogue: Catalogue, languages: list[str]
) -> str:
    """Markdown for a job summary: per language a heading and each translation with its diff."""
    parts = []
    for language in languages:
        title = catalogue.text(msg("diff.summary-title"), language)
        parts.append(f"### {title} ({language})\n")
        if not diffs:
            parts.append(catalogue.text(msg("diff.summary-none"), language) + "\n")
        for diff in diffs:
            parts.append(
                catalogue.text(
                    msg("diff.summary-item", path=diff.path, original=diff.original), language
                )
                + "\n"
            )
            parts.append(fenced(render(diff, catalogue, language)))
    return "\n".join(parts)


__all__ = [
    "TranslationDiff",
    "compare",
    "outdated_by",
    "outdated_summary",
    "render",
    "text_parts",
    "translation_diff",
]
