"""One broken fixture per rule of ``goodpractice check``: exact path, line, field and message."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli

Y = "practices/alpha/practice.yml"
R = "practices/alpha/ro.md"

CASES = [
    (
        "yaml-syntax",
        f"{Y}:21: (file): the list opened with '[' on this line is not closed by ']' on the same "
        "line, or one of its items needs quotes (it holds ':' or ','); you can also write one "
        "item per line, starting with '- '",
    ),
    (
        "duplicate-key",
        f"{Y}:34: (file): the field 'status' appears twice (first on line 2); keep one",
    ),
    ("required-field", f"{Y}:1: status: required field is missing"),
    (
        "wrong-type",
        f"{Y}:21: themes: this is a list, not a text: write one item per line starting with "
        "'- ', or in square brackets: themes: [social-economy]",
    ),
    (
        "unknown-term",
        f"{Y}:21: themes[1]: 'social-econmy' is not in the list of allowed values "
        "(vocabularies/themes.yml); did you mean 'social-economy', 'social-entrepreneurship'?",
    ),
    ("unknown-field", f"{Y}:34: license: unknown field 'license'; did you mean 'licence'"),
    (
        "date-format",
        f"{Y}:34: added: '01.11.2026' has the wrong form; expected a day written YYYY-MM-DD "
        "(for example 2026-11-01)",
    ),
    (
        "end-before-start",
        f"{Y}:5: period.end: the period ends (2013-08) before it starts (2014-09)",
    ),
    (
        "folder-id-mismatch",
        f"{Y}:1: id: 'alfa' differs from the folder name 'alpha'; rename the folder or change "
        "the id so they are equal",
    ),
    (
        "duplicate-id",
        "practices/alpha-copy/practice.yml:1: id: 'alpha' is already the id of "
        "practices/alpha/practice.yml; ids must be unique",
    ),
    (
        "missing-language",
        "practices/beta/en.md:1: (file): missing the en text; create practices/beta/en.md with "
        "a title, a summary and the standard sections",
    ),
    (
        "missing-section",
        f"{R}:14: sections: missing the section '## Rezultate' (sections, in order: Context, "
        "Obiective, Activități, Rezultate, Lecții și transferabilitate; optional: Dificultăți)",
    ),
    (
        "results-of-targets",
        f"{R}:18: sections: every key figure in practice.yml is a target: title this section "
        "'## Ținte', not '## Rezultate'",
    ),
    (
        "vocabulary-aliases",
        "vocabularies/organisation-types.yml:10: terms.ngo.aliases.ro: expected a list of "
        "words, e.g. 'aliases: {ro: [ONG]}'",
    ),
    (
        "vocabulary-aliases",
        "vocabularies/organisation-types.yml:10: terms.ngo.aliases.fr: 'fr' is not a language "
        "of the site; expected one of 'ro', 'en'",
    ),
    ("broken-link", f"{R}:16: links: '../gamma/ro.md' resolves to no page or file"),
    (
        "image-without-alt",
        f"{R}:22: images: image 'photo.png' has no alt text; describe what it shows: "
        "![description](photo.png)",
    ),
    (
        "priority-axis",
        f"{Y}:20: funding.priority_axis: programme 'posdru-2007-2013' has no priority axis '9'",
    ),
    (
        "county-region",
        f"{Y}:9: location.regions: county 'ilfov' lies in region 'bucuresti-ilfov', which is not "
        "listed in location.regions; add it",
    ),
    (
        "figure-part-exceeds-whole",
        f"{Y}:28: figures[2].value: 'jobs-for-vulnerable' (5,000) is part of 'jobs-created' and "
        "cannot exceed it (1,234)",
    ),
    ("front-matter-missing", f"{R}:2: summary: required field is missing"),
    (
        "yaml-alias",
        f"{Y}:22: (file): references (*name) are not allowed in content files; write the value out",
    ),
    ("not-utf8", f"{R}:2: (file): not UTF-8 text; save the file as UTF-8"),
    (
        "cedilla",
        f"{R}:8: spelling: cedilla letters in Romanian text; replace 'ş' → 'ș' (comma below)",
    ),
    ("docs-broken-link", "docs/about.ro.md:7: links: 'guide.md' resolves to no page or file"),
    # Evidence and transfer (issue 13).
    (
        "evidence-targets-with-results",
        f"{Y}:36: evidence.level: 'targets-stated' says the sources give only targets, but "
        "figures[1] ('jobs-created') is a reported result (basis: achieved); make it a target "
        "or choose 'results-reported' or 'results-evaluated'",
    ),
    (
        "evidence-results-without-results",
        f"{Y}:36: evidence.level: 'results-reported' says the sources report results, but every "
        "key figure is a target; choose 'targets-stated' or mark the results reported "
        "(basis: achieved)",
    ),
    (
        "evidence-evaluation-missing",
        f"{Y}:36: evidence.evaluation: 'results-evaluated' needs the independent evaluation among "
        "the sources: add 'evaluation:' with its number in sources (1 for the first)",
    ),
    (
        "evidence-evaluation-unexpected",
        f"{Y}:37: evidence.evaluation: only results evaluated independently name an evaluation, "
        "and 'results-reported' is not such a level; remove 'evaluation:' or change the level",
    ),
    (
        "figure-source-unknown",
        f"{Y}:27: figures[1].source: there is no source 3: sources lists 1 (numbered from 1)",
    ),
    (
        "reviewer-unnamed",
        f"{Y}:38: evidence.validation.organisation: a review by 'partner' names who reviewed: "
        "add 'organisation:' with the partner's name",
    ),
    (
        "eu-contribution-exceeds-budget",
        f"{Y}:43: resources.eu_contribution: the EU contribution (3,000,000) is larger than the "
        "total budget (2,500,000); it is a part of the budget",
    ),
    (
        "vocabulary-term-text",
        "vocabularies/evidence-levels.yml:13: terms.targets-stated.description.en: missing the "
        "'en' text of 'description'; every language of the site needs it",
    ),
    (
        "fit-criteria-unknown-fact",
        "vocabularies/fit-criteria.yml:17: terms.need.facts: 'budget' is not a fact the checklist "
        "can show; use one of: themes, target_groups, organisations, resources, funding, "
        "location, public_partners",
    ),
    (
        "optional-section-out-of-order",
        f"{R}:22: sections: the section '## Lecții și transferabilitate' is out of order: it comes "
        "before '## Dificultăți' (sections, in order: Context, Obiective, Activități, Rezultate, "
        "Lecții și transferabilitate; optional: Dificultăți)",
    ),
    (
        "cedilla-in-values",
        f"{Y}:14: organisations[1].name: cedilla letters; Romanian words and names are written "
        "with the comma below: replace 'ţ' → 'ț'",
    ),
    (
        "cedilla-in-english",
        "practices/alpha/en.md:9: spelling: cedilla letters; Romanian words and names are "
        "written with the comma below: replace 'ş' → 'ș'",
    ),
    ("contact-role-language", f"{Y}:37: contacts[1].role: missing the 'en' text"),
    (
        "contact-role-language",
        f"{Y}:37: contacts[1].role: 'fr' is not a language of the site; expected one of 'ro', 'en'",
    ),
    # The YAML mistakes partners make, in plain words (the parser's own text says nothing to
    # them: "mapping values are not allowed here").
    (
        "yaml-unquoted-colon",
        f"{Y}:31: (file): the value of 'title' holds another colon followed by a space, so it "
        "looks like the start of a new field; put the whole value in double quotes: "
        '- title: "Raport final: Atelierul Alfa 2015"',
    ),
    (
        "yaml-tab",
        f"{Y}:5: (file): the line holds a tab character; indent with spaces only (some editors "
        "insert a tab when you press the Tab key)",
    ),
    (
        "yaml-indentation",
        f"{Y}:15: (file): the line does not line up with the lines around it: fields that "
        "belong together start in the same column (count the spaces at the start of the line), "
        "and the items of a list ('- ') sit under their field, indented by the same number of "
        "spaces",
    ),
    (
        "yaml-unclosed-quote",
        f"{Y}:31: (file): the quotation mark opened on this line is never closed; end the value "
        "with the same mark (\" or ')",
    ),
    (
        "yaml-quotes-inside",
        f"{Y}:32: (file): text follows the closing quotation mark; to have quotation marks "
        "inside a value, put the whole value in single quotes ('Asociația \"Alfa\"') or use „ ” "
        "inside it",
    ),
    (
        "list-as-text",
        f"{Y}:22: target_groups: this is a list, not a text: write one item per line starting "
        "with '- ', or in square brackets: target_groups: [vulnerable-groups, young-people]",
    ),
    (
        "header-unquoted-colon",
        f"{R}:3: (header): the value of 'summary' holds another colon followed by a space, so it "
        "looks like the start of a new field; put the whole value in double quotes: "
        'summary: "Atelierul Alfa: locuri de muncă pentru persoane din grupuri vulnerabile în '
        'Iași."',
    ),
]


def _digest(root: Path) -> str:
    """A hash of every file under root, to prove check changes nothing."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize(
    ("case", "expected"), CASES, ids=[f"{case}-{n}" for n, (case, _) in enumerate(CASES)]
)
def test_check_reports_the_problem(project: Callable[..., Path], case: str, expected: str) -> None:
    root = project(f"broken/{case}")
    before = _digest(root)
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)
    assert _digest(root) == before, "check must never modify a file"


