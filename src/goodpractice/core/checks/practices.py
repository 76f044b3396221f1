"""Rules for case studies: ``practice.yml`` and its texts. Each ``_validate_*`` yields the
problems of one rule; ``check_practice`` runs them for one case study."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from goodpractice.core.base.links import SiteSources
from goodpractice.core.base.messages import Message, msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.text import fold, quote_list
from goodpractice.core.checks.evidence import check_evidence
from goodpractice.core.checks.placeholders import (
    check_placeholders,
    covered_by_placeholder,
    placeholder_fields,
)
from goodpractice.core.checks.privacy import validate_contact_consent
from goodpractice.core.checks.schema import field_name, schema_problems
from goodpractice.core.checks.texts import (
    validate_letters_of_values,
    validate_links,
    validate_romanian_letters,
)
from goodpractice.core.readers.content import PracticeSource, RawContent
from goodpractice.core.readers.files import TextSource
from goodpractice.core.readers.vocabularies import Term, Vocabularies
from goodpractice.core.readers.yamlsafe import YamlDocument, value_at


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _validate_folder_matches_id(source: PracticeSource) -> Iterator[Problem]:
    """The id in practice.yml equals the name of its folder."""
    doc = source.facts
    practice_id = value_at(doc.data, "id") if doc else None
    if doc and isinstance(practice_id, str) and practice_id != source.folder_name:
        yield Problem(
            source.facts_path,
            doc.line_of(("id",)),
            "id",
            msg("practice.id-differs-from-folder", id=practice_id, folder=source.folder_name),
        )


def validate_unique_ids(sources: list[PracticeSource]) -> Iterator[Problem]:
    """No two case studies share an id (compared without case or diacritics)."""
    seen: dict[str, PracticeSource] = {}
    for source in sources:
        practice_id = value_at(source.facts.data, "id") if source.facts else None
        if not isinstance(practice_id, str) or source.facts is None:
            continue
        key = fold(practice_id)
        if key in seen:
            yield Problem(
                source.facts_path,
                source.facts.line_of(("id",)),
                "id",
                msg("practice.id-taken", id=practice_id, other=seen[key].facts_path),
            )
        else:
            seen[key] = source


def _validate_period_order(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """The period does not end before it starts."""
    start, end = value_at(doc.data, "period", "start"), value_at(doc.data, "period", "end")
    if isinstance(start, str) and isinstance(end, str) and end < start[: len(end)]:
        yield Problem(
            path,
            doc.line_of(("period", "end")),
            "period.end",
            msg("practice.period-ends-before-start", start=start, end=end),
        )


def _validate_regions_of_counties(
    doc: YamlDocument, path: str, vocabularies: Vocabularies
) -> Iterator[Problem]:
    """Every county named (directly or by a locality) lies in a listed development region."""
    counties = vocabularies.get("counties")
    if counties is None:
        return
    regions = set(_as_list(value_at(doc.data, "location", "regions")))
    named: list[tuple[Any, tuple[str | int, ...]]] = [
        (county, ("location", "counties", i))
        for i, county in enumerate(_as_list(value_at(doc.data, "location", "counties")))
    ]
    named += [
        (locality.get("county"), ("location", "localities", i, "county"))
        for i, locality in enumerate(_as_list(value_at(doc.data, "location", "localities")))
        if isinstance(locality, dict) and locality.get("county")
    ]
    for county, where in named:
        if not isinstance(county, str) or county not in counties:
            continue
        region = counties[county].extra.get("region")
        if region and region not in regions:
            yield Problem(
                path,
                doc.line_of(where),
                "location.regions",
                msg("practice.county-region-missing", county=county, region=region),
            )


def _validate_regions_country(
    doc: YamlDocument, path: str, vocabularies: Vocabularies
) -> Iterator[Problem]:
    """A region is listed only together with its country."""
    regions_vocabulary = vocabularies.get("regions")
    countries = set(_as_list(value_at(doc.data, "location", "countries")))
    if regions_vocabulary is None:
        return
    for i, region in enumerate(_as_list(value_at(doc.data, "location", "regions"))):
        term = regions_vocabulary.terms.get(region) if isinstance(region, str) else None
        country = term.extra.get("country") if term else None
        if country and country not in countries:
            yield Problem(
                path,
                doc.line_of(("location", "regions", i)),
                "location.countries",
                msg("practice.region-country-missing", region=region, country=country),
            )


def _validate_priority_axis(
    doc: YamlDocument, path: str, vocabularies: Vocabularies
) -> Iterator[Problem]:
    """The priority axis is one of the axes of the funding programme."""
    programme = value_at(doc.data, "funding", "programme")
    axis = value_at(doc.data, "funding", "priority_axis")
    programmes = vocabularies.get("funding-programmes")
    if not (isinstance(axis, str) and programmes and isinstance(programme, str)):
        return
    if programme not in programmes:
        return
    axes = programmes[programme].extra.get("axes") or {}
    if axis not in axes:
        known = (
            msg("practice.axes", axes=quote_list(list(axes))) if axes else msg("practice.no-axes")
        )
        yield Problem(
            path,
            doc.line_of(("funding", "priority_axis")),
            "funding.priority_axis",
            msg(
                "practice.unknown-axis",
                programme=programme,
                axis=axis,
                known=known,
                file=programmes.path,
            ),
        )


def _validate_figure_parts(
    doc: YamlDocument, path: str, vocabularies: Vocabularies
) -> Iterator[Problem]:
    """A figure that is part of another (jobs for vulnerable people) never exceeds it."""
    kinds = vocabularies.get("figure-kinds")
    figures = [f for f in _as_list(value_at(doc.data, "figures")) if isinstance(f, dict)]
    if kinds is None:
        return
    values: dict[tuple[Any, Any], int] = {}
    for i, figure in enumerate(figures):
        key = (figure.get("kind"), figure.get("basis"))
        if key in values:
            yield Problem(
                path,
                doc.line_of(("figures", i, "kind")),
                f"figures[{i + 1}].kind",
                msg("practice.figure-twice", kind=str(key[0]), basis=str(key[1])),
            )
        if isinstance(figure.get("value"), int):
            values[key] = figure["value"]
    for i, figure in enumerate(figures):
        kind = figure.get("kind")
        term = kinds.terms.get(kind) if isinstance(kind, str) else None
        whole = term.extra.get("part_of") if term else None
        whole_value = values.get((whole, figure.get("basis")))
        value = figure.get("value")
        if whole and isinstance(value, int) and whole_value is not None and value > whole_value:
            yield Problem(
                path,
                doc.line_of(("figures", i, "value")),
                f"figures[{i + 1}].value",
                msg(
                    "practice.figure-exceeds-whole",
                    kind=str(kind),
                    value=value,
                    whole=str(whole),
                    whole_value=whole_value,
                ),
            )


def _validate_contact_roles(
    doc: YamlDocument, path: str, languages: list[str]
) -> Iterator[Problem]:
    """A role written per language has a text in every language of the site, and no other."""
    contacts = _as_list(value_at(doc.data, "contacts"))
    for index, contact in enumerate(contacts):
        role = contact.get("role") if isinstance(contact, dict) else None
        if not isinstance(role, dict):
            continue
        where = ("contacts", index, "role")
        for language in languages:
            if not str(role.get(language) or "").strip():
                yield Problem(
                    path,
                    doc.line_of(where),
                    field_name(where),
                    msg("labels.missing-text", language=language),
                )
        for key in role:
            if key not in languages:
                yield Problem(
                    path,
                    doc.line_of((*where, key)),
                    field_name(where),
                    msg("language.unknown", language=str(key), languages=quote_list(languages)),
                )


# The heading a section takes in a case study whose key figures are all targets (sections.yml).
TARGETS_ONLY = "targets_only"
# A section a text may leave out (sections.yml); when present it stands in its place.
OPTIONAL = "optional"


def _targets_only(figures: object) -> bool:
    """Every key figure of the case study is a target (and there is at least one)."""
    return (
        isinstance(figures, list)
        and len(figures) > 0
        and all(isinstance(f, dict) and f.get("basis") == "target" for f in figures)
    )


def _section_headings(term: Term, language: str) -> tuple[str, str | None]:
    """A section's heading, and its heading for a case with targets only (if it has one)."""
    other = term.extra.get(TARGETS_ONLY)
    alternative = other.get(language) if isinstance(other, dict) else None
    return term.label(language), str(alternative) if alternative else None


