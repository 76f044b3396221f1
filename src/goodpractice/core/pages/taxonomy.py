"""Generated pages that group case studies: one per theme, target group, region and organisation.

Organisations have no vocabulary: they are gathered from every practice.yml and matched by
their slug, so 'Asociația „Alfa”' and 'Asociatia Alfa' are one organisation with one page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from goodpractice.core.base import pagemeta
from goodpractice.core.base.text import fold, slug
from goodpractice.core.base.uris import (
    CATALOGUE_URI,
    ORGANISATIONS,
    TAXONOMIES,
    index_uri,
    organisation_uri,
    term_uri,
    url_between,
)
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.pages.catalogue import Card, card, cards
from goodpractice.core.pages.templates import (
    Page,
    Pages,
    html_page,
    plural_label,
    render_template,
)
from goodpractice.core.readers.content import RawContent


def taxonomy_uris(raw: RawContent) -> Iterator[str]:
    """Every taxonomy page, known before content is valid (for link checks)."""
    for vocabulary in TAXONOMIES:
        terms = raw.vocabularies.get(vocabulary)
        if terms is None:
            continue
        yield index_uri(vocabulary)
        yield from (term_uri(vocabulary, term) for term in terms.terms)


def organisation_uris(raw: RawContent) -> Iterator[str]:
    yield index_uri(ORGANISATIONS)
    seen: set[str] = set()
    for source in raw.practices:
        data = source.facts.data if source.facts else None
        organisations = data.get("organisations") if isinstance(data, dict) else None
        for org in organisations if isinstance(organisations, list) else []:
            name = org.get("name") if isinstance(org, dict) else None
            if isinstance(name, str) and name.strip() and organisation_uri(name) not in seen:
                seen.add(organisation_uri(name))
                yield organisation_uri(name)


@dataclass(frozen=True)
class Entry:
    """A line of an index page: a term or an organisation and how many case studies it has."""

    label: str
    href: str
    count: str


@dataclass(frozen=True)
class Role:
    card: Card
    roles: str


def _render(site: Site, template: str, front: dict[str, object], **context: object) -> Page:
    # Made only of our templates and escaped data: the sanitiser may leave it as it is.
    return html_page(
        {**front, pagemeta.LISTING: True}, render_template(site, template, **context)
    )


def _count(site: Site, n: int, language: str) -> str:
    return plural_label(site, "catalogue.count", n, language)


def taxonomy_pages(site: Site) -> Pages:
    pages: Pages = {}
    for vocabulary, field_name in TAXONOMIES.items():
        terms = site.vocabularies[vocabulary].terms
        members: dict[str, list[Practice]] = {term: [] for term in terms}
        for practice in site.practices.values():
            for term in getattr(practice, field_name):
                members.setdefault(term, []).append(practice)
        for term, practices in members.items():
            uri = term_uri(vocabulary, term)
            pages[uri] = {
                lang: _term_page(site, vocabulary, term, practices, lang, uri)
                for lang in site.project.language_codes
            }
        pages[index_uri(vocabulary)] = {
            lang: _index_page(
                site,
                f"taxonomy.{vocabulary}",
                [(terms[t].label(lang), term_uri(vocabulary, t), len(members[t])) for t in terms],
                lang,
                index_uri(vocabulary),
            )
            for lang in site.project.language_codes
        }
    return pages


def _term_page(
    site: Site, vocabulary: str, term: str, practices: list[Practice], language: str, uri: str
) -> Page:
    labels = site.labels.for_language(language)
    label = site.vocabularies[vocabulary].label(term, language)
    front = {
        "title": label,
        "description": labels[f"taxonomy.{vocabulary}.intro"].format(term=label),
        pagemeta.SEARCHABLE: False,
    }
    return _render(
        site,
        "taxonomy.html",
        front,
        labels=labels,
        intro=front["description"],
        count=_count(site, len(practices), language),
        cards=cards(site, practices, language, uri),
        index_href=url_between(uri, index_uri(vocabulary)),
        index_label=labels[f"taxonomy.{vocabulary}"],
        catalogue_href=url_between(uri, CATALOGUE_URI),
    )


def _index_page(
    site: Site, title_key: str, rows: list[tuple[str, str, int]], language: str, uri: str
) -> Page:
    labels = site.labels.for_language(language)
    entries = [
        Entry(label, url_between(uri, target), _count(site, n, language))
        for label, target, n in sorted(rows, key=lambda row: fold(row[0]))
    ]
    front = {"title": labels[title_key], pagemeta.SEARCHABLE: False}
    return _render(
        site,
        "taxonomy-index.html",
        front,
        labels=labels,
        entries=entries,
        catalogue_href=url_between(uri, CATALOGUE_URI),
    )


def _organisations(site: Site) -> dict[str, list[tuple[Practice, int]]]:
    """Slug -> (case study, index of the organisation in it), in case-study order."""
    grouped: dict[str, list[tuple[Practice, int]]] = defaultdict(list)
    for practice in site.practices.values():
        for index, org in enumerate(practice.organisations):
            grouped[slug(org.name)].append((practice, index))
    return grouped


def _display_name(entries: list[tuple[Practice, int]]) -> str:
    """The spelling most case studies use; the first one met on a tie."""
    names = Counter(practice.organisations[index].name for practice, index in entries)
    return names.most_common(1)[0][0]


def organisation_pages(site: Site) -> Pages:
    pages: Pages = {}
    grouped = _organisations(site)
    for key, entries in grouped.items():
        uri = index_uri(f"{ORGANISATIONS}/{key}")
        pages[uri] = {
            lang: _organisation_page(site, entries, lang, uri)
            for lang in site.project.language_codes
        }
    rows = [
        (_display_name(entries), index_uri(f"{ORGANISATIONS}/{key}"), len(entries))
        for key, entries in grouped.items()
    ]
    pages[index_uri(ORGANISATIONS)] = {
        lang: _index_page(site, "taxonomy.organisations", rows, lang, index_uri(ORGANISATIONS))
        for lang in site.project.language_codes
    }
    return pages


def _organisation_page(
    site: Site, entries: list[tuple[Practice, int]], language: str, uri: str
) -> Page:
    vocab = site.vocabularies
    labels = site.labels.for_language(language)
    name = _display_name(entries)
    roles = [
        Role(
            card(site, practice, language, uri),
            ", ".join(
                [vocab["organisation-roles"].label(r, language) for r in org.roles]
                + [vocab["organisation-types"].label(org.type, language)]
            ),
        )
        for practice, index in entries
        for org in (practice.organisations[index],)
    ]
    roles.sort(key=lambda role: fold(role.card.title))
    front = {
        "title": name,
        "description": labels["taxonomy.organisations.intro"].format(term=name),
        pagemeta.SEARCHABLE: False,
    }
    return _render(
        site,
        "organisation.html",
        front,
        labels=labels,
        intro=front["description"],
        count=_count(site, len(roles), language),
        roles=roles,
        index_href=url_between(uri, index_uri(ORGANISATIONS)),
        index_label=labels["taxonomy.organisations"],
        catalogue_href=url_between(uri, CATALOGUE_URI),
    )
