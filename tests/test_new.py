"""``goodpractice new``: a case study skeleton that check explains until it is filled in."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run_cli
from goodpractice.authoring.scaffold import practice_slug as slug

NEW = "practices/economie-sociala-in-calarasi"


@pytest.fixture
def root(project: Callable[..., Path]) -> Path:
    folder = project()
    shutil.copytree(REPO / "templates", folder / "templates")
    return folder


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Economie socială în Călărași", "economie-sociala-in-calarasi"),
        ("Şcoala de după şcoală — Iaşi (2014)", "scoala-de-dupa-scoala-iasi-2014"),
        ("  ÎNTREPRINDERI sociale: Țara Făgărașului!  ", "intreprinderi-sociale-tara-fagarasului"),
        ("Social enterprises & NGOs", "social-enterprises-ngos"),
    ],
)
def test_slug_folds_romanian_diacritics(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_slug_of_a_long_title_ends_on_a_whole_word() -> None:
    result = slug("Proiect " * 30)
    assert len(result) <= 80
    assert re.fullmatch(r"proiect(-proiect)*", result)


def test_new_creates_the_three_files(root: Path) -> None:
    result = run_cli("new", "--root", str(root), "--title", "Economie socială în Călărași")
    assert result.exit_code == 0, result.output
    assert f"Created {NEW}/: en.md, practice.yml, ro.md." in result.output
    folder = root / NEW
    assert sorted(p.name for p in folder.iterdir()) == ["en.md", "practice.yml", "ro.md"]
    facts = (folder / "practice.yml").read_text(encoding="utf-8")
    assert facts.splitlines()[0] == (
        "# yaml-language-server: $schema=../../schema/practice.schema.json"
    )
    ro = (folder / "ro.md").read_text(encoding="utf-8")
    assert 'title: "Economie socială în Călărași"' in ro
    en = (folder / "en.md").read_text(encoding="utf-8")
    assert "TODO: translate the original text into English, section by section (ro.md)" in en


def test_every_field_of_the_schema_is_present_and_commented_in_both_languages(
    root: Path,
) -> None:
    run_cli("new", "--root", str(root), "--title", "Economie socială în Călărași")
    text = (root / NEW / "practice.yml").read_text(encoding="utf-8")
    schema = json.loads((REPO / "schema/practice.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(text)
    assert set(data) == set(schema["properties"])
    lines = text.splitlines()
    for field in schema["properties"]:
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
        comments = []
        for line in reversed(lines[:index]):
            if not line.startswith("#"):
                break
            comments.append(line)
        block = " ".join(comments)
        assert "RO" in block and "EN" in block, f"{field} lacks a comment in both languages"


def test_texts_have_the_standard_sections(root: Path) -> None:
    run_cli("new", "--root", str(root), "--title", "Economie socială în Călărași")
    sections = yaml.safe_load((REPO / "vocabularies/sections.yml").read_text(encoding="utf-8"))
    for language in ("ro", "en"):
        text = (root / NEW / f"{language}.md").read_text(encoding="utf-8")
        headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
        assert headings == [term[language] for term in sections["terms"].values()]


def test_check_explains_every_unfilled_value_without_crashing(root: Path) -> None:
    run_cli("new", "--root", str(root), "--title", "Economie socială în Călărași")
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        f"{NEW}/practice.yml:15: status: still 'TODO' from the template; fill it in (the "
        "comment above it says what to write) or delete the line if it is optional"
    ) in lines
    assert f"{NEW}/ro.md:3: summary: still the template's text; write it" in lines
    assert f"{NEW}/en.md:2: title: still the template's text; write it" in lines
    assert (
        f"{NEW}/ro.md:8: sections: still the template's TODO note; write this part of the text "
        "and remove the note"
    ) in lines
    # One message per unfilled value: no schema noise about the placeholder itself.
    assert "unknown term 'TODO'" not in result.output
    assert "has the wrong form" not in result.output
    assert "Traceback" not in result.output
    # Every line of output is a problem line, apart from the summary.
    assert all(line.startswith(NEW) for line in lines[:-1]), lines


def test_filled_in_skeleton_passes_check(root: Path) -> None:
    run_cli("new", "--root", str(root), "--title", "Economie socială în Călărași")
    folder = root / NEW
    data = yaml.safe_load((folder / "practice.yml").read_text(encoding="utf-8"))
    data.update(
        status="completed",
        period={"start": "2016-01", "end": "2017-12"},
        location={"countries": ["ro"], "regions": ["sud-muntenia"], "counties": ["calarasi"]},
        organisations=[{"name": "Asociația Beta", "type": "ngo", "roles": ["lead"]}],
        funding={"programme": "posdru-2007-2013", "priority_axis": "6"},
        themes=["social-economy"],
        target_groups=["vulnerable-groups"],
        figures=[],
        sources=[{"title": "Raport final"}],
        evidence={"level": "targets-stated"},
        resources={"budget": 2_500_000, "eu_contribution": 2_000_000, "currency": "ron"},
    )
    del data["contacts"]
    (folder / "practice.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    for language in ("ro", "en"):
        path = folder / f"{language}.md"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^TODO: .*$", "Text scris de partener.", text, flags=re.MULTILINE)
        text = re.sub(r'"TODO: [^"]*"', '"Un titlu sau un rezumat scris de partener."', text)
        path.write_text(text, encoding="utf-8")
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0, result.output


def test_new_never_overwrites(root: Path) -> None:
    existing = root / NEW
    existing.mkdir(parents=True)
    (existing / "ro.md").write_text("draft\n", encoding="utf-8")
    result = run_cli("new", "--root", str(root), "--title", "Economie socială în Călărași")
    assert result.exit_code == 1
    assert (
        f"Error: {NEW} already exists; nothing was written. Choose another id with --id, or "
        "edit the existing case study"
    ) in result.output
    assert sorted(p.name for p in existing.iterdir()) == ["ro.md"]
    assert (existing / "ro.md").read_text(encoding="utf-8") == "draft\n"


def test_new_refuses_a_bad_id_and_writes_nothing(root: Path) -> None:
    before = sorted(p.name for p in (root / "practices").iterdir())
    result = run_cli("new", "--root", str(root), "--title", "X y z", "--id", "Bad_Id")
    assert result.exit_code == 1
    assert "Error: 'Bad_Id' cannot be an id: use lowercase letters a-z" in result.output
    assert sorted(p.name for p in (root / "practices").iterdir()) == before


def test_new_in_the_original_language_english(root: Path) -> None:
    result = run_cli(
        "new", "--root", str(root), "--title", "Social shops", "--language", "en", "--id", "shops"
    )
    assert result.exit_code == 0, result.output
    assert 'title: "Social shops"' in (root / "practices/shops/en.md").read_text("utf-8")
    ro = (root / "practices/shops/ro.md").read_text(encoding="utf-8")
    assert 'title: "TODO: titlul studiului de caz în română"' in ro
    assert "TODO: traduceți textul original în română, secțiune cu secțiune (en.md)" in ro


def test_new_without_a_title_and_without_a_terminal_says_what_to_give(root: Path) -> None:
    result = run_cli("new", "--root", str(root))
    assert result.exit_code == 2
    assert "give the title with --title (no terminal to ask in)" in result.output
    assert not (root / NEW).exists()


def test_new_asks_in_a_terminal(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from goodpractice import cli

    monkeypatch.setattr(cli, "_stdin_is_terminal", lambda: True)
    result = CliRunner().invoke(
        cli.main, ["new", "--root", str(root)], input="Economie socială în Călărași\n\nro\n"
    )
    assert result.exit_code == 0, result.output
    assert "Id (folder name / numele dosarului) [economie-sociala-in-calarasi]" in result.output
    assert (root / NEW / "practice.yml").is_file()


def test_new_without_templates_says_what_is_missing(project: Callable[..., Path]) -> None:
    root = project()
    result = run_cli("new", "--root", str(root), "--title", "Economie socială în Călărași")
    assert result.exit_code == 1
    assert "Error: templates/new/ is missing: the templates of new case studies" in result.output
    assert not (root / NEW).exists()


def test_new_speaks_romanian(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOODPRACTICE_LANG", "ro")
    result = run_cli("new", "--root", str(root), "--title", "Economie socială în Călărași")
    assert result.exit_code == 0, result.output
    assert f"S-a creat {NEW}/: en.md, practice.yml, ro.md." in result.output
    assert "Înlocuiți fiecare TODO, apoi rulați: goodpractice check" in result.output
    stale = run_cli("template", "--root", str(root), "--check")
    assert "este la zi." in stale.output, stale.output
