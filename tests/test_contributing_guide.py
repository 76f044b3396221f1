"""The contributor guides quote real check messages: each must be one the tests assert."""

from __future__ import annotations

import re

import pytest

import test_check_rules
import test_hostile_content
import test_untrusted_contributions
from conftest import REPO

KNOWN = [
    expected
    for _, expected in test_check_rules.CASES
    + test_hostile_content.CASES
    + test_untrusted_contributions.CASES
]


def _quoted_messages(name: str) -> list[str]:
    text = (REPO / name).read_text(encoding="utf-8")
    found = re.findall(r"^\| `(practices/alpha/[^`]+)` \|", text, re.MULTILINE)
    # A quote may end in '...' where the guide shortens a long message.
    return [re.sub(r";? \.\.\.\)?$", "", message) for message in found]


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.ro.md"])
def test_guide_quotes_messages_that_check_really_prints(guide: str) -> None:
    quoted = _quoted_messages(guide)
    assert len(quoted) >= 10
    for message in quoted:
        assert any(known.startswith(message) for known in KNOWN), message


def test_both_guides_quote_the_same_messages() -> None:
    assert _quoted_messages("CONTRIBUTING.md") == _quoted_messages("CONTRIBUTING.ro.md")


def test_romanian_guide_uses_comma_below() -> None:
    text = (REPO / "CONTRIBUTING.ro.md").read_text(encoding="utf-8")
    cedillas = [c for c in "şţŞŢ" if c in text.replace("(ş, ţ)", "")]
    assert cedillas == []
