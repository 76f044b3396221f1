"""The catalogue as a CSV table per language, made from the JSON records.

UTF-8 with a byte order mark (spreadsheet programs then read the diacritics right), a header
row in the language, one row per case study sorted by id, lists joined with "; ", and one
column per figure kind and basis.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from goodpractice.core.model.site import Site
from goodpractice.core.opendata.records import catalogue_document

LIST_SEPARATOR = "; "
# A spreadsheet reads a cell starting with one of these as a formula (CSV injection): OWASP's
# advice is to start such a cell with an apostrophe, which spreadsheets show as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_name(language: str) -> str:
    return f"practices.{language}.csv"


def csv_columns(site: Site, language: str) -> list[tuple[str, Callable[[dict[str, Any]], str]]]:
    """(header, value of a JSON record) for every column, in order."""
    default = site.project.default_language

    def text(key: str) -> Callable[[dict[str, Any]], str]:
        # A case may exist in one language only (declared with `languages`), not always the
        # default one: fall back to the default, then to whichever language it has.
        def value(r: dict[str, Any]) -> str:
            texts = r[key]
            return str(texts.get(language) or texts.get(default) or next(iter(texts.values()), ""))

        return value

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


def neutralised(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def csv_bytes(site: Site, language: str, site_url: str | None) -> bytes:
    """UTF-8 with a byte order mark, so spreadsheet programs read the diacritics right."""
    buffer = io.StringIO(newline="")
    rows = [[neutralised(cell) for cell in row] for row in csv_table(site, language, site_url)]
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")
