"""What ``goodpractice translations`` prints: per content type, complete, outdated, missing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goodpractice.core.model.translations import Report, State, Translation
from goodpractice.core.readers.history import changed_days

KIND_NAMES = {
    "case-studies": "Case studies",
    "pages": "Pages",
    "curriculum": "Curriculum (introduction and modules)",
    "guide": "Guides (introductions and chapters)",
}


@dataclass(frozen=True)
class Entry:
    translation: Translation
    original_changed: str | None  # when the original last changed, for outdated ones

    def as_json(self) -> dict[str, Any]:
        t = self.translation
        return {
            "name": t.document.name,
            "language": t.language,
            "path": t.path,
            "original": t.original_path,
            "original_language": t.original,
            "state": str(t.state),
            "required": t.required,
            "reviewed": t.reviewed,
            "original_changed": self.original_changed,
        }


def entries(report: Report, root: Path) -> list[Entry]:
    """The report's translations, with the date of the original where it matters."""
    stale = [t for t in report.translations if t.state in (State.OUTDATED, State.UNRECORDED)]
    days = changed_days(root, [t.original_path for t in stale])
    return [
        Entry(t, days.get(t.original_path) if t in stale else None) for t in report.translations
    ]


def counts(items: list[Translation]) -> dict[str, int]:
    found = {str(state): 0 for state in State}
    for item in items:
        found[str(item.state)] += 1
    return found


def as_json(report: Report, root: Path) -> str:
    listed = entries(report, root)
    data = {
        "languages": report.languages,
        "content_types": [
            {
                "name": kind,
                "counts": counts(report.of_kind(kind)),
                "translations": [
                    e.as_json() for e in listed if e.translation.document.kind == kind
                ],
            }
            for kind in report.kinds
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_text(report: Report, root: Path) -> str:
    listed = entries(report, root)
    lines: list[str] = []
    for kind in report.kinds:
        items = [e for e in listed if e.translation.document.kind == kind]
        number = counts([e.translation for e in items])
        lines.append(
            f"{KIND_NAMES.get(kind, kind)}: {len(items)} translation(s): "
            f"{number['complete']} complete, {number['outdated']} outdated, "
            f"{number['unrecorded']} never stamped, {number['missing']} missing"
        )
        for entry in items:
            if entry.translation.state is not State.COMPLETE:
                lines.append("  " + _describe(entry))
    return "\n".join(lines)


def _describe(entry: Entry) -> str:
    t = entry.translation
    if t.state is State.MISSING:
        need = "required" if t.required else "not required"
        return f"missing     {t.path} ({need}; original {t.original_path})"
    if t.state is State.UNRECORDED:
        return (
            f"unstamped   {t.path} (original {t.original_path} changed {entry.original_changed}; "
            f"after review: goodpractice translations --stamp {t.path})"
        )
    return (
        f"outdated    {t.path} (reviewed {t.reviewed or '?'}; original {t.original_path} "
        f"changed {entry.original_changed})"
    )
