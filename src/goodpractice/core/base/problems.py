"""A problem found in the content: where it is and what is wrong, as a catalogue message.

The text comes from ``i18n/messages.yml`` in the reader's language, printed as
``path:line: field: message`` by :meth:`goodpractice.core.base.messages.Catalogue.problem`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from goodpractice.core.base.messages import Message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# Field words for a problem of the whole file, of its header (the front matter between the
# '---' lines) and of its layout; the catalogue translates them (messages.yml: fields).
FILE = "(file)"
HEADER = "(header)"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: Message
    severity: Severity = Severity.ERROR


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


class ContentError(Exception):
    """Raised when content has errors; carries every problem so all are reported at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the content")