def _validate_sections(
    text: TextSource, vocabularies: Vocabularies, targets_only: bool = False
) -> Iterator[Problem]:
    """The text has every standard section as a '## ' heading, in the standard order (an
    optional one may be left out); where every key figure is a target, the results section is
    titled as targets (sections.yml)."""
    sections = vocabularies.get("sections")
    if sections is None:
        return
    required = [t for t in sections.terms.values() if t.extra.get(OPTIONAL) is not True]
    optional = [t for t in sections.terms.values() if t.extra.get(OPTIONAL) is True]
    listed: str | Message = ", ".join(t.label(text.language) for t in required)
    if optional:
        listed = msg(
            "sections.order-optional",
            order=listed,
            optional=", ".join(t.label(text.language) for t in optional),
        )
    found = [h for h in text.doc.headings if h.level == 2]
    found_folded = [fold(h.text) for h in found]
    last_line = text.doc.body_line
    position = -1
    for term in sections.terms.values():
        usual, for_targets = _section_headings(term, text.language)
        heading = for_targets if (targets_only and for_targets) else usual
        wrong = usual if heading == for_targets else for_targets
        if fold(heading) not in found_folded and wrong and fold(wrong) in found_folded:
            index = found_folded.index(fold(wrong))
            key = "sections.targets-only" if heading == for_targets else "sections.results"
            yield Problem(
                text.path,
                found[index].line,
                "sections",
                msg(key, heading=heading, wrong=wrong),
            )
            position = max(position, index)
            last_line = found[index].line
            continue
        if fold(heading) not in found_folded:
            if term.extra.get(OPTIONAL) is not True:
                yield Problem(
                    text.path,
                    last_line,
                    "sections",
                    msg("sections.missing", heading=heading, order=listed),
                )
            continue
        index = found_folded.index(fold(heading))
        if index < position:
            yield Problem(
                text.path,
                found[index].line,
                "sections",
                msg(
                    "sections.out-of-order-before",
                    heading=heading,
                    before=found[position].text,
                    order=listed,
                ),
            )
        position = max(position, index)
        last_line = found[index].line