def test_check_passes_on_the_minimal_fixture(project: Callable[..., Path]) -> None:
    result = run_cli("check", "--root", str(project()))
    assert result.exit_code == 0, result.output


def test_stale_vocabulary_schema_is_reported(project: Callable[..., Path]) -> None:
    root = project()
    with (root / "vocabularies" / "themes.yml").open("a", encoding="utf-8") as handle:
        handle.write("  new-theme:\n    ro: Temă nouă\n    en: New theme\n")
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1
    assert (
        "schema/vocabularies.schema.json:1: (file): out of date with vocabularies/; "
        "run 'goodpractice schema' and commit the result"
    ) in result.output
    assert run_cli("schema", "--root", str(root)).exit_code == 0
    assert run_cli("check", "--root", str(root)).exit_code == 0


def test_vocabulary_term_without_a_label_is_reported(project: Callable[..., Path]) -> None:
    root = project()
    with (root / "vocabularies" / "themes.yml").open("a", encoding="utf-8") as handle:
        handle.write("  half-done:\n    ro: Doar română\n")
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1
    assert "terms.half-done.en: missing the 'en' label" in result.output


def test_cedilla_in_a_vocabulary_label_is_reported(project: Callable[..., Path]) -> None:
    root = project()
    path = root / "vocabularies" / "themes.yml"
    path.write_text(path.read_text().replace("Economie socială", "Economie socială Iaşi"))
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1
    assert "vocabularies/themes.yml:7: spelling: cedilla letters in Romanian text" in result.output


