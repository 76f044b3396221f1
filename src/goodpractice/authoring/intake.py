"""``goodpractice intake``: an issue made from a form becomes files of a case study.

A proposal (``propose-case-study.yml``) becomes ``practices/<id>/``: ``practice.yml`` and the
text in the proposer's language, the other language declared missing (``languages: [ro]``).
An update (``update-case-study.yml``) changes in an existing case only the fields the form
names, and ``updated``. Nothing is written outside ``practices/<id>/``, an existing case is never
overwritten by a proposal, and what cannot be read is reported with the field and the line of
the issue, in the proposer's language.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from goodpractice.authoring.formlines import (
    Reading,
    read_contacts,
    read_figures,
    read_localities,
    read_organisations,
    read_period,
    read_sources,
)
from goodpractice.authoring.issuebody import Answer, option_ids, read_answers, ticked
from goodpractice.authoring.issueform import (
    FORM_KINDS,
    PROPOSE,
    FormKind,
    form_fields,
    load_spec,
    shared_spec,
)
from goodpractice.authoring.scaffold import ID_PATTERN, MAX_ID_LENGTH, practice_slug
from goodpractice.authoring.yamledit import dump_fields, replace_field, replace_section
from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.readers.content import PRACTICE_FILE, load_raw
from goodpractice.core.readers.project import Project
from goodpractice.core.readers.vocabularies import Vocabularies
from goodpractice.core.readers.yamlsafe import YamlSyntaxError, load_yaml

COMMA_BELOW = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/practice.schema.json\n"
FORM_FIELD = "(form)"


@dataclass
class Intake:
    """What an issue became: the files written and every problem, for the command and the
    comment on the issue."""

    kind: str  # propose | update
    language: str
    case_id: str | None = None
    title: str = ""
    written: list[str] = field(default_factory=list)  # repository paths, in order
    problems: list[Problem] = field(default_factory=list)
    reason: str | None = None  # the update form's explanation, for the pull request

    @property
    def folder(self) -> str | None:
        return f"practices/{self.case_id}" if self.case_id else None


def detect_form(project: Project, vocabularies: Vocabularies, body: str) -> FormKind | None:
    """The form an issue was made from: the one with most of its headings in the body."""
    found = []
    for kind in FORM_KINDS:
        fields = form_fields(load_spec(project, kind), vocabularies)
        found.append((len(read_answers(body, fields)), kind))
    count, kind = max(found, key=lambda pair: pair[0])
    return kind if count >= 2 else None


def intake(project: Project, body: str, body_name: str, today: date) -> Intake:
    raw = load_raw(project)
    vocabularies = raw.vocabularies
    kind = detect_form(project, vocabularies, body)
    if kind is None:
        result = Intake("propose", project.default_language)
        result.problems.append(Problem(body_name, 1, FORM_FIELD, msg("intake.not-a-form")))
        return result
    fields = form_fields(load_spec(project, kind), vocabularies)
    answers = read_answers(body, fields)
    chosen = option_ids(answers.get("language"))
    language = (
        chosen[0] if chosen and chosen[0] in project.language_codes else (project.default_language)
    )
    reading = Reading(body_name)
    for spec in fields:
        answer = answers.get(spec["id"])
        empty = answer is None or answer.text is None
        if spec.get("required") and spec["type"] != "checkboxes" and empty:
            line = answer.line if answer else 1
            reading.problems.append(
                Problem(body_name, line, str(spec["label"]), msg("intake.required"))
            )
    if kind is PROPOSE:
        result = _propose(project, vocabularies, answers, language, reading, today)
    else:
        result = _update(project, vocabularies, answers, language, reading, today)
    result.problems = sorted(reading.problems + result.problems, key=lambda p: p.line)
    return result


# -- A new case study ---------------------------------------------------------------------------


def _text(answers: dict[str, Answer], key: str) -> str | None:
    answer = answers.get(key)
    return answer.text.strip() if answer and answer.text else None


def _propose(
    project: Project,
    vocabularies: Vocabularies,
    answers: dict[str, Answer],
    language: str,
    reading: Reading,
    today: date,
) -> Intake:
    title = _text(answers, "title") or ""
    result = Intake("propose", language, title=title)
    case_id = _case_id(answers, title, reading)
    if case_id is None:
        return result
    result.case_id = case_id
    target = project.practices_dir / case_id
    if target.exists():
        reading.problems.append(
            Problem(
                reading.path, 1, FORM_FIELD, msg("intake.exists", folder=f"practices/{case_id}/")
            )
        )
        return result
    facts = _facts(project, vocabularies, answers, language, reading, case_id, today)
    files = {
        PRACTICE_FILE: SCHEMA_LINE + dump_fields(facts),
        f"{language}.md": _text_file(vocabularies, answers, language, title, reading),
    }
    result.written = _write_new(project, target, files)
    return result


def _case_id(answers: dict[str, Answer], title: str, reading: Reading) -> str | None:
    # 'Tineri Timișoara' is what a partner writes for a short name: it means tineri-timisoara.
    case_id = practice_slug(_text(answers, "id") or title)
    if not ID_PATTERN.match(case_id) or len(case_id) > MAX_ID_LENGTH:
        answer = answers.get("id") or answers.get("title")
        reading.problems.append(
            Problem(
                reading.path,
                answer.line if answer else 1,
                answer.label if answer else FORM_FIELD,
                msg("intake.bad-id", value=case_id),
            )
        )
        return None
    return case_id


def _facts(
    project: Project,
    vocabularies: Vocabularies,
    answers: dict[str, Answer],
    language: str,
    reading: Reading,
    case_id: str,
    today: date,
) -> dict[str, Any]:
    words = shared_spec(project)["basis"]
    facts: dict[str, Any] = {"id": case_id}
    facts["status"] = _first(answers, "status")
    period = read_period(answers["period"], reading) if "period" in answers else None
    if period:
        facts["period"] = period
    facts["location"] = _location(vocabularies, answers, reading)
    facts["organisations"] = _lines(
        read_organisations, answers, "organisations", vocabularies, reading
    )
    programme = _first(answers, "funding-programme")
    if programme:
        facts["funding"] = {"programme": programme}
        axis = _text(answers, "funding-priority_axis")
        if axis:
            facts["funding"]["priority_axis"] = axis
    facts["themes"] = option_ids(answers.get("themes"))
    facts["target_groups"] = option_ids(answers.get("target_groups"))
    figures = answers.get("figures")
    facts["figures"] = read_figures(figures, vocabularies, words, reading) if figures else []
    sources = answers.get("sources")
    facts["sources"] = read_sources(sources, reading) if sources else []
    level = _first(answers, "evidence")
    if level:
        facts["evidence"] = {"level": level}
    resources = _resources(answers)
    if resources:
        facts["resources"] = resources
    facts["licence"] = _first(answers, "licence")
    # The translation comes later: readers of the other language see the original with a notice.
    facts["languages"] = [language]
    facts["added"] = today.isoformat()
    contacts = answers.get("contacts")
    boxes = ticked(answers.get("consent"))
    if contacts and contacts.text:
        facts["contacts"] = read_contacts(contacts, len(boxes) > 1 and boxes[1], reading)
    if not boxes or not boxes[0]:
        answer = answers.get("consent")
        reading.problems.append(
            Problem(
                reading.path,
                answer.line if answer else 1,
                answer.label if answer else FORM_FIELD,
                msg("intake.licence-not-ticked"),
            )
        )
    return {key: value for key, value in facts.items() if value is not None}


def _resources(answers: dict[str, Answer]) -> dict[str, Any] | None:
    """The budget and the EU contribution with their currency; an amount that is not digits
    (after spaces, dots and commas) is left as written, for check to name."""
    currency = _first(answers, "resources-currency")
    amounts: dict[str, Any] = {}
    for name in ("budget", "eu_contribution"):
        text = _text(answers, f"resources-{name}")
        if text:
            digits = text.replace(" ", "").replace(".", "").replace(",", "")
            amounts[name] = int(digits) if digits.isdigit() else text
    if not amounts:
        return None
    return {**amounts, "currency": currency} if currency else amounts


def _first(answers: dict[str, Answer], key: str) -> str | None:
    chosen = option_ids(answers.get(key))
    return chosen[0] if chosen else None


LineReader = Callable[[Answer, Vocabularies, Reading], list[dict[str, Any]]]


def _lines(
    reader: LineReader,
    answers: dict[str, Answer],
    key: str,
    vocabularies: Vocabularies,
    reading: Reading,
) -> list[dict[str, Any]]:
    answer = answers.get(key)
    return list(reader(answer, vocabularies, reading)) if answer else []


def _location(
    vocabularies: Vocabularies, answers: dict[str, Answer], reading: Reading
) -> dict[str, Any]:
    """Countries, regions, counties, localities; the region of each county and the country of
    each region are facts, so they are added when the proposer did not choose them."""
    countries = option_ids(answers.get("location-countries"))
    regions = option_ids(answers.get("location-regions"))
    counties = option_ids(answers.get("location-counties"))
    localities = _lines(read_localities, answers, "location-localities", vocabularies, reading)
    county_terms = vocabularies["counties"].terms
    named = counties + [str(item["county"]) for item in localities if item.get("county")]
    for county in named:
        region = county_terms[county].extra.get("region") if county in county_terms else None
        if region and region not in regions:
            regions.append(str(region))
    region_terms = vocabularies["regions"].terms
    for region in regions:
        country = region_terms[region].extra.get("country") if region in region_terms else None
        if country and country not in countries:
            countries.append(str(country))
    location: dict[str, Any] = {"countries": countries}
    for key, value in (("regions", regions), ("counties", counties), ("localities", localities)):
        if value:
            location[key] = value
    return location


def _text_file(
    vocabularies: Vocabularies,
    answers: dict[str, Answer],
    language: str,
    title: str,
    reading: Reading,
) -> str:
    front = yaml.safe_dump(
        {"title": title, "summary": " ".join((_text(answers, "summary") or "").split())},
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )
    parts = [f"---\n{front}---\n"]
    for term_id, term in vocabularies["sections"].terms.items():
        text = _text(answers, f"section-{term_id}")
        if not text and term.extra.get("optional") is True:
            continue  # an optional section left empty is left out
        parts.append(f"\n## {term.label(language)}\n")
        if text:
            parts.append(f"\n{text}\n")
    return "".join(parts)


def _write_new(project: Project, target: Path, files: dict[str, str]) -> list[str]:
    """Create the folder and its files; never overwrite, never write outside it. Cedilla
    letters become comma-below (check requires them; the form cannot prevent them)."""
    files = {name: text.translate(COMMA_BELOW) for name, text in files.items()}
    practices = project.practices_dir
    practices.mkdir(exist_ok=True)
    if practices.is_symlink() or target.resolve().parent != practices.resolve():
        raise IntakeError(f"{project.relative(target)} is not inside practices/")
    target.mkdir()  # raises if it exists: a proposal never overwrites a case study
    written = []
    for name, text in files.items():
        with (target / name).open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(posixpath.join("practices", target.name, name))
    return written


class IntakeError(Exception):
    """The files cannot be written where they belong; nothing was written."""


# -- Changes to a case study --------------------------------------------------------------------


def _update(
    project: Project,
    vocabularies: Vocabularies,
    answers: dict[str, Answer],
    language: str,
    reading: Reading,
    today: date,
) -> Intake:
    case_id = _text(answers, "id") or ""
    case_id = case_id.strip().strip("/").rsplit("/", 1)[-1]
    result = Intake("update", language, reason=_text(answers, "reason"))
    folder = project.practices_dir / case_id
    if not ID_PATTERN.match(case_id) or not (folder / PRACTICE_FILE).is_file():
        answer = answers.get("id")
        reading.problems.append(
            Problem(
                reading.path,
                answer.line if answer else 1,
                answer.label if answer else FORM_FIELD,
                msg("intake.unknown-case", value=case_id),
            )
        )
        return result
    result.case_id = case_id
    facts_path = folder / PRACTICE_FILE
    original = facts_path.read_text(encoding="utf-8")
    try:
        data = load_yaml(original).data
    except YamlSyntaxError:
        data = None
    if not isinstance(data, dict):
        reading.problems.append(
            Problem(
                reading.path,
                1,
                FORM_FIELD,
                msg("intake.case-unreadable", file=project.relative(facts_path)),
            )
        )
        return result
    text = _apply_fields(project, vocabularies, answers, data, original, reading)
    changes: dict[Path, str] = {}
    if text != original:
        changes[facts_path] = replace_field(text, "updated", today.isoformat(), after="added")
    changes.update(_apply_section(project, vocabularies, answers, language, folder, reading))
    if not changes and not reading.problems:
        reading.problems.append(
            Problem(reading.path, 1, FORM_FIELD, msg("intake.nothing-to-change"))
        )
    for path, new_text in changes.items():
        path.write_text(new_text, encoding="utf-8", newline="\n")
        result.written.append(project.relative(path))
    result.title = str(data.get("id"))
    return result


def _apply_fields(
    project: Project,
    vocabularies: Vocabularies,
    answers: dict[str, Answer],
    data: dict[str, Any],
    text: str,
    reading: Reading,
) -> str:
    status = _first(answers, "status")
    if status:
        text = replace_field(text, "status", status)
    period = read_period(answers["period"], reading) if "period" in answers else None
    if period:
        text = replace_field(text, "period", period, after="status")
    figures_answer = answers.get("figures")
    if figures_answer and figures_answer.text:
        words = shared_spec(project)["basis"]
        figures = [dict(f) for f in data.get("figures") or [] if isinstance(f, dict)]
        for new in read_figures(figures_answer, vocabularies, words, reading):
            same = next(
                (
                    f
                    for f in figures
                    if (f.get("kind"), f.get("basis")) == (new["kind"], new["basis"])
                ),
                None,
            )
            if same is None:
                figures.append(new)
            else:
                same["value"] = new["value"]
        text = replace_field(text, "figures", figures, after="target_groups")
    sources_answer = answers.get("sources")
    if sources_answer and sources_answer.text:
        sources = [s for s in data.get("sources") or [] if isinstance(s, dict)]
        sources += read_sources(sources_answer, reading)
        text = replace_field(text, "sources", sources, after="figures")
    return text


def _apply_section(
    project: Project,
    vocabularies: Vocabularies,
    answers: dict[str, Answer],
    language: str,
    folder: Path,
    reading: Reading,
) -> dict[Path, str]:
    section = _first(answers, "section")
    new_text = _text(answers, "section-text")
    if not section and not new_text:
        return {}
    answer = answers.get("section") or answers.get("section-text")
    line, label = (answer.line, answer.label) if answer else (1, FORM_FIELD)
    if not section or not new_text:
        reading.problems.append(
            Problem(reading.path, line, label, msg("intake.section-incomplete"))
        )
        return {}
    path = folder / f"{language}.md"
    heading = vocabularies["sections"].terms[section].label(language)
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    changed = replace_section(current, heading, new_text) if current is not None else None
    if changed is None:
        reading.problems.append(
            Problem(
                reading.path,
                line,
                label,
                msg("intake.no-such-section", file=project.relative(path), heading=heading),
            )
        )
        return {}
    return {path: changed}


__all__ = ["FORM_FIELD", "Intake", "IntakeError", "detect_form", "intake"]
