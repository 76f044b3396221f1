"""schema.org metadata (JSON-LD) of generated pages, for search engines and other platforms.

A page carries its JSON-LD as the front-matter key ``gp_jsonld`` (a mapping); the theme's
``main.html`` writes it into the page head and adds the page's own address as ``url``. Any
generator (a curriculum module, say) can use the same key.
"""

from __future__ import annotations

from typing import Any

from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site


def practice_jsonld(site: Site, practice: Practice, language: str) -> dict[str, Any]:
    """A case-study page is an ``Article`` about a ``Project`` (schema.org)."""
    text = practice.text(language, site.project.default_language)
    vocab = site.vocabularies
    licence = vocab["licences"][practice.licence]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": text.title,
        "name": text.title,
        "description": text.summary,
        "inLanguage": text.language,
        "datePublished": practice.added,
        "dateModified": practice.updated or practice.added,
        "license": licence.extra.get("url", licence.label(language)),
        "keywords": [vocab["themes"].label(t, language) for t in practice.themes],
        "audience": [
            {"@type": "Audience", "audienceType": vocab["target-groups"].label(t, language)}
            for t in practice.target_groups
        ],
        "spatialCoverage": _places(site, practice, language),
        "about": _project(site, practice, language),
    }
    if practice.period_start:
        end = practice.period_end or ".."
        data["temporalCoverage"] = f"{practice.period_start}/{end}"
    return data


def _places(site: Site, practice: Practice, language: str) -> list[dict[str, Any]]:
    vocab = site.vocabularies
    places: list[dict[str, Any]] = [
        {"@type": "Country", "name": vocab["countries"].label(c, language), "identifier": c}
        for c in practice.countries
    ]
    for name in ("regions", "counties"):
        places += [
            {"@type": "AdministrativeArea", "name": vocab[name].label(term, language)}
            for term in getattr(practice, name)
        ]
    places += [{"@type": "Place", "name": locality.name} for locality in practice.localities]
    return places


def _project(site: Site, practice: Practice, language: str) -> dict[str, Any]:
    text = practice.text(language, site.project.default_language)
    project: dict[str, Any] = {"@type": "Project", "name": text.title}
    if practice.period_start:
        project["foundingDate"] = practice.period_start
    if practice.period_end:
        project["dissolutionDate"] = practice.period_end
    members = [
        {"@type": "Organization", "name": org.name}
        for org in practice.organisations
        if "funder" not in org.roles
    ]
    funders = [
        {"@type": "Organization", "name": org.name}
        for org in practice.organisations
        if "funder" in org.roles
    ]
    if practice.funding_programme:
        programmes = site.vocabularies["funding-programmes"]
        # A programme is not an organisation: schema.org's `funding` names the grant.
        project["funding"] = {
            "@type": "Grant",
            "name": programmes.label(practice.funding_programme, language),
        }
    if members:
        project["member"] = members
    if funders:
        project["funder"] = funders
    project["areaServed"] = _places(site, practice, language)
    return project
