"""The catalogue as open data: one JSON file, one CSV per language and the JSON Schema of both.

The record of a case study is its ``practice.yml`` with every vocabulary term replaced by the
term's id and labels, plus title and summary per language. The record schema is derived the
same way from ``schema/practice.schema.json``, so the two cannot drift apart.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .schema import VOCABULARY_SCHEMA, load_schema
from .site import Site
from .vocabularies import Vocabulary

DATA_DIR = "data"
JSON_NAME = "practices.json"
SCHEMA_NAME = "practices.schema.json"
_VOCAB_REF = f"{VOCABULARY_SCHEMA}#/$defs/"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"
LIST_SEPARATOR = "; "


def csv_name(language: str) -> str:
    return f"practices.{language}.csv"


def export_files(site: Site, site_url: str | None) -> dict[str, bytes]:
    """Every export by its path under the site root; identical input gives identical bytes."""
    files = {
        f"{DATA_DIR}/{JSON_NAME}": _records_json_bytes(catalogue_document(site, site_url)),
        f"{DATA_DIR}/{SCHEMA_NAME}": _json_bytes(record_schema(site)),
    }
    for language in site.project.language_codes:
        files[f"{DATA_DIR}/{csv_name(language)}"] = csv_bytes(site, language, site_url)
    return files


def _json_bytes(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _records_json_bytes(document: dict[str, Any]) -> bytes:
    """The catalogue with one compact record per line: half the size of indented JSON, and a
    change to one case study is a change to one line."""
    head = {key: value for key, value in document.items() if key != "practices"}
    lines = [
        json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        for record in document["practices"]
    ]
    header = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    body = ",\n".join(lines)
    return f'{header},"practices":[\n{body}\n]}}\n'.encode()


# --- JSON -------------------------------------------------------------------------------------


def catalogue_document(site: Site, site_url: str | None) -> dict[str, Any]:
    """The whole catalogue: a short header and one record per case study, sorted by id."""
    schema = load_schema(site.project.schema_dir, "practice.schema.json")
    return {
        "$schema": SCHEMA_NAME,
        "title": {code: site.labels.get("opendata.dataset_title", code) for code in _codes(site)},
        "licence_note": {
            code: site.labels.get("opendata.licence_note", code) for code in _codes(site)
        },
        "languages": _codes(site),
        "practices": [
            practice_record(site, pid, site_url, schema) for pid in sorted(site.practices)
        ],
    }


def practice_record(
    site: Site, practice_id: str, site_url: str | None, schema: dict[str, Any]
) -> dict[str, Any]:
    practice = site.practices[practice_id]
    source = next(s for s in site.raw.practices if s.folder == practice.folder)
    assert source.facts is not None  # the site was checked
    facts = _with_terms(source.facts.data, schema, schema, site)
    texts = {code: practice.texts[code] for code in _codes(site) if code in practice.texts}
    record: dict[str, Any] = {
        "id": facts.pop("id"),
        "title": {code: text.title for code, text in texts.items()},
        "summary": {code: text.summary for code, text in texts.items()},
    }
    if site_url:
        record["url"] = {code: page_url(site, practice_id, code, site_url) for code in texts}
    record.update(facts)
    return record


def page_url(site: Site, practice_id: str, language: str, site_url: str) -> str:
    prefix = "" if language == site.project.default_language else f"{language}/"
    return f"{site_url.rstrip('/')}/{prefix}practices/{practice_id}/"


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
    }
    record["required"] = ["id", "title", "summary", *record["required"][1:]]
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
            "languages": {"type": "array", "items": {"enum": _codes(site)}},
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
        "properties": {code: value or {"type": "string"} for code in _codes(site)},
    }
    if required:
        schema["required"] = [site.project.default_language]
    return schema


# --- CSV --------------------------------------------------------------------------------------


def csv_columns(site: Site, language: str) -> list[tuple[str, Callable[[dict[str, Any]], str]]]:
    """(header, value of a JSON record) for every column, in order."""
    default = site.project.default_language

    def text(key: str) -> Callable[[dict[str, Any]], str]:
        return lambda r: str(r[key].get(language) or r[key][default])

    def terms(*path: str) -> Callable[[dict[str, Any]], str]:
        return lambda r: LIST_SEPARATOR.join(t["label"][language] for t in _get(r, path) or [])

    def term(*path: str) -> Callable[[dict[str, Any]], str]:
        return lambda r: (_get(r, path) or {}).get("label", {}).get(language, "")

    def plain(*path: str) -> Callable[[dict[str, Any]], str]:
        return lambda r: str(_get(r, path) or "")

    def header(key: str) -> str:
        return site.labels.get(f"opendata.column.{key}", language)

    columns: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("id", plain("id")),
        (header("title"), text("title")),
        (header("summary"), text("summary")),
        (header("url"), lambda r: str(r.get("url", {}).get(language, ""))),
        (header("status"), term("status")),
        (header("period_start"), plain("period", "start")),
        (header("period_end"), plain("period", "end")),
        (header("countries"), terms("location", "countries")),
        (header("regions"), terms("location", "regions")),
        (header("counties"), terms("location", "counties")),
        (header("localities"), lambda r: _joined(r, ("location", "localities"), "name")),
        (header("organisations"), lambda r: _joined(r, ("organisations",), "name")),
        (header("funding_programme"), term("funding", "programme")),
        (header("priority_axis"), plain("funding", "priority_axis")),
        (header("themes"), terms("themes")),
        (header("target_groups"), terms("target_groups")),
    ]
    kinds = site.vocabularies["figure-kinds"]
    for kind in kinds.terms:
        for basis in ("achieved", "target"):
            title = f"{kinds.label(kind, language)} ({site.labels.get(f'basis.{basis}', language)})"
            columns.append((title, _figure_cell(kind, basis)))
    columns += [
        (header("sources"), lambda r: _joined(r, ("sources",), "title")),
        (header("licence"), lambda r: str(r["licence"]["label"][language])),
        (header("licence_url"), lambda r: str(r["licence"].get("url", ""))),
        (header("added"), plain("added")),
        (header("updated"), plain("updated")),
    ]
    return columns


def _get(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _joined(record: dict[str, Any], path: tuple[str, ...], key: str) -> str:
    return LIST_SEPARATOR.join(str(item[key]) for item in _get(record, path) or [])


def _figure_cell(kind: str, basis: str) -> Callable[[dict[str, Any]], str]:
    def cell(record: dict[str, Any]) -> str:
        values = [
            f["value"] for f in record["figures"] if f["kind"]["id"] == kind and f["basis"] == basis
        ]
        return str(sum(values)) if values else ""

    return cell


def csv_table(site: Site, language: str, site_url: str | None) -> list[list[str]]:
    """The header row, then one row per case study sorted by id."""
    columns = csv_columns(site, language)
    records = catalogue_document(site, site_url)["practices"]
    return [[name for name, _ in columns]] + [
        [value(record) for _, value in columns] for record in records
    ]


def csv_bytes(site: Site, language: str, site_url: str | None) -> bytes:
    """UTF-8 with a byte order mark, so spreadsheet programs read the diacritics right."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_table(site, language, site_url))
    return buffer.getvalue().encode("utf-8-sig")


