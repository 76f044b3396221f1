"""Translation records: which texts translate which, and whether each is up to date.

A translated text carries in its front matter the record of the version of the original it
translates, written by ``goodpractice translations --stamp``, never by hand::

    translation: {source: ro, source_hash: 3f2a9c0d41b7, reviewed: 2026-11-22}

``source_hash`` is a short SHA-256 of the original's normalised text (front matter values and
body; trailing whitespace and line endings do not count), so editing the original makes the
translation *outdated* until a translator updates it and stamps it again.

Content types are pluggable: each ``ContentType`` lists its documents (a group of language
files of the same text). Case studies and hand-written pages are registered here; another
kind (curriculum modules) adds a ``ContentType`` to ``CONTENT_TYPES``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from goodpractice.core.base.languages import suffix_language, with_suffix
from goodpractice.core.base.links import neutral
from goodpractice.core.base.messages import Message, Param, joined, msg
from goodpractice.core.base.problems import FILE, Problem, Severity
from goodpractice.core.base.uris import doc_uri, practice_uri
from goodpractice.core.readers.content import DocPage, RawContent
from goodpractice.core.readers.markdowndoc import MarkdownDocument
from goodpractice.core.readers.yamlsafe import YamlDocument

RECORD_KEY = "translation"
LANGUAGES_KEY = "languages"
HASH_LENGTH = 12


class State(StrEnum):
    COMPLETE = "complete"
    OUTDATED = "outdated"  # the original changed since the translation was reviewed
    UNRECORDED = "unrecorded"  # a translation that was never stamped
    MISSING = "missing"


@dataclass(frozen=True)
class Document:
    """One text in several language files (a case study's prose, a hand-written page)."""

    kind: str  # the ContentType's name
    name: str  # what people call it: the case-study id, the page's file name
    site_uri: str  # language-neutral docs-tree uri of the built page, e.g. about.md
    texts: dict[str, MarkdownDocument]  # language -> parsed file, for files that parse
    paths: dict[str, str]  # language -> repository-relative path, existing or expected
    present: frozenset[str]  # languages that have a file (even an unreadable one)
    required: tuple[str, ...]  # languages the text must exist in
    declared_in: str  # where ``languages`` is declared, for messages
    declaration: YamlDocument | None = None  # the file that may declare ``languages``

    @property
    def declared(self) -> bool:
        return self.declaration is not None and LANGUAGES_KEY in _mapping(self.declaration.data)


@dataclass(frozen=True)
class Translation:
    """The state of one language of a document."""

    document: Document
    language: str
    original: str  # language of the original text
    state: State
    required: bool
    reviewed: str | None = None  # the record's review date

    @property
    def path(self) -> str:
        return self.document.paths[self.language]

    @property
    def original_path(self) -> str:
        return self.document.paths[self.original]


@dataclass(frozen=True)
class ContentType:
    name: str  # a stable id used in JSON output and label keys: translations.kind.<name>
    documents: Callable[[RawContent], Iterable[Document]]


@dataclass
class Report:
    """Every document's translations, in content-type order."""

    languages: list[str]
    kinds: list[str]
    translations: list[Translation] = field(default_factory=list)
    originals: dict[str, str] = field(default_factory=dict)  # site_uri -> original language
    problems: list[Problem] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Translation]:
        return [t for t in self.translations if t.document.kind == kind]


# --- hashing -------------------------------------------------------------------------------


def normalised_text(doc: MarkdownDocument) -> str:
    """What a translation depends on: the front matter values and the body, not the keys
    about translation itself (the record, the declared languages)."""
    meta = {k: v for k, v in doc.meta.items() if k not in (RECORD_KEY, LANGUAGES_KEY)}
    lines = [line.rstrip() for line in doc.body.splitlines()]
    body = "\n".join(lines).strip("\n")
    return json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str) + "\n---\n" + body


