"""Rules for what a case study's evidence claims (issue 13): its level agrees with its figures,
each figure names a source that exists, an independent evaluation is named, a partner's review
names the partner, and the EU paid no more than the whole budget. The schema has already judged
each value's form; these rules judge the values together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from goodpractice.core.base.messages import Param, joined, msg
from goodpractice.core.base.problems import Problem, Severity
from goodpractice.core.readers.vocabularies import Vocabularies, Vocabulary
from goodpractice.core.readers.yamlsafe import YamlDocument, value_at

# The extras of vocabularies/evidence-levels.yml and reviewers.yml these rules read.
LEVELS = "evidence-levels"
REVIEWERS = "reviewers"


def _figures(data: Any) -> list[dict[str, Any]]:
    figures = value_at(data, "figures")
    return [f for f in figures if isinstance(f, dict)] if isinstance(figures, list) else []


def _level(data: Any, levels: Vocabulary | None) -> tuple[str, dict[str, Any]] | None:
    """The evidence level and its term's extras, when it is a known term."""
    level = value_at(data, "evidence", "level")
    if levels is None or not isinstance(level, str) or level not in levels:
        return None
    return level, levels[level].extra


def _levels_with(levels: Vocabulary, basis: str) -> Param:
    """'a', or 'a' or 'b': the levels whose figures have ``basis``."""
    ids = [t.id for t in levels.terms.values() if t.extra.get("basis") == basis]
    return joined([f"'{i}'" for i in ids], "word.or")


def _validate_level_matches_figures(
    doc: YamlDocument, path: str, vocabularies: Vocabularies
) -> Iterator[Problem]:
    """A level of targets only has no reported result among the figures; a level of results
    has at least one reported result, unless the case study gives no figures."""
    levels = vocabularies.get(LEVELS)
    known = _level(doc.data, levels)
    if known is None or levels is None:
        return
    level, extra = known
    figures = _figures(doc.data)
    line = doc.line_of(("evidence", "level"))
    reported = [i for i, f in enumerate(figures) if f.get("basis") == "achieved"]
    if extra.get("basis") == "target" and reported:
        first = reported[0]
        yield Problem(
            path,
            line,
            "evidence.level",
            msg(
                "evidence.targets-with-results",
                level=level,
                figure=f"figures[{first + 1}]",
                kind=str(figures[first].get("kind")),
                levels=_levels_with(levels, "achieved"),
            ),
        )
    if extra.get("basis") == "achieved" and figures and not reported:
        yield Problem(
            path,
            line,
            "evidence.level",
            msg(
                "evidence.results-without-results",
                level=level,
                levels=_levels_with(levels, "target"),
            ),
        )


def _validate_evaluation(
    doc: YamlDocument, path: str, vocabularies: Vocabularies
) -> Iterator[Problem]:
    """A level that needs an independent evaluation names it among the sources, and only such
    a level names one."""
    known = _level(doc.data, vocabularies.get(LEVELS))
    if known is None:
        return
    level, extra = known
    evaluation = value_at(doc.data, "evidence", "evaluation")
    if extra.get("evaluation") is True and evaluation is None:
        yield Problem(
            path,
            doc.line_of(("evidence", "level")),
            "evidence.evaluation",
            msg("evidence.evaluation-missing", level=level),
        )
    if extra.get("evaluation") is not True and evaluation is not None:
        yield Problem(
            path,
            doc.line_of(("evidence", "evaluation")),
            "evidence.evaluation",
            msg("evidence.evaluation-unexpected", level=level),
        )


def _validate_source_numbers(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """Every source number (of a figure, of the evaluation) is a source of the list; with more
    than one source, every figure says which one it comes from."""
    sources = value_at(doc.data, "sources")
    count = len(sources) if isinstance(sources, list) else 0
    numbered: list[tuple[tuple[str | int, ...], str, Any]] = [
        (("figures", i, "source"), f"figures[{i + 1}].source", f.get("source"))
        for i, f in enumerate(_figures(doc.data))
    ]
    numbered.append(
        (
            ("evidence", "evaluation"),
            "evidence.evaluation",
            value_at(doc.data, "evidence", "evaluation"),
        )
    )
    for where, name, number in numbered:
        if isinstance(number, int) and not isinstance(number, bool) and number > count:
            yield Problem(
                path,
                doc.line_of(where),
                name,
                msg("evidence.source-unknown", number=number, count=count),
            )
    if count > 1:
        for i, figure in enumerate(_figures(doc.data)):
            if figure.get("source") is None:
                yield Problem(
                    path,
                    doc.line_of(("figures", i, "kind")),
                    f"figures[{i + 1}].source",
                    msg("evidence.source-missing", count=count),
                    # A warning: a proposal from the issue form names no source per figure;
                    # the editors add it before the review.
                    Severity.WARNING,
                )


def _validate_reviewer_named(
    doc: YamlDocument, path: str, vocabularies: Vocabularies
) -> Iterator[Problem]:
    """A review by a partner names the partner (reviewers.yml: named)."""
    reviewers = vocabularies.get(REVIEWERS)
    by = value_at(doc.data, "evidence", "validation", "by")
    if reviewers is None or not isinstance(by, str) or by not in reviewers:
        return
    if reviewers[by].extra.get("named") is True and not value_at(
        doc.data, "evidence", "validation", "organisation"
    ):
        yield Problem(
            path,
            doc.line_of(("evidence", "validation", "by")),
            "evidence.validation.organisation",
            msg("evidence.reviewer-unnamed", by=by),
        )


def _validate_eu_contribution(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """The EU contribution is at most the total budget."""
    budget = value_at(doc.data, "resources", "budget")
    contribution = value_at(doc.data, "resources", "eu_contribution")
    if isinstance(budget, int) and isinstance(contribution, int) and contribution > budget:
        yield Problem(
            path,
            doc.line_of(("resources", "eu_contribution")),
            "resources.eu_contribution",
            msg("resources.eu-exceeds-budget", contribution=contribution, budget=budget),
        )


def check_evidence(doc: YamlDocument, path: str, vocabularies: Vocabularies) -> Iterator[Problem]:
    """Every rule of this module over one practice.yml."""
    yield from _validate_level_matches_figures(doc, path, vocabularies)
    yield from _validate_evaluation(doc, path, vocabularies)
    yield from _validate_source_numbers(doc, path)
    yield from _validate_reviewer_named(doc, path, vocabularies)
    yield from _validate_eu_contribution(doc, path)