def check_practice(
    source: PracticeSource,
    content: RawContent,
    facts_validator: Any,
    text_validator: Any,
    sources: SiteSources,
) -> Iterator[Problem]:
    vocabularies = content.vocabularies
    doc = source.facts
    if doc is not None:
        # A value still 'TODO' from `goodpractice new` gets one clear message, not a schema one.
        unfilled = [field_name(where) for where in placeholder_fields(doc)]
        yield from (
            problem
            for problem in schema_problems(facts_validator, doc, source.facts_path)
            if not covered_by_placeholder(problem, unfilled)
        )
        yield from _validate_folder_matches_id(source)
        yield from _validate_period_order(doc, source.facts_path)
        yield from _validate_regions_of_counties(doc, source.facts_path, vocabularies)
        yield from _validate_regions_country(doc, source.facts_path, vocabularies)
        yield from _validate_priority_axis(doc, source.facts_path, vocabularies)
        yield from _validate_figure_parts(doc, source.facts_path, vocabularies)
        yield from check_evidence(doc, source.facts_path, vocabularies)
        yield from _validate_contact_roles(doc, source.facts_path, content.project.language_codes)
        yield from validate_letters_of_values(source.facts_path, doc)
    for text in source.texts.values():
        yield from validate_romanian_letters(
            text.path, text.doc.raw, romanian=text.language == "ro"
        )
        yield from schema_problems(text_validator, text.doc.front_matter, text.path)
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        targets_only = _targets_only(data.get("figures"))
        yield from _validate_sections(text, vocabularies, targets_only)
        yield from validate_links(text.path, text.doc.links, sources, None)
    if doc is not None:
        yield from validate_contact_consent(doc, source.facts_path)
    yield from check_placeholders(source)
