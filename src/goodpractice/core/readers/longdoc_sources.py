"""Long documents as read from their folders: the curriculum (modules) and guides (chapters).

A long document is a folder with a metadata file (``curriculum.yml``, ``guide.yml``), a text
per language (``ro.md``, ``en.md``: title, summary, introduction) and one sub-folder per part
(``<part>/module.yml`` or ``<part>/chapter.yml`` with ``ro.md``, ``en.md``). The metadata file
lists the parts in reading order. Everything here is kind-neutral; a ``Kind`` names the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import FILE, Problem
from goodpractice.core.readers.files import TextSource, parse_markdown_file, parse_yaml_file
from goodpractice.core.readers.project import Project
from goodpractice.core.readers.walk import is_real_dir
from goodpractice.core.readers.yamlsafe import YamlDocument


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
            return [folder] if is_real_dir(folder) else []
        parent = project.root / "guides"
        if not is_real_dir(parent):
            return []
        return sorted(p for p in parent.iterdir() if is_real_dir(p) and not p.name.startswith("."))


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


# "the guide in guides/x/": the words for each kind of long document (messages.yml).
_DOCUMENT_WORDS = {"curriculum": "word.the-curriculum", "guide": "word.the-guide"}


def load_longdocs(project: Project, problems: list[Problem]) -> list[LongDocSource]:
    docs = []
    for kind in KINDS:
        for folder in kind.folders(project):
            rel = project.relative(folder)
            meta_path = f"{rel}/{kind.meta_file}"
            meta = None
            if (folder / kind.meta_file).is_file():
                meta = parse_yaml_file(folder / kind.meta_file, meta_path, problems)
            else:
                problems.append(
                    Problem(
                        meta_path,
                        1,
                        FILE,
                        msg(
                            "longdoc.meta-missing",
                            document=msg(_DOCUMENT_WORDS[kind.name], folder=rel),
                        ),
                    )
                )
            doc = LongDocSource(kind, rel, meta_path, meta)
            _load_texts(project, folder, doc.texts, doc.text_files, problems)
            for sub in sorted(p for p in folder.iterdir() if is_real_dir(p)):
                if sub.name.startswith((".", "_")):
                    continue
                doc.parts[sub.name] = _load_part(project, kind, sub, problems)
            docs.append(doc)
    return docs


def _load_part(project: Project, kind: Kind, folder: Path, problems: list[Problem]) -> PartSource:
    rel = project.relative(folder)
    meta_path = f"{rel}/{kind.part_file}"
    meta = None
    if (folder / kind.part_file).is_file():
        meta = parse_yaml_file(folder / kind.part_file, meta_path, problems)
    else:
        problems.append(
            Problem(meta_path, 1, FILE, msg("longdoc.part-meta-missing", file=kind.part_file))
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
    for language in project.language_codes:
        path = folder / f"{language}.md"
        if path.is_file() or path.is_symlink():
            text_files.add(language)
            rel = project.relative(path)
            doc = parse_markdown_file(path, rel, problems)
            if doc is not None:
                texts[language] = TextSource(language, rel, doc)
