"""What intake says: lines for the terminal, a JSON result for the workflow, the comment on the
issue and the description of the pull request, in the proposer's language.

Text that comes from the issue is shown inside code blocks, so it is read as written and never
as Markdown (a partner's ``<img>`` or link stays text in our comment).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from goodpractice.authoring.check_report import fenced
from goodpractice.authoring.intake import Intake
from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import Problem, Severity
from goodpractice.core.readers.messages import load_catalogue, message_language
from goodpractice.core.readers.project import Project

MARKER = "<!-- goodpractice-intake -->"


@dataclass(frozen=True)
class IntakeReport:
    valid: bool
    lines: list[str]
    data: dict[str, Any]

    def json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"


def intake_report(
    project: Project, done: Intake, found: list[Problem], requested: str | None
) -> IntakeReport:
    """``found``: check's problems in the case's folder. The language is --lang, else the one
    the proposer wrote in."""
    catalogue = load_catalogue(project)
    language = message_language(project, requested or done.language, {})
    form_lines = [catalogue.problem(problem, language) for problem in done.problems]
    # The form's own problems first: check's messages about the same values (in terms of
    # practice.yml) would only repeat them. Check speaks once the form reads cleanly.
    found = [] if done.problems else found
    check_lines = [catalogue.problem(problem, language) for problem in found]
    errors = done.problems + [p for p in found if p.severity is Severity.ERROR]
    lines = form_lines + check_lines
    if done.written:
        lines.append(catalogue.text(msg("intake.wrote", files=", ".join(done.written)), language))
    else:
        lines.append(catalogue.text(msg("intake.nothing-written"), language))
    summary = catalogue.text(
        msg(
            "check.summary",
            errors=len(errors),
            warnings=len(found) + len(done.problems) - len(errors),
        ),
        language,
    )
    lines.append(summary if errors or found else catalogue.text(msg("check.valid"), language))
    data = {
        "kind": done.kind,
        "language": language,  # of the comment: the proposer's, unless --lang chose
        "id": done.case_id,
        "folder": done.folder,
        "title": done.title,
        "written": done.written,
        "valid": not errors and bool(done.written),
        "form_problems": [
            {"field": p.field, "text": catalogue.text(p.message, language)} for p in done.problems
        ],
        "check_problems": check_lines,
        "reason": done.reason,
    }
    return IntakeReport(bool(data["valid"]), lines, data)


def issue_comment(
    project: Project,
    result_json: str,
    pull_request: str | None,
    run_url: str | None,
    branch_state: str | None = None,
) -> str:
    """The comment the workflow keeps up to date on the issue (found again by its marker)."""
    result = json.loads(result_json)
    catalogue = load_catalogue(project)
    language = str(result.get("language") or project.default_language)

    def say(key: str, **params: Any) -> str:
        return catalogue.text(msg(key, **params), language)

    parts = [MARKER]
    if branch_state == "edited-by-hand":
        parts.append(say("comment.edited-by-hand"))
        return "\n\n".join(parts) + "\n"
    if result.get("written"):
        parts.append(say(f"comment.done.{result['kind']}", folder=f"{result['folder']}/"))
    else:
        parts.append(say("comment.nothing-written"))
    if pull_request:
        parts.append(say("comment.pull-request", url=pull_request))
    problems = [f"{p['field']}: {p['text']}" for p in result.get("form_problems", [])]
    problems += list(result.get("check_problems", []))
    if problems:
        parts.append(say("comment.problems", count=len(problems)))
        parts.append(fenced("\n".join(problems)).rstrip("\n"))
    elif result.get("written"):
        parts.append(say("comment.valid"))
    if result.get("kind") == "propose" and result.get("written"):
        others = [code for code in project.language_codes if code != language]
        names = [catalogue.text(msg(f"language-name.{code}"), language) for code in others]
        parts.append(
            say(
                "comment.translation-later",
                language=catalogue.text(msg(f"language-name.{language}"), language),
                other=", ".join(names),
            )
        )
    if run_url:
        parts.append(say("comment.previews", url=run_url))
    parts.append(say("comment.edit-to-fix"))
    return "\n\n".join(parts) + "\n"


def pull_request_body(project: Project, result_json: str, issue: str | None) -> str:
    """The pull request's description: where it comes from, and the update's reason."""
    result = json.loads(result_json)
    catalogue = load_catalogue(project)
    parts = []
    for language in project.language_codes:
        parts.append(
            catalogue.text(
                msg(f"pull-request.made.{result['kind']}", issue=f"#{issue}" if issue else "?"),
                language,
            )
        )
    if result.get("reason"):
        parts.append(fenced(str(result["reason"])).rstrip("\n"))
    files = "\n".join(f"- `{path}`" for path in result.get("written", []))
    if files:
        parts.append(files)
    if issue:
        parts.append(f"Closes #{issue}")
    return "\n\n".join(parts) + "\n"


__all__ = ["MARKER", "IntakeReport", "intake_report", "issue_comment", "pull_request_body"]
