"""The page of each case study: summary, fact box, the prose, contacts; and its files."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from goodpractice.core.base import formatting, pagemeta
from goodpractice.core.base.links import Link, site_target, web_address
from goodpractice.core.base.text import slug
from goodpractice.core.base.uris import (
    TAXONOMIES,
    organisation_uri,
    pdf_name,
    practice_uri,
    public_url,
    term_uri,
    url_between,
)
from goodpractice.core.checks.files import unpublishable
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.opendata.jsonld import practice_jsonld
from goodpractice.core.pages.contacts import shown_contact
from goodpractice.core.pages.evidence import evidence_view
from goodpractice.core.pages.facets import filtered_catalogue
from goodpractice.core.pages.qrcodes import qr_file, qr_src, qr_uri
from goodpractice.core.pages.search import search_data
from goodpractice.core.pages.templates import Page, Pages, render_template
from goodpractice.core.readers.content import RawContent
from goodpractice.core.readers.markdowndoc import published_markdown
from goodpractice.core.readers.rendering import published_render


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    items: list[Link] = field(default_factory=list)
    known: bool = True  # False: the row says the sources do not give this fact


@dataclass(frozen=True)
class FigureRow:
    label: str
    value: str
    basis: str  # in the page's language
    basis_key: str = ""  # "target" or "achieved"
    source: str | None = None  # "sursa 2", when the case study has more than one source
    source_number: int | None = None


# The facts a reader needs first (issue 14): what state, when, where and who. The others fold
# away in the fact box; countries only when no region says more.
CORE_FACTS = ("status", "period", "countries", "regions", "counties", "localities", "organisations")
# What the practice cost (issue 13) is a core fact when the sources give it.
COST_FACTS = ("budget", "eu_contribution")


def practice_page(site: Site, practice: Practice, language: str) -> Page:
    """A case-study page: summary and fact box (our HTML), then the prose (Markdown)."""
    text = practice.text(language, site.project.default_language)
    uri = practice_uri(practice.id)
    front = {
        "title": text.title,
        "description": text.summary,
        pagemeta.PRACTICE: practice.id,
        pagemeta.TEXT_LANGUAGE: text.language,
        pagemeta.JSONLD: practice_jsonld(site, practice, language),
        pagemeta.SEARCH_DATA: search_data(site, practice, language),
    }
    factbox = render_factbox(site, practice, language)
    summary = render_template(site, "summary.html", summary=text.summary)
    handout = render_handout_links(site, practice, language)
    body = published_markdown(text.path, uri, text.body)
    # Contacts travel outside the sanitised text (practice_contacts, pagemeta.CONTACTS). The
    # prose is published as check rendered it (readers/rendering.published_render).
    return Page(
        front,
        before=f"{summary}\n\n{handout}\n\n{factbox}",
        markdown=body,
        rendered=published_render(site.project, body),
    )


def render_factbox(site: Site, practice: Practice, language: str) -> str:
    """The fact box: key figures and the core facts first, the other facts folded away."""
    rows = fact_rows(site, practice, language)
    core = [
        row
        for row in rows
        if (row.key in CORE_FACTS and not (row.key == "countries" and practice.regions))
        or (row.key in COST_FACTS and practice.resources is not None)
    ]
    return render_template(
        site,
        "factbox.html",
        labels=site.labels.for_language(language),
        language=language,  # the facts are in the page's language even when the prose is not
        core=core,
        more=[row for row in rows if row not in core],
        figures=figure_rows(site, practice, language),
        evidence=evidence_view(site, practice, language),
    )


def cost_rows(site: Site, practice: Practice, language: str) -> list[Row]:
    """The total budget and the EU contribution (with its share), or 'not given'."""
    labels = site.labels.for_language(language)
    resources = practice.resources
    locale = site.project.language(language).locale
    not_given = [Link(labels["factbox.not_given"])]
    if resources is None:
        return [Row("budget", labels["factbox.budget"], not_given, known=False)]
    code = str(site.vocabularies["currencies"][resources.currency].extra.get("code", ""))

    def amount(value: int | None, note: str | None = None) -> list[Link]:
        return [Link(formatting.money(value, code, locale), note=note)] if value is not None else []

    share = None
    if resources.budget and resources.eu_contribution is not None:
        share = labels["factbox.eu_share"].format(
            share=formatting.percent(resources.eu_contribution / resources.budget, locale)
        )
    return [
        Row(
            "budget",
            labels["factbox.budget"],
            amount(resources.budget) or not_given,
            known=resources.budget is not None,
        ),
        Row(
            "eu_contribution",
            labels["factbox.eu_contribution"],
            amount(resources.eu_contribution, share),
        ),
    ]


def fact_rows(
    site: Site, practice: Practice, language: str, from_uri: str | None = None
) -> list[Row]:
    """The facts of a case study, linked as seen from ``from_uri`` (default: its own page)."""
    vocab = site.vocabularies
    labels = site.labels.for_language(language)
    locale = site.project.language(language).locale

    def terms(name: str, ids: tuple[str, ...]) -> list[Link]:
        # Themes, target groups and regions link to the page listing their case studies.
        return [
            Link(
                vocab[name].label(term, language),
                href=url_between(page, term_uri(name, term)) if name in TAXONOMIES else None,
            )
            for term in ids
        ]

    page = from_uri or practice_uri(practice.id)

    rows = [
        Row("status", labels["factbox.status"], terms("statuses", (practice.status,))),
        Row(
            "period",
            labels["factbox.period"],
            _optional(formatting.period(practice.period_start, practice.period_end, locale)),
        ),
        Row("countries", labels["factbox.countries"], terms("countries", practice.countries)),
        Row("regions", labels["factbox.regions"], terms("regions", practice.regions)),
        # Counties and towns lead to the catalogue showing the case studies of that place.
        Row(
            "counties",
            labels["factbox.counties"],
            [
                Link(
                    vocab["counties"].label(county, language),
                    href=filtered_catalogue(page, "place", f"county:{county}"),
                )
                for county in practice.counties
            ],
        ),
        Row(
            "localities",
            labels["factbox.localities"],
            [
                Link(
                    locality.name,
                    href=filtered_catalogue(page, "place", f"locality:{slug(locality.name)}"),
                )
                for locality in practice.localities
            ],
        ),
        Row(
            "organisations",
            labels["factbox.organisations"],
            [
                Link(
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
        *cost_rows(site, practice, language),
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
                Link(
                    source.title,
                    href=web_address(source.url),
                    note=", ".join(
                        part
                        for part in (
                            source.publisher,
                            formatting.partial_date(source.date, locale) if source.date else None,
                        )
                        if part
                    )
                    or None,
                )
                for source in practice.sources
            ],
        ),
        Row(
            "licence",
            labels["factbox.licence"],
            [
                Link(
                    vocab["licences"].label(practice.licence, language),
                    href=web_address(vocab["licences"][practice.licence].extra.get("url")),
                )
            ],
        ),
        Row(
            "added",
            labels["factbox.added"],
            [Link(formatting.partial_date(practice.added, locale))],
        ),
    ]
    return [row for row in rows if row.items]


def _optional(text: str | None) -> list[Link]:
    return [Link(text)] if text else []


def _funding(site: Site, practice: Practice, language: str) -> list[Link]:
    if not practice.funding_programme:
        return []
    programmes = site.vocabularies["funding-programmes"]
    programme = programmes[practice.funding_programme]
    note = None
    if practice.priority_axis:
        axis = programme.extra.get("axes", {}).get(practice.priority_axis, {})
        axis_label = site.labels.get("factbox.priority_axis", language)
        note = f"{axis_label} {practice.priority_axis}: {axis.get(language, '')}".rstrip(": ")
    return [Link(programme.label(language), note=note)]


def figure_rows(site: Site, practice: Practice, language: str) -> list[FigureRow]:
    kinds = site.vocabularies["figure-kinds"]
    locale = site.project.language(language).locale
    several = len(practice.sources) > 1  # with one source, every figure comes from it
    return [
        FigureRow(
            kinds.label(figure.kind, language),
            formatting.number(figure.value, locale),
            site.labels.get(f"basis.{figure.basis}", language),
            figure.basis,
            site.labels.get("factbox.figure_source", language).format(number=figure.source)
            if several and figure.source
            else None,
            figure.source if several else None,
        )
        for figure in practice.figures
    ]


def practice_page_uris(raw: RawContent) -> list[str]:
    return [practice_uri(source.folder_name) for source in raw.practices]


def practice_pages(site: Site, ids: Collection[str] | None = None) -> Pages:
    """One page per case study (or per one in ``ids``) in every language; a missing text shows
    the original one."""
    return {
        practice_uri(practice.id): {
            language: practice_page(site, practice, language)
            for language in site.project.language_codes
        }
        for practice in chosen(site, ids)
    }


def chosen(site: Site, ids: Collection[str] | None) -> list[Practice]:
    """The case studies in ``ids`` (all of them if None), in the site's order."""
    practices = site.practices.values()
    return list(practices) if ids is None else [p for p in practices if p.id in ids]


