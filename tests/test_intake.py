"""goodpractice intake: issues made from the forms, with the mistakes partners make, become
valid case studies or clear messages in the proposer's language; nothing else is touched."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, REPO, make_project, run_cli

ISSUES = FIXTURES / "issues"
TODAY = "2026-11-30"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project")
    for name in ("templates",):
        subprocess.run(["cp", "-r", str(REPO / name), str(project / name)], check=True)
    return project


def _files(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _intake(root: Path, issue: str, *extra: str) -> tuple[int, list[str]]:
    result = run_cli(
        "intake", "--root", str(root), "--body", str(ISSUES / issue), "--today", TODAY, *extra
    )
    return result.exit_code, result.output.splitlines()


def test_a_romanian_proposal_becomes_a_valid_case_study(root: Path) -> None:
    before = _files(root)
    code, lines = _intake(root, "proposal-ro.md")
    assert code == 0, lines
    folder = "practices/atelier-de-croitorie-sociala-in-calarasi"
    # The form names no source per figure; with two sources, check asks the editors (issue 13).
    warning = (
        "figures[{n}].source: avertisment: studiul de caz are 2 surse: spuneți din care vine "
        "cifra (source: 1 pentru prima, până la 2)"
    )
    assert lines == [
        *(
            f"{folder}/practice.yml:{line}: {warning.format(n=n)}"
            for n, line in enumerate((30, 33, 36, 39), 1)
        ),
        f"Am scris: {folder}/practice.yml, {folder}/ro.md.",
        "erori: 0, avertismente: 4",
    ]
    after = _files(root)
    assert {path for path in after if path not in before} == {
        f"{folder}/practice.yml",
        f"{folder}/ro.md",
    }
    assert all(after[path] == digest for path, digest in before.items())
    facts = yaml.safe_load((root / folder / "practice.yml").read_text(encoding="utf-8"))
    assert facts["languages"] == ["ro"]  # English declared missing: a notice, not an error
    assert facts["location"]["regions"] == ["sud-muntenia"]  # the county's region, added
    assert facts["location"]["localities"] == [
        {"name": "Călărași", "county": "calarasi"},
        {"name": "Oltenița", "county": "calarasi"},  # 'Oltenița, județul Călărași'
    ]
    assert facts["organisations"][0] == {
        "name": "Asociația Femeilor din Călărași",
        "type": "ngo",  # 'ONG'
        "roles": ["lead"],  # 'coordonator'
        "country": "ro",
        "website": "https://www.femei-calarasi.example.ro",
    }
    assert facts["evidence"] == {"level": "results-reported"}
    assert facts["resources"] == {
        "budget": 2_500_000,
        "eu_contribution": 2_000_000,
        "currency": "ron",
    }
    assert facts["figures"][1:3] == [
        {"kind": "jobs-for-vulnerable", "value": 9, "basis": "achieved"},
        {"kind": "jobs-for-people-with-disabilities", "value": 2, "basis": "achieved"},
    ]
    assert facts["period"] == {"start": "2016-03", "end": "2018-02"}
    assert run_cli("check", "--root", str(root)).exit_code == 0


def test_the_mistakes_partners_make_get_clear_romanian_messages(root: Path) -> None:
    code, lines = _intake(root, "proposal-mistakes-ro.md")
    assert code == 1
    name = "proposal-mistakes-ro.md"
    assert lines == [
        f"{name}:44: Organizații / Organisations: rândul 2: 'asociatie de tineret' nu este un tip "
        "de organizație din listă; ați vrut să scrieți 'social-enterprise', "
        "'research-institute'?",
        f"{name}:64: Cifre-cheie / Key figures: rândul 1: numărul de părți ale rândului este 1; "
        "scrieți număr; tipul cifrei; țintă sau rezultat, despărțite prin ';'",
        f"{name}:66: Cifre-cheie / Key figures: rândul 3: 'locuri de munca' nu este un tip de "
        "cifră din listă; ați vrut să scrieți 'jobs-created'?",
        f"{name}:86: Obiective / Objectives: câmpul este obligatoriu; completați-l",
        f"{name}:102: Persoane de contact / Contacts: rândul 1: lipsește ziua în care persoana "
        "și-a dat acordul (AAAA-LL-ZZ); fără ea, persoana de contact nu se publică",
        f"{name}:102: Persoane de contact / Contacts: rândul 1: confirmarea că persoanele de "
        "contact și-au dat acordul nu este bifată; bifați-o sau ștergeți persoanele de contact",
        "Am scris: practices/tineri-timisoara/practice.yml, practices/tineri-timisoara/ro.md.",
        "erori: 6, avertismente: 0",
    ]
    folder = root / "practices/tineri-timisoara"  # 'Tineri Timișoara' as a short name
    facts = yaml.safe_load((folder / "practice.yml").read_text(encoding="utf-8"))
    # What was understood is kept, the rest written as given: nothing the partner wrote is lost.
    assert facts["organisations"][0] == {
        "name": "Asociatia Tinerilor Activi",  # commas instead of ';'
        "type": "ngo",
        "roles": ["lead", "partner"],  # 'lider si partener'
    }
    assert facts["organisations"][1]["type"] == "asociatie de tineret"
    assert facts["period"] == {"start": "2014-09", "end": "2015-08"}  # month names
    assert {"kind": "people-trained", "value": 1200, "basis": "achieved"} in facts["figures"]
    # Cedilla letters of the form become comma-below (check requires them).
    assert "Timișoara" in (folder / "ro.md").read_text(encoding="utf-8")


def test_messages_follow_lang_and_the_english_proposer(root: Path) -> None:
    code, lines = _intake(root, "proposal-mistakes-ro.md", "--lang", "en")
    assert code == 1
    assert (
        lines[3]
        == "proposal-mistakes-ro.md:86: Obiective / Objectives: this field is required; fill it in"
    )
    code, lines = _intake(root, "proposal-en.md")
    assert code == 0, lines
    assert lines[-1] == "All content is valid."
    facts = yaml.safe_load(
        (
            root / "practices/community-kitchen-run-by-a-social-enterprise-in-iasi/practice.yml"
        ).read_text(encoding="utf-8")
    )
    assert facts["languages"] == ["en"]
    assert facts["contacts"] == [
        {
            "name": "Andrei Ionescu",
            "role": "manager",
            "phone": "+40 232 123 456",
            "consent": {
                "given": True,
                "date": "2026-10-05",
                "source": "signed form kept by the enterprise",
            },
        }
    ]


def test_a_proposal_never_overwrites_a_case_study(root: Path) -> None:
    assert _intake(root, "proposal-ro.md")[0] == 0
    before = _files(root)
    code, lines = _intake(root, "proposal-ro.md")
    assert code == 1
    assert lines[0] == (
        "proposal-ro.md:1: (formular): practices/atelier-de-croitorie-sociala-in-calarasi/ există "
        "deja, așa că nu s-a scris nimic; alegeți alt nume scurt sau folosiți formularul "
        "„Actualizare / Update” pentru a schimba acel studiu de caz"
    )
    assert lines[1] == "Nu s-a scris nimic."
    assert _files(root) == before


def test_a_short_name_cannot_lead_outside_practices(root: Path, tmp_path: Path) -> None:
    body = (ISSUES / "proposal-ro.md").read_text(encoding="utf-8")
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        body.replace(
            "### Nume scurt pentru adresa web / Short name for the web address\n\n_No response_",
            "### Nume scurt pentru adresa web / Short name for the web address\n\n../../../etc/x",
        ),
        encoding="utf-8",
    )
    before = _files(root)
    result = run_cli("intake", "--root", str(root), "--body", str(hostile), "--today", TODAY)
    assert result.exit_code == 0, result.output
    added = {path for path in _files(root) if path not in before}
    assert added == {"practices/etc-x/practice.yml", "practices/etc-x/ro.md"}


def test_a_text_that_is_not_from_a_form_is_refused(root: Path, tmp_path: Path) -> None:
    body = tmp_path / "issue.md"
    body.write_text("Bună ziua, vă trimit un studiu de caz în atașament.\n", encoding="utf-8")
    result = run_cli("intake", "--root", str(root), "--body", str(body), "--lang", "en")
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(
        "issue.md:1: (form): the text is not an issue made from the form"
    )


def test_an_update_changes_only_what_the_form_names(root: Path) -> None:
    facts = root / "practices/alpha/practice.yml"
    text = root / "practices/alpha/ro.md"
    before = {path: path.read_text(encoding="utf-8").splitlines() for path in (facts, text)}
    untouched = _files(root)
    code, lines = _intake(root, "update-ro.md")
    assert lines[-2] == "Am scris: practices/alpha/practice.yml, practices/alpha/ro.md."
    after = {path: path.read_text(encoding="utf-8").splitlines() for path in (facts, text)}
    removed = [line for line in before[facts] if line not in after[facts]]
    added = [line for line in after[facts] if line not in before[facts]]
    assert removed == ["    value: 1234"]
    assert added == [
        "    value: 1300",
        "  - kind: jobs-for-people-with-disabilities",
        "    value: 20",
        "  - title: Raport de monitorizare 2016",
        "    url: https://alfa.example.ro/monitorizare-2016.pdf",
        "    date: 2016-06",
        "updated: '2026-11-30'",
    ]
    assert [line for line in before[text] if line not in after[text]] == ["Rezultate măsurate."]
    changed = {path for path, digest in _files(root).items() if untouched.get(path) != digest}
    assert changed == {"practices/alpha/practice.yml", "practices/alpha/ro.md"}
    # The English text translated the old Romanian one: check now says it is outdated.
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0
    assert "practices/alpha/en.md:4: translation: warning: practices/alpha/ro.md changed" in (
        result.output
    )
    assert code == 0, lines


def test_the_comment_speaks_the_proposers_language(root: Path, tmp_path: Path) -> None:
    result_file = tmp_path / "result.json"
    _intake(root, "proposal-mistakes-ro.md", "--result", str(result_file))
    data = json.loads(result_file.read_text(encoding="utf-8"))
    assert data["valid"] is False and data["language"] == "ro"
    comment = run_cli(
        "comment",
        "--root",
        str(root),
        "--result",
        str(result_file),
        "--pull-request",
        "https://github.com/partner/goodpractice/pull/7",
    ).output
    assert comment.startswith("<!-- goodpractice-intake -->\n\nMulțumim!")
    assert (
        "Cererea de publicare (pull request): https://github.com/partner/goodpractice/pull/7"
        in (comment)
    )
    assert (
        "Verificarea a găsit probleme (6):\n\n```text\nOrganizații / Organisations: rândul 2:"
        in (comment)
    )
    assert "traducerea în engleză se adaugă mai târziu" in comment
    body = run_cli(
        "comment",
        "--root",
        str(root),
        "--result",
        str(result_file),
        "--pull-request-body",
        "--issue",
        "15",
    ).output
    assert body.endswith("Closes #15\n")
    assert "Studiu de caz propus prin formular în #15" in body


def test_every_line_format_of_the_forms_has_a_reader() -> None:
    """A field that states a line format (`lines`) is one intake reads line by line."""
    readers = {"period", "locality", "organisation", "figure", "source", "contact"}
    for spec in ("fields.yml", "update-fields.yml"):
        fields = yaml.safe_load((REPO / "templates/issue-form" / spec).read_text("utf-8"))
        formats = {field["lines"] for field in fields["fields"] if "lines" in field}
        assert formats <= readers, spec
