"""An Atom feed per language of the case studies, newest first.

Dates come from ``practice.yml`` (``added``, ``updated``), never from the build, so a rebuild
of unchanged content gives the same feed and readers see no false news.
"""

from __future__ import annotations

from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from goodpractice.core.base.languages import language_prefix
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.opendata.records import page_url

FEED_NAME = "feed.xml"
# The newest case studies a feed lists; older ones stay in the catalogue and the exports.
FEED_LENGTH = 50


def feed_path(site: Site, language: str) -> str:
    """Where the feed of ``language`` lives under the site root."""
    prefix = language_prefix(language, site.project.default_language)
    return f"{prefix}{FEED_NAME}"


def newest_first(site: Site) -> list[Practice]:
    return sorted(site.practices.values(), key=lambda p: (p.added, p.id), reverse=True)


def _day(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)


# The date of a feed with no entry yet: a fixed date, since Atom requires one, not the build's.
NEVER = datetime(1970, 1, 1, tzinfo=UTC)


def atom_feed(site: Site, language: str, site_url: str) -> bytes:
    """The Atom document of ``language``."""
    practices = newest_first(site)[:FEED_LENGTH]
    root = site_url.rstrip("/") + "/"
    home = root + language_prefix(language, site.project.default_language)
    labels = site.labels
    feed = FeedGenerator()
    feed.id(root + feed_path(site, language))
    feed.title(labels.get("feed.title", language))
    feed.subtitle(labels.get("feed.subtitle", language))
    feed.author({"name": labels.get("feed.author", language)})
    feed.link(href=root + feed_path(site, language), rel="self", type="application/atom+xml")
    feed.link(href=f"{home}practices/", rel="alternate", type="text/html")
    feed.language(language)
    feed.rights(labels.get("opendata.licence_note", language))
    feed.generator("goodpractice")
    feed.updated(max((_day(p.updated or p.added) for p in practices), default=NEVER))
    for practice in practices:
        _add_entry(feed, site, practice, language, site_url)
    xml: bytes = feed.atom_str(pretty=True)
    return xml


def _add_entry(
    feed: FeedGenerator, site: Site, practice: Practice, language: str, site_url: str
) -> None:
    text = practice.text(language, site.project.default_language)
    url = page_url(site, practice.id, language, site_url)
    entry = feed.add_entry(order="append")
    entry.id(url)
    entry.title(text.title)
    entry.link(href=url, rel="alternate", type="text/html", hreflang=text.language)
    entry.summary(text.summary)
    entry.published(_day(practice.added))
    entry.updated(_day(practice.updated or practice.added))
    themes = site.vocabularies["themes"]
    for theme in practice.themes:
        entry.category(term=theme, label=themes.label(theme, language))
