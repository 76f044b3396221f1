"""Load all content of a project, keeping what checks need to point at files and lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import FILE, Problem
from goodpractice.core.readers.files import TextSource, parse_markdown_file, parse_yaml_file
from goodpractice.core.readers.labels import Labels, load_labels
from goodpractice.core.readers.longdoc_sources import LongDocSource, load_longdocs
from goodpractice.core.readers.markdowndoc import MarkdownDocument
from goodpractice.core.readers.project import Project
from goodpractice.core.readers.vocabularies import Vocabularies, load_vocabularies
from goodpractice.core.readers.walk import Listing, is_real_dir, walk
from goodpractice.core.readers.yamlsafe import YamlDocument

PRACTICE_FILE = "practice.yml"


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
    # Symbolic links and special files in the content folders (repository-relative): never read.
    links: list[str] = field(default_factory=list)
    special_files: list[str] = field(default_factory=list)
    # Every regular file of the curriculum and guides folders (repository-relative).
    longdoc_files: list[str] = field(default_factory=list)


# The folders a pull request from outside the project may change (DESIGN.md).
CONTENT_FOLDERS = ("practices", "docs", "curriculum", "guides", "vocabularies", "i18n")


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
    listings = {name: walk(project.root / name) for name in CONTENT_FOLDERS}
    practices = (
        [
            load_practice(project, folder, problems)
            for folder in sorted(project.practices_dir.iterdir())
            if is_real_dir(folder) and not folder.name.startswith((".", "_"))
        ]
        if is_real_dir(project.practices_dir)
        else []
    )
    pages, doc_assets = _load_docs(project, listings["docs"], problems)
    longdocs = load_longdocs(project, problems)
    return RawContent(
        project,
        vocabularies,
        labels,
        practices,
        pages,
        doc_assets,
        problems,
        longdocs,
        links=[project.relative(p) for listing in listings.values() for p in listing.links],
        special_files=[
            project.relative(p) for listing in listings.values() for p in listing.others
        ],
        longdoc_files=[
            project.relative(p) for name in ("curriculum", "guides") for p in listings[name].files
        ],
    )


def load_practice(project: Project, folder: Path, problems: list[Problem]) -> PracticeSource:
    """One case study's folder (``load_raw`` reads them all; ``serve`` only an edited one)."""
    rel_folder = project.relative(folder)
    facts_path = f"{rel_folder}/{PRACTICE_FILE}"
    source = PracticeSource(rel_folder, facts_path, None)
    facts_file = folder / PRACTICE_FILE
    if not facts_file.is_file():
        problems.append(Problem(facts_path, 1, FILE, msg("practice.facts-missing")))
    else:
        source.facts = parse_yaml_file(facts_file, facts_path, problems)
    for language in project.language_codes:
        text_file = folder / f"{language}.md"
        if text_file.is_file():
            source.text_files.add(language)
            doc = parse_markdown_file(text_file, f"{rel_folder}/{language}.md", problems)
            if doc is not None:
                source.texts[language] = TextSource(language, f"{rel_folder}/{language}.md", doc)
    text_names = {f"{language}.md" for language in project.language_codes}
    source.assets = sorted(
        rel
        for path in walk(folder).files
        if (rel := project.relative(path)) not in {f"{rel_folder}/{n}" for n in text_names}
        and rel != facts_path
    )
    return source


def _load_docs(
    project: Project, listing: Listing, problems: list[Problem]
) -> tuple[list[DocPage], list[str]]:
    pages: list[DocPage] = []
    assets: list[str] = []
    for path in listing.files:
        uri = path.relative_to(project.docs_dir).as_posix()
        if path.suffix != ".md":
            assets.append(uri)
            continue
        rel = project.relative(path)
        doc = parse_markdown_file(path, rel, problems)
        if doc is not None:
            pages.append(DocPage(rel, uri, doc))
    return pages, assets
