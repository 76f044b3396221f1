"""The pages an edit to some case studies changes, for ``serve``'s quick preview.

After a save under one case study's folder, ``serve`` renders again only what shows that case:
its own pages, the listings it is in (before or after the edit), and every generator cheap
enough to run on each save. The generators in ``LEFT_AS_BEFORE`` grow with the whole corpus
and are left as they were; ``serve`` says so on the page and in the terminal, and the full
build (``goodpractice build``, or ``serve`` started again) renders them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection

from goodpractice.core.base.links import neutral
from goodpractice.core.model.site import Site
from goodpractice.core.pages.practice import practice_pages
from goodpractice.core.pages.registry import GENERATORS
from goodpractice.core.pages.taxonomy import listing_uris, organisation_pages, taxonomy_pages
from goodpractice.core.pages.templates import Page, Pages

# Rendered only where the edited case studies appear.
_FOCUSED = {
    "practices": lambda site, ids, listings: practice_pages(site, ids),
    "taxonomies": lambda site, ids, listings: taxonomy_pages(site, listings),
    "organisations": lambda site, ids, listings: organisation_pages(site, listings),
}
# Seconds each at 1,000 case studies, and no page shows the edited text: the statistics of the
# indicators and the facts table of the compare page (each case's facts file is made again).
LEFT_AS_BEFORE = frozenset({"indicators", "compare"})


def edited_pages(before: Site, site: Site, ids: Collection[str]) -> Pages:
    """Every generated page that can show the case studies ``ids``, rendered from ``site``;
    ``before`` is the site they were edited in (a listing they left counts)."""
    listings: set[str] = set()
    for pid in ids:
        listings |= listing_uris(before.practices[pid]) | listing_uris(site.practices[pid])
    pages: Pages = {}
    for generator in GENERATORS:
        if generator.name in LEFT_AS_BEFORE:
            continue
        focused = _FOCUSED.get(generator.name)
        pages.update(generator.render(site) if focused is None else focused(site, ids, listings))
    return pages


def kept_pages(before: dict[str, Page], rendered: dict[str, Page]) -> dict[str, Page]:
    """The pages of ``before`` that no page rendered again replaces: a listing rendered again
    replaces all its numbered pages (it may now have fewer)."""
    folders = {posixpath.dirname(neutral(uri)) for uri in rendered}
    return {
        uri: page
        for uri, page in before.items()
        if uri not in rendered and _listing_folder(neutral(uri)) not in folders
    }


def _listing_folder(uri: str) -> str:
    """The folder of the listing a page belongs to: ``<folder>/page/<n>/index.md`` is page n
    of ``<folder>/index.md`` (uris.listing_page_uri)."""
    folder = posixpath.dirname(uri)
    head, _, tail = folder.rpartition("/page/")
    return head if head and tail.isdigit() else "\0"


__all__ = ["LEFT_AS_BEFORE", "edited_pages", "kept_pages"]
