"""Check speaks the partner's language: every message in i18n/messages.yml, in every language,
with the same parameters; `--lang`, the locale and `--format github` choose how it is said."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run_cli
from goodpractice.core.base.messages import Catalogue, msg, placeholders
from goodpractice.core.readers.messages import message_language
from goodpractice.core.readers.project import Project, ProjectError

CATALOGUE = yaml.safe_load((REPO / "i18n/messages.yml").read_text(encoding="utf-8"))
MESSAGES: dict[str, dict[str, str]] = CATALOGUE["messages"]
LANGUAGES = list(yaml.safe_load((REPO / "i18n/languages.yml").read_text("utf-8"))["languages"])
# Keys the code builds from data: a schema's x-form, a JSON type, a language code.
DYNAMIC = ("form.", "type.", "language-name.", "comment.done.", "pull-request.made.", "diff.")


def _keys_in_code() -> Iterator[tuple[str, str]]:
    """(file, key) of every msg("key", ...) call in the package."""
    for path in sorted((REPO / "src/goodpractice").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg"):
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield path.name, first.value
            elif isinstance(first, ast.JoinedStr):
                prefix = first.values[0]
                assert isinstance(prefix, ast.Constant) and str(prefix.value).startswith(DYNAMIC), (
                    f"{path.name}: a key built from data needs its prefix in DYNAMIC"
                )


def _schema_forms() -> set[str]:
    forms: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "x-form" in node:
                forms.add(node["x-form"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in (REPO / "schema").glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return forms


def test_every_key_of_the_code_is_in_the_catalogue() -> None:
    used = list(_keys_in_code())
    assert len(used) > 80
    missing = sorted({f"{name}: {key}" for name, key in used if key not in MESSAGES})
    assert missing == []


def test_every_key_built_from_data_is_in_the_catalogue() -> None:
    expected = {f"form.{form}" for form in _schema_forms()}
    expected |= {f"type.{name}" for name in ("object", "array", "string", "integer")}
    expected |= {f"language-name.{code}" for code in LANGUAGES}
    expected |= {
        f"{key}.{kind}"
        for key in ("comment.done", "pull-request.made")
        for kind in ("propose", "update")
    }
    states = ("changed", "added", "removed", "up-to-date", "no-record", "not-found")
    expected |= {f"diff.{state}" for state in states}
    assert expected - set(MESSAGES) == set()


def _strings_in_code() -> set[str]:
    """Every string constant of the package (keys also sit in tables and default values)."""
    found: set[str] = set()
    for path in (REPO / "src/goodpractice").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_no_message_is_left_unused() -> None:
    used = _strings_in_code()
    unused = [key for key in MESSAGES if key not in used and not key.startswith(DYNAMIC)]
    assert unused == []


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_every_language_with_the_same_parameters(key: str) -> None:
    texts = MESSAGES[key]
    assert sorted(texts) == sorted(LANGUAGES), key
    names = {language: placeholders(text) for language, text in texts.items()}
    assert len({frozenset(found) for found in names.values()}) == 1, names


def test_messages_use_a_project_managers_words() -> None:
    """Folder and file names (vocabularies/themes.yml) are what people see; the words are not."""
    jargon = {
        "en": ("vocabulary", "front matter", "yaml", "schema "),
        "ro": ("vocabular", "front matter", "yaml", "schema "),
    }
    for key, texts in MESSAGES.items():
        for language, words in jargon.items():
            prose = re.sub(r"\S*[/.']\S*", "", texts[language].lower())
            found = [word for word in words if word in prose]
            assert not found, (key, language, found)


def test_romanian_messages_use_comma_below() -> None:
    for key, texts in {**MESSAGES, **CATALOGUE["fields"]}.items():
        assert not set(texts["ro"]) & set("şţŞŢ"), key


def test_a_parameter_is_filled_in_once_and_never_expanded_again() -> None:
    catalogue = Catalogue({"links.nowhere": {"en": "'{target}' leads nowhere"}})
    assert (
        catalogue.text(msg("links.nowhere", target="{target}"), "en") == "'{target}' leads nowhere"
    )
    assert catalogue.text(msg("no.such.key", a="b"), "en") == "[no.such.key] a=b"


def test_numbers_are_written_the_way_each_language_writes_them() -> None:
    catalogue = Catalogue(
        {"file.too-large": {"en": "{size} bytes", "ro": "{size} octeți"}},
        locales={"ro": "ro", "en": "en_GB"},
    )
    message = msg("file.too-large", size=1234567)
    assert catalogue.text(message, "en") == "1,234,567 bytes"
    assert catalogue.text(message, "ro") == "1.234.567 octeți"


# -- The language of messages ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "ro"),  # the site's first language
        ({"LANG": "C.UTF-8"}, "ro"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "ro_RO.UTF-8"}, "ro"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "ro_RO.UTF-8"}, "en"),
        ({"LANGUAGE": "en:ro", "LANG": "ro_RO.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "ro"),
        ({"GOODPRACTICE_LANG": "en", "LANG": "ro_RO.UTF-8"}, "en"),
    ],
)
def test_the_default_language_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    assert message_language(Project.at(REPO), None, environ) == expected


def test_lang_wins_and_an_unknown_language_is_refused() -> None:
    project = Project.at(REPO)
    assert message_language(project, "en", {"GOODPRACTICE_LANG": "ro"}) == "en"
    with pytest.raises(ProjectError, match="'fr' is not a language of the site"):
        message_language(project, "fr", {})


def test_check_speaks_romanian(project: Callable[..., Path]) -> None:
    result = run_cli("check", "--root", str(project("broken/unknown-term")), "--lang", "ro")
    assert result.exit_code == 1
    assert (
        "practices/alpha/practice.yml:21: themes[1]: 'social-econmy' nu este în lista de valori "
        "permise (vocabularies/themes.yml); ați vrut să scrieți 'social-economy', "
        "'social-entrepreneurship'?"
    ) in result.output.splitlines()
    assert "erori: 1, avertismente: 0" in result.output


def test_check_speaks_romanian_by_default_on_a_romanian_machine(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GOODPRACTICE_LANG")
    monkeypatch.setenv("LANG", "ro_RO.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    result = run_cli("check", "--root", str(project("broken/yaml-syntax")))
    assert "(fișier): lista deschisă cu '[' pe acest rând nu este închisă" in result.output


def test_field_words_are_translated_and_file_fields_are_not(project: Callable[..., Path]) -> None:
    result = run_cli("check", "--root", str(project("broken/cedilla")), "--lang", "ro")
    assert (
        "practices/alpha/ro.md:8: ortografie: litere cu sedilă în text românesc; înlocuiți "
        "'ş' → 'ș' (virgulă dedesubt)"
    ) in result.output.splitlines()


def test_a_broken_header_in_ro_md_gives_no_advice_about_en_md(
    project: Callable[..., Path],
) -> None:
    """en.md is a correct translation; without ro.md's text check cannot judge it (before, it
    told the partner to remove 'translation' from en.md, which was wrong)."""
    result = run_cli("check", "--root", str(project("broken/header-unquoted-colon")))
    problems = [line for line in result.output.splitlines() if line.startswith("practices/")]
    assert len(problems) == 1 and problems[0].startswith("practices/alpha/ro.md:3: (header):")


# -- GitHub annotations and the job summary ---------------------------------------------------


def test_github_format_annotates_the_line_in_both_languages(
    project: Callable[..., Path], tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    root = project("broken/unknown-term")
    result = run_cli(
        "check",
        "--root",
        str(root),
        "--format",
        "github",
        "--lang",
        "ro",
        "--summary",
        str(summary),
    )
    assert result.exit_code == 1
    annotation = next(line for line in result.output.splitlines() if line.startswith("::"))
    assert annotation == (
        "::error file=practices/alpha/practice.yml,line=21,title=themes[1]::'social-econmy' nu "
        "este în lista de valori permise (vocabularies/themes.yml); ați vrut să scrieți "
        "'social-economy', 'social-entrepreneurship'?%0A'social-econmy' is not in the list of "
        "allowed values (vocabularies/themes.yml); did you mean 'social-economy', "
        "'social-entrepreneurship'?"
    )
    text = summary.read_text(encoding="utf-8")
    assert "### Verificarea conținutului (ro)" in text and "### Content check (en)" in text
    assert "erori: 1, avertismente: 0" in text and "1 error(s), 0 warning(s)" in text


def test_an_annotation_cannot_be_ended_or_forged_by_the_content() -> None:
    from goodpractice.authoring.check_report import github_annotations, job_summary
    from goodpractice.core.base.problems import Problem

    catalogue = Catalogue({"links.nowhere": {"en": "'{target}' resolves to no page or file"}})
    hostile = "x%0A::error file=x::forged\n::warning::y,z:w"
    problem = Problem("practices/a,b:c/ro.md", 3, "links", msg("links.nowhere", target=hostile))
    (line,) = github_annotations([problem], catalogue, ["en"])
    # One command on one line: what follows the second '::' is all message text, and a '%0A'
    # written by the contributor stays those three characters instead of becoming a newline.
    assert "\n" not in line
    assert line.startswith("::error file=practices/a%2Cb%3Ac/ro.md,line=3,title=links::'x%250A")
    assert "forged%0A::warning" in line
    summary = job_summary([problem], catalogue, ["en"])
    assert "```text\n" in summary  # shown as written, never read as Markdown
