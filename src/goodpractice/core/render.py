"""Render generated pages (case studies, the catalogue) as Markdown per language.

The HTML parts come from Jinja templates in ``overrides/goodpractice/``; this module only
prepares what they show, already translated and formatted for the page's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from babel.core import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import formatting, openweb
from .catalogue import url_between
from .content import RawContent
from .links import is_external, relative_link, site_target, split_fragment
from .markdowndoc import rewrite_links
from .model import Practice
from .searchpage import SEARCH_DATA_KEY, search_data
from .site import Site
from .taxonomy import TAXONOMIES, organisation_uri, term_uri

# Front-matter flag of generated pages made only of our templates and escaped data. Every
# other page (case studies, hand-written pages, any future prose) goes through the sanitiser.
LISTING_KEY = "gp_listing"


@dataclass(frozen=True)
class Item:
    text: str
    href: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class FigureRow:
    label: str
    value: str
    basis: str


@cache
def _environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render_template(site: Site, name: str, **context: object) -> str:
    template = _environment(site.project.overrides_dir / "goodpractice").get_template(name)
    html = template.render(**context)
    # A blank line would end Python-Markdown's raw HTML block early.
    return "\n".join(line for line in html.splitlines() if line.strip())


def page_uri(practice_id: str) -> str:
    return f"practices/{practice_id}/index.md"


def practice_page(site: Site, practice: Practice, language: str) -> str:
    """The Markdown of a case-study page: front matter, summary, fact box, then the prose."""
    text = practice.text(language, site.project.default_language)
    labels = site.labels.for_language(language)
    uri = page_uri(practice.id)
    front = {
        "title": text.title,
        "description": text.summary,
        "gp_practice": practice.id,
        "gp_text_language": text.language,
        openweb.JSONLD_KEY: openweb.practice_jsonld(site, practice, language),
        SEARCH_DATA_KEY: search_data(site, practice, language),
    }
    factbox = render_template(
        site,
        "factbox.html",
        labels=labels,
        language=language,  # the facts are in the page's language even when the prose is not
        rows=fact_rows(site, practice, language),
        figures=figure_rows(site, practice, language),
    )
    summary = render_template(site, "summary.html", summary=text.summary)
    body = rewrite_links(text.body, lambda target: _site_link(text.path, uri, target))
    page = f"{summary}\n\n{factbox}\n\n{body}"
    if practice.contacts:
        page += "\n\n" + render_contacts(site, practice, language)
    return with_front_matter(front, page)


def _site_link(source_path: str, from_uri: str, target: str) -> str:
    if not target or target.startswith("#") or is_external(target):
        return target
    resolved = site_target(source_path, target)
    return relative_link(from_uri, resolved, split_fragment(target)) if resolved else target


def with_front_matter(front: Mapping[str, object], body: str) -> str:
    """A generated page: YAML front matter (page metadata for templates), then the body."""
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n\n{body}\n"


def fact_rows(site: Site, practice: Practice, language: str) -> list[Row]:
    vocab = site.vocabularies
    labels = site.labels.for_language(language)
    locale = site.project.language(language).locale

    def terms(name: str, ids: tuple[str, ...]) -> list[Item]:
        # Themes, target groups and regions link to the page listing their case studies.
        return [
            Item(
                vocab[name].label(term, language),
                href=url_between(page, term_uri(name, term)) if name in TAXONOMIES else None,
            )
            for term in ids
        ]

    page = page_uri(practice.id)

    rows = [
        Row("status", labels["factbox.status"], terms("statuses", (practice.status,))),
        Row(
            "period",
            labels["factbox.period"],
            _optional(formatting.period(practice.period_start, practice.period_end, locale)),
        ),
        Row("countries", labels["factbox.countries"], terms("countries", practice.countries)),
        Row("regions", labels["factbox.regions"], terms("regions", practice.regions)),
        Row("counties", labels["factbox.counties"], terms("counties", practice.counties)),
        Row(
            "localities",
            labels["factbox.localities"],
            [Item(locality.name) for locality in practice.localities],
        ),
        Row(
            "organisations",
            labels["factbox.organisations"],
            [
                Item(
                    org.name,
                    href=url_between(page, organisation_uri(org.name)),
                    note=", ".join(
                        [vocab["organisation-roles"].label(role, language) for role in org.roles]
                        + [vocab["organisation-types"].label(org.type, language)]
                    ),
                )
                for org in practice.organisations
            ],
        ),
        Row("funding", labels["factbox.funding"], _funding(site, practice, language)),
        Row("themes", labels["factbox.themes"], terms("themes", practice.themes)),
        Row(
            "target_groups",
            labels["factbox.target_groups"],
            terms("target-groups", practice.target_groups),
        ),
        Row(
            "sources",
            labels["factbox.sources"],
            [
                Item(source.title, href=source.url, note=source.publisher)
                for source in practice.sources
            ],
        ),
        Row(
            "licence",
            labels["factbox.licence"],
            [
                Item(
                    vocab["licences"].label(practice.licence, language),
                    href=vocab["licences"][practice.licence].extra.get("url"),
                )
            ],
        ),
        Row(
            "added",
            labels["factbox.added"],
            [Item(formatting.partial_date(practice.added, locale))],
        ),
    ]
    return [row for row in rows if row.items]


def _optional(text: str | None) -> list[Item]:
    return [Item(text)] if text else []


def _funding(site: Site, practice: Practice, language: str) -> list[Item]:
    if not practice.funding_programme:
        return []
    programmes = site.vocabularies["funding-programmes"]
    programme = programmes[practice.funding_programme]
    note = None
    if practice.priority_axis:
        axis = programme.extra.get("axes", {}).get(practice.priority_axis, {})
        axis_label = site.labels.get("factbox.priority_axis", language)
        note = f"{axis_label} {practice.priority_axis}: {axis.get(language, '')}".rstrip(": ")
    return [Item(programme.label(language), note=note)]


def figure_rows(site: Site, practice: Practice, language: str) -> list[FigureRow]:
    kinds = site.vocabularies["figure-kinds"]
    locale = site.project.language(language).locale
    return [
        FigureRow(
            kinds.label(figure.kind, language),
            formatting.number(figure.value, locale),
            site.labels.get(f"basis.{figure.basis}", language),
        )
        for figure in practice.figures
    ]


def plural_label(site: Site, key: str, count: int, language: str) -> str:
    """'{count} studii de caz' with the CLDR plural category of the language."""
    category = Locale.parse(site.project.language(language).locale).plural_form(count)
    strings = site.labels.strings
    chosen = f"{key}.{category}" if f"{key}.{category}" in strings else f"{key}.other"
    locale = site.project.language(language).locale
    return strings[chosen][language].format(count=formatting.number(count, locale))


def practice_page_uris(raw: RawContent) -> list[str]:
    return [page_uri(source.folder_name) for source in raw.practices]


def practice_pages(site: Site) -> dict[str, dict[str, str]]:
    """One page per case study in every language; a missing text shows the original one."""
    return {
        page_uri(practice.id): {
            language: practice_page(site, practice, language)
            for language in site.project.language_codes
        }
        for practice in site.practices.values()
    }


def practice_assets(site: Site) -> dict[str, Path]:
    """Files kept beside case studies (images), by their docs-tree uri."""
    assets: dict[str, Path] = {}
    for source in site.raw.practices:
        for asset in source.assets:
            resolved = site_target(asset, Path(asset).name)
            if resolved:
                assets[resolved] = site.project.root / asset
    return assets


def render_contacts(site: Site, practice: Practice, language: str) -> str:
    """The contact block of a case study (only contacts with consent reach the model)."""
    from .contacts import shown_contact

    return render_template(
        site,
        "contacts.html",
        labels=site.labels.for_language(language),
        contacts=[shown_contact(contact) for contact in practice.contacts],
    )
