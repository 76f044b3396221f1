"""The fact sheet of a case study, as the annex of a printed curriculum or guide shows it.

A sheet is the head of the case's own handout (title, summary, key figures, core facts, and
the address and QR code of its page) without the narrative, which the page and its PDF carry.
"""

from __future__ import annotations

from markupsafe import Markup

from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.pages.practice import CORE_FACTS, fact_rows, figure_rows, practice_url
from goodpractice.core.pages.qrcodes import qr_src
from goodpractice.core.pages.templates import render_template

# The facts a sheet keeps: the page's core facts, and what a trainer needs to place the case
# (funding, themes, target groups). Sources, licence and the date it was added stay on the
# page and in its PDF.
SHEET_FACTS = frozenset(CORE_FACTS) | {"funding", "themes", "target_groups"}


def case_sheet(site: Site, practice: Practice, language: str, on_page: str, anchor: str) -> Markup:
    """The sheet of ``practice`` in ``language``, drawn on the page ``on_page`` (docs tree)."""
    text = practice.text(language, site.project.default_language)
    url = practice_url(site, practice, language)
    labels = site.labels.for_language(language)
    rows = [row for row in fact_rows(site, practice, language, on_page) if row.key in SHEET_FACTS]
    html = render_template(
        site,
        "handout-case-sheet.html",
        labels=labels,
        language=language,
        anchor=anchor,
        title=text.title,
        summary=text.summary,
        rows=rows,
        figures=figure_rows(site, practice, language),
        qr={"url": url, "src": qr_src(url, on_page), "label": labels["handout.full_case"]},
    )
    return Markup(html)
