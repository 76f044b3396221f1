"""The ``goodpractice`` command: check, build, serve and keep generated files fresh."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from goodpractice.core.base import formatting
from goodpractice.core.base.messages import Message, msg
from goodpractice.core.base.problems import Severity
from goodpractice.core.readers.messages import LANGUAGE_VARIABLE, load_catalogue, message_language
from goodpractice.core.readers.project import Project, ProjectError

LANG_OPTION = click.option(
    "--lang",
    "language",
    default=None,
    metavar="ro|en",
    help="Language of the messages (default: $GOODPRACTICE_LANG, else the locale if it is a "
    "language of the site, else the site's first language).",
)
ROOT_OPTION = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder of the content repository (holding mkdocs.yml).",
)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ProjectError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group)
@click.version_option(package_name="goodpractice")
def main() -> None:
    """Build and check the good-practice platform."""


@main.command()
@ROOT_OPTION
@LANG_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="github: annotations on the pull request's lines, in every language.",
)
@click.option(
    "--summary",
    "summary_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Append a summary in every language to this file (GitHub: $GITHUB_STEP_SUMMARY).",
)
def check(root: Path, language: str | None, output_format: str, summary_file: Path | None) -> None:
    """Validate all content; print one line per problem; exit 1 on any error."""
    from goodpractice.authoring.check_report import (
        github_annotations,
        job_summary,
        summary_line,
        text_lines,
    )
    from goodpractice.core.pipeline import check_project

    project = Project.at(root)
    language = message_language(project, language)
    catalogue = load_catalogue(project)
    problems = check_project(project)
    languages = [language, *(code for code in project.language_codes if code != language)]
    if output_format == "github":
        lines = github_annotations(problems, catalogue, languages)
    else:
        lines = text_lines(problems, catalogue, language)
    for line in lines:
        click.echo(line)
    if summary_file is not None:
        with summary_file.open("a", encoding="utf-8") as handle:
            handle.write(job_summary(problems, catalogue, languages))
    click.echo(summary_line(problems, catalogue, language), err=True)
    sys.exit(1 if any(p.severity is Severity.ERROR for p in problems) else 0)


@main.command()
@ROOT_OPTION
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to put the site (default: site/ in the root).",
)
def build(root: Path, site_dir: Path | None) -> None:
    """Build the complete site into site/ (the previous site stays if the build fails)."""
    from goodpractice.build.errors import BuildError
    from goodpractice.build.sitebuild import build_site

    project = Project.at(root)
    language = message_language(project)
    catalogue = load_catalogue(project)
    try:
        result = build_site(root, site_dir)
    except BuildError as exc:
        click.echo(catalogue.text(msg("build.failed", reason=str(exc)), language), err=True)
        click.echo(catalogue.text(msg("build.previous-kept"), language), err=True)
        sys.exit(1)
    for note in result.notes:
        click.echo(note)
    done = msg(
        "build.done",
        pages=result.pages,
        site=str(result.site_dir),
        seconds=formatting.seconds(result.seconds, project.language(language).locale),
    )
    click.echo(catalogue.text(done, language))


@main.command()
@ROOT_OPTION
@LANG_OPTION
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
def serve(root: Path, language: str | None, dev_addr: str) -> None:
    """Preview the site with live reload, including edits under practices/; prints its address,
    and shows content errors in the browser until they are fixed. After an edit to a case
    study only the pages it changed are rendered again."""
    import os

    from goodpractice.build.preview import serve_preview

    project = Project.at(root)
    os.environ[LANGUAGE_VARIABLE] = message_language(project, language)  # for the plugin
    catalogue = load_catalogue(project)
    click.echo(catalogue.text(msg("serve.building"), os.environ[LANGUAGE_VARIABLE]), err=True)
    serve_preview(project.root, dev_addr)


@main.command()
@ROOT_OPTION
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="The built site (goodpractice build).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("previews"),
    show_default=True,
    help="Where to write the copy that opens from the disk (site/) and the pictures.",
)
@click.option(
    "--since",
    default=None,
    metavar="REF",
    help="Take pictures of the case pages changed since REF (a pull request's base).",
)
@click.option(
    "--summary",
    "summary_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Append what was made, in every language, to this file ($GITHUB_STEP_SUMMARY).",
)
def preview(
    root: Path, site_dir: Path, out: Path, since: str | None, summary_file: Path | None
) -> None:
    """Make a pull request's previews: a copy of the site that opens when unzipped (double-click
    index.html), and pictures of each changed case page, in each language, on a phone and a
    computer."""
    from goodpractice.build.previews import changed_cases, offline_copy, take_pictures

    project = Project.at(root)
    catalogue = load_catalogue(project)
    language = message_language(project)
    pages = offline_copy(site_dir, out / "site")
    cases = changed_cases(project, since) if since else []
    shots = take_pictures(project, site_dir, cases, out / "pictures") if cases else []
    click.echo(
        catalogue.text(
            msg("preview.made", pages=pages, pictures=len(shots), folder=out.as_posix()), language
        )
    )
    if summary_file is not None:
        with summary_file.open("a", encoding="utf-8") as handle:
            for code in project.language_codes:
                handle.write(
                    f"### {catalogue.text(msg('preview.summary-title'), code)} ({code})\n\n"
                )
                key = "preview.summary-cases" if cases else "preview.summary-no-cases"
                cases_text = ", ".join(f"`practices/{case}/`" for case in cases)
                handle.write(catalogue.text(msg(key, cases=cases_text), code) + "\n\n")
                handle.write(catalogue.text(msg("preview.summary-open"), code) + "\n\n")


@main.command()
@ROOT_OPTION
@click.option("--check", "check_only", is_flag=True, help="Exit 1 if the file is out of date.")
def schema(root: Path, check_only: bool) -> None:
    """Regenerate schema/vocabularies.schema.json from vocabularies/."""
    from goodpractice.core.checks.schema import VOCABULARY_SCHEMA, render_vocabulary_schema
    from goodpractice.core.readers.content import load_raw

    project = Project.at(root)
    raw = load_raw(project)
    path = project.schema_dir / VOCABULARY_SCHEMA
    expected = render_vocabulary_schema(raw.vocabularies)
    _refresh(project, path, project.relative(path), expected, check_only, "goodpractice schema")


def _refresh(
    project: Project, path: Path, name: str, expected: str, check_only: bool, command: str
) -> None:
    """Write a generated file if it changed; with --check, exit 1 instead of writing."""
    catalogue, language = load_catalogue(project), message_language(project)

    def say(message: Message) -> None:
        click.echo(catalogue.text(message, language))

    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current == expected:
        say(msg("generated.up-to-date", name=name))
        return
    if check_only:
        say(msg("generated.out-of-date", name=name, command=command))
        sys.exit(1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(expected, encoding="utf-8")
    say(msg("generated.wrote", name=name))


@main.command()
@ROOT_OPTION
@click.option("--title", help="Title of the case study in its original language.")
@click.option("--id", "practice_id", help="Folder name and id (default: made from the title).")
@click.option(
    "--language",
    help="Language the case study is first written in (default: the site's default language).",
)
def new(root: Path, title: str | None, practice_id: str | None, language: str | None) -> None:
    """Start a case study: practices/<id>/ with practice.yml and a text per language."""
    from goodpractice.authoring.scaffold import (
        NewPractice,
        ScaffoldError,
        create_practice,
        practice_slug,
    )

    project = Project.at(root)
    interactive = _stdin_is_terminal()
    catalogue, said_in = load_catalogue(project), message_language(project)
    if title is None:
        if not interactive:
            raise click.UsageError(catalogue.text(msg("new.no-title"), said_in))
        title = click.prompt("Title / Titlu")
    title = title.strip()
    if not title:
        raise click.UsageError(catalogue.text(msg("new.empty-title"), said_in))
    if practice_id is None:
        practice_id = practice_slug(title)
        if interactive:
            practice_id = click.prompt("Id (folder name / numele dosarului)", default=practice_id)
    if language is None:
        language = project.default_language
        if interactive:
            language = click.prompt(
                "Original language / Limba originală",
                default=language,
                type=click.Choice(project.language_codes),
            )
    try:
        folder = create_practice(project, NewPractice(practice_id, title, language))
    except ScaffoldError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    names = ", ".join(sorted(path.name for path in folder.iterdir()))
    created = msg("new.created", folder=str(project.relative(folder)), files=names)
    click.echo(catalogue.text(created, said_in))
    click.echo(catalogue.text(msg("new.next"), said_in))


@main.command()
@ROOT_OPTION
@LANG_OPTION
@click.option(
    "--body",
    "body_file",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The issue's text, as GitHub renders the form (### Label, then the answer).",
)
@click.option(
    "--result",
    "result_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write what happened as JSON, for the workflow's comment and pull request.",
)
@click.option("--today", default=None, help="The day written as added/updated (YYYY-MM-DD).")
def intake(
    root: Path,
    language: str | None,
    body_file: Path,
    result_file: Path | None,
    today: str | None,
) -> None:
    """Turn an issue made from a form into practices/<id>/ (or the changes it names); exit 1
    with the problems, in the proposer's language, unless the case study is valid."""
    from datetime import UTC, date, datetime

    from goodpractice.authoring.intake import intake as run_intake
    from goodpractice.authoring.intake_report import intake_report
    from goodpractice.core.pipeline import check_project

    project = Project.at(root)
    day = date.fromisoformat(today) if today else datetime.now(UTC).date()
    if len(body_file.read_bytes()) > 1_000_000:
        raise click.ClickException(f"{body_file} is over 1 MB; an issue's text never is")
    body = body_file.read_bytes().decode("utf-8", errors="replace")
    done = run_intake(project, body, body_file.name, day)
    folder = done.folder
    found = (
        [p for p in check_project(project) if folder and p.path.startswith(f"{folder}/")]
        if done.written
        else []
    )
    report = intake_report(project, done, found, language)
    for line in report.lines:
        click.echo(line)
    if result_file is not None:
        result_file.write_text(report.json(), encoding="utf-8")
    sys.exit(0 if report.valid else 1)


