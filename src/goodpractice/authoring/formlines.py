"""The line formats of the issue forms: one organisation, figure, locality, source or contact
per line, its parts separated by ';' (as each field's description says).

Partners write codes or names, with or without diacritics, and often commas instead of ';'.
A value that cannot be read gets a message naming the form's field and the line of the issue;
it is still written into the case study as it was given, so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from babel.dates import get_month_names

from goodpractice.core.base.messages import Message, msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.text import fold, nearest, quote_list
from goodpractice.core.readers.vocabularies import Vocabularies, Vocabulary

from .issuebody import Answer

_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"\+?\d[\d ().-]{6,}\d")
_NUMBER = re.compile(r"^\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+$|^\d+$")
_ISO = re.compile(r"\b(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\b")
_DOTTED = re.compile(r"\b(?:(\d{1,2})[./])?(\d{1,2})[./](\d{4})\b")
_MONTH_WORD = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})")
# 'lider si partener', 'lead & partner', 'lead, partner', 'lead/partner'.
_ROLE_SEPARATORS = re.compile(r",|/|&|\s+(?:si|și|şi|and)\s+", re.IGNORECASE)
_COUNTY_WORDS = re.compile(r"^(?:jud(?:etul|\.)?|county)\s+", re.IGNORECASE)


@dataclass
class Reading:
    """What the lines of a form gave: values for practice.yml and the problems found."""

    path: str  # the issue body, as named in messages
    problems: list[Problem] = field(default_factory=list)

    def problem(self, answer: Answer, line: int, message: Message) -> None:
        """A problem on a line of an answer, counted in the answer as the partner sees it."""
        numbered = msg("intake.line", number=str(line - answer.line + 1), problem=message)
        self.problems.append(Problem(self.path, line, answer.label, numbered))


def split_parts(line: str) -> list[str]:
    """Parts of a line: by ';' (or '|' or a tab, which some editors produce)."""
    for separator in (";", "|", "\t"):
        if separator in line:
            return [part.strip() for part in line.split(separator)]
    return [line.strip()]


def find_term(vocabulary: Vocabulary, text: str) -> str | None:
    """The term a partner meant: its id, a label in any language or an alias, folded."""
    wanted = fold(text.strip().strip(".")).strip()
    for term_id, term in vocabulary.terms.items():
        names = [
            term_id,
            *term.labels.values(),
            *(a for words in term.aliases.values() for a in words),
        ]
        if wanted in {fold(str(name)) for name in names}:
            return term_id
    return None


# -- Dates ------------------------------------------------------------------------------------


def _month_numbers() -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in ("ro", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[fold(str(name)).rstrip(".")] = int(number)
    return names


_MONTHS = _month_numbers()


def partial_dates(text: str) -> list[str]:
    """Every date in a text as YYYY, YYYY-MM or YYYY-MM-DD: 2014-09, 09.2014, septembrie 2014."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, year: str, month: str | int | None, day: str | None) -> None:
        if any(start < stop and begin < end for begin, stop in taken):
            return
        taken.append((start, end))
        value = year
        if month:
            value += f"-{int(month):02d}"
            if day:
                value += f"-{int(day):02d}"
        found.append((start, value))

    for match in _MONTH_WORD.finditer(text):
        number = _MONTHS.get(fold(match.group(1)))
        if number:
            add(match.start(), match.end(), match.group(2), number, None)
    for match in _DOTTED.finditer(text):
        add(match.start(), match.end(), match.group(3), match.group(2), match.group(1))
    for match in _ISO.finditer(text):
        add(match.start(), match.end(), match.group(1), match.group(2), match.group(3))
    return [value for _, value in sorted(found)]


def read_period(answer: Answer, reading: Reading) -> dict[str, str] | None:
    if answer.text is None:
        return None
    dates = partial_dates(answer.text)
    if not dates or len(dates) > 2:
        reading.problem(answer, answer.line, msg("intake.period", value=answer.text.strip()))
        return None
    return {"start": dates[0], "end": dates[1]} if len(dates) == 2 else {"start": dates[0]}


