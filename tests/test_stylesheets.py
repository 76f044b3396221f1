"""Our stylesheets are well formed: one missing brace puts every later rule inside another."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STYLESHEETS = sorted((Path(__file__).resolve().parents[1] / "overrides").rglob("*.css"))


def _nesting(css: str) -> list[int]:
    """The brace depth after each line, comments and strings removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\"[^\"\n]*\"|'[^'\n]*'", '""', css)
    depth, depths = 0, []
    for line in css.splitlines():
        depth += line.count("{") - line.count("}")
        depths.append(depth)
    return depths


@pytest.mark.parametrize("path", STYLESHEETS, ids=[p.name for p in STYLESHEETS])
def test_braces_balance_and_rules_nest_only_in_at_rules(path: Path) -> None:
    css = path.read_text(encoding="utf-8")
    depths = _nesting(css)
    assert min(depths, default=0) >= 0, "a closing brace without an opening one"
    assert depths[-1] == 0, "a rule is never closed"
    # A selector opening inside another rule (not an @media or @supports block) means a rule
    # lost its closing brace.
    inside_rule = False
    for line in re.sub(r"/\*.*?\*/", "", css, flags=re.S).splitlines():
        opens = line.rstrip().endswith("{")
        if opens and inside_rule and not line.lstrip().startswith("@"):
            raise AssertionError(f"{path.name}: a rule opens inside another: {line.strip()}")
        if opens:
            inside_rule = not line.lstrip().startswith("@")
        elif "}" in line:
            inside_rule = False


def test_the_stylesheets_are_found() -> None:
    assert {p.name for p in STYLESHEETS} >= {"goodpractice.css", "longdocs.css"}
