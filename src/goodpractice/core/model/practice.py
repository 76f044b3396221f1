"""Case studies as typed, immutable facts and texts: what the rest of the code reads after
validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from goodpractice.core.readers.files import TextSource


@dataclass(frozen=True)
class Locality:
    name: str
    county: str | None = None


@dataclass(frozen=True)
class Organisation:
    name: str
    type: str
    roles: tuple[str, ...]
    country: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Figure:
    kind: str
    value: int
    basis: str
    source: int | None = None  # its number in sources (from 1); None: the only source


@dataclass(frozen=True)
class Validation:
    """Who reviewed a case study against its sources (vocabularies/reviewers.yml), and when."""

    by: str
    date: str
    organisation: str | None = None


@dataclass(frozen=True)
class Evidence:
    """How strong a case study's evidence is (vocabularies/evidence-levels.yml)."""

    level: str
    validation: Validation | None = None
    evaluation: int | None = None  # the number of the evaluation in sources


@dataclass(frozen=True)
class Resources:
    """What the practice cost, in whole units of ``currency`` (vocabularies/currencies.yml)."""

    currency: str
    budget: int | None = None
    eu_contribution: int | None = None


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str | None = None
    url: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Contact:
    """A person readers may contact; only contacts with recorded consent are kept."""

    name: str
    role: str | tuple[tuple[str, str], ...] | None = None  # one text, or (language, text)s
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None

    def role_in(self, language: str, default: str) -> str | None:
        """The role in ``language``; a role given per language falls back to the default's."""
        if isinstance(self.role, tuple):
            by_language = dict(self.role)
            return by_language.get(language) or by_language.get(default)
        return self.role


@dataclass(frozen=True)
class Text:
    """The prose of a case study in one language."""

    language: str
    path: str
    title: str
    summary: str
    body: str
    body_line: int
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Practice:
    id: str
    folder: str  # repository-relative folder, e.g. practices/socec-net
    status: str
    period_start: str | None
    period_end: str | None
    countries: tuple[str, ...]
    regions: tuple[str, ...]
    counties: tuple[str, ...]
    localities: tuple[Locality, ...]
    organisations: tuple[Organisation, ...]
    funding_programme: str | None
    priority_axis: str | None
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    figures: tuple[Figure, ...]
    sources: tuple[Source, ...]
    licence: str
    added: str
    updated: str | None
    texts: dict[str, Text]
    contacts: tuple[Contact, ...] = ()
    evidence: Evidence = Evidence("targets-stated")
    resources: Resources | None = None

    def figure_source(self, figure: Figure) -> Source | None:
        """The source a figure comes from: the one it names, else the only one."""
        if figure.source is not None:
            return self.sources[figure.source - 1] if figure.source <= len(self.sources) else None
        return self.sources[0] if len(self.sources) == 1 else None

    def text(self, language: str, fallback: str) -> Text:
        """The text in ``language``, else in ``fallback``, else the only one there is."""
        return (
            self.texts.get(language) or self.texts.get(fallback) or next(iter(self.texts.values()))
        )


def text_of(source: TextSource) -> Text:
    """The model's view of a text whose front matter passed its schema."""
    return Text(
        language=source.language,
        path=source.path,
        title=str(source.doc.meta["title"]),
        summary=str(source.doc.meta["summary"]),
        body=source.doc.body,
        body_line=source.doc.body_line,
        meta=dict(source.doc.meta),
    )


def practice_from_data(data: dict[str, Any], folder: str, texts: dict[str, Text]) -> Practice:
    """Build a Practice from schema-valid data."""
    location = data.get("location", {})
    period = data.get("period") or {}
    funding = data.get("funding") or {}
    return Practice(
        id=data["id"],
        folder=folder,
        status=data["status"],
        period_start=period.get("start"),
        period_end=period.get("end"),
        countries=tuple(location.get("countries", ())),
        regions=tuple(location.get("regions", ())),
        counties=tuple(location.get("counties", ())),
        localities=tuple(
            Locality(item["name"], item.get("county")) for item in location.get("localities", ())
        ),
        organisations=tuple(
            Organisation(
                org["name"],
                org["type"],
                tuple(org["roles"]),
                org.get("country"),
                org.get("website"),
            )
            for org in data.get("organisations", ())
        ),
        funding_programme=funding.get("programme"),
        priority_axis=funding.get("priority_axis"),
        themes=tuple(data["themes"]),
        target_groups=tuple(data["target_groups"]),
        figures=tuple(
            Figure(f["kind"], f["value"], f["basis"], f.get("source")) for f in data["figures"]
        ),
        sources=tuple(
            Source(s["title"], s.get("publisher"), s.get("url"), s.get("date"))
            for s in data["sources"]
        ),
        licence=data["licence"],
        added=data["added"],
        updated=data.get("updated"),
        texts=texts,
        contacts=_consented_contacts(data.get("contacts", ())),
        evidence=_evidence(data["evidence"]),
        resources=_resources(data.get("resources")),
    )


def _evidence(data: dict[str, Any]) -> Evidence:
    validation = data.get("validation")
    return Evidence(
        data["level"],
        Validation(validation["by"], validation["date"], validation.get("organisation"))
        if validation
        else None,
        data.get("evaluation"),
    )


def _resources(data: dict[str, Any] | None) -> Resources | None:
    if not data:
        return None
    return Resources(data["currency"], data.get("budget"), data.get("eu_contribution"))


def _role(value: Any) -> str | tuple[tuple[str, str], ...] | None:
    if isinstance(value, dict):
        return tuple(sorted((str(k), str(v)) for k, v in value.items()))
    return value if isinstance(value, str) else None


def _consented_contacts(items: Any) -> tuple[Contact, ...]:
    """Contacts whose consent is recorded; check rejects the others, this keeps them out anyway."""
    return tuple(
        Contact(
            c["name"], _role(c.get("role")), c.get("organisation"), c.get("email"), c.get("phone")
        )
        for c in items
        if isinstance(c.get("consent"), dict) and c["consent"].get("given") is True
    )
