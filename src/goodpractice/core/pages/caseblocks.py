"""What a case study's page shows after its text, made from the data (issue 13): the small map
of its places, up to five similar practices with the reason, and the transfer self-assessment.

It holds a form and an SVG, which the sanitiser of contributed HTML would take out; so, like the
contacts, it travels outside the page's Markdown (pagemeta.CASE_BLOCKS, SiteOutput.trusted_html)
and no contributed HTML can imitate it.
"""

from __future__ import annotations

from collections.abc import Collection

from goodpractice.core.base.uris import COMPARE_URI, INDICATORS_URI, practice_uri, url_between
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site
from goodpractice.core.pages.casemap import case_map
from goodpractice.core.pages.practice import chosen
from goodpractice.core.pages.similar import similar_links
from goodpractice.core.pages.templates import render_template
from goodpractice.core.pages.transfer import fit_view

# The most case studies the compare page shows side by side.
MAX_COMPARED = 4


def compare_href(from_uri: str, ids: list[str]) -> str:
    """The compare page with these case studies (at most MAX_COMPARED), linked from from_uri."""
    return f"{url_between(from_uri, COMPARE_URI)}?cases={','.join(ids[:MAX_COMPARED])}"


def render_case_blocks(site: Site, practice: Practice, language: str) -> str:
    uri = practice_uri(practice.id)
    labels = site.labels.for_language(language)
    similar = similar_links(site, practice, language, uri)
    fit_labels = {
        key.removeprefix("fit."): value
        for key, value in labels.items()
        if key.startswith(("fit.summary.", "fit.answer."))
    }
    return render_template(
        site,
        "case-blocks.html",
        labels=labels,
        language=language,
        title=practice.text(language, site.project.default_language).title,
        map=case_map(site, practice, language),
        indicators_map=f"{url_between(uri, INDICATORS_URI)}#gp-map",
        similar=similar,
        compare_href=compare_href(uri, [practice.id, *(s.id for s in similar)]),
        fit=fit_view(site, practice, language),
        fit_labels=fit_labels,
    )


def practice_case_blocks(
    site: Site, ids: Collection[str] | None = None
) -> dict[str, dict[str, str]]:
    """The blocks after the text of every case study (or of those in ``ids``): uri -> language
    -> HTML."""
    return {
        practice_uri(practice.id): {
            language: render_case_blocks(site, practice, language)
            for language in site.project.language_codes
        }
        for practice in chosen(site, ids)
    }