def practice_assets(site: Site) -> dict[str, Path]:
    """Files kept beside case studies (images), by their docs-tree uri."""
    assets: dict[str, Path] = {}
    for source in site.raw.practices:
        for asset in source.assets:
            resolved = site_target(asset, Path(asset).name)
            path = site.project.root / asset
            # check refuses anything else; this keeps it out even if check was bypassed.
            if resolved and unpublishable(path) is None:
                assets[resolved] = path
    return assets


def practice_contacts(site: Site, ids: Collection[str] | None = None) -> dict[str, dict[str, str]]:
    """The contact block of each case study that has contacts: uri -> language -> HTML.

    Kept out of the page's Markdown (and so out of the sanitiser): the adapter draws it after
    the sanitised text (pagemeta.CONTACTS), and no contributed HTML can imitate it.
    """
    return {
        practice_uri(practice.id): {
            language: render_contacts(site, practice, language)
            for language in site.project.language_codes
        }
        for practice in chosen(site, ids)
        if practice.contacts
    }


def render_contacts(site: Site, practice: Practice, language: str) -> str:
    """The contact block of a case study (only contacts with consent reach the model)."""
    return render_template(
        site,
        "contacts.html",
        labels=site.labels.for_language(language),
        contacts=[
            shown_contact(contact, language, site.project.default_language)
            for contact in practice.contacts
        ],
    )


# --- The printed handout (issue 12) -----------------------------------------------------------


def practice_url(site: Site, practice: Practice, language: str) -> str:
    """The public address of a case study's page: printed with its QR code."""
    project = site.project
    return public_url(
        project.site_url, practice_uri(practice.id), language, project.default_language
    )


def render_handout_links(site: Site, practice: Practice, language: str) -> str:
    """The link to the PDF handout (on screen) and the QR code to the page (on paper only)."""
    url = practice_url(site, practice, language)
    return render_template(
        site,
        "practice-handout.html",
        labels=site.labels.for_language(language),
        pdf_href=pdf_name(practice.id, language),
        qr={"url": url, "src": qr_src(url, practice_uri(practice.id))},
    )


def practice_qr_files(
    site: Site, ids: Collection[str] | None = None
) -> dict[str, dict[str, bytes]]:
    """The QR code file of every case study's page (or of those in ``ids``), by site-root uri
    and language."""
    files: dict[str, dict[str, bytes]] = {}
    for practice in chosen(site, ids):
        for language in site.project.language_codes:
            url = practice_url(site, practice, language)
            files.setdefault(qr_uri(url), {})[language] = qr_file(url)
    return files
