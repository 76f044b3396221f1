"""Rules for long documents (curriculum, guides). Each ``_validate_*`` yields the problems of
one rule; ``check_longdocs`` runs them all. Case-study rules live in practices.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from goodpractice.core.base.links import SiteSources
from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import FILE, Problem, Severity
from goodpractice.core.base.text import nearest, quote_list
from goodpractice.core.checks.schema import (
    VOCABULARY_SCHEMA,
    field_name,
    load_schema,
    schema_problems,
    vocabulary_schema,
)
from goodpractice.core.checks.texts import (
    validate_letters_of_values,
    validate_links,
    validate_romanian_letters,
)
from goodpractice.core.readers.content import RawContent
from goodpractice.core.readers.files import TextSource
from goodpractice.core.readers.longdoc_sources import (
    GUIDE,
    TEXT_SCHEMA,
    LongDocSource,
    PartSource,
)
from goodpractice.core.readers.markedblocks import TRAINER_BLOCKS, find_blocks, validate_blocks
from goodpractice.core.readers.yamlsafe import YamlDocument

COMMON_SCHEMA = "longdoc-common.schema.json"
RECORD_SCHEMA = "practice-text.schema.json"
# Fields of module.yml written once per language: (path to a list or None, key or None).
_LOCALISED_LISTS = ("outcomes", "materials")


# "the module 'x'" / "the chapter 'x'": the word for a part of each kind of long document.
_PART_WORDS = {"modules": "word.module", "chapters": "word.chapter"}


class _Validators:
    """One JSON Schema validator per file kind, resolving shared and vocabulary definitions."""

    def __init__(self, content: RawContent) -> None:
        schema_dir = content.project.schema_dir
        registry: Registry[Any] = Registry().with_resources(
            [
                (
                    VOCABULARY_SCHEMA,
                    Resource.from_contents(vocabulary_schema(content.vocabularies)),
                ),
                (COMMON_SCHEMA, Resource.from_contents(load_schema(schema_dir, COMMON_SCHEMA))),
                # The translation record is defined once, with the case-study texts.
                (RECORD_SCHEMA, Resource.from_contents(load_schema(schema_dir, RECORD_SCHEMA))),
            ]
        )
        self._registry = registry
        self._schema_dir = schema_dir
        self._cache: dict[str, Draft202012Validator] = {}

    def __call__(self, name: str) -> Draft202012Validator:
        if name not in self._cache:
            schema = load_schema(self._schema_dir, name)
            self._cache[name] = Draft202012Validator(schema, registry=self._registry)
        return self._cache[name]


def _validate_texts_present(
    folder: str, text_files: set[str], languages: list[str]
) -> Iterator[Problem]:
    """A long document and each of its parts have a text per language."""
    for language in languages:
        if language not in text_files:
            path = f"{folder}/{language}.md"
            yield Problem(
                path,
                1,
                FILE,
                msg("longdoc.text-missing", language=language, path=path),
            )


def _validate_listed_parts_exist(doc: LongDocSource) -> Iterator[Problem]:
    """Every part listed in the metadata file has a folder."""
    if doc.meta is None:
        return
    field = doc.kind.parts_field
    for index, part_id in enumerate(doc.meta.data.get(field) or []):
        if isinstance(part_id, str) and part_id not in doc.parts:
            close = nearest(part_id, list(doc.parts))
            hint = (
                msg("hint.did-you-mean", values=quote_list(close))
                if close
                else msg("hint.create-folder")
            )
            yield Problem(
                doc.meta_path,
                doc.meta.line_of((field, index)),
                f"{field}[{index + 1}]",
                msg(
                    "longdoc.listed-part-missing",
                    folder=f"{doc.folder}/{part_id}/",
                    part=msg(_PART_WORDS[field], id=part_id),
                    hint=hint,
                ),
            )


def _validate_every_folder_listed(doc: LongDocSource) -> Iterator[Problem]:
    """Every part folder is listed in the metadata file, so none is silently left out."""
    if doc.meta is None or not isinstance(doc.meta.data, dict):
        return
    field = doc.kind.parts_field
    listed = set(doc.order)
    for part_id in doc.parts:
        if part_id not in listed:
            yield Problem(
                doc.meta_path,
                doc.meta.line_of((field,)),
                field,
                msg(
                    "longdoc.folder-not-listed",
                    folder=f"{doc.folder}/{part_id}/",
                    part=part_id,
                    field=field,
                ),
            )


def _validate_guide_id(doc: LongDocSource) -> Iterator[Problem]:
    """A guide's id equals its folder name."""
    data = doc.meta.data if doc.meta else None
    guide_id = data.get("id") if isinstance(data, dict) else None
    folder_name = doc.folder.rsplit("/", 1)[-1]
    if doc.kind is GUIDE and doc.meta and isinstance(guide_id, str) and guide_id != folder_name:
        yield Problem(
            doc.meta_path,
            doc.meta.line_of(("id",)),
            "id",
            msg("longdoc.id-differs-from-folder", id=guide_id, folder=folder_name),
        )


def _validate_session_total(meta: YamlDocument, path: str) -> Iterator[Problem]:
    """The activities of the session plan add up to the module's duration."""
    data = meta.data if isinstance(meta.data, dict) else {}
    duration = data.get("duration")
    plan = data.get("session_plan")
    if not isinstance(duration, int) or not isinstance(plan, list):
        return
    minutes = [a.get("minutes") for a in plan if isinstance(a, dict)]
    if not all(isinstance(m, int) for m in minutes):
        return
    total = sum(minutes)  # type: ignore[arg-type]
    if total != duration:
        yield Problem(
            path,
            meta.line_of(("duration",)),
            "duration",
            msg("longdoc.session-total", total=total, duration=duration),
        )