@main.command()
@ROOT_OPTION
@click.option(
    "--result",
    "result_file",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The JSON written by goodpractice intake --result.",
)
@click.option("--pull-request", "pull_request", default=None, help="Address of the pull request.")
@click.option("--run", "run_url", default=None, help="Address of the workflow run (previews).")
@click.option(
    "--pull-request-body",
    "for_pull_request",
    is_flag=True,
    help="Print the pull request's description instead (with --issue).",
)
@click.option("--issue", default=None, help="Number of the issue the pull request closes.")
@click.option(
    "--branch-state",
    type=click.Choice(["pushed", "unchanged", "edited-by-hand"]),
    default=None,
    help="What happened to the issue's branch (edited-by-hand: this edit was not applied).",
)
def comment(
    root: Path,
    result_file: Path,
    pull_request: str | None,
    run_url: str | None,
    for_pull_request: bool,
    issue: str | None,
    branch_state: str | None,
) -> None:
    """Print the comment for the issue, in the proposer's language, from intake's result."""
    from goodpractice.authoring.intake_report import issue_comment, pull_request_body

    project = Project.at(root)
    result = result_file.read_text(encoding="utf-8")
    if for_pull_request:
        click.echo(pull_request_body(project, result, issue), nl=False)
    else:
        text = issue_comment(project, result, pull_request, run_url, branch_state)
        click.echo(text, nl=False)


