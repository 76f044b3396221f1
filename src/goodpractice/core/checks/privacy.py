"""Personal data in contributions: contacts need recorded consent, prose holds none.

The site shows a contact's e-mail address and phone number only when practice.yml records the
person's consent, and never writes the address out whole (see ``contacts.py``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import unquote

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
        name = contact.get("name") or f"contact {index + 1}"
        consent = contact.get("consent")
        where = field_name(("contacts", index, "consent"))
        if consent is None:
            yield Problem(
                path,
                doc.line_of(("contacts", index)),
                where,
                f"{name} has no consent record; the site shows a contact only with the "
                "person's consent: add consent with given: true, the date (YYYY-MM-DD) and "
                "the source (for example: signed form), or remove the contact",
            )
        elif isinstance(consent, dict) and consent.get("given") not in (True, PLACEHOLDER):
            yield Problem(
                path,
                doc.line_of(("contacts", index, "consent", "given")),
                where,
                f"{name} has not given consent (given is not true); remove the contact",
            )


def _personal_data(text: str) -> Iterator[tuple[str, str]]:
    """('e-mail address' or 'phone number', what was found) in ``text``, decoded."""
    for candidate in dict.fromkeys((text, unquote(text))):
        for match in _EMAIL.finditer(candidate):
            yield "e-mail address", match.group(0)
        for match in _PHONE.finditer(candidate):
            if _looks_like_phone(match.group(0)):
                yield "phone number", match.group(0).strip()


def _message(kind: str, value: str, path: str, where: str = "in the text") -> str:
    if not path.startswith("practices/"):
        # Only a case study has contacts: anywhere else the address or number goes.
        return (
            f"the {kind} '{shorten(value)}' is written {where}; remove it: the site publishes "
            "a person's details only as a contact of a case study (contacts in practice.yml, "
            "with the person's consent)"
        )
    advice = (
        " (the site then shows it hidden from address harvesters)"
        if kind == "e-mail address"
        else ""
    )
    return (
        f"the {kind} '{shorten(value)}' is written {where}; move it to contacts in "
        f"practice.yml with the person's consent{advice}"
    )


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
                _message(kind, found, path, "here"),
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
