"""Start a new case study: ``practices/<id>/`` with practice.yml and one text per language.

The files come from the Jinja templates in ``templates/new/`` of the content repository. Every
value the contributor must supply is ``TODO``, which ``check`` reports until it is replaced.
Nothing is ever overwritten: if the folder exists, nothing is written at all.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from goodpractice.core.base.text import slug
from goodpractice.core.readers.project import Project
from goodpractice.core.readers.vocabularies import load_vocabularies

TEMPLATES = Path("templates") / "new"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID_LENGTH = 80


class ScaffoldError(Exception):
    """The case study cannot be created; the message says why and nothing was written."""


@dataclass(frozen=True)
class NewPractice:
    id: str
    title: str
    language: str  # the language the case study is first written in


def practice_slug(title: str) -> str:
    """'Economie socială în Călărași' gives 'economie-sociala-in-calarasi'."""
    words = slug(title, empty="")
    if len(words) > MAX_ID_LENGTH:
        words = words[:MAX_ID_LENGTH].rsplit("-", 1)[0]
    return words


def validate_id(practice_id: str) -> None:
    if not ID_PATTERN.match(practice_id) or len(practice_id) > MAX_ID_LENGTH:
        raise ScaffoldError(
            f"'{practice_id}' cannot be an id: use lowercase letters a-z, digits and single "
            f"hyphens, at most {MAX_ID_LENGTH} characters "
            "(for example: economie-sociala-in-calarasi)"
        )


def render_files(project: Project, new: NewPractice, today: date | None) -> dict[str, str]:
    """The new files by name, rendered in memory (nothing touches the disk). Without a day
    (the template partners copy in a browser) the day is left for them to write."""
    folder = project.root / TEMPLATES
    if not folder.is_dir():
        raise ScaffoldError(
            f"{TEMPLATES.as_posix()}/ is missing: the templates of new case studies"
        )
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # YAML and Markdown, not HTML
    )
    env.filters["yaml_string"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    vocabularies, _problems = load_vocabularies(
        project.vocabularies_dir, project.root, project.language_codes
    )
    hints: dict[str, Any] = yaml.safe_load((folder / "hints.yml").read_text(encoding="utf-8"))
    languages = project.language_codes
    text_files = ", ".join(f"{code}.md" for code in languages)

    def terms(name: str) -> str:
        vocabulary = vocabularies.get(name)
        return ", ".join(vocabulary.terms) if vocabulary else f"vocabularies/{name}.yml"

    files = {
        "practice.yml": env.get_template("practice.yml.j2").render(
            id=new.id,
            today=today.isoformat() if today else "TODO",
            terms=terms,
            text_files=text_files,
            languages=languages,
            original=new.language,
        )
    }
    sections = vocabularies.get("sections")
    for code in languages:

        def hint(key: str, code: str = code) -> str:
            return str(hints[key].get(code) or hints[key]["en"])

        original = code == new.language
        files[f"{code}.md"] = env.get_template("text.md.j2").render(
            title=new.title if original else f"TODO: {hint('title')}",
            original=original,
            original_file=f"{new.language}.md",
            hints={key: hint(key) for key in ("summary", "translate")},
            sections=[
                {
                    "heading": term.label(code),
                    "hint": str(hints["sections"].get(term_id, {}).get(code, "")),
                }
                for term_id, term in (sections.terms.items() if sections else [])
            ],
        )
    return files


# The commented files a partner with only a browser copies (CONTRIBUTING.md, path 2); written
# by `goodpractice template` from the same templates as `goodpractice new`, so they never differ.
BROWSER_TEMPLATE = Path("templates") / "case-study"


def browser_template(project: Project) -> dict[str, str]:
    """The files of templates/case-study/, every value to write still TODO."""
    return render_files(
        project, NewPractice("TODO", "TODO: titlul / the title", project.default_language), None
    )


def create_practice(project: Project, new: NewPractice, today: date | None = None) -> Path:
    """Write the new case study; raise ScaffoldError and write nothing if anything is in the way."""
    validate_id(new.id)
    if new.language not in project.language_codes:
        raise ScaffoldError(
            f"'{new.language}' is not a language of the site ({', '.join(project.language_codes)})"
        )
    target = project.practices_dir / new.id
    if target.exists():
        raise ScaffoldError(
            f"{project.relative(target)} already exists; nothing was written. Choose another id "
            "with --id, or edit the existing case study"
        )
    files = render_files(project, new, today or date.today())
    project.practices_dir.mkdir(exist_ok=True)
    try:
        target.mkdir()  # fails if another process created it meanwhile: never overwrite
    except FileExistsError:
        raise ScaffoldError(
            f"{project.relative(target)} already exists; nothing was written"
        ) from None
    try:
        for name, text in files.items():
            with (target / name).open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
    except OSError as exc:
        shutil.rmtree(target, ignore_errors=True)  # only what we created a moment ago
        raise ScaffoldError(f"could not write {project.relative(target)}: {exc}") from None
    return target


__all__ = [
    "BROWSER_TEMPLATE",
    "NewPractice",
    "ScaffoldError",
    "browser_template",
    "create_practice",
    "practice_slug",
    "render_files",
    "validate_id",
]
