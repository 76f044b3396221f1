"""What readers see of translations: notices on pages, fallback pages, the status dashboard.

A page missing in a language is built there from its original, with a notice in the reader's
language that links the original; an outdated translation says when its original changed.
The adapter puts a notice above the page's text and marks the text with its own language.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from babel.core import Locale

from goodpractice.core.base import formatting, pagemeta
from goodpractice.core.base.uris import TRANSLATIONS_URI, relative_url, site_path
from goodpractice.core.model.site import Site, per_site
from goodpractice.core.model.translations import (
    LANGUAGES_KEY,
    RECORD_KEY,
    Report,
    State,
    Translation,
    translation_report,
)
from goodpractice.core.pages.paging import ENTRIES_PER_PAGE, listing_pages, page_title
from goodpractice.core.pages.templates import Page, Pages, html_page, markdown_page, render_template
from goodpractice.core.readers.content import RawContent
from goodpractice.core.readers.history import changed_days


@dataclass(frozen=True)
class ReaderNotice:
    """What a page in one language says about its translation."""

    text_language: str  # the language of the text the page shows
    fallback: bool  # the original shown because the translation is missing
    original_page: str  # site path of the original, e.g. "about/" or "en/practices/x/"
    html: str


@cache
def language_name(code: str, in_locale: str) -> str:
    """'engleză' for en in Romanian, 'Romanian' for ro in English (Babel's CLDR data)."""
    name = Locale.parse(in_locale).languages.get(code, code)
    return str(name)


# --- notices ------------------------------------------------------------------------------


def reader_notices(site: Site) -> dict[tuple[str, str], ReaderNotice]:
    """Notices by (language-neutral page uri, language of the page)."""
    notices: dict[tuple[str, str], ReaderNotice] = {}
    pending = [t for t in _report(site).translations if t.state is not State.COMPLETE]
    days = _original_days(site, pending)
    for translation in pending:
        key = (translation.document.site_uri, translation.language)
        notices[key] = _notice(site, translation, days)
    return notices


def _original_days(site: Site, translations: list[Translation]) -> dict[str, str]:
    """When the originals of outdated translations changed, asked of git once."""
    return changed_days(
        site.project.root,
        [t.original_path for t in translations if t.state in (State.OUTDATED, State.UNRECORDED)],
    )


def _notice(site: Site, t: Translation, days: dict[str, str]) -> ReaderNotice:
    project = site.project
    default = project.default_language
    locale = project.language(t.language).locale
    labels = site.labels.for_language(t.language)
    here = site_path(t.document.site_uri, t.language, default)
    original_page = site_path(t.document.site_uri, t.original, default)
    names = {
        "language": language_name(t.language, locale),
        "original": language_name(t.original, locale),
    }
    fallback = t.state is State.MISSING
    if fallback:
        message = labels["translations.notice.missing"].format(**names)
    else:
        changed = formatting.partial_date(days[t.original_path], locale)
        if t.state is State.OUTDATED and t.reviewed:
            reviewed = formatting.partial_date(t.reviewed, locale)
            message = labels["translations.notice.outdated"].format(
                date=changed, reviewed=reviewed, **names
            )
        else:
            message = labels["translations.notice.unchecked"].format(date=changed, **names)
    html = render_template(
        site,
        "translation-notice.html",
        labels=labels,
        kind="missing" if fallback else "outdated",
        message=message,
        href=relative_url(here, original_page),
        link_text=labels["translations.notice.original"].format(**names),
        original_language=t.original,
    )
    return ReaderNotice(t.original if fallback else t.language, fallback, original_page, html)


def fallback_languages(notices: dict[tuple[str, str], ReaderNotice]) -> dict[str, set[str]]:
    """Languages in which each page shows its original in place of a translation."""
    found: dict[str, set[str]] = {}
    for (uri, language), notice in notices.items():
        if notice.fallback:
            found.setdefault(uri, set()).add(language)
    return found


@dataclass(frozen=True)
class SiteLanguages:
    """What the head and the sitemap need: fallback pages and each page's original."""

    originals: dict[str, str]  # language-neutral uri -> language of the original text
    fallback_paths: frozenset[str]  # site paths that show an original in place of a translation
    x_default: dict[str, str]  # site path of any language version -> site path of the original


def site_languages(site: Site) -> SiteLanguages:
    report = _report(site)
    default = site.project.default_language
    fallbacks = frozenset(
        site_path(t.document.site_uri, t.language, default)
        for t in report.translations
        if t.state is State.MISSING
    )
    x_default = {
        site_path(uri, language, default): site_path(uri, original, default)
        for uri, original in report.originals.items()
        for language in site.project.language_codes
    }
    return SiteLanguages(dict(report.originals), fallbacks, x_default)


# --- fallback pages -------------------------------------------------------------------------


def fallback_page_uris(raw: RawContent) -> list[str]:
    return sorted(
        {
            t.document.site_uri
            for t in translation_report(raw).of_kind("pages")
            if t.state is State.MISSING
        }
    )


def fallback_pages(site: Site) -> Pages:
    """Hand-written pages missing in a language, built there from their original.

    The i18n plugin falls back to the default language only; building the page ourselves
    also covers an original written in another language, so no language switch leads to 404.
    """
    pages: Pages = {}
    for t in _report(site).of_kind("pages"):
        source = t.document.texts.get(t.original)
        if t.state is not State.MISSING or source is None:
            continue
        # Only the keys a hand-written page may set, as for the original itself.
        meta = {
            k: v
            for k, v in source.meta.items()
            if k in pagemeta.HAND_WRITTEN_KEYS and k not in (RECORD_KEY, LANGUAGES_KEY)
        }
        meta[pagemeta.TEXT_LANGUAGE] = t.original
        pages.setdefault(t.document.site_uri, {})[t.language] = markdown_page(meta, source.body)
    return pages


# --- dashboard ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KindSummary:
    name: str
    label: str
    counts: dict[str, int]
    total: int
    rows: list[DashboardRow] = field(default_factory=list)


@dataclass(frozen=True)
class DashboardRow:
    title: str
    href: str
    title_language: str
    language: str
    state: str
    state_label: str
    original_changed: str | None
    reviewed: str | None


def dashboard_pages(site: Site) -> Pages:
    report = _report(site)
    pages: Pages = {}
    for language in site.project.language_codes:
        for uri, page in _dashboard(site, report, language).items():
            pages.setdefault(uri, {})[language] = page
    return pages


def _dashboard(site: Site, report: Report, language: str) -> dict[str, Page]:
    """The status page, its list of translations to do in pages of a fixed size."""
    labels = site.labels.for_language(language)
    default = site.project.default_language
    days = _original_days(site, report.translations)
    summaries = []
    todo: list[tuple[str, Translation]] = []
    for kind in report.kinds:
        items = report.of_kind(kind)
        counts = {str(state): 0 for state in State}
        for item in items:
            counts[str(item.state)] += 1
        todo += [(kind, t) for t in items if t.state is not State.COMPLETE]
        summaries.append(KindSummary(kind, labels[f"translations.kind.{kind}"], counts, len(items)))
    made = {}
    for page in listing_pages(site, TRANSLATIONS_URI, todo, ENTRIES_PER_PAGE, language):
        here = site_path(page.uri, language, default)
        kinds = []
        for summary in summaries:
            rows = [_row(site, t, here, language, days) for k, t in page.items if k == summary.name]
            # A kind with nothing to do says so on the first page; the others list its rows.
            if rows or (page.number == 1 and not any(k == summary.name for k, _ in todo)):
                kinds.append(replace(summary, rows=rows))
        front = {
            "title": page_title(site, labels["translations.title"], page.number, language),
            "description": labels["translations.description"],
            pagemeta.TEXT_LANGUAGE: language,
            pagemeta.LISTING: True,
        }
        html = render_template(
            site,
            "translations.html",
            labels=labels,
            summaries=summaries,
            kinds=kinds,
            pager=page.pager,
        )
        made[page.uri] = html_page(front, html)
    return made


def _row(
    site: Site, t: Translation, here: str, language: str, days: dict[str, str]
) -> DashboardRow:
    labels = site.labels.for_language(language)
    locale = site.project.language(language).locale
    default = site.project.default_language
    original = t.document.texts.get(t.original)
    title = original.meta.get("title") if original else None
    changed = (
        formatting.partial_date(days[t.original_path], locale) if t.original_path in days else None
    )
    state_label = labels[f"translations.is.{t.state}"]
    if t.state is State.MISSING and not t.required:
        state_label += f" ({labels['translations.optional']})"
    return DashboardRow(
        title=str(title) if title else t.document.name,
        href=relative_url(here, site_path(t.document.site_uri, t.language, default)),
        title_language=t.original,
        language=language_name(t.language, locale),
        state=str(t.state),
        state_label=state_label,
        original_changed=changed,
        reviewed=formatting.partial_date(t.reviewed, locale) if t.reviewed else None,
    )


def dashboard_uris(raw: RawContent) -> list[str]:
    return [TRANSLATIONS_URI]


@per_site  # the notices, the languages and the dashboard of one site read the same report
def _report(site: Site) -> Report:
    return translation_report(site.raw)