def _stdin_is_terminal() -> bool:
    """Ask questions only when a person can answer them (not in CI or a pipe)."""
    return sys.stdin.isatty()


@main.command()
@ROOT_OPTION
@click.option("--check", "check_only", is_flag=True, help="Exit 1 if a file is out of date.")
def template(root: Path, check_only: bool) -> None:
    """Regenerate templates/case-study/, the commented files partners copy in a browser."""
    from goodpractice.authoring.scaffold import BROWSER_TEMPLATE, browser_template

    project = Project.at(root)
    stale = False
    for name, text in browser_template(project).items():
        path = project.root / BROWSER_TEMPLATE / name
        try:
            _refresh(
                project,
                path,
                project.relative(path) if path.exists() else (BROWSER_TEMPLATE / name).as_posix(),
                text,
                check_only,
                "goodpractice template",
            )
        except SystemExit:
            stale = True
    if stale:
        sys.exit(1)


@main.command("issue-form")
@ROOT_OPTION
@click.option("--check", "check_only", is_flag=True, help="Exit 1 if the form is out of date.")
def issue_form(root: Path, check_only: bool) -> None:
    """Regenerate the GitHub issue forms (propose, update) from the vocabularies."""
    from goodpractice.authoring.issueform import FORM_KINDS, render_issue_form
    from goodpractice.core.readers.content import load_raw

    project = Project.at(root)
    raw = load_raw(project)
    stale = False
    for kind in FORM_KINDS:
        expected = render_issue_form(project, raw.vocabularies, raw.labels, kind)
        try:
            _refresh(
                project,
                project.root / kind.form,
                kind.form.as_posix(),
                expected,
                check_only,
                "goodpractice issue-form",
            )
        except SystemExit:
            stale = True
    if stale:
        sys.exit(1)


