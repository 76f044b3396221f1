"""``check``: every rule over all content. Rules live by what they judge: ``practices``,
``longdocs``, ``texts`` (links, images, letters of any text), ``safety``, ``privacy``,
``vocabularies``, ``schema``; each ``_validate_*`` yields the problems of one rule.

Adding a rule is adding a generator in one of them and a broken fixture with a test.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from jsonschema import Draft202012Validator as Validator

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
from goodpractice.core.readers.content import PRACTICE_FILE, DocPage, PracticeSource, RawContent
from goodpractice.core.readers.markdowndoc import MarkdownDocument, published_markdown
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


@dataclass(frozen=True)
class _PracticeRules:
    """What every rule on one case study needs, made once per check."""

    facts: Validator
    text: Validator
    sources: SiteSources


def _practice_rules(content: RawContent, layout: SiteLayout) -> _PracticeRules:
    project = content.project
    return _PracticeRules(
        make_validator(
            load_schema(project.schema_dir, "practice.schema.json"), content.vocabularies
        ),
        make_validator(
            load_schema(project.schema_dir, "practice-text.schema.json"), content.vocabularies
        ),
        site_sources(content, layout.generated_pages),
    )


def check(content: RawContent, layout: SiteLayout | None = None) -> list[Problem]:
    """Every problem in the content, sorted by file and line."""
    layout = layout or SiteLayout()
    problems = list(content.problems)
    project = content.project
    rules = _practice_rules(content, layout)
    page_validator = make_validator(
        load_schema(project.schema_dir, "page.schema.json"), content.vocabularies
    )
    sources = rules.sources
    problems += validate_vocabulary_schema(content)
    problems += validate_romanian_labels(content)
    problems += validate_term_texts(content)
    problems += validate_fit_criteria(content)
    problems += validate_label_placeholders(content.labels, project.language_codes)
    # Missing texts (errors) and outdated translations (warnings): see model/translations.py.
    problems += translation_problems(content)
    problems += _across_practices(content, layout)
    for source in content.practices:
        problems += _practice_problems(source, content, rules)
    for page in content.pages:
        problems += schema_problems(page_validator, page.doc.front_matter, page.path)
        problems += _check_page(page, sources)
    problems += check_longdocs(content, sources)
    for vocabulary in content.vocabularies.by_name.values():
        if vocabulary.source is not None:
            problems += validate_web_addresses(vocabulary.source, vocabulary.path)
    for path, doc in _yaml_documents(content):
        problems += _check_yaml(path, doc)
    for path, text in _texts(content):
        problems += check_text(project, path, text)
    return sorted(set(problems))


def check_edited_practices(
    content: RawContent, layout: SiteLayout, folders: Collection[str], before: Iterable[Problem]
) -> list[Problem]:
    """Every problem after an edit to files of the case studies in ``folders`` only (``serve``):
    every rule on those case studies and every rule across case studies run again; the
    problems ``before`` of any other file are kept (no other file changed).

    The same result as ``check`` as long as the edit added, removed or renamed no file (the
    caller loads the whole content then): the rules on other files read no case study's text."""
    inside = tuple(f"{folder}/" for folder in folders)
    problems = [problem for problem in before if not problem.path.startswith(inside)]
    problems += [problem for problem in content.problems if problem.path.startswith(inside)]
    problems += translation_problems(content)
    problems += _across_practices(content, layout)
    rules = _practice_rules(content, layout)
    for source in content.practices:
        if source.folder in folders:
            problems += _practice_problems(source, content, rules)
    return sorted(set(problems))


def _across_practices(content: RawContent, layout: SiteLayout) -> list[Problem]:
    """The rules that compare case studies with each other or read every file."""
    problems = list(validate_unique_ids(content.practices))
    problems += check_files(content, layout.owned_folders, layout.owned_pages)
    return problems


def _practice_problems(
    source: PracticeSource, content: RawContent, rules: _PracticeRules
) -> list[Problem]:
    """Every rule on one case study: its facts, its texts, its YAML and its rendered HTML."""
    problems = list(check_practice(source, content, rules.facts, rules.text, rules.sources))
    for path, doc in _practice_yaml(source):
        problems += _check_yaml(path, doc)
    page_uri = practice_uri(source.folder_name)
    for path, text in _practice_texts(source):
        published = published_markdown(path, page_uri, text.body)
        problems += check_text(content.project, path, text, published)
    return problems


def _practice_texts(source: PracticeSource) -> Iterator[tuple[str, MarkdownDocument]]:
    for text in source.texts.values():
        yield text.path, text.doc


def _practice_yaml(source: PracticeSource) -> Iterator[tuple[str, YamlDocument]]:
    if source.facts is not None:
        yield source.facts_path, source.facts
    for path, text in _practice_texts(source):
        yield path, text.front_matter


def _check_page(page: DocPage, sources: SiteSources) -> Iterator[Problem]:
    romanian = suffix_language(page.uri) == "ro"
    yield from validate_romanian_letters(page.path, page.doc.raw, romanian=romanian)
    yield from validate_links(page.path, page.doc.links, sources, page.uri)


def _texts(content: RawContent) -> Iterator[tuple[str, MarkdownDocument]]:
    """Every Markdown text of every content type but case studies (``_practice_texts``)."""
    for page in content.pages:
        yield page.path, page.doc
    for doc in content.longdocs:
        for text in doc.texts.values():
            yield text.path, text.doc
        for part in doc.parts.values():
            for text in part.texts.values():
                yield text.path, text.doc


def _yaml_documents(content: RawContent) -> Iterator[tuple[str, YamlDocument]]:
    """Every YAML file of every content type, and the front matter of every text, but case
    studies' (``_practice_yaml``)."""
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


__all__ = ["SiteLayout", "check", "check_edited_practices", "site_sources"]
