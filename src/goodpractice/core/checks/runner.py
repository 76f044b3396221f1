"""``check``: every rule over all content. Rules live by what they judge: ``practices``,
``longdocs``, ``texts`` (links, images, letters of any text), ``safety``, ``privacy``,
``vocabularies``, ``schema``; each ``_validate_*`` yields the problems of one rule.

Adding a rule is adding a generator in one of them and a broken fixture with a test.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from goodpractice.core.base.languages import suffix_language
from goodpractice.core.base.links import SiteSources, neutral
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.uris import practice_uri
from goodpractice.core.checks.files import check_files
from goodpractice.core.checks.longdocs import check_longdocs
from goodpractice.core.checks.plaintext import (
    validate_label_placeholders,
    validate_plain_text,
    validate_web_addresses,
    validate_yaml_control_characters,
)
from goodpractice.core.checks.practices import check_practice, validate_unique_ids
from goodpractice.core.checks.privacy import CONTACT_FIELDS, validate_personal_data_in_yaml
from goodpractice.core.checks.safety import check_text
from goodpractice.core.checks.schema import load_schema, make_validator, schema_problems
from goodpractice.core.checks.texts import validate_links, validate_romanian_letters
from goodpractice.core.checks.vocabularies import (
    validate_fit_criteria,
    validate_romanian_labels,
    validate_term_texts,
    validate_vocabulary_schema,
)
from goodpractice.core.model.translations import translation_problems
from goodpractice.core.readers.content import PRACTICE_FILE, DocPage, RawContent
from goodpractice.core.readers.markdowndoc import MarkdownDocument
from goodpractice.core.readers.yamlsafe import YamlDocument


def site_sources(content: RawContent, generated_pages: Iterable[str]) -> SiteSources:
    pages = {neutral(page.uri) for page in content.pages} | set(generated_pages)
    pages |= {practice_uri(source.folder_name) for source in content.practices}
    assets = set(content.doc_assets) | {
        asset for source in content.practices for asset in source.assets
    }
    return SiteSources(frozenset(pages), frozenset(assets))


@dataclass(frozen=True)
class SiteLayout:
    """What the site generates, known before the content is valid (from the page registry)."""

    generated_pages: tuple[str, ...] = ()  # every generated page, links may point there
    owned_pages: tuple[str, ...] = ()  # pages no hand-written page may replace
    owned_folders: frozenset[str] = frozenset()  # top folders no contributed file may go in


def check(content: RawContent, layout: SiteLayout | None = None) -> list[Problem]:
    """Every problem in the content, sorted by file and line."""
    layout = layout or SiteLayout()
    problems = list(content.problems)
    project = content.project
    facts_validator = make_validator(
        load_schema(project.schema_dir, "practice.schema.json"), content.vocabularies
    )
    text_validator = make_validator(
        load_schema(project.schema_dir, "practice-text.schema.json"), content.vocabularies
    )
    page_validator = make_validator(
        load_schema(project.schema_dir, "page.schema.json"), content.vocabularies
    )
    sources = site_sources(content, layout.generated_pages)
    problems += validate_vocabulary_schema(content)
    problems += validate_romanian_labels(content)
    problems += validate_term_texts(content)
    problems += validate_fit_criteria(content)
    problems += validate_label_placeholders(content.labels, project.language_codes)
    # Missing texts (errors) and outdated translations (warnings): see model/translations.py.
    problems += translation_problems(content)
    problems += validate_unique_ids(content.practices)
    for source in content.practices:
        problems += check_practice(source, content, facts_validator, text_validator, sources)
    for page in content.pages:
        problems += schema_problems(page_validator, page.doc.front_matter, page.path)
        problems += _check_page(page, sources)
    problems += check_longdocs(content, sources)
    problems += check_files(content, layout.owned_folders, layout.owned_pages)
    for vocabulary in content.vocabularies.by_name.values():
        if vocabulary.source is not None:
            problems += validate_web_addresses(vocabulary.source, vocabulary.path)
    for path, doc in _yaml_documents(content):
        problems += _check_yaml(path, doc)
    for path, text in _texts(content):
        problems += check_text(project, path, text)
    return sorted(set(problems))


def _check_page(page: DocPage, sources: SiteSources) -> Iterator[Problem]:
    romanian = suffix_language(page.uri) == "ro"
    yield from validate_romanian_letters(page.path, page.doc.raw, romanian=romanian)
    yield from validate_links(page.path, page.doc.links, sources, page.uri)


def _texts(content: RawContent) -> Iterator[tuple[str, MarkdownDocument]]:
    """Every Markdown text of every content type."""
    for source in content.practices:
        for text in source.texts.values():
            yield text.path, text.doc
    for page in content.pages:
        yield page.path, page.doc
    for doc in content.longdocs:
        for text in doc.texts.values():
            yield text.path, text.doc
        for part in doc.parts.values():
            for text in part.texts.values():
                yield text.path, text.doc


def _yaml_documents(content: RawContent) -> Iterator[tuple[str, YamlDocument]]:
    """Every YAML file of every content type, and the front matter of every text."""
    for source in content.practices:
        if source.facts is not None:
            yield source.facts_path, source.facts
    for doc in content.longdocs:
        if doc.meta is not None:
            yield doc.meta_path, doc.meta
        for part in doc.parts.values():
            if part.meta is not None:
                yield part.meta_path, part.meta
    for vocabulary in content.vocabularies.by_name.values():
        if vocabulary.source is not None:
            yield vocabulary.path, vocabulary.source
    if content.labels.source is not None:
        yield content.labels.path, content.labels.source
    for path, text in _texts(content):
        yield path, text.front_matter


def _check_yaml(path: str, doc: YamlDocument) -> Iterator[Problem]:
    """Every value is plain text, without control characters or personal data."""
    yield from validate_plain_text(doc, path)
    yield from validate_yaml_control_characters(doc, path)
    skip = CONTACT_FIELDS if path.endswith(f"/{PRACTICE_FILE}") else ()
    yield from validate_personal_data_in_yaml(doc, path, skip)


__all__ = ["SiteLayout", "check", "site_sources"]
