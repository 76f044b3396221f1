"""Every export of the catalogue by its path in the site, and the links to them.

The files are written by the post-build step (``goodpractice.publish``); the catalogue page
links them and describes them as a schema.org ``Dataset``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from goodpractice.core.base.languages import language_prefix
from goodpractice.core.base.uris import CATALOGUE_URI, relative_url, site_path
from goodpractice.core.model.site import Site
from goodpractice.core.opendata.records import (
    DATA_DIR,
    JSON_NAME,
    SCHEMA_NAME,
    catalogue_document,
    language_codes,
    record_schema,
)
from goodpractice.core.opendata.tables import csv_bytes, csv_name


def export_files(site: Site, site_url: str | None) -> dict[str, bytes]:
    """Every export by its path under the site root; identical input gives identical bytes."""
    document = catalogue_document(site, site_url)  # once: the JSON and every CSV show it
    files = {
        f"{DATA_DIR}/{JSON_NAME}": _records_json_bytes(document),
        f"{DATA_DIR}/{SCHEMA_NAME}": _json_bytes(record_schema(site)),
    }
    for language in site.project.language_codes:
        files[f"{DATA_DIR}/{csv_name(language)}"] = csv_bytes(site, language, document)
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


@dataclass(frozen=True)
class Download:
    href: str
    text: str
    type: str
    hreflang: str | None = None


def download_links(site: Site, language: str) -> list[Download]:
    """The exports, the language's feed and the dashboard, linked from the catalogue page."""
    default = site.project.default_language
    # Relative to the catalogue page, which carries the links.
    root = relative_url(site_path(CATALOGUE_URI, language, default), "")
    language_root = root + language_prefix(language, default)
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
        for code in language_codes(site)
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
        "inLanguage": language_codes(site),
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