def source_hash(doc: MarkdownDocument) -> str:
    return hashlib.sha256(normalised_text(doc).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def record_of(doc: MarkdownDocument) -> dict[str, Any] | None:
    record = doc.meta.get(RECORD_KEY)
    return record if isinstance(record, dict) else None


# --- content types -------------------------------------------------------------------------


def _case_studies(raw: RawContent) -> Iterator[Document]:
    languages = raw.project.language_codes
    for source in raw.practices:
        facts = source.facts.data if source.facts else None
        declared = facts.get(LANGUAGES_KEY) if isinstance(facts, dict) else None
        required = _required(declared, languages)
        yield Document(
            kind="case-studies",
            name=source.folder_name,
            site_uri=practice_uri(source.folder_name),
            texts={lang: text.doc for lang, text in source.texts.items()},
            paths={lang: f"{source.folder}/{lang}.md" for lang in languages},
            present=frozenset(source.text_files),
            required=required,
            declared_in=source.facts_path,
            declaration=source.facts,
        )


def _pages(raw: RawContent) -> Iterator[Document]:
    languages = raw.project.language_codes
    groups: dict[str, dict[str, DocPage]] = {}
    for page in raw.pages:
        language = suffix_language(page.uri)
        if language is None or language not in languages:
            continue  # a page without a language suffix is not part of the bilingual site
        groups.setdefault(neutral(page.uri), {})[language] = page
    for uri, pages in sorted(groups.items()):
        texts = {language: page.doc for language, page in pages.items()}
        # The original declares the languages the page is published in.
        declaring = pages[_original_language(texts, languages)]
        paths = {language: f"docs/{with_suffix(uri, language)}" for language in languages}
        yield Document(
            kind="pages",
            name=uri,
            site_uri=uri,
            texts=texts,
            paths=paths,
            # A file that exists but does not parse is present (its error is reported).
            present=frozenset(
                lang for lang, path in paths.items() if (raw.project.root / path).is_file()
            ),
            required=_required(declaring.doc.meta.get(LANGUAGES_KEY), languages),
            declared_in=declaring.path,
            declaration=declaring.doc.front_matter,
        )


def _mapping(data: object) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


def _original_language(texts: dict[str, MarkdownDocument], languages: list[str]) -> str:
    """The first language (in the project's order) whose text is not a translation, else the
    first language that has a text."""
    for language in languages:
        doc = texts.get(language)
        if doc is not None and record_of(doc) is None:
            return language
    return next((language for language in languages if language in texts), languages[0])


def _required(declared: object, languages: list[str]) -> tuple[str, ...]:
    if isinstance(declared, list) and all(isinstance(item, str) for item in declared):
        return tuple(lang for lang in languages if lang in declared)
    return tuple(languages)


def _long_documents(kind_name: str) -> Callable[[RawContent], Iterator[Document]]:
    """The introduction and every module or chapter of the curriculum or of the guides.

    Each file pair is a document of its own. A missing text is already an error of the
    long-document rules, so here only the languages present are required (no report twice).
    """

    def documents(raw: RawContent) -> Iterator[Document]:
        languages = raw.project.language_codes
        for doc in raw.longdocs:
            if doc.kind.name != kind_name:
                continue
            units = [(doc.folder, doc.texts, doc.text_files, doc.meta_path)]
            units += [
                (part.folder, part.texts, part.text_files, part.meta_path)
                for part in doc.parts.values()
            ]
            for folder, texts, present, meta_path in units:
                yield Document(
                    kind=kind_name,
                    name=folder,
                    site_uri=doc_uri(folder),
                    texts={lang: text.doc for lang, text in texts.items()},
                    paths={lang: f"{folder}/{lang}.md" for lang in languages},
                    present=frozenset(present),
                    required=tuple(lang for lang in languages if lang in present),
                    declared_in=meta_path,
                )

    return documents


CONTENT_TYPES: list[ContentType] = [
    ContentType("case-studies", _case_studies),
    ContentType("pages", _pages),
    ContentType("curriculum", _long_documents("curriculum")),
    ContentType("guide", _long_documents("guide")),
]


# --- the report ----------------------------------------------------------------------------


def translation_report(raw: RawContent) -> Report:
    """The state of every translation of every document, and the problems ``check`` reports."""
    languages = raw.project.language_codes
    report = Report(languages, [kind.name for kind in CONTENT_TYPES])
    for kind in CONTENT_TYPES:
        for document in kind.documents(raw):
            _assess(document, languages, report)
    return report


def _assess(document: Document, languages: list[str], report: Report) -> None:
    if not document.present:
        return  # nothing to translate; a missing folder content is reported elsewhere
    unreadable = document.present - set(document.texts)
    if unreadable:
        # A file that does not parse has its own error. Without its text, which file is the
        # original cannot be told: judging the others would give wrong advice about them.
        original = next(lang for lang in languages if lang in document.present)
        report.originals[document.site_uri] = original
        for language in languages:
            if language != original:
                state = State.MISSING if language not in document.present else State.UNRECORDED
                required = language in document.required
                report.translations.append(
                    Translation(document, language, original, state, required)
                )
        return
    original = _original_language(document.texts, languages)
    if original not in document.present:
        original = next(lang for lang in languages if lang in document.present)
    report.originals[document.site_uri] = original
    report.problems += _validate_declared_languages(document, languages)
    report.problems += _validate_one_original(document, original)
    for language in languages:
        if language == original:
            continue
        report.translations.append(_translation(document, language, original, report))


def _translation(document: Document, language: str, original: str, report: Report) -> Translation:
    required = language in document.required
    if language not in document.present:
        if required:
            report.problems.append(_missing_problem(document, language, original))
        return Translation(document, language, original, State.MISSING, required)
    doc = document.texts.get(language)
    source = document.texts.get(original)
    if doc is None or source is None:
        return Translation(document, language, original, State.UNRECORDED, required)
    record = record_of(doc)
    path = document.paths[language]
    if record is None:
        report.problems.append(_unrecorded_problem(document, language, original))
        return Translation(document, language, original, State.UNRECORDED, required)
    reviewed = str(record.get("reviewed")) if record.get("reviewed") else None
    if record.get("source") != original:
        report.problems.append(
            Problem(
                path,
                doc.front_matter.line_of((RECORD_KEY, "source")),
                f"{RECORD_KEY}.source",
                msg(
                    "translation.wrong-source",
                    source=str(record.get("source")),
                    original=document.paths[original],
                    path=path,
                ),
            )
        )
        return Translation(document, language, original, State.OUTDATED, required, reviewed)
    if record.get("source_hash") != source_hash(source):
        report.problems.append(
            Problem(
                path,
                doc.front_matter.line_of((RECORD_KEY, "source_hash")),
                RECORD_KEY,
                msg(
                    "translation.outdated" if reviewed else "translation.outdated-undated",
                    original=document.paths[original],
                    reviewed=reviewed or "",
                    path=path,
                ),
                Severity.WARNING,
            )
        )
        return Translation(document, language, original, State.OUTDATED, required, reviewed)
    return Translation(document, language, original, State.COMPLETE, required, reviewed)


def _missing_problem(document: Document, language: str, original: str) -> Problem:
    path = document.paths[language]
    if document.kind == "case-studies":
        start = msg("translation.case-text-missing", language=language, path=path)
        where: Message = msg("translation.in-file", file=document.declared_in)
    else:
        start = msg(
            "translation.page-missing", language=language, original=document.paths[original]
        )
        where = msg("translation.in-header-of", file=document.declared_in)
    others = [lang for lang in document.required if lang != language] or [original]
    names = language_names(others)
    if document.declared:
        return Problem(
            path,
            1,
            FILE,
            msg(
                "translation.missing-but-declared",
                start=start,
                file=document.declared_in,
                language=language,
                names=names,
            ),
        )
    return Problem(
        path,
        1,
        FILE,
        msg(
            "translation.missing",
            start=start,
            declaration=f"{LANGUAGES_KEY}: [{', '.join(others)}]",
            where=where,
            names=names,
        ),
    )


def language_names(codes: list[str]) -> Param:
    """'Romanian and English' in the reader's language (messages.yml: language-name.<code>)."""
    return joined([msg(f"language-name.{code}") for code in codes])


def _unrecorded_problem(document: Document, language: str, original: str) -> Problem:
    path = document.paths[language]
    return Problem(
        path,
        1,
        RECORD_KEY,
        msg("translation.unrecorded", original=document.paths[original], path=path),
        Severity.WARNING,
    )


def _validate_declared_languages(document: Document, languages: list[str]) -> Iterator[Problem]:
    """A declared list of languages names only the site's languages."""
    if document.declaration is None or not document.declared:
        return
    declared = _mapping(document.declaration.data).get(LANGUAGES_KEY)
    line = document.declaration.line_of((LANGUAGES_KEY,))
    if not isinstance(declared, list):
        return  # the schema says what is expected
    for item in declared:
        if item not in languages:
            yield Problem(
                document.declared_in,
                line,
                LANGUAGES_KEY,
                msg(
                    "language.unknown",
                    language=str(item),
                    languages=", ".join(f"'{code}'" for code in languages),
                ),
            )


def _validate_one_original(document: Document, original: str) -> Iterator[Problem]:
    """Of the language files of a text, one is the original: it carries no record."""
    doc = document.texts.get(original)
    if doc is None or record_of(doc) is None:
        return
    path = document.paths[original]
    line = doc.front_matter.line_of((RECORD_KEY,))
    if len(document.present) == 1:
        message = msg("translation.no-original")
    else:
        message = msg("translation.all-translations")
    yield Problem(path, line, RECORD_KEY, message)


def translation_problems(raw: RawContent) -> list[Problem]:
    return translation_report(raw).problems


__all__ = [
    "CONTENT_TYPES",
    "ContentType",
    "Document",
    "Report",
    "State",
    "Translation",
    "normalised_text",
    "source_hash",
    "translation_problems",
    "translation_report",
]