def test_build_fails_on_the_same_errors(project: Callable[..., Path]) -> None:
    root = project("broken/unknown-term")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert "'social-econmy' is not in the list of allowed values" in result.output
    assert not (root / "site").exists()


def test_a_targets_section_where_results_are_reported_is_reported(
    project: Callable[..., Path],
) -> None:
    root = project()
    text = root / R
    text.write_text(text.read_text(encoding="utf-8").replace("## Rezultate", "## Ținte"))
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1
    assert (
        f"{R}:18: sections: practice.yml reports results: title this section '## Rezultate', "
        "not '## Ținte'"
    ) in result.output


def test_fit_criteria_naming_a_missing_guide_chapter_is_a_warning(
    project: Callable[..., Path],
) -> None:
    """Without the chapter the checklist still works, without the guide's link: said, not hidden."""
    root = project("longdocs", "broken/fit-criteria-guide-chapter")
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert (
        "vocabularies/fit-criteria.yml:9: guide.chapter: warning: the guide 'ghid' has no chapter "
        "'evaluarea-potrivirei'; the self-assessment on case pages will not link the guide"
    ) in result.output


def test_a_figure_without_its_source_among_several_is_a_warning(
    project: Callable[..., Path],
) -> None:
    result = run_cli("check", "--root", str(project("broken/figure-source-missing")))
    assert result.exit_code == 0, result.output
    assert (
        f"{Y}:27: figures[2].source: warning: the case study has 2 sources: say which one gives "
        "this figure (source: 1 for the first, up to 2)"
    ) in result.output
