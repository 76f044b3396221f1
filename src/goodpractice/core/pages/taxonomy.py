"""Generated pages that group case studies: one per theme, target group, region and organisation.

Organisations have no vocabulary: they are gathered from every practice.yml and matched by
their slug, so 'Asociația „Alfa”' and 'Asociatia Alfa' are one organisation with one page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
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
from goodpractice.core.pages.catalogue import CardHtml
from goodpractice.core.pages.catalogue_index import by_title
from goodpractice.core.pages.paging import (
    CARDS_PER_PAGE,
    ENTRIES_PER_PAGE,
    listing_pages,
    page_title,
)
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


def _render(site: Site, template: str, front: dict[str, object], **context: object) -> Page:
    # Made only of our templates and escaped data: the sanitiser may leave it as it is.
    return html_page({**front, pagemeta.LISTING: True}, render_template(site, template, **context))


def _count(site: Site, n: int, language: str) -> str:
    return plural_label(site, "catalogue.count", n, language)


def listing_uris(practice: Practice) -> set[str]:
    """The first page of every term and organisation listing that shows this case study."""
    uris = {
        term_uri(vocabulary, term)
        for vocabulary, field_name in TAXONOMIES.items()
        for term in getattr(practice, field_name)
    }
    return uris | {index_uri(f"{ORGANISATIONS}/{slug(org.name)}") for org in practice.organisations}


def taxonomy_pages(site: Site, only: Collection[str] | None = None) -> Pages:
    """Every term's listing (or those whose first page is in ``only``) and the indexes."""
    pages: Pages = {}
    card_htmls = {lang: CardHtml(site, lang) for lang in site.project.language_codes}
    for vocabulary, field_name in TAXONOMIES.items():
        terms = site.vocabularies[vocabulary].terms
        members: dict[str, list[Practice]] = {term: [] for term in terms}
        for practice in site.practices.values():
            for term in getattr(practice, field_name):
                members.setdefault(term, []).append(practice)
        for term, practices in members.items():
            if only is not None and term_uri(vocabulary, term) not in only:
                continue
            for lang in site.project.language_codes:
                made = _term_pages(site, vocabulary, term, practices, lang, card_htmls[lang])
                _add(pages, lang, made)
        for lang in site.project.language_codes:
            rows = [(terms[t].label(lang), term_uri(vocabulary, t), len(members[t])) for t in terms]
            _add(pages, lang, _index_pages(site, f"taxonomy.{vocabulary}", rows, lang, vocabulary))
    return pages


def _add(pages: Pages, language: str, made: dict[str, Page]) -> None:
    for uri, page in made.items():
        pages.setdefault(uri, {})[language] = page


def _term_pages(
    site: Site,
    vocabulary: str,
    term: str,
    practices: list[Practice],
    language: str,
    card_html: CardHtml,
) -> dict[str, Page]:
    labels = site.labels.for_language(language)
    label = site.vocabularies[vocabulary].label(term, language)
    intro = labels[f"taxonomy.{vocabulary}.intro"].format(term=label)
    listed = by_title(site, practices, language)
    made = {}
    for page in listing_pages(site, term_uri(vocabulary, term), listed, CARDS_PER_PAGE, language):
        front = {
            "title": page_title(site, label, page.number, language),
            "description": intro,
            pagemeta.SEARCHABLE: False,
        }
        made[page.uri] = _render(
            site,
            "taxonomy.html",
            front,
            labels=labels,
            intro=intro,
            count=_count(site, len(listed), language),
            cards=[card_html(practice, page.uri) for practice in page.items],
            pager=page.pager,
            index_href=url_between(page.uri, index_uri(vocabulary)),
            index_label=labels[f"taxonomy.{vocabulary}"],
            catalogue_href=url_between(page.uri, CATALOGUE_URI),
        )
    return made


def _index_pages(
    site: Site, title_key: str, rows: list[tuple[str, str, int]], language: str, folder: str
) -> dict[str, Page]:
    labels = site.labels.for_language(language)
    ordered = sorted(rows, key=lambda row: fold(row[0]))
    made = {}
    for page in listing_pages(site, index_uri(folder), ordered, ENTRIES_PER_PAGE, language):
        entries = [
            Entry(label, url_between(page.uri, target), _count(site, n, language))
            for label, target, n in page.items
        ]
        front = {
            "title": page_title(site, labels[title_key], page.number, language),
            pagemeta.SEARCHABLE: False,
        }
        made[page.uri] = _render(
            site,
            "taxonomy-index.html",
            front,
            labels=labels,
            entries=entries,
            pager=page.pager,
            catalogue_href=url_between(page.uri, CATALOGUE_URI),
        )
    return made


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


def organisation_pages(site: Site, only: Collection[str] | None = None) -> Pages:
    """Every organisation's listing (or those whose first page is in ``only``) and the index."""
    pages: Pages = {}
    grouped = _organisations(site)
    card_htmls = {lang: CardHtml(site, lang) for lang in site.project.language_codes}
    for key, entries in grouped.items():
        if only is not None and index_uri(f"{ORGANISATIONS}/{key}") not in only:
            continue
        for lang in site.project.language_codes:
            _add(pages, lang, _organisation_pages(site, key, entries, lang, card_htmls[lang]))
    rows = [
        (_display_name(entries), index_uri(f"{ORGANISATIONS}/{key}"), len(entries))
        for key, entries in grouped.items()
    ]
    for lang in site.project.language_codes:
        _add(pages, lang, _index_pages(site, "taxonomy.organisations", rows, lang, ORGANISATIONS))
    return pages


def _organisation_pages(
    site: Site,
    key: str,
    entries: list[tuple[Practice, int]],
    language: str,
    card_html: CardHtml,
) -> dict[str, Page]:
    vocab = site.vocabularies
    labels = site.labels.for_language(language)
    name = _display_name(entries)
    default = site.project.default_language
    ordered = sorted(
        entries, key=lambda e: (fold(e[0].text(language, default).title), e[0].id, e[1])
    )
    intro = labels["taxonomy.organisations.intro"].format(term=name)
    made = {}
    uri = index_uri(f"{ORGANISATIONS}/{key}")
    for page in listing_pages(site, uri, ordered, CARDS_PER_PAGE, language):
        cards = [
            card_html(
                practice,
                page.uri,
                ", ".join(
                    [vocab["organisation-roles"].label(r, language) for r in org.roles]
                    + [vocab["organisation-types"].label(org.type, language)]
                ),
            )
            for practice, index in page.items
            for org in (practice.organisations[index],)
        ]
        front = {
            "title": page_title(site, name, page.number, language),
            "description": intro,
            pagemeta.SEARCHABLE: False,
        }
        made[page.uri] = _render(
            site,
            "organisation.html",
            front,
            labels=labels,
            intro=intro,
            count=_count(site, len(ordered), language),
            cards=cards,
            pager=page.pager,
            index_href=url_between(page.uri, index_uri(ORGANISATIONS)),
            index_label=labels["taxonomy.organisations"],
            catalogue_href=url_between(page.uri, CATALOGUE_URI),
        )
    return made