@main.command()
@ROOT_OPTION
@click.option(
    "--stamp",
    "stamp_paths",
    type=click.Path(dir_okay=False, path_type=Path),
    multiple=True,
    help="Mark this translation as up to date with its original, after a translator checked "
    "it (repeat for several files).",
)
@click.option(
    "--reviewed",
    default=None,
    help="The day of the review written by --stamp (YYYY-MM-DD; default: today, UTC).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--diff",
    "diff_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Show what changed in the original of this translation since it was stamped.",
)
@click.option(
    "--outdated-since",
    "since",
    default=None,
    metavar="REF",
    help="Markdown (both languages): the translations outdated by changes since REF.",
)
@LANG_OPTION
def translations(
    root: Path,
    stamp_paths: tuple[Path, ...],
    reviewed: str | None,
    output_format: str,
    diff_path: Path | None,
    since: str | None,
    language: str | None,
) -> None:
    """List complete, outdated and missing translations per content type, or stamp one."""
    from datetime import UTC, datetime

    from goodpractice.authoring.stamping import StampError, stamp
    from goodpractice.authoring.translation_status import as_json, as_text
    from goodpractice.core.model.translations import translation_report
    from goodpractice.core.readers.content import load_raw

    project = Project.at(root)
    if diff_path is not None or since is not None:
        _translation_changes(project, diff_path, since, language)
        return
    if stamp_paths:
        day = reviewed or datetime.now(UTC).date().isoformat()
        if not _is_day(day):
            raise click.BadParameter(f"'{day}' is not a day (YYYY-MM-DD)", param_hint="--reviewed")
        for stamp_path in stamp_paths:
            try:
                done = stamp(project, stamp_path, day)
            except StampError as exc:
                raise click.ClickException(str(exc)) from None
            verb = "Stamped" if done.changed else "Already stamped"
            click.echo(
                f"{verb} {done.path}: translates the {done.source} original as of "
                f"{done.source_hash}, reviewed {done.reviewed}."
            )
        return
    report = translation_report(load_raw(project))
    click.echo((as_json if output_format == "json" else as_text)(report, project.root))


def _translation_changes(
    project: Project, diff_path: Path | None, since: str | None, language: str | None
) -> None:
    from goodpractice.authoring.stamping import StampError, relative_path
    from goodpractice.authoring.translation_diff import (
        outdated_by,
        outdated_summary,
        render,
        translation_diff,
    )

    catalogue = load_catalogue(project)
    chosen = message_language(project, language)
    try:
        if diff_path is not None:
            diff = translation_diff(project, relative_path(project, diff_path))
            click.echo(render(diff, catalogue, chosen))
        if since is not None:
            languages = [chosen, *(code for code in project.language_codes if code != chosen)]
            click.echo(outdated_summary(outdated_by(project, since), catalogue, languages))
    except StampError as exc:
        raise click.ClickException(str(exc)) from None


def _is_day(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
