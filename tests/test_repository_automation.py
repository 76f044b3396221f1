"""The files GitHub reads: workflows, the issue form, the PR template and pre-commit hooks.

Workflows and the issue form are validated against the schemas that check-jsonschema ships
(vendored: no network); the issue form must match the vocabularies it is generated from.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run_cli
from goodpractice.authoring.issueform import FORM, UPDATE_FORM, option_term

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
# A full commit hash: a tag such as @v4 can be moved to other code after review.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _validate(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert isinstance(data, dict)
    return data


# The write scopes each workflow's jobs may take: the least each needs, nothing else.
WRITES = {
    "deploy.yml": {"pages", "id-token"},
    "issue-intake.yml": {"contents", "pull-requests", "issues"},
    "pull-request.yml": set(),
}


def test_there_are_workflows_for_pull_requests_pages_and_proposals() -> None:
    names = {path.name for path in WORKFLOWS}
    assert set(WRITES) == names


@pytest.mark.parametrize(
    "schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"]
)
def test_workflows_are_valid(schema: str) -> None:
    result = _validate(schema, *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        (REPO / ".github/workflows/deploy.yml").read_text("utf-8").replace("runs-on:", "run-on:"),
        encoding="utf-8",
    )
    assert _validate("vendor.github-workflows", broken).returncode == 1


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_actions_are_pinned_and_permissions_are_least(path: Path) -> None:
    workflow = _load(path)
    assert "permissions" in workflow, "set top-level permissions; the default token can write"
    assert workflow["permissions"] in ({}, {"contents": "read"}, "{}")
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{path.name}:{name}: {step['uses']}"
        if "uses" in job:  # a reusable workflow of this repository
            assert job["uses"].startswith("./.github/workflows/"), job["uses"]
        granted = job.get("permissions", {})
        writes = {scope for scope, level in granted.items() if level == "write"}
        assert writes <= WRITES[path.name], (path.name, name, writes)


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_no_expression_reaches_a_shell_command(path: Path) -> None:
    """Text of an issue or a pull request in ${{ }} inside run: would be pasted into the shell
    before it runs (script injection). Values reach commands as environment variables only."""
    workflow = _load(path)
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            assert "${{" not in step.get("run", ""), f"{path.name}:{name}: {step.get('name')}"


def test_the_issue_workflow_runs_intake_and_keeps_one_pull_request_and_comment() -> None:
    workflow = _load(REPO / ".github/workflows/issue-intake.yml")
    assert workflow["on"] == {"issues": {"types": ["opened", "edited"]}}
    intake = workflow["jobs"]["intake"]
    assert "case-study-proposal" in intake["if"] and "case-study-update" in intake["if"]
    assert intake["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
    }
    steps = {step.get("name", step.get("uses", "")): step for step in intake["steps"]}
    runs = "\n".join(step.get("run", "") for step in intake["steps"])
    # The issue's text is read from the event's file, never from an expression.
    assert 'jq -r \'.issue.body // ""\' "$GITHUB_EVENT_PATH"' in runs
    assert "goodpractice intake --body" in runs
    assert "push-proposal.sh" in runs
    assert "gh pr list" in runs and "gh pr create" in runs and "gh pr edit" in runs
    assert "<!-- goodpractice-intake -->" in runs and "--method PATCH" in runs
    checkout = next(s for s in intake["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] == "false"
    assert steps  # named steps, for the run's page
    # Build, tests and previews run in the reusable workflow, with a read-only token.
    preview = workflow["jobs"]["preview"]
    assert preview["uses"] == "./.github/workflows/pull-request.yml"
    assert preview["permissions"] == {"contents": "read"}


def test_pull_requests_annotate_summarise_and_preview() -> None:
    workflow = _load(REPO / ".github/workflows/pull-request.yml")
    assert {"pull_request", "workflow_call"} <= set(workflow["on"])
    steps = workflow["jobs"]["check-build-test"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert 'goodpractice check --format github --summary "$GITHUB_STEP_SUMMARY"' in runs
    assert 'goodpractice translations --outdated-since "origin/$BASE"' in runs
    assert "goodpractice preview --site-dir site --out previews" in runs
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    paths = {upload["with"]["path"] for upload in uploads}
    assert "previews/site/" in paths  # the copy that opens when unzipped
    image = next(u for u in uploads if u["with"].get("archive") == "false")
    assert image["with"]["path"].endswith(".png")  # one picture, shown in the browser


def test_deploy_publishes_the_pdf_handouts() -> None:
    workflow = _load(REPO / ".github/workflows/deploy.yml")
    steps = workflow["jobs"]["build"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "pip install -q -e '.[pdf]'" in runs
    assert "playwright install --with-deps chromium" in runs and "fonts-dejavu-core" in runs
    build = next(step for step in steps if "goodpractice build" in step.get("run", ""))
    assert build["env"]["GOODPRACTICE_PDF"] == "required"


def test_pull_requests_run_check_build_tests_and_upload_the_site() -> None:
    workflow = _load(REPO / ".github/workflows/pull-request.yml")
    assert "pull_request" in workflow["on"]
    assert "pull_request_target" not in workflow["on"]  # would run fork code with secrets
    steps = workflow["jobs"]["check-build-test"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    for command in ("goodpractice check", "goodpractice build", "scripts/test.sh"):
        assert command in runs


def test_main_deploys_to_pages() -> None:
    workflow = _load(REPO / ".github/workflows/deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert any(
        s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"]
    )
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_issue_form_is_valid_and_up_to_date() -> None:
    result = _validate("vendor.github-issue-forms", REPO / FORM, REPO / UPDATE_FORM)
    assert result.returncode == 0, result.stdout + result.stderr
    check = run_cli("issue-form", "--root", str(REPO), "--check")
    assert check.exit_code == 0, check.output


def test_issue_form_covers_the_required_fields_of_the_schema() -> None:
    schema = json.loads((REPO / "schema/practice.schema.json").read_text(encoding="utf-8"))
    form = _load(REPO / FORM)
    ids = {element.get("id") for element in form["body"]} - {None}
    fields = {element_id.split("-")[0] for element_id in ids}  # location-countries: location
    # `added` is the day the case study is merged: the maintainer writes it, not the proposer.
    assert set(schema["required"]) - {"added"} <= fields
    sections = _load(REPO / "vocabularies/sections.yml")["terms"]
    assert {f"section-{term}" for term in sections} <= ids


def test_issue_form_dropdowns_offer_exactly_the_vocabulary_terms() -> None:
    spec = _load(REPO / "templates/issue-form/fields.yml")
    vocabularies = {
        field["id"]: field["vocabulary"] for field in spec["fields"] if "vocabulary" in field
    }
    form = {element.get("id"): element for element in _load(REPO / FORM)["body"]}
    assert vocabularies
    for field_id, vocabulary in vocabularies.items():
        terms = list(_load(REPO / f"vocabularies/{vocabulary}.yml")["terms"])
        options = form[field_id]["attributes"]["options"]
        assert [option_term(option) for option in options] == terms, field_id


def test_stale_issue_form_is_reported(tmp_path: Path) -> None:
    import shutil

    for name in ("mkdocs.yml", "vocabularies", "i18n", "templates", ".github"):
        source = REPO / name
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, tmp_path / name)
    with (tmp_path / "vocabularies/themes.yml").open("a", encoding="utf-8") as handle:
        handle.write("  new-theme:\n    ro: Temă nouă\n    en: New theme\n")
    result = run_cli("issue-form", "--root", str(tmp_path), "--check")
    assert result.exit_code == 1
    assert "propose-case-study.yml is out of date; run 'goodpractice issue-form'" in result.output
    assert run_cli("issue-form", "--root", str(tmp_path)).exit_code == 0
    assert "Temă nouă / New theme (new-theme)" in (tmp_path / FORM).read_text(encoding="utf-8")


def test_pull_request_template_has_a_bilingual_checklist() -> None:
    text = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert len(items) >= 6
    assert all(" / " in item for item in items)


def test_pre_commit_runs_check_on_content_and_ruff() -> None:
    config = _load(REPO / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["goodpractice-check"]["entry"] == "goodpractice check"
    assert re.search(hooks["goodpractice-check"]["files"], "practices/socec-net/ro.md")
    assert not re.search(hooks["goodpractice-check"]["files"], "src/goodpractice/cli.py")
    assert {"ruff", "ruff-format"} <= set(hooks)
