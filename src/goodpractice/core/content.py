"""Load all content of a project, keeping what checks need to point at files and lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .labels import Labels, load_labels
from .markdowndoc import FrontMatterError, MarkdownDocument, parse_markdown
from .model import Text
from .problems import Problem
from .project import Project
from .vocabularies import Vocabularies, load_vocabularies
from .yamlsafe import YamlDocument, YamlSyntaxError, load_yaml

if TYPE_CHECKING:
    from .longdocs import LongDocSource

PRACTICE_FILE = "practice.yml"
# Refuse to read giant files: a content file of this size is a mistake or an attack.
MAX_FILE_BYTES = 1_000_000


@dataclass
class TextSource:
    language: str
    path: str
    doc: MarkdownDocument

    def text(self) -> Text:
        """The model's view of a text whose front matter passed its schema."""
        return Text(
            language=self.language,
            path=self.path,
            title=str(self.doc.meta["title"]),
            summary=str(self.doc.meta["summary"]),
            body=self.doc.body,
            body_line=self.doc.body_line,
            meta=dict(self.doc.meta),
        )


@dataclass
class PracticeSource:
    folder: str  # repository-relative, e.g. practices/socec-net
    facts_path: str
    facts: YamlDocument | None
    texts: dict[str, TextSource] = field(default_factory=dict)
    text_files: set[str] = field(default_factory=set)  # languages with a file, even unreadable
    assets: list[str] = field(default_factory=list)  # repository-relative

    @property
    def folder_name(self) -> str:
        return self.folder.rsplit("/", 1)[-1]


@dataclass
class DocPage:
    path: str  # repository-relative
    uri: str  # relative to docs/
    doc: MarkdownDocument


@dataclass
class RawContent:
    project: Project
    vocabularies: Vocabularies
    labels: Labels
    practices: list[PracticeSource]
    pages: list[DocPage]
    doc_assets: list[str]  # relative to docs/
    problems: list[Problem]
    longdocs: list[LongDocSource] = field(default_factory=list)  # curriculum and guides


def read_text(path: Path, rel: str) -> tuple[str | None, Problem | None]:
    """Read a UTF-8 text file, or say in words why it cannot be read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, Problem(
            rel, 1, "(file)", f"file is {size:,} bytes; content files must stay under 1 MB"
        )
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Windows Notepad's "Unicode": the commonest wrong encoding after the legacy code pages.
        return None, Problem(rel, 1, "(file)", "saved as UTF-16; save the file as UTF-8")
    if b"\x00" in data:
        return None, Problem(rel, 1, "(file)", "binary data where text was expected")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Problem(rel, line, "(file)", "not UTF-8 text; save the file as UTF-8")


def load_raw(project: Project) -> RawContent:
    languages = project.language_codes
    problems: list[Problem] = []
    vocabularies, vocab_problems = load_vocabularies(
        project.vocabularies_dir, project.root, languages
    )
    labels, label_problems = load_labels(
        project.i18n_dir / "interface.yml", project.root, languages
    )
    problems += vocab_problems + label_problems
    practices = (
        [
            _load_practice(project, folder, problems)
            for folder in sorted(project.practices_dir.iterdir())
            if folder.is_dir() and not folder.name.startswith((".", "_"))
        ]
        if project.practices_dir.is_dir()
        else []
    )
    pages, doc_assets = _load_docs(project, problems)
    from .longdocs import load_longdocs  # longdocs reuses this module's parsers

    longdocs = load_longdocs(project, problems)
    return RawContent(
        project, vocabularies, labels, practices, pages, doc_assets, problems, longdocs
    )


def _load_practice(project: Project, folder: Path, problems: list[Problem]) -> PracticeSource:
    rel_folder = project.relative(folder)
    facts_path = f"{rel_folder}/{PRACTICE_FILE}"
    source = PracticeSource(rel_folder, facts_path, None)
    facts_file = folder / PRACTICE_FILE
    if not facts_file.is_file():
        problems.append(
            Problem(facts_path, 1, "(file)", "missing; every case-study folder needs practice.yml")
        )
    else:
        source.facts = _parse_yaml(facts_file, facts_path, problems)
    for language in project.language_codes:
        text_file = folder / f"{language}.md"
        if text_file.is_file():
            source.text_files.add(language)
            doc = _parse_md(text_file, f"{rel_folder}/{language}.md", problems)
            if doc is not None:
                source.texts[language] = TextSource(language, f"{rel_folder}/{language}.md", doc)
    text_names = {f"{language}.md" for language in project.language_codes}
    source.assets = sorted(
        project.relative(path)
        for path in folder.rglob("*")
        if path.is_file() and path.name not in text_names | {PRACTICE_FILE}
    )
    return source


def _parse_yaml(path: Path, rel: str, problems: list[Problem]) -> YamlDocument | None:
    text, problem = read_text(path, rel)
    if problem or text is None:
        problems.extend([problem] if problem else [])
        return None
    try:
        return load_yaml(text)
    except YamlSyntaxError as exc:
        problems.append(Problem(rel, exc.line, "(yaml)", exc.message))
        return None


def _parse_md(path: Path, rel: str, problems: list[Problem]) -> MarkdownDocument | None:
    text, problem = read_text(path, rel)
    if problem or text is None:
        problems.extend([problem] if problem else [])
        return None
    try:
        return parse_markdown(text)
    except (YamlSyntaxError, FrontMatterError) as exc:
        problems.append(Problem(rel, exc.line, "(front matter)", exc.message))
        return None


def _load_docs(project: Project, problems: list[Problem]) -> tuple[list[DocPage], list[str]]:
    pages: list[DocPage] = []
    assets: list[str] = []
    if not project.docs_dir.is_dir():
        return pages, assets
    for path in sorted(project.docs_dir.rglob("*")):
        if not path.is_file():
            continue
        uri = path.relative_to(project.docs_dir).as_posix()
        if path.suffix != ".md":
            assets.append(uri)
            continue
        rel = project.relative(path)
        doc = _parse_md(path, rel, problems)
        if doc is not None:
            pages.append(DocPage(rel, uri, doc))
    return pages, assets