def _number(text: str) -> int | None:
    compact = text.strip()
    return int(re.sub(r"\D", "", compact)) if _NUMBER.match(compact) else None


# -- Lines ------------------------------------------------------------------------------------


def read_organisations(
    answer: Answer, vocabularies: Vocabularies, reading: Reading
) -> list[dict[str, Any]]:
    """name; type; roles; country (optional); website (optional)."""
    types, roles, countries = (
        vocabularies["organisation-types"],
        vocabularies["organisation-roles"],
        vocabularies["countries"],
    )
    result = []
    for line, text in answer.lines():
        parts = split_parts(text)
        if len(parts) == 1 and text.count(",") >= 2:
            # Commas for ';' (a common slip): accepted when type and role are recognised.
            candidate = [p.strip() for p in text.split(",")]
            name_end = next(
                (i for i in range(1, len(candidate)) if find_term(types, candidate[i])), None
            )
            if name_end is not None:
                parts = [", ".join(candidate[:name_end]), *candidate[name_end:]]
                parts = [parts[0], parts[1], ", ".join(parts[2:])] if len(parts) > 3 else parts
        if len(parts) < 3:
            reading.problem(
                answer,
                line,
                msg("intake.parts", format=msg("intake.format.organisation"), found=len(parts)),
            )
            result.append({"name": parts[0], "type": "", "roles": []})
            continue
        organisation: dict[str, Any] = {"name": parts[0]}
        organisation["type"] = _term(answer, line, parts[1], types, "intake.what.type", reading)
        organisation["roles"] = [
            _term(answer, line, role, roles, "intake.what.role", reading)
            for role in _ROLE_SEPARATORS.split(parts[2])
            if role.strip()
        ]
        for extra in parts[3:]:
            if not extra:
                continue
            if _URL.match(extra):
                url = extra if extra.lower().startswith("http") else f"https://{extra}"
                organisation["website"] = url
            else:
                country = find_term(countries, extra)
                if country is None:
                    reading.problem(
                        answer,
                        line,
                        msg(
                            "intake.extra-part",
                            value=extra,
                            format=msg("intake.format.organisation"),
                        ),
                    )
                else:
                    organisation["country"] = country
        result.append(organisation)
    return result


def _term(
    answer: Answer, line: int, text: str, vocabulary: Vocabulary, what: str, reading: Reading
) -> str:
    term = find_term(vocabulary, text)
    if term is None:
        reading.problem(
            answer,
            line,
            msg(
                "intake.unknown-term",
                value=text.strip(),
                what=msg(what),
                hint=_hint(vocabulary, text),
            ),
        )
        return text.strip()
    return term


def _hint(vocabulary: Vocabulary, text: str) -> Message:
    """The terms whose code or name is closest to what was written, or all the codes."""
    names = {
        str(name): term_id
        for term_id, term in vocabulary.terms.items()
        for name in (term_id, *term.labels.values())
    }
    close = list(dict.fromkeys(names[name] for name in nearest(text, list(names))))
    if close:
        return msg("hint.did-you-mean", values=quote_list(close))
    return msg("intake.write-a-code", codes=", ".join(vocabulary.terms))


def read_figures(
    answer: Answer,
    vocabularies: Vocabularies,
    basis_words: dict[str, list[str]],
    reading: Reading,
) -> list[dict[str, Any]]:
    """number; kind; target or achieved (in any order: each part is recognised)."""
    kinds = vocabularies["figure-kinds"]
    result = []
    for line, text in answer.lines():
        parts = split_parts(text)
        if len(parts) != 3:
            reading.problem(
                answer,
                line,
                msg("intake.parts", format=msg("intake.format.figure"), found=len(parts)),
            )
            continue
        value = next((number for part in parts if (number := _number(part)) is not None), None)
        basis = next(
            (_basis(part, basis_words) for part in parts if _basis(part, basis_words)), None
        )
        rest = [p for p in parts if _number(p) is None and not _basis(p, basis_words)]
        if value is None:
            reading.problem(answer, line, msg("intake.not-a-number", value=parts[0]))
        if basis is None:
            reading.problem(answer, line, msg("intake.basis", value=parts[-1]))
        kind = _term(answer, line, rest[0], kinds, "intake.what.figure", reading) if rest else ""
        if value is not None and basis is not None:
            result.append({"kind": kind, "value": value, "basis": basis})
    return result


