"""The catalogue as open data: the JSON records and their JSON Schema.

The record of a case study is its ``practice.yml`` with every vocabulary term replaced by the
term's id and labels, plus title and summary per language. The record schema is derived the
same way from ``schema/practice.schema.json``, so the two cannot drift apart.
"""

from __future__ import annotations

import copy
from typing import Any

from goodpractice.core.base.uris import practice_uri, site_path
from goodpractice.core.checks.schema import VOCABULARY_SCHEMA, load_schema
from goodpractice.core.model.site import Site
from goodpractice.core.readers.content import PracticeSource
from goodpractice.core.readers.vocabularies import Vocabulary

DATA_DIR = "data"
JSON_NAME = "practices.json"
SCHEMA_NAME = "practices.schema.json"
_VOCAB_REF = f"{VOCABULARY_SCHEMA}#/$defs/"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


# --- JSON -------------------------------------------------------------------------------------


def catalogue_document(site: Site, site_url: str | None) -> dict[str, Any]:
    """The whole catalogue: a short header and one record per case study, sorted by id."""
    schema = load_schema(site.project.schema_dir, "practice.schema.json")
    sources = {source.folder: source for source in site.raw.practices}
    return {
        "$schema": SCHEMA_NAME,
        "title": {
            code: site.labels.get("opendata.dataset_title", code) for code in language_codes(site)
        },
        "licence_note": {
            code: site.labels.get("opendata.licence_note", code) for code in language_codes(site)
        },
        "languages": language_codes(site),
        "practices": [
            practice_record(site, pid, site_url, schema, sources[site.practices[pid].folder])
            for pid in sorted(site.practices)
        ],
    }


def practice_record(
    site: Site,
    practice_id: str,
    site_url: str | None,
    schema: dict[str, Any],
    source: PracticeSource,
) -> dict[str, Any]:
    practice = site.practices[practice_id]
    assert source.facts is not None  # the site was checked
    facts = _with_terms(source.facts.data, schema, schema, site)
    texts = {code: practice.texts[code] for code in language_codes(site) if code in practice.texts}
    record: dict[str, Any] = {
        "id": facts.pop("id"),
        "title": {code: text.title for code, text in texts.items()},
        "summary": {code: text.summary for code, text in texts.items()},
    }
    if site_url:
        record["url"] = {code: page_url(site, practice_id, code, site_url) for code in texts}
    record.update(facts)
    # Computed at build time (model/similarity.py), most similar first; "evidence" is a fact.
    record["similar"] = [similar.id for similar in site.similar.get(practice_id, ())]
    return record


def page_url(site: Site, practice_id: str, language: str, site_url: str) -> str:
    """The public address of a case study's page in ``language``."""
    path = site_path(practice_uri(practice_id), language, site.project.default_language)
    return f"{site_url.rstrip('/')}/{path}"


def _with_terms(value: Any, node: dict[str, Any], root: dict[str, Any], site: Site) -> Any:
    """``value`` with each vocabulary term (found through the schema) made a term object."""
    ref = node.get("$ref", "")
    if ref.startswith(_VOCAB_REF):
        return term_object(site.vocabularies[ref.removeprefix(_VOCAB_REF)], value)
    if ref.startswith("#/$defs/"):
        return _with_terms(value, root["$defs"][ref.removeprefix("#/$defs/")], root, site)
    if isinstance(value, dict):
        properties = node.get("properties", {})
        return {
            key: _with_terms(item, properties.get(key, {}), root, site)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_with_terms(item, node.get("items", {}), root, site) for item in value]
    return value


def term_object(vocabulary: Vocabulary, term_id: str) -> dict[str, Any]:
    """A term usable without our vocabularies: id, labels and its plain-text extra facts."""
    term = vocabulary[term_id]
    extras = {key: value for key, value in term.extra.items() if isinstance(value, str)}
    return {"id": term_id, "label": dict(term.labels), **dict(sorted(extras.items()))}


# --- Schema -----------------------------------------------------------------------------------


def record_schema(site: Site) -> dict[str, Any]:
    """The JSON Schema of the JSON export, derived from ``practice.schema.json``."""
    practice = load_schema(site.project.schema_dir, "practice.schema.json")
    defs: dict[str, Any] = copy.deepcopy(practice.get("$defs", {}))
    record = _terms_in_schema(copy.deepcopy(practice), site, defs)
    record.pop("$schema", None)
    record.pop("$id", None)
    record.pop("$defs", None)
    by_language = _by_language_schema(site)
    record["title"] = "A case study (one record of the catalogue)"
    record["properties"] = {
        "id": record["properties"]["id"],
        "title": {**by_language, "description": "The title in each language."},
        "summary": {**by_language, "description": "The summary in each language."},
        "url": {**_by_language_schema(site, {"type": "string", "format": "uri"}, required=False)},
        **{k: v for k, v in record["properties"].items() if k != "id"},
        "similar": {
            "description": (
                "The ids of up to five similar case studies, most similar first: computed at "
                "build time from shared themes, target groups, regions and programme."
            ),
            "type": "array",
            "maxItems": 5,
            "items": {"type": "string"},
        },
    }
    record["required"] = ["id", "title", "summary", *record["required"][1:], "similar"]
    defs["record"] = record
    defs["labels"] = _by_language_schema(site)
    return {
        "$schema": _DRAFT,
        "$id": SCHEMA_NAME,
        "title": "Catalogue of case studies (open data export)",
        "description": (
            "Generated from practice.schema.json by `goodpractice build`. Vocabulary terms are "
            "objects with the term id, its label per language and its plain-text facts."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "licence_note", "languages", "practices"],
        "properties": {
            "$schema": {"type": "string"},
            "title": {"$ref": "#/$defs/labels"},
            "licence_note": {"$ref": "#/$defs/labels"},
            "languages": {"type": "array", "items": {"enum": language_codes(site)}},
            "practices": {"type": "array", "items": {"$ref": "#/$defs/record"}},
        },
        "$defs": defs,
    }


def _terms_in_schema(node: Any, site: Site, defs: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_terms_in_schema(item, site, defs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref", "")
    if isinstance(ref, str) and ref.startswith(_VOCAB_REF):
        name = ref.removeprefix(_VOCAB_REF)
        defs.setdefault(f"term-{name}", _term_schema(site.vocabularies[name]))
        return {**node, "$ref": f"#/$defs/term-{name}"}
    return {key: _terms_in_schema(value, site, defs) for key, value in node.items()}


def _term_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    return {
        "description": f"A term of the vocabulary '{vocabulary.name}'.",
        "type": "object",
        "required": ["id", "label"],
        "properties": {
            "id": {"enum": list(vocabulary.terms)},
            "label": {"$ref": "#/$defs/labels"},
        },
        "additionalProperties": {"type": "string"},
    }


def _by_language_schema(
    site: Site, value: dict[str, Any] | None = None, *, required: bool = True
) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {code: value or {"type": "string"} for code in language_codes(site)},
    }
    if required:
        # At least one language: a case study may be published in one language only, and
        # not always in the default one (practice.yml `languages`).
        schema["minProperties"] = 1
    return schema


def language_codes(site: Site) -> list[str]:
    return list(site.project.language_codes)