def _validate_practice_refs(
    meta: YamlDocument, path: str, practice_ids: list[str]
) -> Iterator[Problem]:
    """Every related case study exists under practices/."""
    data = meta.data if isinstance(meta.data, dict) else {}
    refs = data.get("practices")
    for index, practice_id in enumerate(refs if isinstance(refs, list) else []):
        if isinstance(practice_id, str) and practice_id not in practice_ids:
            close = nearest(practice_id, practice_ids)
            hint = (
                msg("hint.did-you-mean", values=quote_list(close))
                if close
                else msg("hint.see-practices")
            )
            yield Problem(
                path,
                meta.line_of(("practices", index)),
                f"practices[{index + 1}]",
                msg("longdoc.unknown-practice", id=practice_id, hint=hint),
            )


def _validate_prerequisites(doc: LongDocSource, part: PartSource) -> Iterator[Problem]:
    """A prerequisite is another module of the curriculum that is taught before this one."""
    data = part.meta.data if part.meta and isinstance(part.meta.data, dict) else {}
    order = doc.order
    for index, other in enumerate(data.get("prerequisites") or []):
        if not isinstance(other, str) or part.meta is None:
            continue
        line = part.meta.line_of(("prerequisites", index))
        where = f"prerequisites[{index + 1}]"
        if other not in order:
            close = nearest(other, order)
            hint = (
                msg("hint.did-you-mean", values=quote_list(close))
                if close
                else msg("hint.check-spelling")
            )
            yield Problem(
                part.meta_path,
                line,
                where,
                msg("longdoc.unknown-prerequisite", module=other, hint=hint),
            )
        elif part.id in order and order.index(other) >= order.index(part.id):
            yield Problem(
                part.meta_path,
                line,
                where,
                msg("longdoc.prerequisite-later", module=other, part=part.id),
            )


def _localised_values(data: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    for name in _LOCALISED_LISTS:
        for index, value in enumerate(data.get(name) or []):
            yield (name, index), value
    for index, item in enumerate(data.get("session_plan") or []):
        if isinstance(item, dict) and "activity" in item:
            yield ("session_plan", index, "activity"), item["activity"]
    if "assessment" in data:
        yield ("assessment",), data["assessment"]


def _validate_translations(
    meta: YamlDocument, path: str, languages: list[str]
) -> Iterator[Problem]:
    """Text written in module.yml is given in every language of the site, and in no other."""
    data = meta.data if isinstance(meta.data, dict) else {}
    for where, value in _localised_values(data):
        if not isinstance(value, dict):
            continue
        field = field_name(where)
        for language in languages:
            if not str(value.get(language) or "").strip():
                yield Problem(
                    path, meta.line_of(where), field, msg("labels.missing-text", language=language)
                )
        for key in value:
            if key not in languages:
                yield Problem(
                    path,
                    meta.line_of((*where, key)),
                    field,
                    msg("language.unknown", language=str(key), languages=quote_list(languages)),
                )


def _validate_trainer_blocks_in_step(
    texts: dict[str, TextSource], default: str
) -> Iterator[Problem]:
    """Every language has as many trainer notes and solutions as the default language."""
    reference = texts.get(default)
    if reference is None:
        return
    expected = _trainer_block_count(reference)
    for language, text in texts.items():
        found = _trainer_block_count(text)
        if language != default and found != expected:
            yield Problem(
                text.path,
                text.doc.body_line,
                "blocks",
                msg("blocks.out-of-step", found=found, expected=expected, file=f"{default}.md"),
                Severity.WARNING,
            )


def _trainer_block_count(text: TextSource) -> int:
    blocks = find_blocks(text.doc.body, text.doc.body_line)
    return sum(block.type in TRAINER_BLOCKS for block in blocks)


def _check_text(
    text: TextSource, validators: _Validators, sources: SiteSources
) -> Iterator[Problem]:
    yield from schema_problems(validators(TEXT_SCHEMA), text.doc.front_matter, text.path)
    yield from validate_romanian_letters(text.path, text.doc.raw, romanian=text.language == "ro")
    yield from validate_blocks(text.doc.body, text.doc.body_line, text.path)
    yield from validate_links(text.path, text.doc.links, sources, None)


def _check_meta(
    meta: YamlDocument, path: str, schema: str, content: RawContent, validators: _Validators
) -> Iterator[Problem]:
    practice_ids = sorted(source.folder_name for source in content.practices)
    yield from schema_problems(validators(schema), meta, path)
    yield from validate_letters_of_values(path, meta)
    yield from _validate_practice_refs(meta, path, practice_ids)
    yield from _validate_translations(meta, path, content.project.language_codes)


def check_longdocs(content: RawContent, sources: SiteSources) -> Iterator[Problem]:
    """Every problem in the curriculum and the guides."""
    validators = _Validators(content)
    languages = content.project.language_codes
    for doc in content.longdocs:
        if doc.meta is not None:
            yield from _check_meta(doc.meta, doc.meta_path, doc.kind.schema, content, validators)
        yield from _validate_guide_id(doc)
        yield from _validate_listed_parts_exist(doc)
        yield from _validate_every_folder_listed(doc)
        yield from _validate_texts_present(doc.folder, doc.text_files, languages)
        for text in doc.texts.values():
            yield from _check_text(text, validators, sources)
        for part in doc.parts.values():
            if part.meta is not None:
                schema = doc.kind.part_schema
                yield from _check_meta(part.meta, part.meta_path, schema, content, validators)
                yield from _validate_session_total(part.meta, part.meta_path)
                yield from _validate_prerequisites(doc, part)
            yield from _validate_texts_present(part.folder, part.text_files, languages)
            yield from _validate_trainer_blocks_in_step(part.texts, languages[0])
            for text in part.texts.values():
                yield from _check_text(text, validators, sources)
