"""Long documents: the curriculum (modules) and guides (chapters), one shared machinery.

A long document is a folder with a metadata file (``curriculum.yml``, ``guide.yml``), a text
per language (``ro.md``, ``en.md``: title, summary, introduction) and one sub-folder per part
(``<part>/module.yml`` or ``<part>/chapter.yml`` with ``ro.md``, ``en.md``). The metadata file
lists the parts in reading order. Everything here is kind-neutral; a ``Kind`` names the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import Text
from .problems import Problem
from .yamlsafe import YamlDocument

if TYPE_CHECKING:
    from .content import RawContent, TextSource
    from .project import Project


@dataclass(frozen=True)
class Kind:
    name: str  # curriculum | guide
    meta_file: str
    parts_field: str  # the ordered list in the metadata file
    part_file: str
    schema: str
    part_schema: str
    variants: tuple[str, ...]  # printed variants; "trainer" keeps trainer notes

    def folders(self, project: Project) -> list[Path]:
        """The folders holding documents of this kind."""
        if self.name == "curriculum":
            folder = project.root / "curriculum"
            return [folder] if folder.is_dir() else []
        parent = project.root / "guides"
        if not parent.is_dir():
            return []
        return sorted(p for p in parent.iterdir() if p.is_dir() and not p.name.startswith("."))


CURRICULUM = Kind(
    "curriculum",
    "curriculum.yml",
    "modules",
    "module.yml",
    "curriculum.schema.json",
    "module.schema.json",
    ("participant", "trainer"),
)
GUIDE = Kind(
    "guide",
    "guide.yml",
    "chapters",
    "chapter.yml",
    "guide.schema.json",
    "chapter.schema.json",
    ("full",),
)
KINDS = (CURRICULUM, GUIDE)
TEXT_SCHEMA = "longdoc-text.schema.json"


@dataclass
class PartSource:
    id: str  # the folder name
    folder: str  # repository-relative
    meta_path: str
    meta: YamlDocument | None
    texts: dict[str, TextSource] = field(default_factory=dict)
    text_files: set[str] = field(default_factory=set)


@dataclass
class LongDocSource:
    kind: Kind
    folder: str  # repository-relative: curriculum, guides/<id>
    meta_path: str
    meta: YamlDocument | None
    texts: dict[str, TextSource] = field(default_factory=dict)
    text_files: set[str] = field(default_factory=set)
    parts: dict[str, PartSource] = field(default_factory=dict)  # by folder name

    @property
    def order(self) -> list[str]:
        data = self.meta.data if self.meta else None
        listed = data.get(self.kind.parts_field) if isinstance(data, dict) else None
        return [p for p in listed if isinstance(p, str)] if isinstance(listed, list) else []


def load_longdocs(project: Project, problems: list[Problem]) -> list[LongDocSource]:
    from .content import _parse_yaml  # content.py calls this module: import late

    docs = []
    for kind in KINDS:
        for folder in kind.folders(project):
            rel = project.relative(folder)
            meta_path = f"{rel}/{kind.meta_file}"
            meta = None
            if (folder / kind.meta_file).is_file():
                meta = _parse_yaml(folder / kind.meta_file, meta_path, problems)
            else:
                problems.append(
                    Problem(meta_path, 1, "(file)", f"missing; the {kind.name} in {rel}/ needs it")
                )
            doc = LongDocSource(kind, rel, meta_path, meta)
            _load_texts(project, folder, doc.texts, doc.text_files, problems)
            for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
                if sub.name.startswith((".", "_")):
                    continue
                doc.parts[sub.name] = _load_part(project, kind, sub, problems)
            docs.append(doc)
    return docs


def _load_part(project: Project, kind: Kind, folder: Path, problems: list[Problem]) -> PartSource:
    from .content import _parse_yaml

    rel = project.relative(folder)
    meta_path = f"{rel}/{kind.part_file}"
    meta = None
    if (folder / kind.part_file).is_file():
        meta = _parse_yaml(folder / kind.part_file, meta_path, problems)
    else:
        problems.append(
            Problem(meta_path, 1, "(file)", f"missing; every part folder needs {kind.part_file}")
        )
    part = PartSource(folder.name, rel, meta_path, meta)
    _load_texts(project, folder, part.texts, part.text_files, problems)
    return part


def _load_texts(
    project: Project,
    folder: Path,
    texts: dict[str, TextSource],
    text_files: set[str],
    problems: list[Problem],
) -> None:
    from .content import TextSource, _parse_md

    for language in project.language_codes:
        path = folder / f"{language}.md"
        if path.is_file():
            text_files.add(language)
            rel = project.relative(path)
            doc = _parse_md(path, rel, problems)
            if doc is not None:
                texts[language] = TextSource(language, rel, doc)


# --- The validated model -------------------------------------------------------------------

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
    return {language: source.text() for language, source in sources.items()}


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
