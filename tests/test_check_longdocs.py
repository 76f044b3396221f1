"""One broken fixture per curriculum and guide rule of ``goodpractice check``: exact messages.

Each case overlays ``tests/fixtures/longdocs`` (a two-module curriculum and a two-chapter
guide on top of the minimal fixture) with ``tests/fixtures/broken/<case>``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli

M = "curriculum/primul/module.yml"
M2 = "curriculum/al-doilea/module.yml"
R = "curriculum/primul/ro.md"
C = "curriculum/curriculum.yml"
G = "guides/ghid/guide.yml"

CASES = [
    ("longdoc-unknown-field", f"{M}:1: durata: unknown field 'durata'; did you mean 'duration'?"),
    (
        "longdoc-unknown-method",
        f"{M}:9: session_plan[1].methods[1]: 'lecture' is not in the list of allowed values "
        "(vocabularies/training-methods.yml); choose one of the values listed there",
    ),
    (
        "longdoc-listed-part-missing",
        f"{C}:7: modules[3]: no folder curriculum/al-treilea/ for the module 'al-treilea'; "
        "did you mean 'al-doilea'?",
    ),
    (
        "longdoc-unlisted-folder",
        f"{C}:4: modules: the folder curriculum/al-doilea/ is not listed; add 'al-doilea' to "
        "modules where it belongs in the order, or remove the folder",
    ),
    (
        "longdoc-session-total",
        f"{M}:1: duration: the session plan adds up to 75 minutes but the duration is 90; "
        "make them equal",
    ),
    (
        "longdoc-unknown-practice",
        f"{M}:24: practices[2]: no case study 'betta'; did you mean 'beta'?",
    ),
    (
        "longdoc-prerequisite-later",
        f"{M}:3: prerequisites[1]: 'al-doilea' is taught after 'primul' (or is the same "
        "module); a prerequisite must come earlier in modules",
    ),
    (
        "longdoc-prerequisite-unknown",
        f"{M2}:3: prerequisites[1]: no module 'primu' in the curriculum; did you mean 'primul'?",
    ),
    ("longdoc-missing-translation", f"{M}:5: outcomes[1]: missing the 'en' text"),
    (
        "longdoc-unknown-language",
        f"{M}:21: materials[1]: 'fr' is not a language of the site; expected one of 'ro', 'en'",
    ),
    (
        "longdoc-block-type",
        f"{R}:13: blocks: unknown block type 'trainer-note'; did you mean 'trainer-notes', 'note'?",
    ),
    (
        "longdoc-block-empty",
        f"{R}:13: blocks: the 'trainer-notes' block is empty; indent its text by four spaces "
        "under this line",
    ),
    (
        "longdoc-block-malformed",
        f"{R}:13: blocks: '!!! trainer-notes Note pentru formator' is not a block opener; "
        'write !!! type "Title" (for example !!! trainer-notes "Note pentru formator")',
    ),
    ("longdoc-front-matter", f"{R}:2: summary: required field is missing"),
    ("longdoc-broken-link", f"{R}:8: links: '../../practices/gamma/ro.md' resolves to no page"),
    (
        "longdoc-missing-part-meta",
        f"{M2}:1: (file): missing; every part folder needs module.yml",
    ),
    (
        "longdoc-missing-text",
        "curriculum/al-doilea/en.md:1: (file): missing the en text; create "
        "curriculum/al-doilea/en.md with a title and a summary",
    ),
    ("longdoc-missing-doc-meta", f"{G}:1: (file): missing; the guide in guides/ghid/ needs it"),
    (
        "guide-id-mismatch",
        f"{G}:1: id: 'ghidul' differs from the folder name 'ghid'; make them equal",
    ),
    ("guide-required-field", f"{G}:1: audience: required field is missing"),
    (
        "guide-unknown-practice",
        "guides/ghid/doi/chapter.yml:1: practices[1]: no case study 'alpah'; did you mean 'alpha'?",
    ),
    (
        "guide-listed-part-missing",
        f"{G}:6: chapters[2]: no folder guides/ghid/trei/ for the chapter 'trei'",
    ),
    (
        "guide-missing-text",
        "guides/ghid/unu/ro.md:1: (file): missing the ro text; create guides/ghid/unu/ro.md "
        "with a title and a summary",
    ),
]


# Warnings: reported, but check passes.
WARNING_CASES = [
    (
        "longdoc-blocks-out-of-step",
        "curriculum/primul/en.md:5: blocks: warning: 1 trainer note/solution block(s) where "
        "ro.md has 2; keep the languages in step",
    ),
]


@pytest.mark.parametrize(("case", "expected"), WARNING_CASES, ids=[c for c, _ in WARNING_CASES])
def test_check_warns(project: Callable[..., Path], case: str, expected: str) -> None:
    result = run_cli("check", "--root", str(project("longdocs", f"broken/{case}")))
    assert result.exit_code == 0, result.output
    assert expected in result.output.splitlines(), result.output


@pytest.mark.parametrize(("case", "expected"), CASES, ids=[case for case, _ in CASES])
def test_check_reports_the_problem(project: Callable[..., Path], case: str, expected: str) -> None:
    root = project("longdocs", f"broken/{case}")
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)


def test_the_long_document_fixture_is_valid(project: Callable[..., Path]) -> None:
    result = run_cli("check", "--root", str(project("longdocs")))
    assert result.exit_code == 0, result.output


def test_every_broken_longdoc_fixture_has_a_case() -> None:
    folders = Path(__file__).parent / "fixtures" / "broken"
    names = {p.name for p in folders.iterdir() if p.name.startswith(("longdoc-", "guide-"))}
    assert names == {case for case, _ in CASES + WARNING_CASES}


@pytest.mark.parametrize(
    "name",
    [
        "curriculum.schema.json",
        "module.schema.json",
        "guide.schema.json",
        "chapter.schema.json",
        "longdoc-text.schema.json",
        "longdoc-common.schema.json",
    ],
)
def test_long_document_schemas_are_valid_json_schema(name: str) -> None:
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads((Path(__file__).parents[1] / "schema" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
