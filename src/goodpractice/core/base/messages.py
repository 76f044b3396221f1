"""What ``check`` says, in every language: a message is a key and its parameters, never text.

The words live in ``i18n/messages.yml`` beside the interface strings; a rule yields
``Problem(path, line, field, msg("key", name=value))`` and the command line turns it into
text in the reader's language with :meth:`Catalogue.problem`, the one place that formats::

    links.nowhere:
      en: "'{target}' leads to no page or file of the site"
      ro: "'{target}' nu duce la nicio pagină sau fișier al site-ului"

A parameter is text (inserted as it is), a whole number (written the way the language writes
numbers: 1.234 / 1,234) or another message (rendered in the same language).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import total_ordering
from typing import Protocol, Union

from goodpractice.core.base import formatting

Param = Union[str, int, "Message"]
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@total_ordering
@dataclass(frozen=True)
class Message:
    """A message of the catalogue: its key and the values of its ``{parameters}``."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.key, repr(self.params)) < (other.key, repr(other.params))

    def param(self, name: str) -> Param | None:
        return dict(self.params).get(name)


def msg(key: str, /, **params: Param) -> Message:
    """``msg("id.differs-from-folder", id="alfa", folder="alpha")``."""
    return Message(key, tuple(sorted(params.items())))


class Located(Protocol):
    """What :meth:`Catalogue.problem` prints: a ``Problem`` (problems.py)."""

    @property
    def path(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def field(self) -> str: ...
    @property
    def message(self) -> Message: ...
    @property
    def severity(self) -> str: ...


def joined(values: list[Param], conjunction: str = "word.and") -> Param:
    """'a and b' in the reader's language: ``conjunction`` is word.and or word.or."""
    result: Param = values[0] if values else ""
    for value in values[1:]:
        result = msg(conjunction, first=result, second=value)
    return result


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template uses (each language must use the same ones)."""
    return set(_PLACEHOLDER.findall(template))


@dataclass(frozen=True)
class Catalogue:
    """Every message and field name in every language (read from ``i18n/messages.yml``)."""

    messages: Mapping[str, Mapping[str, str]]  # key -> language -> template
    fields: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # field -> words
    locales: Mapping[str, str] = field(default_factory=dict)  # language -> Babel locale
    path: str = "i18n/messages.yml"

    def text(self, message: Message, language: str) -> str:
        """The message in ``language``; a key missing from the catalogue is shown as it is,
        so nothing is lost (a test keeps every key of the code in the catalogue)."""
        templates = self.messages.get(message.key) or {}
        template = templates.get(language) or next(iter(templates.values()), None)
        values = {name: self._value(value, language) for name, value in message.params}
        if template is None:
            shown = ", ".join(f"{name}={value}" for name, value in values.items())
            return f"[{message.key}] {shown}".rstrip()
        # One pass over the template: a value that holds '{x}' is never expanded again.
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)

    def field(self, name: str, language: str) -> str:
        """A field of a file stays as written (``themes[1]``); words such as ``(file)`` or
        ``links`` are translated."""
        return (self.fields.get(name) or {}).get(language, name)

    def problem(self, problem: Located, language: str) -> str:
        """``path:line: field: message``, with ``warning:`` (translated) before a warning."""
        prefix = ""
        if problem.severity == "warning":
            prefix = self.text(Message("severity.warning"), language) + ": "
        message = self.text(problem.message, language)
        return f"{problem.path}:{problem.line}: {self.field(problem.field, language)}: " + (
            prefix + message
        )

    def _value(self, value: Param, language: str) -> str:
        if isinstance(value, Message):
            return self.text(value, language)
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, int):
            return formatting.number(value, self.locales.get(language, language))
        return value


__all__ = ["Catalogue", "Message", "Param", "joined", "msg", "placeholders"]
