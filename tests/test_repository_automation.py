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
from goodpractice.authoring.issueform import FORM, option_term

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


def test_there_are_workflows_for_pull_requests_and_pages() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"pull-request.yml", "deploy.yml"} <= names


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
        granted = job.get("permissions", {})
        writes = {scope for scope, level in granted.items() if level == "write"}
        assert writes <= {"pages", "id-token"}, (path.name, name, writes)


def test_pull_requests_run_check_build_tests_and_upload_the_site() -> None:
    workflow = _load(REPO / ".github/workflows/pull-request.yml")
    assert "pull_request" in workflow["on"]
    assert "pull_request_target" not in workflow["on"]  # would run fork code with secrets
    steps = workflow["jobs"]["check-build-test"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    for command in ("goodpractice check", "goodpractice build", "scripts/test.sh"):
        assert command in runs
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "site/"


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
    result = _validate("vendor.github-issue-forms", REPO / FORM)
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
