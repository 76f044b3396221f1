"""Contacts of a case study as the page shows them: readable by people, not by harvesters.

An address is never written out whole: the page holds its two halves in data attributes and
the text 'name [at] domain [dot] ro'; a small script of the site joins them into a link when
the reader asks for it. Readers without JavaScript still read the address.
"""

from __future__ import annotations

from dataclasses import dataclass

from goodpractice.core.model.practice import Contact


@dataclass(frozen=True)
class ShownContact:
    name: str
    role: str | None
    organisation: str | None
    email_user: str | None
    email_domain: str | None
    email_text: str | None
    phone: str | None


def spelled_out(email: str) -> str:
    """'ana.pop@asoc.ro' gives 'ana [dot] pop [at] asoc [dot] ro'."""
    user, _, domain = email.partition("@")
    return " [at] ".join(part.replace(".", " [dot] ") for part in (user, domain))


def shown_contact(contact: Contact, language: str, default: str) -> ShownContact:
    user, domain = contact.email.split("@", 1) if contact.email else (None, None)
    return ShownContact(
        name=contact.name,
        role=contact.role_in(language, default),
        organisation=contact.organisation,
        email_user=user,
        email_domain=domain,
        email_text=spelled_out(contact.email) if contact.email else None,
        phone=contact.phone,
    )


__all__ = ["ShownContact", "shown_contact", "spelled_out"]
