"""What ``goodpractice serve`` shows that a published site never does: a notice on every page
naming what only the full build makes, and, while the content has errors, a page listing them
that reloads itself once they are fixed (the browser never waits on a build that failed)."""

from __future__ import annotations

from goodpractice.core.base.messages import Catalogue
from goodpractice.core.base.problems import Problem
from goodpractice.core.pages.templates import render_from
from goodpractice.core.readers.labels import Labels
from goodpractice.core.readers.project import Project

NOTICE_KEY = "preview.notice"


QUICK_KEY = "preview.quick"


def preview_notices(labels: Labels, quick: bool = False) -> dict[str, str]:
    """The notice per language (interface.yml): search, PDFs, data and feeds are full-build only;
    ``quick``: and the pages a save did not render again (core/pages/edits.py) are as before."""
    notices = dict(labels.strings.get(NOTICE_KEY, {}))
    if quick:
        more = labels.strings.get(QUICK_KEY, {})
        notices = {
            code: f"{text} {more[code]}" if code in more else text for code, text in notices.items()
        }
    return notices


def error_page(
    project: Project,
    catalogue: Catalogue,
    labels: Labels,
    problems: list[Problem],
    first: str,
) -> str:
    """A whole HTML page: check's messages in every language, ``first`` first."""
    sections = [
        {
            "language": language.code,
            "name": language.name,
            "title": labels.get("preview.errors.title", language.code),
            "intro": labels.get("preview.errors.intro", language.code),
            "lines": [catalogue.problem(problem, language.code) for problem in problems],
        }
        for language in sorted(project.languages, key=lambda item: item.code != first)
    ]
    return render_from(project.overrides_dir, "serve-errors.html", sections=sections)


__all__ = ["NOTICE_KEY", "QUICK_KEY", "error_page", "preview_notices"]
