"""Where every generated page lives, and how one page links another.

A page is named by its language-neutral *uri* in the docs tree (``practices/x/index.md``); it is
served at a directory *site path* (``practices/x/``, ``en/practices/x/`` in English). Links in
generated HTML are relative, so the site works from any host and folder.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from goodpractice.core.base.languages import language_prefix
from goodpractice.core.base.text import slug

HOME_URI = "index.md"
CATALOGUE_URI = "practices/index.md"
SEARCH_URI = "search/index.md"
INDICATORS_URI = "indicators/index.md"
TRANSLATIONS_URI = "translations/index.md"
CURRICULUM_URI = "curriculum/index.md"
GUIDES_URI = "guides/index.md"
COMPARE_URI = "compare/index.md"
# Working offline: what a trainer can keep on a device, and the USB copy (issue 12).
OFFLINE_URI = "offline/index.md"
# The page the USB copy shows in place of search, which needs the online site.
OFFLINE_SEARCH_URI = "offline/search/index.md"

# Each language's Pagefind bundle, in its own tree (pagefind/, en/pagefind/): build/search_index.
SEARCH_BUNDLE = "pagefind"
SEARCH_SCRIPT = f"{SEARCH_BUNDLE}/pagefind.js"

# Vocabulary (and URL folder) -> the practice.yml field whose terms its pages list.
TAXONOMIES = {"themes": "themes", "target-groups": "target_groups", "regions": "regions"}
ORGANISATIONS = "organisations"


def practice_uri(practice_id: str) -> str:
    return f"practices/{practice_id}/index.md"


def index_uri(folder: str) -> str:
    return f"{folder}/index.md"


def term_uri(vocabulary: str, term: str) -> str:
    return f"{vocabulary}/{term}/index.md"


def organisation_uri(name: str) -> str:
    """Organisations are matched by slug: 'Asociația „Alfa”' and 'Asociatia Alfa' share one."""
    return f"{ORGANISATIONS}/{slug(name)}/index.md"


def listing_page_uri(uri: str, number: int) -> str:
    """Page ``number`` of a listing at ``uri``: the first is the listing itself, the others
    are ``<folder>/page/<n>/`` (no collision: case ids and slugs name only the folder's direct
    children, and a child's own pages are ``<folder>/<child>/page/<n>/``)."""
    if number == 1:
        return uri
    return f"{posixpath.dirname(uri)}/page/{number}/index.md"


def indicator_uri(kind: str) -> str:
    return f"indicators/{kind}/index.md"


def doc_uri(folder: str) -> str:
    """The first page of a long document (curriculum, guide)."""
    return f"{folder}/index.md"


def part_uri(folder: str, part_id: str) -> str:
    """A module or chapter of a long document."""
    return f"{folder}/{part_id}/index.md"


def print_uri(folder: str, variant: str) -> str:
    """The whole long document on one page, in a printed variant."""
    return (
        f"{folder}/print-trainer/index.md" if variant == "trainer" else f"{folder}/print/index.md"
    )


def pdf_name(doc_id: str, language: str, variant: str = "full") -> str:
    """The file name of a PDF handout, kept beside the page it prints (``socec-net-ro.pdf``)."""
    suffix = "" if variant == "full" else f"-{variant}"
    return f"{doc_id}-{language}{suffix}.pdf"


def page_url(uri: str) -> str:
    """The directory URL of a docs-tree page: 'practices/x/index.md' -> 'practices/x/'."""
    is_index = posixpath.basename(uri) == "index.md"
    folder = posixpath.dirname(uri) if is_index else uri.removesuffix(".md")
    return f"{folder}/" if folder else ""


def site_path(uri: str, language: str, default_language: str) -> str:
    """The site path of a docs-tree page: ``about.md`` in English is ``en/about/``."""
    return language_prefix(language, default_language) + page_url(uri)


def public_url(site_url: str | None, uri: str, language: str, default_language: str) -> str:
    """The address of a page on the public site (``site_url``); site-absolute without it."""
    path = site_path(uri, language, default_language)
    return f"{site_url}{path}" if site_url else f"/{path}"


def relative_url(from_path: str, to_path: str) -> str:
    """A relative href from one directory-style site path to another."""
    relative = posixpath.relpath("/" + to_path, "/" + (from_path or "."))
    return "./" if relative == "." else relative.rstrip("/") + "/"


@lru_cache(maxsize=65536)  # every card links to the same few pages from the same listings
def url_between(from_uri: str, to_uri: str) -> str:
    """A relative href in raw HTML from one page to another of the same language."""
    return relative_url(page_url(from_uri), page_url(to_uri))


def file_url_between(from_uri: str, file_uri: str) -> str:
    """A relative href from a page to a file of the same language (``practices/x.json``)."""
    return posixpath.relpath(file_uri, posixpath.dirname(from_uri) or ".")
