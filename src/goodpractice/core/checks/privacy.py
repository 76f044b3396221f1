"""Personal data in contributions: contacts need recorded consent, prose holds none.

The site shows a contact's e-mail address and phone number only when practice.yml records the
person's consent, and never writes the address out whole (see ``contacts.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from goodpractice.core.base.messages import Param, msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.checks.placeholders import PLACEHOLDER
from goodpractice.core.checks.schema import field_name
from goodpractice.core.readers.content import PracticeSource
from goodpractice.core.readers.files import TextSource
from goodpractice.core.readers.yamlsafe import YamlDocument

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A run of digits with the separators people type in phone numbers.
_PHONE = re.compile(r"(?<![\w/.,-])(?:\+|\(?00)?\(?\d[\d \u00a0().\-/]{6,}\d(?![\w])")


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


def _validate_personal_data_in_prose(text: TextSource) -> Iterator[Problem]:
    """No e-mail address or phone number in the prose: contacts need consent in practice.yml."""
    for offset, line in enumerate(text.doc.body.split("\n")):
        number = text.doc.body_line + offset
        for match in _EMAIL.finditer(line):
            yield Problem(
                text.path,
                number,
                "personal data",
                msg("personal-data.email", address=match.group(0)),
            )
        for match in _PHONE.finditer(line):
            if _looks_like_phone(match.group(0)):
                yield Problem(
                    text.path,
                    number,
                    "personal data",
                    msg("personal-data.phone", number=match.group(0).strip()),
                )


def _looks_like_phone(candidate: str) -> bool:
    """International (+40 …, 0040 …) or Romanian (07xx…, 02x…, 03x…) numbers; not amounts."""
    digits = re.sub(r"\D", "", candidate)
    stripped = candidate.lstrip("( ")
    if stripped.startswith("+") or stripped.startswith("00"):
        return 9 <= len(digits) <= 15
    return len(digits) == 10 and digits[0] == "0" and digits[1] in "237"


def check_privacy(source: PracticeSource) -> Iterator[Problem]:
    """Every personal-data rule for one case study."""
    if source.facts is not None:
        yield from _validate_contact_consent(source.facts, source.facts_path)
    for text in source.texts.values():
        yield from _validate_personal_data_in_prose(text)


__all__ = ["check_privacy"]
