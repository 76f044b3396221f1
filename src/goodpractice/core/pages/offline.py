"""Working offline: what a trainer keeps, and the pages that explain it (issue 12).

One selection serves both offline forms: the copy a browser keeps on the device (a service
worker, build/offline.py) and the zip for a USB stick (build/offline_bundle.py). It is the
teaching material (the curriculum, the guides, their PDFs) and the case studies it draws on,
with the home page, search and this page, in one language per copy: a bounded set however
many case studies the platform holds.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from goodpractice.core.base import pagemeta
from goodpractice.core.base.uris import (
    CURRICULUM_URI,
    GUIDES_URI,
    HOME_URI,
    OFFLINE_SEARCH_URI,
    OFFLINE_URI,
    SEARCH_URI,
    doc_uri,
    part_uri,
    practice_uri,
    print_uri,
    public_url,
    site_path,
    url_between,
)
from goodpractice.core.model.site import Site
from goodpractice.core.pages.printjobs import print_jobs
from goodpractice.core.pages.templates import Pages, render_template, with_front_matter
from goodpractice.core.readers.content import RawContent

# Where each language's list of kept files is published, beside its offline page.
MANIFEST_NAME = "manifest.json"
# The zip for a USB stick, in the default language's offline folder.
BUNDLE_NAME = "goodpractice-offline.zip"
# The folder the zip unpacks into.
BUNDLE_FOLDER = "goodpractice-offline"
# Pagefind's bundle of the kept pages only, answered in place of the full index offline.
OFFLINE_SEARCH_DIR = "pagefind-offline"


@dataclass(frozen=True)
class Kept:
    """What one language's copy holds, as site paths (``en/curriculum/``)."""

    language: str
    pages: list[str]
    pdfs: list[str]


def offline_uris(raw: RawContent) -> list[str]:
    return [OFFLINE_URI, OFFLINE_SEARCH_URI]


def kept_uris(site: Site) -> list[str]:
    """The pages a copy keeps (docs-tree uris), the same in every language."""
    uris = [HOME_URI, OFFLINE_URI, SEARCH_URI, CURRICULUM_URI, GUIDES_URI]
    used: dict[str, None] = {}
    for doc in site.longdocs:
        uris.append(doc_uri(doc.folder))
        uris += [part_uri(doc.folder, part.id) for part in doc.parts]
        uris += [print_uri(doc.folder, variant) for variant in doc.kind.variants]
        used |= dict.fromkeys(doc.practices)
        used |= dict.fromkeys(pid for part in doc.parts for pid in part.practices)
    uris += [practice_uri(pid) for pid in used if pid in site.practices]
    return list(dict.fromkeys(uris))


def kept(site: Site) -> list[Kept]:
    """Every language's copy."""
    default = site.project.default_language
    uris = kept_uris(site)
    jobs = print_jobs(site)
    copies = []
    for language in site.project.language_codes:
        pages = [site_path(uri, language, default) for uri in uris]
        shown = set(pages)
        pdfs = [job.pdf for job in jobs if job.language == language and job.page in shown]
        copies.append(Kept(language, pages, pdfs))
    return copies


def offline_pages(site: Site) -> Pages:
    languages = site.project.language_codes
    return {
        OFFLINE_URI: {language: _offline_page(site, language) for language in languages},
        OFFLINE_SEARCH_URI: {language: _search_page(site, language) for language in languages},
    }


def _offline_page(site: Site, language: str) -> str:
    labels = site.labels.for_language(language)
    default = site.project.default_language
    # One zip holds every language: it is published once, in the default language's folder.
    bundle = site_path(OFFLINE_URI, default, default) + BUNDLE_NAME
    here = site_path(OFFLINE_URI, language, default)
    html = render_template(
        site,
        "offline.html",
        labels=labels,
        curriculum_href=url_between(OFFLINE_URI, CURRICULUM_URI),
        guides_href=url_between(OFFLINE_URI, GUIDES_URI),
        bundle_href=posixpath.relpath(bundle, here),
    )
    front = {
        "title": labels["offline.title"],
        "description": labels["offline.description"],
        pagemeta.LISTING: True,  # our templates only: not sanitised, not indexed
        pagemeta.SEARCHABLE: False,
        pagemeta.OFFLINE: keep_block(site, language, OFFLINE_URI),
    }
    return with_front_matter(front, html)


def _search_page(site: Site, language: str) -> str:
    """What the USB copy shows in place of search: search needs the online site."""
    labels = site.labels.for_language(language)
    project = site.project
    online = public_url(project.site_url, SEARCH_URI, language, project.default_language)
    html = render_template(
        site,
        "offline-search.html",
        labels=labels,
        online=online if project.site_url else None,
        curriculum_href=url_between(OFFLINE_SEARCH_URI, CURRICULUM_URI),
    )
    front = {
        "title": labels["offline.search.title"],
        pagemeta.LISTING: True,
        pagemeta.SEARCHABLE: False,
    }
    return with_front_matter(front, html)


def keep_block(site: Site, language: str, on_page: str) -> dict[str, object]:
    """The "keep for offline use" control as page ``on_page`` draws it (labels, addresses);
    ``overrides/partials/gp-offline.html`` renders it, outside the sanitised page body."""
    labels = site.labels.for_language(language)
    return {
        "keep": labels["offline.keep"],
        "more": "" if on_page == OFFLINE_URI else labels["offline.more"],
        "offline_href": url_between(on_page, OFFLINE_URI),
        "manifest": url_between(on_page, OFFLINE_URI) + MANIFEST_NAME,
        "messages": {
            key.removeprefix("offline.msg."): value
            for key, value in labels.items()
            if key.startswith("offline.msg.")
        },
    }
