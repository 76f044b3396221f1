"""``check``: every rule over all content. Rules live by what they judge: ``practices``,
``longdocs``, ``texts`` (links, images, letters of any text), ``safety``, ``privacy``,
``vocabularies``, ``schema``; each ``_validate_*`` yields the problems of one rule.

Adding a rule is adding a generator in one of them and a broken fixture with a test.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from goodpractice.core.base.languages import suffix_language
from goodpractice.core.base.links import SiteSources, neutral
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.uris import practice_uri
from goodpractice.core.checks.longdocs import check_longdocs
from goodpractice.core.checks.practices import check_practice, validate_unique_ids
from goodpractice.core.checks.safety import check_docs_assets_safety, check_markdown_safety
from goodpractice.core.checks.schema import load_schema, make_validator, schema_problems
from goodpractice.core.checks.texts import (
    validate_image_alt,
    validate_links,
    validate_romanian_letters,
)
from goodpractice.core.checks.vocabularies import (
    validate_romanian_labels,
    validate_vocabulary_schema,
)
from goodpractice.core.model.translations import translation_problems
from goodpractice.core.readers.content import DocPage, RawContent


def site_sources(content: RawContent, generated_pages: Iterable[str]) -> SiteSources:
    pages = {neutral(page.uri) for page in content.pages} | set(generated_pages)
    pages |= {practice_uri(source.folder_name) for source in content.practices}
    assets = set(content.doc_assets) | {
        asset for source in content.practices for asset in source.assets
    }
    return SiteSources(frozenset(pages), frozenset(assets))


def check(content: RawContent, generated_pages: Iterable[str] = ()) -> list[Problem]:
    """Every problem in the content, sorted by file and line."""
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
    sources = site_sources(content, generated_pages)
    problems += validate_vocabulary_schema(content)
    problems += validate_romanian_labels(content)
    # Missing texts (errors) and outdated translations (warnings): see model/translations.py.
    problems += translation_problems(content)
    problems += validate_unique_ids(content.practices)
    for source in content.practices:
        problems += check_practice(source, content, facts_validator, text_validator, sources)
    for page in content.pages:
        problems += schema_problems(page_validator, page.doc.front_matter, page.path)
        problems += _check_page(page, sources)
    problems += check_docs_assets_safety(content.doc_assets, project.root)
    problems += check_longdocs(content, sources)
    return sorted(set(problems))


def _check_page(page: DocPage, sources: SiteSources) -> Iterator[Problem]:
    romanian = suffix_language(page.uri) == "ro"
    yield from validate_romanian_letters(page.path, page.doc.raw, romanian=romanian)
    yield from validate_links(page.path, page.doc.links, sources, page.uri)
    yield from validate_image_alt(page.path, page.doc.links)
    yield from check_markdown_safety(page.path, page.doc)


__all__ = ["check", "site_sources"]
