"""Translation rules of ``goodpractice check``: one broken fixture per rule, exact messages.

Missing required texts are errors (exit 1); outdated or never-stamped translations are
warnings (``warning: `` before the message, exit 0).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli
from translations_support import ALL_MINIMAL, stamp_complete

ERRORS = [
    (
        "missing-language",
        "practices/beta/en.md:1: (file): missing the en text; create practices/beta/en.md with "
        "a title, a summary and the standard sections, or add 'languages: [ro]' to "
        "practices/beta/practice.yml to publish it in Romanian only",
    ),
    (
        "translation-declared-missing",
        "practices/beta/en.md:1: (file): missing the en text; create practices/beta/en.md with "
        "a title, a summary and the standard sections; practices/beta/practice.yml lists 'en' "
        "under 'languages' (remove it there to publish in Romanian only)",
    ),
    (
        "translation-page-missing",
        "docs/about.en.md:1: (file): missing the en translation of docs/about.ro.md, or add "
        "'languages: [ro]' to the header of docs/about.ro.md to publish it in Romanian "
        "only",
    ),
    (
        "translation-languages-unknown",
        "practices/alpha/practice.yml:35: languages: 'fr' is not a language of the site; "
        "expected one of 'ro', 'en'",
    ),
    (
        "translation-page-languages",
        "docs/about.ro.md:3: languages: this is a list, not a text: write one item per line "
        "starting with '- ', or in square brackets: languages: [ro]",
    ),
    (
        "translation-record-incomplete",
        "practices/alpha/en.md:4: translation.reviewed: required field is missing",
    ),
    (
        "translation-wrong-source",
        "practices/alpha/en.md:4: translation.source: 'fr' is not the language of the original "
        "of this text (practices/alpha/ro.md); run 'goodpractice translations --stamp "
        "practices/alpha/en.md'",
    ),
    (
        "translation-both-records",
        "practices/alpha/ro.md:4: translation: every language file of this text says it is a "
        "translation; remove 'translation' from the original",
    ),
]


@pytest.mark.parametrize(("case", "expected"), ERRORS, ids=[case for case, _ in ERRORS])
def test_translation_error(project: Callable[..., Path], case: str, expected: str) -> None:
    result = run_cli("check", "--root", str(project(f"broken/{case}")))
    assert result.exit_code == 1, result.output
    assert expected in result.output.splitlines(), result.output


def test_outdated_translations_are_warnings(project: Callable[..., Path]) -> None:
    root = project("translations/outdated")
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        "practices/alpha/en.md:4: translation: warning: practices/alpha/ro.md changed since this "
        "translation was reviewed (2026-01-10); see what changed with 'goodpractice "
        "translations --diff practices/alpha/en.md', bring the text up to date, then run "
        "'goodpractice translations --stamp practices/alpha/en.md'"
    ) in lines
    assert (
        "docs/about.en.md:5: translation: warning: docs/about.ro.md changed since this "
        "translation was reviewed (2026-02-03); see what changed with 'goodpractice "
        "translations --diff docs/about.en.md', bring the text up to date, then run "
        "'goodpractice translations --stamp docs/about.en.md'"
    ) in lines
    assert "0 error(s), 2 warning(s)" in lines


def test_a_translation_never_stamped_is_a_warning(project: Callable[..., Path]) -> None:
    root = project()
    path = root / "practices/beta/en.md"
    path.write_text(
        "".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.startswith("translation:")
        ),
        encoding="utf-8",
    )
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert (
        "practices/beta/en.md:1: translation: warning: no translation record; once the text says "
        "what practices/beta/ro.md says, run 'goodpractice translations --stamp "
        "practices/beta/en.md'"
    ) in result.output.splitlines()


def test_single_language_texts_are_valid_when_declared(project: Callable[..., Path]) -> None:
    root = project("translations/missing")
    stamp_complete(root, ALL_MINIMAL)
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("All content is valid.")


def test_a_record_without_an_original_is_an_error(project: Callable[..., Path]) -> None:
    root = project("translations/missing")
    path = root / "docs/news.en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "languages: [en]\n",
            "languages: [en]\ntranslation: {source: ro, source_hash: '0123456789ab', "
            "reviewed: 2026-11-20}\n",
        ),
        encoding="utf-8",
    )
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1
    assert (
        "docs/news.en.md:4: translation: this text is a translation, but no other language "
        "file exists to be its original; remove 'translation' or add the original"
    ) in result.output.splitlines()