def _basis(text: str, words: dict[str, list[str]]) -> str | None:
    folded = fold(text.strip().strip("()."))
    return next((basis for basis, names in words.items() if folded in map(fold, names)), None)


def read_localities(
    answer: Answer, vocabularies: Vocabularies, reading: Reading
) -> list[dict[str, str]]:
    """name; county (optional), the county as its code or its name."""
    counties = vocabularies["counties"]
    result = []
    for line, text in answer.lines():
        parts = split_parts(text)
        if len(parts) == 1 and "," in text:
            name, _, tail = text.rpartition(",")
            if find_term(counties, _COUNTY_WORDS.sub("", fold(tail.strip()))):
                parts = [name.strip(), tail.strip()]
        locality = {"name": parts[0]}
        if len(parts) > 1 and parts[1]:
            locality["county"] = _term(
                answer,
                line,
                _COUNTY_WORDS.sub("", fold(parts[1])),
                counties,
                "intake.what.county",
                reading,
            )
        result.append(locality)
    return result


def read_sources(answer: Answer, reading: Reading) -> list[dict[str, str]]:
    """title; publisher (optional); web address (optional); date (optional)."""
    result = []
    for _line, text in answer.lines():
        parts = [part for part in split_parts(text) if part]
        source: dict[str, str] = {}
        words = []
        for part in parts:
            dates = partial_dates(part) if not _URL.match(part) else []
            if _URL.match(part):
                source["url"] = part if part.lower().startswith("http") else f"https://{part}"
            elif len(dates) == 1 and len(part) <= 20:
                source["date"] = dates[0]
            else:
                words.append(part)
        if not words:
            words = [source.get("url", text)]
        source = {
            "title": words[0],
            **({"publisher": words[1]} if len(words) > 1 else {}),
            **source,
        }
        result.append(source)
    return result


def read_contacts(answer: Answer, consented: bool, reading: Reading) -> list[dict[str, Any]]:
    """name; role; e-mail or phone; how and when the person consented (YYYY-MM-DD)."""
    result = []
    for line, text in answer.lines():
        parts = split_parts(text)
        contact: dict[str, Any] = {"name": parts[0]}
        rest = []
        for part in parts[1:]:
            email = _EMAIL.fullmatch(part)
            if email:
                contact["email"] = part
            elif _PHONE.fullmatch(part):
                contact["phone"] = part
            else:
                rest.append(part)
        consent = next((p for p in rest if any(len(d) == 10 for d in partial_dates(p))), None)
        if rest and rest[0] != consent:
            contact["role"] = rest[0]
        if consent is None:
            reading.problem(answer, line, msg("intake.consent-date"))
        else:
            day = next(d for d in partial_dates(consent) if len(d) == 10)
            how = _ISO.sub("", _DOTTED.sub("", consent)).strip(" ,;") or consent
            contact["consent"] = {"given": consented, "date": day, "source": how}
        order = ("name", "role", "email", "phone", "consent")
        result.append({key: contact[key] for key in order if key in contact})
    if result and not consented:
        reading.problem(answer, answer.line, msg("intake.consent-not-ticked"))
    return result


__all__ = [
    "Reading",
    "find_term",
    "partial_dates",
    "read_contacts",
    "read_figures",
    "read_localities",
    "read_organisations",
    "read_period",
    "read_sources",
    "split_parts",
]
