"""Long documents as typed, immutable content: the curriculum's modules, the guides' chapters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from goodpractice.core.model.practice import Text, text_of
from goodpractice.core.readers.content import RawContent
from goodpractice.core.readers.files import TextSource
from goodpractice.core.readers.longdoc_sources import Kind, PartSource

Localised = dict[str, str]


@dataclass(frozen=True)
class Activity:
    minutes: int
    methods: tuple[str, ...]
    text: Localised


@dataclass(frozen=True)
class Part:
    id: str
    number: int  # 1-based position in the document
    folder: str
    texts: dict[str, Text]
    practices: tuple[str, ...]
    audience: tuple[str, ...] = ()
    duration: int | None = None  # minutes
    prerequisites: tuple[str, ...] = ()
    outcomes: tuple[Localised, ...] = ()
    activities: tuple[Activity, ...] = ()
    materials: tuple[Localised, ...] = ()
    assessment: Localised | None = None

    def text(self, language: str, fallback: str) -> Text:
        return self.texts.get(language) or self.texts[fallback]


@dataclass(frozen=True)
class LongDoc:
    kind: Kind
    id: str
    folder: str
    texts: dict[str, Text]
    audience: tuple[str, ...]
    practices: tuple[str, ...]
    parts: tuple[Part, ...]

    def text(self, language: str, fallback: str) -> Text:
        return self.texts.get(language) or self.texts[fallback]

    @property
    def duration(self) -> int:
        return sum(part.duration or 0 for part in self.parts)

    def part(self, part_id: str) -> Part:
        return next(part for part in self.parts if part.id == part_id)


def _texts(sources: dict[str, TextSource]) -> dict[str, Text]:
    return {language: text_of(source) for language, source in sources.items()}


def _part(source: PartSource, number: int) -> Part:
    data: dict[str, Any] = source.meta.data if source.meta else {}
    return Part(
        id=source.id,
        number=number,
        folder=source.folder,
        texts=_texts(source.texts),
        practices=tuple(data.get("practices", ())),
        audience=tuple(data.get("audience", ())),
        duration=data.get("duration"),
        prerequisites=tuple(data.get("prerequisites", ())),
        outcomes=tuple(data.get("outcomes", ())),
        activities=tuple(
            Activity(item["minutes"], tuple(item["methods"]), item["activity"])
            for item in data.get("session_plan", ())
        ),
        materials=tuple(data.get("materials", ())),
        assessment=data.get("assessment"),
    )


def build_longdocs(raw: RawContent) -> list[LongDoc]:
    """Typed documents from checked sources (call only when ``check`` found no error)."""
    docs = []
    for source in raw.longdocs:
        data: dict[str, Any] = source.meta.data if source.meta else {}
        docs.append(
            LongDoc(
                kind=source.kind,
                id=str(data["id"]),
                folder=source.folder,
                texts=_texts(source.texts),
                audience=tuple(data.get("audience", ())),
                practices=tuple(data.get("practices", ())),
                parts=tuple(
                    _part(source.parts[part_id], number)
                    for number, part_id in enumerate(source.order, start=1)
                ),
            )
        )
    return docs
