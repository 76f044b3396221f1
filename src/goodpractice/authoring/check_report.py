"""What ``goodpractice check`` prints: lines for a terminal, annotations and a job summary for
GitHub (``--format github``), every message from the catalogue in the reader's language.

GitHub shows ``::error file=...,line=...::text`` on the diff line of the pull request. Its
toolkit escapes ``%``, CR and LF in the text, and ``:`` and ``,`` in the properties as well;
without that, a message quoting a contributor's value could end the annotation early.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from goodpractice.core.base.messages import Catalogue, msg
from goodpractice.core.base.problems import Problem, Severity, errors


def text_lines(problems: Iterable[Problem], catalogue: Catalogue, language: str) -> list[str]:
    return [catalogue.problem(problem, language) for problem in problems]


def summary_line(problems: list[Problem], catalogue: Catalogue, language: str) -> str:
    if not problems:
        return catalogue.text(msg("check.valid"), language)
    found = len(errors(problems))
    return catalogue.text(
        msg("check.summary", errors=found, warnings=len(problems) - found), language
    )


def github_annotations(
    problems: Iterable[Problem], catalogue: Catalogue, languages: list[str]
) -> list[str]:
    """One ``::error`` or ``::warning`` per problem, the text in every language, the first
    language first (partners and reviewers of either language read the same pull request)."""
    lines = []
    for problem in problems:
        level = "warning" if problem.severity is Severity.WARNING else "error"
        texts = [catalogue.text(problem.message, language) for language in languages]
        title = catalogue.field(problem.field, languages[0])
        properties = ",".join(
            f"{name}={_escape_property(value)}"
            for name, value in (
                ("file", problem.path),
                ("line", str(problem.line)),
                ("title", title),
            )
        )
        lines.append(f"::{level} {properties}::{_escape_data(chr(10).join(texts))}")
    return lines


def job_summary(problems: list[Problem], catalogue: Catalogue, languages: list[str]) -> str:
    """Markdown for the run's summary page: per language a heading, the count and the lines.

    The lines go in a code block (fenced longer than any run of backticks in them), so text
    quoted from a contribution is shown as written and never read as Markdown or HTML.
    """
    parts = []
    for language in languages:
        title = catalogue.text(msg("check.summary-title"), language)
        parts.append(f"### {title} ({language})\n")
        parts.append(summary_line(problems, catalogue, language) + "\n")
        if problems:
            lines = text_lines(problems, catalogue, language)
            parts.append(fenced("\n".join(lines)))
    return "\n".join(parts)


def fenced(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


__all__ = ["fenced", "github_annotations", "job_summary", "summary_line", "text_lines"]
