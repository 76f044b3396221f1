"""The contributor guides tell the truth: every check message they quote is one check prints
for a broken fixture, in the guide's language; every command and option they quote exists; the
words they quote from the pull request's summary and the issue's comment are the catalogue's."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
import yaml

import test_check_rules
import test_hostile_content
import test_untrusted_contributions
from conftest import FIXTURES, REPO, make_project, run_cli
from goodpractice.cli import main
from goodpractice.core.pipeline import check_project
from goodpractice.core.readers.messages import load_catalogue
from goodpractice.core.readers.project import Project

GUIDES = {"CONTRIBUTING.md": "en", "CONTRIBUTING.ro.md": "ro"}
MESSAGES = yaml.safe_load((REPO / "i18n/messages.yml").read_text("utf-8"))["messages"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every line check prints for the rules' broken fixtures, per language."""
    cases = {(f"broken/{name}",) for name, _ in test_check_rules.CASES}
    cases |= {(f"hostile/{name}",) for name, _ in test_hostile_content.CASES}
    cases |= {
        test_untrusted_contributions.overlays(name)
        for name, _ in test_untrusted_contributions.CASES
    }
    lines: dict[str, list[str]] = {"en": [], "ro": []}
    for index, overlays in enumerate(sorted(cases)):
        root = make_project(tmp_path_factory.mktemp(f"guide{index}") / "p", *overlays)
        project = Project.at(root)
        catalogue = load_catalogue(project)
        for problem in check_project(project):
            for language in lines:
                lines[language].append(catalogue.problem(problem, language))
    return lines


def _text(guide: str) -> str:
    return (REPO / guide).read_text(encoding="utf-8")


def _quoted_messages(guide: str) -> list[str]:
    found = re.findall(r"^\| `(practices/alpha/[^`]+)` \|", _text(guide), re.MULTILINE)
    # A quote may end in '...' where the guide shortens a long message.
    return [re.sub(r";? \.\.\.\)?$", "", message) for message in found]


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_quotes_messages_that_check_really_prints(
    guide: str, printed: dict[str, list[str]]
) -> None:
    quoted = _quoted_messages(guide)
    assert len(quoted) >= 15
    for message in quoted:
        assert any(line.startswith(message) for line in printed[GUIDES[guide]]), message


def test_both_guides_quote_the_same_problems() -> None:
    def where(message: str) -> str:
        return message.split(": ", 1)[0]

    assert [where(m) for m in _quoted_messages("CONTRIBUTING.md")] == [
        where(m) for m in _quoted_messages("CONTRIBUTING.ro.md")
    ]


@pytest.mark.parametrize("guide", GUIDES)
def test_the_issue_comment_quoted_is_the_one_intake_writes(guide: str, tmp_path: Path) -> None:
    language = GUIDES[guide]
    example = re.search(r"```text\n(Organizații / Organisations: [^\n]+)\n```", _text(guide))
    assert example is not None
    root = make_project(tmp_path / "p")
    (root / "templates").symlink_to(REPO / "templates")
    result = tmp_path / "result.json"
    run_cli(
        "intake",
        "--root",
        str(root),
        "--body",
        str(FIXTURES / "issues/proposal-mistakes-ro.md"),
        "--lang",
        language,
        "--result",
        str(result),
    )
    comment = run_cli("comment", "--root", str(root), "--result", str(result)).output
    assert example.group(1) in comment.splitlines()


@pytest.mark.parametrize("guide", GUIDES)
def test_words_quoted_from_the_summary_and_the_template_are_the_catalogues(guide: str) -> None:
    language, text = GUIDES[guide], " ".join(_text(guide).split())  # lines are wrapped
    title = MESSAGES["diff.summary-title"][language]
    assert f"*{title}*" in text
    left = MESSAGES["template.value-left"][language].replace("{value}", "TODO").split(";")[0]
    assert f"`{left};" in text
    assert (REPO / "templates/case-study/practice.yml").is_file()
    assert "TODO" in (REPO / "templates/case-study/practice.yml").read_text("utf-8")


def _commands(guide: str) -> list[list[str]]:
    """Every goodpractice command line of the guide: code spans and shell blocks."""
    text = _text(guide)
    snippets = re.findall(r"`([^`\n]*goodpractice [^`\n]*)`", text)
    for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
        snippets += [line.split("#")[0] for line in block.splitlines() if "goodpractice " in line]
    commands = []
    for snippet in snippets:
        words = shlex.split(snippet)
        start = next(i for i, word in enumerate(words) if word.endswith("goodpractice"))
        commands.append(words[start + 1 :])
    return commands


@pytest.mark.parametrize("guide", GUIDES)
def test_every_quoted_command_and_option_exists(guide: str) -> None:
    commands = _commands(guide)
    assert len(commands) >= 8
    assert isinstance(main, click.Group)
    for words in commands:
        command = main.commands.get(words[0])
        assert command is not None, words
        options = {opt for param in command.params for opt in param.opts}
        for word in words[1:]:
            if word.startswith("--"):
                assert word.split("=")[0] in options, (words, word)


def test_romanian_guide_uses_comma_below() -> None:
    text = (REPO / "CONTRIBUTING.ro.md").read_text(encoding="utf-8")
    cedillas = [c for c in "şţŞŢ" if c in text.replace("(ş, ţ)", "").replace("'ş' → 'ș'", "")]
    assert cedillas == []
