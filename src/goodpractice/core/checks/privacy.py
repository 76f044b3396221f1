"""Personal data in contributions: contacts need recorded consent, prose holds none.

The site shows a contact's e-mail address and phone number only when practice.yml records the
person's consent, and never writes the address out whole (see ``contacts.py``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import unquote

from goodpractice.core.base.messages import Message, Param, msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.text import shorten
from goodpractice.core.checks.placeholders import PLACEHOLDER
from goodpractice.core.checks.plaintext import yaml_strings
from goodpractice.core.checks.schema import field_name
from goodpractice.core.readers.rendering import Rendered
from goodpractice.core.readers.sourcelines import SourceLines
from goodpractice.core.readers.yamlsafe import YamlDocument

# Bounded repetitions: each position is read a bounded number of times (linear on any text).
_EMAIL = re.compile(
    r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}"
)
# A run of digits with the separators people type in phone numbers.
_PHONE = re.compile(r"(?<![\w/.,-])(?:\+|\(?00)?\(?\d[\d \u00a0().\-/]{6,20}\d(?![\w])")
# The fields of practice.yml that hold a contact's details, published only with consent.
CONTACT_FIELDS = ("contacts",)


def _validate_contact_consent(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """A contact is published only with the person's consent, recorded in practice.yml."""
    contacts = doc.data.get("contacts") if isinstance(doc.data, dict) else None
    for index, contact in enumerate(contacts if isinstance(contacts, list) else []):
        if not isinstance(contact, dict):
            continue
        name: Param = (
            str(contact["name"])
            if contact.get("name")
            else msg("contacts.unnamed", number=index + 1)
        )
        consent = contact.get("consent")
        where = field_name(("contacts", index, "consent"))
        if consent is None:
            yield Problem(
                path,
                doc.line_of(("contacts", index)),
                where,
                msg("contacts.no-consent", name=name),
            )
        elif isinstance(consent, dict) and consent.get("given") not in (True, PLACEHOLDER):
            yield Problem(
                path,
                doc.line_of(("contacts", index, "consent", "given")),
                where,
                msg("contacts.consent-not-given", name=name),
            )


def _personal_data(text: str) -> Iterator[tuple[str, str]]:
    """('email' or 'phone', what was found) in ``text``, decoded."""
    for candidate in dict.fromkeys((text, unquote(text))):
        # No address without its "@": the pattern is not run over text without one (most).
        for match in _EMAIL.finditer(candidate) if "@" in candidate else ():
            yield "email", match.group(0)
        for match in _PHONE.finditer(candidate):
            if _looks_like_phone(match.group(0)):
                yield "phone", match.group(0).strip()


def _message(kind: str, value: str, path: str, where: str = "word.in-the-text") -> Message:
    """Move it to contacts (a case study), or remove it (a page: only case studies have
    contacts). ``kind`` is email or phone; ``where`` the words for the place it was found."""
    action = "move" if path.startswith("practices/") else "remove"
    return msg(_PERSONAL_DATA[action, kind], value=shorten(value), where=msg(where))


_PERSONAL_DATA = {
    ("move", "email"): "personal-data.move-email",
    ("move", "phone"): "personal-data.move-phone",
    ("remove", "email"): "personal-data.remove-email",
    ("remove", "phone"): "personal-data.remove-phone",
}


def validate_personal_data_in_text(
    path: str, rendered: Rendered, lines: SourceLines
) -> Iterator[Problem]:
    """No e-mail address or phone number in a text as published (text, links, attributes):
    a contact needs recorded consent in practice.yml."""
    values = [rendered.text] + [value for e in rendered.elements for _name, value in e.attrs]
    seen: set[str] = set()
    for value in values:
        for kind, found in _personal_data(value):
            if found not in seen:
                seen.add(found)
                message = _message(kind, found, path)
                yield Problem(path, lines.line_of(found), "personal data", message)


def validate_personal_data_in_yaml(
    doc: YamlDocument, path: str, skip: tuple[str, ...] = ()
) -> Iterator[Problem]:
    """No e-mail address or phone number in any value of a YAML file or front matter
    (except a contact's own details, published only with consent)."""
    for where, value in yaml_strings(doc.data):
        if where and where[0] in skip:
            continue
        for kind, found in dict.fromkeys(_personal_data(html.unescape(value))):
            yield Problem(
                path,
                doc.line_of(where),
                field_name(where),
                _message(kind, found, path, "word.here"),
            )


def _looks_like_phone(candidate: str) -> bool:
    """International (+40 …, 0040 …) or Romanian (07xx…, 02x…, 03x…) numbers; not amounts."""
    digits = re.sub(r"\D", "", candidate)
    stripped = candidate.lstrip("( ")
    if stripped.startswith("+") or stripped.startswith("00"):
        return 9 <= len(digits) <= 15
    return len(digits) == 10 and digits[0] == "0" and digits[1] in "237"


def validate_contact_consent(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """Every contact of practice.yml has the person's consent recorded."""
    yield from _validate_contact_consent(doc, path)


__all__ = [
    "CONTACT_FIELDS",
    "validate_contact_consent",
    "validate_personal_data_in_text",
    "validate_personal_data_in_yaml",
]