def _codes(site: Site) -> list[str]:
    return list(site.project.language_codes)


# --- Links from the catalogue -----------------------------------------------------------------


@dataclass(frozen=True)
class Download:
    href: str
    text: str
    type: str
    hreflang: str | None = None


def download_links(site: Site, language: str) -> list[Download]:
    """The exports, the language's feed and the dashboard, linked from the catalogue page."""
    default = site.project.default_language
    root = "../" if language == default else "../../"  # the catalogue is practices/index.md
    language_root = root if language == default else f"{root}{language}/"
    labels = site.labels
    links = [
        Download(
            f"{root}{DATA_DIR}/{JSON_NAME}",
            labels.get("opendata.download.json", language),
            "application/json",
        ),
        Download(
            f"{root}{DATA_DIR}/{SCHEMA_NAME}",
            labels.get("opendata.download.schema", language),
            "application/schema+json",
        ),
    ]
    links += [
        Download(
            f"{root}{DATA_DIR}/{csv_name(code)}",
            labels.get("opendata.download.csv", language).format(
                language=site.project.language(code).name
            ),
            "text/csv",
            code,
        )
        for code in _codes(site)
    ]
    links.append(
        Download(
            f"{language_root}feed.xml",
            labels.get("opendata.download.feed", language),
            "application/atom+xml",
        )
    )
    links.append(
        Download(
            f"{language_root}indicators/",
            labels.get("opendata.download.dashboard", language),
            "text/html",
        )
    )
    return links


def dataset_jsonld(site: Site, language: str) -> dict[str, Any]:
    """schema.org ``Dataset`` of the exports, for dataset search engines; relative addresses
    resolve against the catalogue page that carries it."""
    licences = sorted({p.licence for p in site.practices.values()})
    urls = [site.vocabularies["licences"][lic].extra.get("url", lic) for lic in licences]
    dates = [p.updated or p.added for p in site.practices.values()]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": site.labels.get("opendata.dataset_title", language),
        "description": site.labels.get("opendata.dataset_description", language),
        "inLanguage": _codes(site),
        "isAccessibleForFree": True,
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": link.type, "contentUrl": link.href}
            for link in download_links(site, language)
            if link.type in ("application/json", "text/csv")
        ],
    }
    if urls:
        data["license"] = urls[0] if len(urls) == 1 else urls
    if dates:
        data["dateModified"] = max(dates)
    return data
