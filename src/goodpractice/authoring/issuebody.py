"""The body of an issue made from one of our forms, exactly as GitHub writes it.

GitHub renders every field as a ``### Label`` heading, a blank line and the answer, and writes
``_No response_`` for a field left empty. Multiple choices of a dropdown are joined by ", ";
ticked checkboxes are ``- [X] label``. Only headings that are labels of the form start a new
answer, so a partner's own ``###`` inside a text stays part of that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###[ \t]+(.*?)[ \t]*$")
# The term id that ends a dropdown option ('Teme ... / Themes ... (social-economy)').
_OPTION_ID = re.compile(r"\(([a-z0-9][a-z0-9.-]*)\)(?=[ \t]*(?:,|$))")
_CHECKBOX = re.compile(r"^[-*][ \t]+\[([ xX])\][ \t]+(.*)$")


@dataclass(frozen=True)
class Answer:
    field_id: str
    label: str
    text: str | None  # None when the field was left empty
    line: int  # 1-based line of the body where the answer starts

    def lines(self) -> list[tuple[int, str]]:
        """(line in the body, text) of every non-blank line of the answer."""
        if self.text is None:
            return []
        return [
            (self.line + offset, line.strip())
            for offset, line in enumerate(self.text.split("\n"))
            if line.strip()
        ]


def read_answers(body: str, fields: list[dict[str, Any]]) -> dict[str, Answer]:
    """Every answer of the form by field id; a field whose heading is absent is left out."""
    by_label = {str(field["label"]).strip(): field for field in fields}
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    answers: dict[str, Answer] = {}
    current: dict[str, Any] | None = None
    start = 0
    for index, line in enumerate([*lines, "### "]):  # a last heading closes the last answer
        heading = _HEADING.match(line)
        label = heading.group(1) if heading else None
        if label is None or (label not in by_label and index < len(lines)):
            continue
        if current is not None:
            answers[current["id"]] = _answer(current, lines[start:index], start)
        current = by_label.get(label)
        start = index + 1
    return answers


def _answer(field: dict[str, Any], lines: list[str], start: int) -> Answer:
    while lines and not lines[0].strip():
        lines, start = lines[1:], start + 1
    text = "\n".join(lines).rstrip()
    empty = not text.strip() or text.strip() == NO_RESPONSE
    return Answer(str(field["id"]), str(field["label"]), None if empty else text, start + 1)


def option_ids(answer: Answer | None) -> list[str]:
    """The term ids chosen in a dropdown, in order."""
    if answer is None or answer.text is None:
        return []
    return _OPTION_ID.findall(" ".join(answer.text.split("\n")))


def ticked(answer: Answer | None) -> list[bool]:
    """Whether each checkbox of a checkboxes field is ticked, in order."""
    if answer is None or answer.text is None:
        return []
    return [
        match.group(1) in "xX"
        for match in (_CHECKBOX.match(line.strip()) for line in answer.text.split("\n"))
        if match
    ]


__all__ = ["NO_RESPONSE", "Answer", "option_ids", "read_answers", "ticked"]
